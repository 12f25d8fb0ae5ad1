"""Atomic file replacement: a crash or a full disk never leaves a half-written file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

FILE_MODE = 0o600


def atomic_write_bytes(
    path: Path,
    data: bytes,
    *,
    check: Callable[[bytes], object] | None = None,
    keep_backup: bool = False,
) -> None:
    """Replace `path` with `data` so that readers see the old or the new file, never less.

    The bytes go to a temporary file in the same folder, are flushed and fsynced,
    read back and passed to `check` (which raises if they are not right), the
    previous file is kept as `NAME.bak` when asked, then the temporary file
    replaces the real one and the folder is fsynced.
    """
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), FILE_MODE)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if check is not None:
            written = tmp.read_bytes()
            if written != data:
                raise OSError(f"{tmp} did not read back as written")
            check(written)
        if keep_backup and path.exists():
            backup = path.with_name(path.name + ".bak")
            _replace_with_copy(path, backup)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(folder)


def _replace_with_copy(source: Path, target: Path) -> None:
    """Atomically make `target` a copy of `source` (the current good file)."""
    atomic_write_bytes(target, source.read_bytes())


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
