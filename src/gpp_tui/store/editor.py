"""The changes made inside one `AnnotationStore.update()` block, as methods."""

from __future__ import annotations

from collections.abc import Iterable

from gpp_tui.store import edits
from gpp_tui.store.models import Annotations, Note, ReviewStatus


class AnnotationsEditor:
    """Applies the pure edits of `edits.py` to a working copy; the store commits it at the end."""

    def __init__(self, annotations: Annotations, author: str = "") -> None:
        self.annotations = annotations
        self.author = author

    def toggle_bookmark(self, pack_id: str, node_id: str, label: str = "") -> bool:
        """Bookmark the node, or remove its bookmark; True when it is now bookmarked."""
        self.annotations = edits.toggle_bookmark(self.annotations, pack_id, node_id, label)
        return self.annotations.node(pack_id, node_id).bookmark is not None

    def set_bookmark(self, pack_id: str, node_id: str, label: str = "") -> None:
        """Bookmark the node with this label (relabel an existing bookmark)."""
        self.annotations = edits.set_bookmark(self.annotations, pack_id, node_id, label)

    def remove_bookmark(self, pack_id: str, node_id: str) -> None:
        """Remove the node's bookmark, if any."""
        self.annotations = edits.remove_bookmark(self.annotations, pack_id, node_id)

    def set_status(self, pack_id: str, node_id: str, status: ReviewStatus) -> None:
        """Set the node's review status."""
        self.annotations = edits.set_status(self.annotations, pack_id, node_id, status)

    def cycle_status(self, pack_id: str, node_id: str) -> ReviewStatus:
        """Move the status on (unreviewed → reviewed → follow-up → unreviewed); the new one."""
        self.annotations = edits.cycle_status(self.annotations, pack_id, node_id)
        return self.annotations.status_of(pack_id, node_id)

    def add_note(
        self,
        pack_id: str,
        node_id: str,
        text: str,
        *,
        tags: Iterable[str] = (),
        node_text: str | None = None,
    ) -> Note:
        """Add a note by the store's author; `node_text` is the node's source text now."""
        self.annotations, note = edits.add_note(
            self.annotations,
            pack_id,
            node_id,
            text,
            tags=tags,
            author=self.author,
            node_text=node_text,
        )
        return note

    def edit_note(
        self,
        pack_id: str,
        node_id: str,
        note_id: str,
        *,
        text: str | None = None,
        tags: Iterable[str] | None = None,
        node_text: str | None = None,
    ) -> Note:
        """Change a note's text and/or tags (NoteNotFoundError if it is gone)."""
        self.annotations, note = edits.edit_note(
            self.annotations, pack_id, node_id, note_id, text=text, tags=tags, node_text=node_text
        )
        return note

    def delete_note(self, pack_id: str, node_id: str, note_id: str) -> None:
        """Delete a note (NoteNotFoundError if it is already gone)."""
        self.annotations = edits.delete_note(self.annotations, pack_id, node_id, note_id)
