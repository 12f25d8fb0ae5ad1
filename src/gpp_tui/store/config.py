"""The user's settings file (TOML in the user config folder), read without surprises.

A bad setting never stops the app: it is reported in one line naming the file
and the key, and the default is used instead.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_config_path

from gpp_tui.filereader import (
    ParseError,
    TooLargeError,
    UnreadableError,
    decode_text,
    loads_toml,
    read_bytes,
)
from gpp_tui.i18n import _, ngettext

CONFIG_ENV = "GPP_TUI_CONFIG"
CONFIG_FILE = "config.toml"
MAX_CONFIG_BYTES = 1_000_000
MAX_KEYS = 200
"""More [keys] entries than any keymap needs are not read (each could cost a message)."""
MAX_UNKNOWN = 5
MAX_LOCK_MINUTES = 10_080
"""A week: more is surely a typo, and a huge number would overflow the timer."""

EXAMPLE = """\
# gpp-tui settings. Every key is optional.
author = ""              # your name, stored with each note you write
theme = ""               # a Textual theme, e.g. "textual-light", "ansi-dark"
ascii = false            # true: ASCII symbols only (for consoles whose font lacks some)
lock_after_minutes = 0   # lock the screen after this many idle minutes (0: never)
language = ""            # "fr" for French; default: from LC_ALL, LC_MESSAGES or LANG
plain = false            # true: start the line-by-line mode for screen readers (gpp --plain)

[keys]                   # remap keys by binding id (see the help screen, ?)
# "notes.bookmark" = "ctrl+b"
"""


@dataclass(frozen=True)
class Config:
    """Settings, with defaults for anything missing or wrong."""

    author: str = ""
    theme: str = ""
    ascii: bool | None = None
    keys: dict[str, str] = field(default_factory=dict)
    lock_after_minutes: float = 0
    language: str = ""
    plain: bool | None = None
    """True: start the line-by-line mode (screen readers); None: not set."""


def config_path() -> Path:
    """Where the settings file is: $GPP_TUI_CONFIG, else the user config folder."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    return user_config_path("gpp-tui", appauthor=False) / CONFIG_FILE


def load_config(path: Path | None = None) -> tuple[Config, list[str]]:
    """The settings and one line per problem found (a missing file is no problem)."""
    path = path or config_path()
    try:
        source = decode_text(read_bytes(path, limit=MAX_CONFIG_BYTES))
    except FileNotFoundError:
        return Config(), []
    except TooLargeError:
        return Config(), [
            _("{path}: file is too large for a settings file; using defaults").format(path=path)
        ]
    except OSError as error:
        return Config(), [
            _("{path}: cannot be read ({reason}); using defaults").format(
                path=path, reason=error.strerror or error
            )
        ]
    except UnreadableError as error:
        return Config(), [
            _("{path}: cannot be read: {error}; using defaults").format(path=path, error=error)
        ]
    try:
        raw = loads_toml(source)
    except ParseError as error:
        return Config(), [
            _("{path}: invalid TOML: {error}; using defaults").format(path=path, error=error)
        ]
    problems: list[str] = []

    def text(key: str) -> str:
        value = raw.get(key, "")
        if isinstance(value, str):
            return value.strip()
        problems.append(_("{path}: {key} must be text; ignored").format(path=path, key=key))
        return ""

    ascii_only = raw.get("ascii")
    if ascii_only is not None and not isinstance(ascii_only, bool):
        problems.append(_("{path}: ascii must be true or false; ignored").format(path=path))
        ascii_only = None
    plain = raw.get("plain")
    if plain is not None and not isinstance(plain, bool):
        problems.append(_("{path}: plain must be true or false; ignored").format(path=path))
        plain = None
    keys: dict[str, str] = {}
    raw_keys = raw.get("keys", {})
    if isinstance(raw_keys, dict):
        if len(raw_keys) > MAX_KEYS:
            problems.append(
                _("{path}: [keys] has {count} entries; only the first {limit} are used").format(
                    path=path, count=len(raw_keys), limit=MAX_KEYS
                )
            )
        for binding_id, key in list(raw_keys.items())[:MAX_KEYS]:
            if isinstance(key, str) and key.strip():
                keys[binding_id] = key.strip()
            else:
                problems.append(
                    _("{path}: keys.{binding_id} must be a key such as 'ctrl+b'").format(
                        path=path, binding_id=binding_id
                    )
                )
    else:
        problems.append(_("{path}: [keys] must be a table; ignored").format(path=path))
    lock_after = raw.get("lock_after_minutes", 0)
    if (
        isinstance(lock_after, bool)
        or not isinstance(lock_after, int | float)
        or not 0 <= lock_after <= MAX_LOCK_MINUTES  # also false for nan
    ):
        problems.append(
            _(
                "{path}: lock_after_minutes must be a number of minutes from 0 (never) "
                "to {limit}; ignored"
            ).format(path=path, limit=MAX_LOCK_MINUTES)
        )
        lock_after = 0
    known = {"author", "theme", "ascii", "keys", "lock_after_minutes", "language", "plain"}
    unknown = [key for key in raw if key not in known]
    problems += [
        _("{path}: unknown setting {key!r}; ignored").format(path=path, key=key)
        for key in unknown[:MAX_UNKNOWN]
    ]
    if len(unknown) > MAX_UNKNOWN:
        more = len(unknown) - MAX_UNKNOWN
        problems.append(
            ngettext(
                "{path}: {count} more unknown setting ignored",
                "{path}: {count} more unknown settings ignored",
                more,
            ).format(path=path, count=more)
        )
    config = Config(
        author=text("author"),
        theme=text("theme"),
        ascii=ascii_only,
        keys=keys,
        lock_after_minutes=lock_after,
        language=text("language"),
        plain=plain,
    )
    return config, problems


def set_author(name: str, path: Path | None = None) -> Path:
    """Write `author = NAME` into the settings file, keeping everything else as it was.

    A file with an author already has that line replaced; otherwise the line is put
    first (top-level keys must come before any table). OSError when it cannot be written.
    """
    from gpp_tui.store.atomic import atomic_write_bytes
    from gpp_tui.store.tomltext import format_pairs

    path = path or config_path()
    line = format_pairs({"author": name})
    try:
        text = decode_text(read_bytes(path, limit=MAX_CONFIG_BYTES))
    except FileNotFoundError:
        text = ""
    except UnreadableError as error:  # a pipe, a device, too big, not UTF-8: never rewritten
        raise OSError(errno.EINVAL, f"{error}; not changed", str(path)) from error
    lines = text.splitlines(keepends=True)
    replaced = False
    for index, existing in enumerate(lines):
        if existing.lstrip().startswith("["):
            break
        if existing.split("=", 1)[0].strip() == "author":
            lines[index] = line
            replaced = True
            break
    if not replaced:
        lines.insert(0, line)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, "".join(lines).encode("utf-8"))
    return path


def keep_author(name: str) -> str:
    """`set_author` for the app and the plain mode: "" once kept, else the one line why not."""
    try:
        set_author(name)
    except OSError as error:
        return _("Your name is not kept for next time: {path} cannot be written ({error})").format(
            path=config_path(), error=error.strerror or error
        )
    return ""
