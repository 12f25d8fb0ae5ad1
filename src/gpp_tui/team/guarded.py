"""Read a file of the shared team folder with the app's guarded reader, refusing symlinks too."""

from __future__ import annotations

from pathlib import Path

from gpp_tui.filereader import UnreadableError, read_bytes

MAX_TEAM_FILE_BYTES = 64_000_000
"""Larger files are skipped unread: 2,500 notes take about 1 MB."""


class GuardedReadError(Exception):
    """A file that was not read; the message is one line saying why."""


def read_guarded(path: Path, limit: int = MAX_TEAM_FILE_BYTES) -> bytes:
    """The bytes of a regular file (not a symlink) of at most `limit` bytes."""
    try:
        if path.is_symlink():
            raise GuardedReadError("it is a symbolic link, not a file")
        return read_bytes(path, limit=limit)
    except FileNotFoundError:
        raise GuardedReadError("it is gone") from None
    except UnreadableError as error:
        raise GuardedReadError(str(error)) from None
    except OSError as error:
        raise GuardedReadError(f"it cannot be read ({error.strerror or error})") from None
