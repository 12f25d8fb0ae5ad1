"""Drafts of notes being typed: written while the user types, removed once the note is saved."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gpp_tui.store.annotation_store import AnnotationStore
    from gpp_tui.store.drafts import Draft

DraftKey = tuple[str, str, str | None]
"""A draft's note: (pack id, node id, note id or None for a new note)."""


class DraftKeeper:
    """Writes drafts in order from any thread, and never brings back the draft of a saved note."""

    def __init__(self, store: Callable[[], AnnotationStore | None]) -> None:
        self._store = store
        self._saved: list[DraftKey] = []
        """Drafts whose text is now in the annotations: removed by the next save."""
        self._closed: set[DraftKey] = set()
        """Notes whose editor has closed: a late draft write must not bring them back."""
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()

    def reopen(self, key: DraftKey) -> None:
        """An editor opens on this note: its drafts may be written again."""
        with self._write_lock:
            self._closed.discard(key)

    def keep(self, key: DraftKey, text: str) -> None:
        """Keep text being typed on disk (StoreError when it cannot); skipped once closed."""
        store = self._store()
        with self._write_lock:
            if store is not None and key not in self._closed:
                store.save_draft(*key, text)

    def keep_last(self, key: DraftKey, text: str) -> None:
        """Write the final text of a note being saved (fsynced), and close its drafts."""
        store = self._store()
        with self._write_lock:
            self._closed.add(key)
            if store is not None:
                store.save_draft(*key, text)

    def done(self, key: DraftKey) -> None:
        """The note's text is in the annotations now: the next save removes its draft."""
        with self._lock:
            self._saved.append(key)

    @contextlib.contextmanager
    def saving(self) -> Iterator[None]:
        """Around a save of the annotations: afterwards remove the drafts it made safe."""
        with self._lock:
            pending, self._saved = self._saved, []
        try:
            yield
        except BaseException:
            with self._lock:
                self._saved[:0] = pending
            raise
        store = self._store()
        if store is not None:
            for key in pending:
                store.discard_draft(*key)

    def pending(self) -> list[Draft]:
        """Drafts left by an earlier run, oldest first (none when read-only)."""
        store = self._store()
        if store is None or store.read_only:
            return []
        return store.drafts()

    def discard(self, key: DraftKey) -> None:
        """Remove a draft the user chose to throw away (StoreError when it cannot)."""
        store = self._store()
        with self._write_lock:
            self._closed.add(key)
            if store is not None and not store.read_only:
                store.discard_draft(*key)
