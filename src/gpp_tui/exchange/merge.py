"""Merge a colleague's annotations into the user's: pure, commutative, idempotent, lossless.

The result depends only on the two sets of annotations, never on which side is
"mine": `merge(a, b)` and `merge(b, a)` hold the same annotations, and merging
the same annotations again changes nothing. The report, which does depend on
the side, says what changed for the user.

Rules, per node:
- notes are matched by id, a conflict copy with the note it is a copy of. Each
  version carries its history (the fingerprints of the versions it replaced,
  see `Note.history`); a version whose history holds all of another's and more
  replaces it. So a note edited on one side only takes the newer text, and an
  old export never undoes a later edit. Versions that do not replace each other
  were edited on both sides: the later-updated one keeps the id and each other
  one is kept as a conflict copy (see `conflict_copy_id`), so no text is lost;
- a deleted note stays deleted: its node keeps the deleted version's history,
  and versions whose whole history is in it stay out. A version edited after
  the deletion, elsewhere, has more history, and comes in;
- a bookmark on either side is kept; a labelled one wins over an unlabelled
  one, then the later-created one;
- the review status with the later `status_changed` wins.

Why this is order-free: per note, the result is the set of versions no other
version replaces, less the deleted ones, with ids given by a fixed rule; each
step only ever takes the greatest elements of a union, so merging A then B,
B then A, or all at once gives the same notes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from gpp_tui.store.kinds import content_hash
from gpp_tui.store.models import Annotations, Bookmark, NodeAnnotations, Note, ReviewStatus

_EPOCH = datetime(1, 1, 1, tzinfo=UTC)
_STATUS_RANK = {ReviewStatus.UNREVIEWED: 0, ReviewStatus.REVIEWED: 1, ReviewStatus.FOLLOW_UP: 2}


class ChangeKind(StrEnum):
    """What a merge did to one item of the user's annotations."""

    ADDED = "added"
    UPDATED = "updated"
    CONFLICT = "conflict"
    RESOLVED = "resolved"
    """A conflict copy removed: a later version of its note replaces it."""
    DELETED = "deleted"
    """A note removed: the other side deleted this version of it."""


@dataclass(frozen=True, slots=True)
class Change:
    """One change a merge makes: a note, bookmark or status of one node."""

    kind: ChangeKind
    pack_id: str
    node_id: str
    item: str
    """"note", "bookmark" or "status"."""
    detail: str
    note_id: str = ""


@dataclass(frozen=True, slots=True)
class MergeReport:
    """What a merge changes in the user's annotations, and how much it left as it was."""

    changes: tuple[Change, ...] = ()
    unchanged: int = 0

    def of_kind(self, kind: ChangeKind) -> list[Change]:
        """The changes of one kind, in node order."""
        return [change for change in self.changes if change.kind is kind]

    @property
    def added(self) -> list[Change]:
        """Notes, bookmarks and statuses the user did not have."""
        return self.of_kind(ChangeKind.ADDED)

    @property
    def updated(self) -> list[Change]:
        """Items the user had, replaced by a later version."""
        return self.of_kind(ChangeKind.UPDATED)

    @property
    def conflicts(self) -> list[Change]:
        """Notes edited on both sides, now kept as two versions."""
        return self.of_kind(ChangeKind.CONFLICT)

    @property
    def resolved(self) -> list[Change]:
        """Conflict copies removed because a later version of their note replaces them."""
        return self.of_kind(ChangeKind.RESOLVED)

    @property
    def deleted(self) -> list[Change]:
        """Notes removed because the other side deleted them."""
        return self.of_kind(ChangeKind.DELETED)

    def summary(self) -> str:
        """One line: "2 added, 1 updated, 1 kept as conflict copies, 5 unchanged"."""
        from gpp_tui.i18n import _

        removed = _(", {count} deleted").format(count=len(self.deleted)) if self.deleted else ""
        if self.resolved:
            removed += _(", {count} settled conflicts removed").format(count=len(self.resolved))
        return _(
            "{added} added, {updated} updated{removed}, "
            "{conflicts} kept as conflict copies, {unchanged} unchanged"
        ).format(
            added=len(self.added),
            updated=len(self.updated),
            removed=removed,
            conflicts=len(self.conflicts),
            unchanged=self.unchanged,
        )


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The merged annotations and the report of what changed for the user."""

    annotations: Annotations
    report: MergeReport
    changed: bool
    """True when the merged annotations differ from the user's."""


