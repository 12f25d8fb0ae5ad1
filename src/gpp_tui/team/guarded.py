"""Read a file from a shared folder without trusting it: regular files only, a size cap."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MAX_TEAM_FILE_BYTES = 64_000_000
"""Larger files are skipped unread: 2,500 notes take about 1.5 MB."""


class GuardedReadError(Exception):
    """A file that was not read; the message is one line saying why."""


def read_guarded(path: Path, limit: int = MAX_TEAM_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (no symlinks, devices or fifos)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise GuardedReadError("it is gone") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise GuardedReadError("it is a symbolic link") from None
        raise GuardedReadError(f"it cannot be opened ({error.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise GuardedReadError("it is not a regular file")
        if info.st_size > limit:
            raise GuardedReadError(f"it is {info.st_size:,} bytes, more than {limit:,}")
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise GuardedReadError(f"it is more than {limit:,} bytes")
        return b"".join(chunks)
    except OSError as error:
        raise GuardedReadError(f"it cannot be read ({error.strerror})") from None
    finally:
        os.close(fd)
