"""The annotations file on disk: open, lock, recover, save safely from any thread."""

from __future__ import annotations

import contextlib
import errno
import os
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from gpp_tui.filereader import NotRegularFileError, TooLargeError, read_bytes
from gpp_tui.filereader import UnreadableError as FileReadError
from gpp_tui.i18n import N_, _, format_time, ngettext
from gpp_tui.store.atomic import atomic_write_bytes, fsync_dir
from gpp_tui.store.drafts import DRAFTS_DIR, Draft, Drafts
from gpp_tui.store.editor import AnnotationsEditor
from gpp_tui.store.errors import (
    EncryptedFileError,
    NewerSchemaError,
    ReadOnlyError,
    SaveError,
    StoreError,
    UnreadableFileError,
)
from gpp_tui.store.locations import ensure_private_dir
from gpp_tui.store.migrations import migrate
from gpp_tui.store.models import SCHEMA_VERSION, Annotations, utc_now
from gpp_tui.store.serialize import PLAIN, AnnotationsWriter, ByteCodec, decode, encode, parse
from gpp_tui.store.serialize import validate as validate_raw

ANNOTATIONS_FILE = "annotations.toml"
MAX_STORE_BYTES = 512_000_000
"""Larger files are left untouched, unread (10,000 notes take about 5 MB)."""

_REASONS = {
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EACCES: N_("no permission to write in {folder}"),
    errno.EPERM: N_("no permission to write in {folder}"),
    errno.EFBIG: N_("the file would be larger than this system allows"),
}


