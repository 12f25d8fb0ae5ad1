"""Pure changes to annotations: each takes an `Annotations` and returns a new one."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from gpp_tui.store.models import (
    Annotations,
    Bookmark,
    NodeAnnotations,
    Note,
    ReviewStatus,
    text_hash,
    utc_now,
)


class NoteNotFoundError(KeyError):
    """The note to change is not on that node (deleted meanwhile, or a wrong id)."""


def replace_node(
    annotations: Annotations, pack_id: str, node_id: str, node: NodeAnnotations
) -> Annotations:
    """Annotations with one node's value replaced; a node left empty is removed."""
    packs = dict(annotations.packs)
    nodes = dict(packs.get(pack_id, {}))
    if node.is_empty:
        nodes.pop(node_id, None)
    else:
        nodes[node_id] = node
    if nodes:
        packs[pack_id] = nodes
    else:
        packs.pop(pack_id, None)
    return annotations.model_copy(update={"packs": packs})


def set_bookmark(
    annotations: Annotations,
    pack_id: str,
    node_id: str,
    label: str = "",
    *,
    now: datetime | None = None,
) -> Annotations:
    """Bookmark a node, or change the label of its bookmark (keeping when it was made)."""
    node = annotations.node(pack_id, node_id)
    created = node.bookmark.created if node.bookmark else (now or utc_now())
    bookmark = Bookmark(label=label, created=created)
    changed = node.model_copy(update={"bookmark": bookmark})
    return replace_node(annotations, pack_id, node_id, changed)


def remove_bookmark(annotations: Annotations, pack_id: str, node_id: str) -> Annotations:
    """Take the bookmark off a node (its notes and status stay)."""
    node = annotations.node(pack_id, node_id)
    return replace_node(annotations, pack_id, node_id, node.model_copy(update={"bookmark": None}))


def toggle_bookmark(
    annotations: Annotations,
    pack_id: str,
    node_id: str,
    label: str = "",
    *,
    now: datetime | None = None,
) -> Annotations:
    """Bookmark a node that has none, or remove the bookmark it has."""
    if annotations.node(pack_id, node_id).bookmark is not None:
        return remove_bookmark(annotations, pack_id, node_id)
    return set_bookmark(annotations, pack_id, node_id, label, now=now)


def set_status(
    annotations: Annotations,
    pack_id: str,
    node_id: str,
    status: ReviewStatus,
    *,
    now: datetime | None = None,
) -> Annotations:
    """Set the review status of a node (the time is kept only when it changes)."""
    node = annotations.node(pack_id, node_id)
    if node.status is status:
        return annotations
    changed = node.model_copy(update={"status": status, "status_changed": now or utc_now()})
    return replace_node(annotations, pack_id, node_id, changed)


def cycle_status(
    annotations: Annotations, pack_id: str, node_id: str, *, now: datetime | None = None
) -> Annotations:
    """Move a node's status on: unreviewed → reviewed → follow-up → unreviewed."""
    status = annotations.status_of(pack_id, node_id).next()
    return set_status(annotations, pack_id, node_id, status, now=now)


def add_note(
    annotations: Annotations,
    pack_id: str,
    node_id: str,
    text: str,
    *,
    tags: Iterable[str] = (),
    author: str = "",
    node_text: str | None = None,
    now: datetime | None = None,
) -> tuple[Annotations, Note]:
    """Add a note to a node; `node_text` is the node's source text, hashed into the note."""
    moment = now or utc_now()
    note = Note(
        text=text,
        tags=tuple(tags),
        created=moment,
        updated=moment,
        author=author,
        text_hash=text_hash(node_text) if node_text is not None else "",
    )
    node = annotations.node(pack_id, node_id)
    changed = node.model_copy(update={"notes": (*node.notes, note)})
    return replace_node(annotations, pack_id, node_id, changed), note


def edit_note(
    annotations: Annotations,
    pack_id: str,
    node_id: str,
    note_id: str,
    *,
    text: str | None = None,
    tags: Iterable[str] | None = None,
    node_text: str | None = None,
    now: datetime | None = None,
) -> tuple[Annotations, Note]:
    """Change a note's text and/or tags; with `node_text`, it now refers to that text."""
    node = annotations.node(pack_id, node_id)
    old = node.note(note_id)
    if old is None:
        raise NoteNotFoundError(f"no note {note_id} on {pack_id}/{node_id}")
    new_text = old.text if text is None else text
    new_tags = old.tags if tags is None else tuple(tags)
    # Every save makes a new version that replaces the old one, also when only the
    # time changed: a merge must never take the two for a conflict.
    supersedes = tuple(sorted({*old.supersedes, old.version_hash()}))
    note = Note.model_validate(
        {
            **old.model_dump(),
            "text": new_text,
            "tags": new_tags,
            "updated": now or utc_now(),
            "text_hash": old.text_hash if node_text is None else text_hash(node_text),
            "supersedes": supersedes,
        }
    )
    notes = tuple(note if existing.id == note_id else existing for existing in node.notes)
    changed = node.model_copy(update={"notes": notes})
    return replace_node(annotations, pack_id, node_id, changed), note


def delete_note(annotations: Annotations, pack_id: str, node_id: str, note_id: str) -> Annotations:
    """Remove a note from a node, remembering the deletion so that a merge does not undo it.

    Deleting a conflict copy settles that conflict: importing the same version
    again does not bring the copy back.
    """
    node = annotations.node(pack_id, node_id)
    gone = node.note(note_id)
    if gone is None:
        raise NoteNotFoundError(f"no note {note_id} on {pack_id}/{node_id}")
    notes = tuple(note for note in node.notes if note.id != note_id)
    known = {*node.deleted.get(gone.family, ()), *gone.history()}
    deleted = {**node.deleted, gone.family: tuple(sorted(known))}
    changed = node.model_copy(update={"notes": notes, "deleted": deleted})
    return replace_node(annotations, pack_id, node_id, changed)
