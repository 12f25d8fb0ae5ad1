"""The one guarded way to read a TOML or JSON file: regular files only, capped, one-line errors.

Every file gpp-tui opens may come from elsewhere (a colleague's export, a pack,
a shared team folder) or be damaged. Reading never blocks on a named pipe or a
device, never takes more than a size cap into memory, and every way parsing can
fail (bad UTF-8, bad syntax, an integer over Python's 4,300-digit limit, nesting
deep enough to exhaust the recursion limit) is one `UnreadableError` whose text
is one line a person can act on; the caller decides what "unreadable" means for
its file (moved aside, refused, defaults used).
"""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path
from typing import Any

from gpp_tui.i18n import N_, _

_KINDS = (
    (stat.S_ISDIR, N_("a folder")),
    (stat.S_ISFIFO, N_("a named pipe")),
    (stat.S_ISCHR, N_("a device")),
    (stat.S_ISBLK, N_("a device")),
    (stat.S_ISSOCK, N_("a socket")),
)
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


class UnreadableError(Exception):
    """A file that was not read or does not parse; str() is one line, "it is …" or "it is not …"."""


class NotRegularFileError(UnreadableError):
    """A folder, named pipe, device or socket where a file was expected (it was not opened)."""

    def __init__(self, kind: str) -> None:
        super().__init__(_("it is {kind}, not a regular file").format(kind=_(kind)))
        self.kind = kind


class TooLargeError(UnreadableError):
    """A file over the caller's size cap (it was not read)."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            _("it is {size}; at most {limit} is read").format(size=_mb(size), limit=_mb(limit))
        )
        self.size = size
        self.limit = limit


class ParseError(UnreadableError):
    """The bytes are not valid UTF-8, TOML or JSON, or hold values Python cannot build."""


def read_bytes(path: Path, *, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Raises NotRegularFileError or TooLargeError (nothing read), or OSError
    (FileNotFoundError, PermissionError, …) as the system reports it. The file
    is opened non-blocking, so a named pipe swapped in after the check returns
    at once instead of waiting for a writer.
    """
    _check_kind(os.stat(path).st_mode)
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        _check_kind(info.st_mode)
        if info.st_size > limit:
            raise TooLargeError(info.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(fd)
    if total > limit:
        raise TooLargeError(total, limit)  # it grew after fstat()
    return b"".join(chunks)


def decode_text(data: bytes) -> str:
    """UTF-8 text (a byte-order mark, as Notepad writes, is dropped); ParseError otherwise."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ParseError(
            _("it is not UTF-8 text (byte 0x{byte:02x} on line {line})").format(
                byte=data[error.start], line=line
            )
        ) from error


def loads_toml(text: str) -> dict[str, Any]:
    """The parsed TOML document; ParseError (one line) for anything that stops the parser."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ParseError(
            _("it is not valid TOML ({reason})").format(reason=one_line(str(error)))
        ) from error
    except (ValueError, RecursionError, MemoryError) as error:
        raise ParseError(beyond_limits(error)) from error


def loads_json(text: str) -> Any:
    """The parsed JSON value; ParseError (one line) for anything that stops the parser."""
    import json  # here: the settings and packs are TOML, and start-up reads no JSON

    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ParseError(
            _("it is not valid JSON ({reason})").format(reason=one_line(str(error)))
        ) from error
    except (ValueError, RecursionError, MemoryError) as error:
        raise ParseError(beyond_limits(error)) from error


def read_toml(path: Path, *, limit: int) -> dict[str, Any]:
    """`read_bytes`, `decode_text` and `loads_toml` in one call."""
    return loads_toml(decode_text(read_bytes(path, limit=limit)))


def read_json(path: Path, *, limit: int) -> Any:
    """`read_bytes`, `decode_text` and `loads_json` in one call."""
    return loads_json(decode_text(read_bytes(path, limit=limit)))


def one_line(text: str) -> str:
    """`text` with its whitespace runs (newlines included) folded to single spaces."""
    return " ".join(text.split())


def beyond_limits(error: BaseException) -> str:
    """One line for a parser stopped by a limit rather than by bad syntax."""
    if isinstance(error, RecursionError):
        return _("it is nested too deeply to read (arrays or tables inside one another)")
    if isinstance(error, MemoryError):
        return _("it is too large to read into memory")
    if "digits" in str(error):
        return _("it holds a number too long to read (over 4,300 digits)")
    return _("it holds a value that cannot be read ({reason})").format(
        reason=one_line(str(error))[:200]
    )


def _check_kind(mode: int) -> None:
    for test, kind in _KINDS:
        if test(mode):
            raise NotRegularFileError(kind)
    if not stat.S_ISREG(mode):
        raise NotRegularFileError(N_("something other than a file"))


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


__all__ = [
    "NotRegularFileError",
    "ParseError",
    "TooLargeError",
    "UnreadableError",
    "beyond_limits",
    "decode_text",
    "loads_json",
    "loads_toml",
    "read_bytes",
    "read_json",
    "read_toml",
]