class AnnotationStore:
    """The user's annotations in `<data folder>/annotations.toml`.

    Opening never fails and never loses a byte: a file it cannot read is moved
    aside and recovered from `.bak` when possible; a newer file or a second
    running copy makes the store read-only. What happened is in `messages`,
    one plain line each, for the UI to show.
    """

    def __init__(self, folder: Path, *, codec: ByteCodec = PLAIN, author: str = "") -> None:
        self.folder = folder
        self.path = folder / ANNOTATIONS_FILE
        self.backup_path = folder / f"{ANNOTATIONS_FILE}.bak"
        self.lock_path = folder / f"{ANNOTATIONS_FILE}.lock"
        self.author = author
        self.messages: list[str] = []
        self.alarms: list[str] = []
        """The messages among `messages` the user must acknowledge: a damaged or newer file."""
        self.read_only_reason = ""
        self._codec = codec
        self._drafts = Drafts(folder, codec)
        self._writer = AnnotationsWriter()
        self._data_lock = threading.RLock()
        self._save_lock = threading.Lock()
        self._file_lock: FileLock | None = None
        self._annotations = Annotations()
        self._saved: Annotations | None = self._annotations
        self._restore_pending = False
        self.after_save: Callable[[Annotations], None] | None = None
        """Called with what was saved, after each save (a team writes its device file)."""
        self._open()

    @property
    def annotations(self) -> Annotations:
        """The current annotations (an immutable snapshot; query it freely)."""
        return self._annotations

    @property
    def read_only(self) -> bool:
        """True when nothing may be written (`read_only_reason` says why)."""
        return bool(self.read_only_reason)

    @property
    def dirty(self) -> bool:
        """True when there are changes not yet saved."""
        return self._annotations is not self._saved

    @contextlib.contextmanager
    def update(self, *, save: bool = True) -> Iterator[AnnotationsEditor]:
        """Change annotations in a block; they are committed at its end, then saved.

        An exception inside the block leaves everything as it was. With
        `save=False` the caller saves later, e.g. `save()` on a worker thread.
        If the save fails the changes stay in memory (`dirty`) and SaveError is raised.
        """
        if self.read_only:
            raise ReadOnlyError(
                _("not saved: {read_only_reason}").format(read_only_reason=self.read_only_reason)
            )
        with self._data_lock:
            editor = AnnotationsEditor(self._annotations, self.author)
            yield editor
            self._annotations = editor.annotations
        if save:
            self.save()

    def save(self) -> bool:
        """Write the annotations atomically if they changed; True when a file was written.

        Safe to call from any thread. Raises SaveError ("not saved: <reason>")
        with the file on disk and the data in memory unchanged.
        """
        if self.read_only:
            raise ReadOnlyError(
                _("not saved: {read_only_reason}").format(read_only_reason=self.read_only_reason)
            )
        with self._save_lock:
            with self._data_lock:
                snapshot = self._annotations
            if snapshot is self._saved:
                return False
            data = encode(snapshot, self._writer, self._codec)
            try:
                ensure_private_dir(self.folder)
                atomic_write_bytes(self.path, data, check=self._check, keep_backup=True)
            except OSError as error:
                reason = self._describe(error)
                raise SaveError(
                    _("not saved: {reason}; {path} is unchanged").format(
                        reason=reason, path=self.path
                    )
                ) from error
            self._saved = snapshot
            if self.after_save is not None:
                self.after_save(snapshot)
            return True

    def set_after_save(self, hook: Callable[[Annotations], None] | None) -> None:
        """Call `hook` after each save from now on (None: no more), and at once with what was
        saved last (a team joined while the app runs); waits for a save under way."""
        with self._save_lock:
            self.after_save = hook
            if hook is not None and self._saved is not None and not self.read_only:
                hook(self._saved)

    def prepare_save(self) -> None:
        """Render and check the current annotations ahead of time, so the first save is quick.

        A save renders only what changed since the last render; without this the
        first save of a session renders everything (seconds with 10,000 notes).
        """
        if self.read_only:
            return
        with self._save_lock:
            with self._data_lock:
                snapshot = self._annotations
            self._writer.render(snapshot)

    def reload(self) -> None:
        """Read the file again; a copy read-only because of the lock tries to take it now."""
        if self.dirty and not self.read_only:
            raise StoreError(_("not reloaded: there are unsaved changes; save them first"))
        self._release()
        self.messages.clear()
        self.alarms.clear()
        self.read_only_reason = ""
        self._open()

    def close(self) -> None:
        """Let go of the lock so another copy can write (does not save)."""
        self._release()

    def save_draft(self, pack_id: str, node_id: str, note_id: str | None, text: str) -> Draft:
        """Keep the text being typed on disk (note_id None for a new note)."""
        if self.read_only:
            raise ReadOnlyError(
                _("draft not saved: {read_only_reason}").format(
                    read_only_reason=self.read_only_reason
                )
            )
        try:
            return self._drafts.save(pack_id, node_id, note_id, text)
        except OSError as error:
            raise SaveError(
                _("draft not saved: {reason}").format(reason=self._describe(error))
            ) from error

    def drafts(self) -> list[Draft]:
        """Drafts left from an earlier run, oldest first, to offer back to the user."""
        drafts, problems = self._drafts.all()
        self.messages.extend(problem for problem in problems if problem not in self.messages)
        return drafts

    def discard_draft(self, pack_id: str, node_id: str, note_id: str | None) -> None:
        """Remove a draft once its note is saved or the user threw it away."""
        if self.read_only:
            raise ReadOnlyError(
                _("draft not removed: {read_only_reason}").format(
                    read_only_reason=self.read_only_reason
                )
            )
        self._drafts.discard(pack_id, node_id, note_id)

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _open(self) -> None:
        try:
            ensure_private_dir(self.folder)
        except OSError as error:
            self._set_read_only(
                _("the folder {folder} cannot be created ({strerror})").format(
                    folder=self.folder, strerror=error.strerror
                )
            )
        else:
            self._take_lock()
            if not self.read_only:
                self._remove_leftover_temp_files()
        self._restore_pending = False
        annotations = self._load()
        with self._data_lock:
            self._annotations = annotations
            # None: the file does not hold these annotations yet, so the next save writes.
            self._saved = None if self._restore_pending else annotations

    def _remove_leftover_temp_files(self) -> None:
        """Delete temporary files of saves that a crash interrupted.

        Only done while holding the lock, so no other copy is writing them. The
        file they were meant to replace still holds the state before that save.
        """
        for folder in (self.folder, self.folder / DRAFTS_DIR):
            for leftover in folder.glob(".*.tmp"):
                with contextlib.suppress(OSError):
                    leftover.unlink()

    def _take_lock(self) -> None:
        lock = FileLock(
            self.lock_path,
            mode=0o600,
            thread_local=False,
            blocking=False,
            preserve_lock_file=True,
            fallback_to_soft=False,
        )
        try:
            lock.acquire()
        except Timeout:
            self._set_read_only(
                _("another copy of gpp-tui is using {folder}").format(folder=self.folder)
            )
            self.messages.append(
                _(
                    "Another copy of gpp-tui is already using {folder}: this copy is "
                    "read-only and will not save changes. Close the other copy, then "
                    "restart to make changes."
                ).format(folder=self.folder)
            )
        except OSError as error:
            if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                self._set_read_only(
                    _("the folder {folder} cannot be written ({strerror})").format(
                        folder=self.folder, strerror=error.strerror
                    )
                )
                self.messages.append(
                    _(
                        "The folder {folder} cannot be written ({strerror}): opened read-only, "
                        "changes will not be saved."
                    ).format(folder=self.folder, strerror=error.strerror)
                )
                return
            self.messages.append(
                _(
                    "Could not lock {lock_path} ({strerror}); do not run two copies of "
                    "gpp-tui on this folder at once."
                ).format(lock_path=self.lock_path, strerror=error.strerror)
            )
        else:
            self._file_lock = lock

    def _release(self) -> None:
        lock, self._file_lock = self._file_lock, None
        if lock is not None:
            lock.release(force=True)

    def _load(self) -> Annotations:
        try:
            data = read_bytes(self.path, limit=MAX_STORE_BYTES)
        except FileNotFoundError:
            if self.backup_path.exists():
                return self._recover(_("{path} was missing").format(path=self.path), moved_to=None)
            return Annotations()
        except TooLargeError as error:
            self._set_read_only(_("{path} is too large to open").format(path=self.path))
            self.messages.append(
                _(
                    "{path} was not opened: {error}. It was left untouched; nothing will "
                    "be written."
                ).format(path=self.path, error=error)
            )
            return Annotations()
        except NotRegularFileError as error:
            return self._unreadable(UnreadableFileError(str(error)))
        except OSError as error:
            self._set_read_only(
                _("{path} cannot be read ({strerror})").format(
                    path=self.path, strerror=error.strerror
                )
            )
            self.messages.append(
                _(
                    "Could not read {path} ({strerror}); opened read-only, nothing will be written."
                ).format(path=self.path, strerror=error.strerror)
            )
            return Annotations()
        try:
            return decode(data, self._codec)
        except EncryptedFileError as error:
            self._set_read_only(
                _("{path} is encrypted and was not unlocked").format(path=self.path)
            )
            self.messages.append(
                _(
                    "{path} cannot be read: {error}. It was left untouched; nothing will "
                    "be written."
                ).format(path=self.path, error=error)
            )
            return Annotations()
        except NewerSchemaError as error:
            self._set_read_only(_("{path} was written by a newer gpp-tui").format(path=self.path))
            self._alarm(
                _(
                    "{path} cannot be changed here: {error}. It is open read-only and "
                    "nothing will be written; update gpp-tui to make changes."
                ).format(path=self.path, error=error)
            )
            return self._newer_view(data)
        except UnreadableFileError as error:
            return self._unreadable(error)

    def _unreadable(self, error: UnreadableFileError) -> Annotations:
        """Move the file aside (never delete it) and fall back on the backup."""
        if self.read_only:
            self._alarm(
                _(
                    "{path} cannot be read: {error}. It was left untouched because "
                    "{read_only_reason}."
                ).format(path=self.path, error=error, read_only_reason=self.read_only_reason)
            )
            return Annotations()
        try:
            aside = _move_aside(self.path)
        except OSError as move_error:
            self._set_read_only(_("{path} cannot be read or moved aside").format(path=self.path))
            self._alarm(
                _(
                    "{path} cannot be read: {error}; it could not be moved aside "
                    "({strerror}), so it was left untouched and nothing will be written."
                ).format(path=self.path, error=error, strerror=move_error.strerror)
            )
            return Annotations()
        return self._recover(
            _("{path} could not be read: {error}").format(path=self.path, error=error),
            moved_to=aside,
        )

    def _recover(self, problem: str, moved_to: Path | None) -> Annotations:
        where = _("; it was moved to {moved_to}").format(moved_to=moved_to) if moved_to else ""
        try:
            backup_bytes = read_bytes(self.backup_path, limit=MAX_STORE_BYTES)
            recovered = decode(backup_bytes, self._codec)
        except (OSError, StoreError, FileReadError) as error:
            reason = error.strerror if isinstance(error, OSError) else str(error)
            kept = "" if self.read_only else self._keep_bad_backup()
            self._alarm(
                _(
                    "{problem}{where}. The backup {backup_path} could not be used either "
                    "({reason}){kept}. Starting with no annotations; no file was deleted."
                ).format(
                    problem=problem,
                    where=where,
                    backup_path=self.backup_path,
                    reason=reason,
                    kept=kept,
                )
            )
            return Annotations()
        if not self.read_only:
            try:
                atomic_write_bytes(self.path, backup_bytes, check=self._check)
            except OSError:
                self._restore_pending = True
        restored = _(
            "{problem}{where}. Your annotations were restored from the backup "
            "{backup_path} ({notes}), saved {time}."
        ).format(
            problem=problem,
            where=where,
            backup_path=self.backup_path,
            notes=ngettext("{count} note", "{count} notes", recovered.note_total).format(
                count=recovered.note_total
            ),
            time=_modified(self.backup_path),
        )
        if moved_to is not None:
            restored += " " + _("Anything written after that time is only in {moved_to}.").format(
                moved_to=moved_to
            )
        self._alarm(restored)
        return recovered

    def _alarm(self, message: str) -> None:
        self.messages.append(message)
        self.alarms.append(message)

    def _keep_bad_backup(self) -> str:
        if not self.backup_path.exists():
            return ""
        try:
            return _("; it was moved to {path}").format(path=_move_aside(self.backup_path))
        except OSError:
            return ""

    def _newer_view(self, data: bytes) -> Annotations:
        """What a newer file holds, as far as this version understands it (for reading only)."""
        try:
            raw = parse(data, self._codec)
            raw["schema_version"] = SCHEMA_VERSION
            return validate_raw(migrate(raw))
        except StoreError:
            return Annotations()

    def _set_read_only(self, reason: str) -> None:
        if not self.read_only_reason:
            self.read_only_reason = reason

    def _check(self, data: bytes) -> None:
        self._codec.decode(data).decode("utf-8")

    def _describe(self, error: OSError) -> str:
        reason = _REASONS.get(error.errno or 0)
        if reason is None:
            return error.strerror or str(error)
        return _(reason).format(folder=self.folder)


def _modified(path: Path) -> str:
    """When a file was last written, on the user's clock: "2026-05-01 14:03 CEST"."""
    try:
        moment = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    except OSError:
        return _("at an unknown time")
    return f"{format_time(moment)} {moment:%Z}".strip()


def _move_aside(path: Path) -> Path:
    """Rename an unreadable file to `NAME.corrupt-<UTC time>`, never over an existing file."""
    stamp = utc_now().strftime("%Y%m%dT%H%M%SZ")
    attempt = 0
    while True:
        suffix = f"-{attempt}" if attempt else ""
        target = path.with_name(f"{path.name}.corrupt-{stamp}{suffix}")
        attempt += 1
        try:
            os.link(path, target)
        except FileExistsError:
            continue
        except OSError:
            if target.exists():
                continue
            os.rename(path, target)
        else:
            path.unlink()
        fsync_dir(path.parent)
        return target
