"""The one place that decides where gpp-tui keeps files (tests patch this seam)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from platformdirs import user_cache_path, user_data_path

APP_NAME = "gpp-tui"
DATA_DIR_ENV = "GPP_TUI_DATA_DIR"
CACHE_DIR_ENV = "GPP_TUI_CACHE_DIR"
STATE_FILES = ("annotations.toml", "state.toml", "key.age", "drafts")
"""What a data folder that has been used holds (any one of them is enough)."""


def data_dir(override: Path | str | None = None) -> Path:
    """The user data folder: --data-dir, else $GPP_TUI_DATA_DIR, else the platform's."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """The folder for caches that can be rebuilt at any time ($GPP_TUI_CACHE_DIR overrides)."""
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return user_cache_path(APP_NAME, appauthor=False)


def ensure_private_dir(path: Path) -> Path:
    """Create the folder (and parents) if needed, readable only by the user.

    A folder that already exists keeps its mode: a user who made it read-only
    (or shares it) decided so, and a write must fail rather than undo that.
    """
    try:
        path.mkdir(parents=True, mode=0o700)
    except FileExistsError:
        if not path.is_dir():
            raise
        return path
    # mkdir's mode is masked by the umask; the folder is new, so make it private.
    with contextlib.suppress(OSError):
        path.chmod(0o700)
    return path


def is_first_start(folder: Path) -> bool:
    """True when the data folder has never been used: no notes, no position, no key.

    The app and the plain mode welcome the user then (ask it before the store writes).
    """
    return not any((folder / name).exists() for name in STATE_FILES)


def shown_path(folder: Path) -> str:
    """A folder as the user would type it: ~ for their home."""
    try:
        return str(Path("~") / folder.relative_to(Path.home()))
    except ValueError:
        return str(folder)