def merge(mine: Annotations, theirs: Annotations) -> MergeResult:
    """Merge `theirs` into `mine`; nodes the user's packs do not know are kept too."""
    packs: dict[str, dict[str, NodeAnnotations]] = {}
    for pack_id in _union(mine.packs, theirs.packs):
        mine_nodes = mine.packs.get(pack_id, {})
        their_nodes = theirs.packs.get(pack_id, {})
        nodes: dict[str, NodeAnnotations] = {}
        for node_id in _union(mine_nodes, their_nodes):
            if node_id not in their_nodes:
                nodes[node_id] = mine_nodes[node_id]
            elif node_id not in mine_nodes:
                nodes[node_id] = their_nodes[node_id]
            else:
                nodes[node_id] = merge_node(mine_nodes[node_id], their_nodes[node_id])
        packs[pack_id] = nodes
    merged = mine.model_copy(update={"packs": packs})
    changed = merged != mine
    return MergeResult(
        mine if not changed else merged, _report(mine, theirs, merged), changed=changed
    )


def merge_node(mine: NodeAnnotations, theirs: NodeAnnotations) -> NodeAnnotations:
    """One node's annotations from both sides (the same whichever side is which)."""
    if mine == theirs:
        return mine
    status_from = max(mine, theirs, key=_status_key)
    bookmarks = [mark for mark in (mine.bookmark, theirs.bookmark) if mark is not None]
    deleted = {
        note_id: tuple(sorted({*mine.deleted.get(note_id, ()), *theirs.deleted.get(note_id, ())}))
        for note_id in sorted({*mine.deleted, *theirs.deleted})
    }
    tombstones = NodeAnnotations(deleted=deleted)
    return NodeAnnotations(
        status=status_from.status,
        status_changed=status_from.status_changed,
        bookmark=max(bookmarks, key=_bookmark_key) if bookmarks else None,
        notes=merge_notes(mine.notes, theirs.notes, tombstones.was_deleted),
        deleted=deleted,
    )


def merge_notes(
    mine: tuple[Note, ...],
    theirs: tuple[Note, ...],
    was_deleted: Callable[[Note], bool] = lambda note: False,
) -> tuple[Note, ...]:
    """The notes of one node from both sides: later versions replace earlier ones,
    versions edited on both sides are kept as conflict copies, deleted ones stay out.

    The order of a side is kept when the result is exactly that side's notes;
    otherwise notes are ordered by creation time (then id), as the app shows them.
    """
    if mine == theirs and not any(was_deleted(note) for note in mine):
        return mine
    families: dict[str, list[Note]] = {}
    for note in (*mine, *theirs):
        if not was_deleted(note):
            families.setdefault(note.family, []).append(note)
    resolved = [
        note for family, versions in families.items() for note in _resolve(family, versions)
    ]
    result = set(resolved)
    if result == set(mine) and result != set(theirs):
        return mine
    if result == set(theirs) and result != set(mine):
        return theirs
    return tuple(sorted(resolved, key=lambda note: (note.created, note.id)))


def conflict_copy_id(note_id: str, text: str, tags: Iterable[str]) -> str:
    """The id of the conflict copy of a version of note `note_id`.

    It depends only on the original id and the version's text and tags, so the
    same conflict found again, on either side or in either order, makes the
    same copy, which is then recognised instead of added twice.
    """
    return f"{note_id}~{content_hash(text, tags)[:12]}"


def _resolve(family: str, versions: list[Note]) -> list[Note]:
    """The versions of one note that nothing replaces: the latest keeps the id, the
    others become conflict copies. Depends only on the set of versions given."""
    alike: dict[tuple[str, tuple[str, ...], frozenset[str]], Note] = {}
    for note in versions:
        key = (note.text, note.tags, note.history())
        best = alike.get(key)
        alike[key] = note if best is None else max(best, note, key=_note_key)
    candidates = list(alike.values())
    heads = [
        note
        for note in candidates
        if not any(note.history() < other.history() for other in candidates)
    ]
    winner, *others = sorted(heads, key=_note_key, reverse=True)
    result = [_as_version(winner, family, "")]
    taken = {family}
    for other in others:
        copy_id = conflict_copy_id(family, other.text, other.tags)
        if copy_id in taken:  # the same text reached by different edits
            copy_id += "-" + content_hash("", sorted(other.history()))[:6]
        taken.add(copy_id)
        result.append(_as_version(other, copy_id, family))
    return result


def _as_version(note: Note, note_id: str, conflict_of: str) -> Note:
    if (note.id, note.conflict_of) == (note_id, conflict_of):
        return note
    return note.model_copy(update={"id": note_id, "conflict_of": conflict_of})


def _note_key(
    note: Note,
) -> tuple[datetime, datetime, str, tuple[str, ...], str, str, tuple[str, ...], str, str]:
    # Every field: a total order, so the choice is the same whatever order the
    # versions came in (the id and conflict_of are given afresh to the chosen one).
    return (
        note.updated,
        note.created,
        note.text,
        note.tags,
        note.author,
        note.text_hash,
        note.supersedes,
        note.conflict_of,
        note.id,
    )


def _status_key(node: NodeAnnotations) -> tuple[bool, datetime, int]:
    changed = node.status_changed
    return (changed is not None, changed or _EPOCH, _STATUS_RANK[node.status])


def _bookmark_key(bookmark: Bookmark) -> tuple[bool, datetime, str]:
    return (bool(bookmark.label), bookmark.created, bookmark.label)


def _union(first: Mapping[str, object], second: Mapping[str, object]) -> list[str]:
    return [*first, *(key for key in second if key not in first)]


def _report(mine: Annotations, theirs: Annotations, merged: Annotations) -> MergeReport:
    changes: list[Change] = []
    unchanged = 0
    for pack_id, nodes in merged.packs.items():
        for node_id, node in nodes.items():
            before = mine.node(pack_id, node_id)
            their = theirs.node(pack_id, node_id)
            if node == before:
                unchanged += _item_count(their)
                continue
            found, same = _node_changes(pack_id, node_id, before, their, node)
            changes.extend(found)
            unchanged += same
    return MergeReport(tuple(changes), unchanged)


def _item_count(node: NodeAnnotations) -> int:
    return _has_status(node) + (node.bookmark is not None) + len(node.notes)


def _has_status(node: NodeAnnotations) -> bool:
    return node.status is not ReviewStatus.UNREVIEWED or node.status_changed is not None


def _node_changes(
    pack_id: str,
    node_id: str,
    before: NodeAnnotations,
    their: NodeAnnotations,
    node: NodeAnnotations,
) -> tuple[list[Change], int]:
    """The changes on one node, and how many of their items changed nothing."""
    changes: list[Change] = []
    unchanged = 0

    def change(kind: ChangeKind, item: str, detail: str, note_id: str = "") -> None:
        changes.append(Change(kind, pack_id, node_id, item, detail, note_id))

    if (node.status, node.status_changed) != (before.status, before.status_changed):
        kind = ChangeKind.UPDATED if _has_status(before) else ChangeKind.ADDED
        change(kind, "status", f"{before.status.label} → {node.status.label}")
    elif _has_status(their):
        unchanged += 1
    if node.bookmark != before.bookmark and node.bookmark is not None:
        kind = ChangeKind.UPDATED if before.bookmark else ChangeKind.ADDED
        change(kind, "bookmark", _quote(node.bookmark.label) if node.bookmark.label else "")
    elif their.bookmark is not None:
        unchanged += 1
    their_ids = {note.id for note in their.notes}
    new_copies = [
        note
        for note in node.notes
        if note.conflict_of and before.note(note.id) is None and note.id not in their_ids
    ]
    in_conflict = {note.conflict_of for note in new_copies}
    for note in node.notes:
        old = before.note(note.id)
        if old == note or note.id in in_conflict:
            continue
        if note in new_copies:
            from gpp_tui.i18n import _

            detail = _("{text}, a version of note {id}").format(
                text=_quote(note.text), id=note.conflict_of
            )
            change(ChangeKind.CONFLICT, "note", detail, note.id)
        else:
            kind = ChangeKind.ADDED if old is None else ChangeKind.UPDATED
            change(kind, "note", _quote(note.text), note.id)
    for note in before.notes:
        if node.note(note.id) is None:  # deleted on the other side, or replaced
            kind = ChangeKind.DELETED if node.was_deleted(note) else ChangeKind.RESOLVED
            change(kind, "note", _quote(note.text), note.id)
    unchanged += sum(
        1
        for note in their.notes
        if note.id not in in_conflict
        and (old := before.note(note.id)) is not None
        and node.note(note.id) == old
    )
    return changes, unchanged


def _quote(text: str, width: int = 60) -> str:
    line = " ".join(text.split())
    if len(line) > width:
        line = line[: width - 1] + "…"
    return f"“{line}”"
