"""Merge a colleague's annotations into the user's: pure, commutative, idempotent, lossless.

The result depends only on the two sets of annotations, never on which side is
"mine": `merge(a, b)` and `merge(b, a)` hold the same annotations, and merging
the same annotations again changes nothing. The report, which does depend on
the side, says what changed for the user.

Rules, per node:
- notes are matched by id. Versions of one id that differ only in times or
  author are one note: the later-updated version is kept. A version made from
  another by edits (it lists the other in `supersedes`) replaces it: a note
  edited on one side only simply takes the newer text. Versions edited on both
  sides: the later-updated one keeps the id and every other one is kept as a
  conflict copy (see `conflict_copy_id`). A conflict copy the user deleted is
  recorded as replaced in its note, so it does not come back from an old export;
- a bookmark on either side is kept; a labelled one wins over an unlabelled
  one, then the later-created one;
- the review status with the later `status_changed` wins.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
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
    """A conflict copy removed: the other side settled that conflict."""


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
        """Conflict copies removed because the other side settled them."""
        return self.of_kind(ChangeKind.RESOLVED)

    def summary(self) -> str:
        """One line: "2 added, 1 updated, 1 kept as conflict copies, 5 unchanged"."""
        settled = f", {len(self.resolved)} settled conflicts removed" if self.resolved else ""
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.conflicts)} kept as conflict copies{settled}, {self.unchanged} unchanged"
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
    return NodeAnnotations(
        status=status_from.status,
        status_changed=status_from.status_changed,
        bookmark=max(bookmarks, key=_bookmark_key) if bookmarks else None,
        notes=merge_notes(mine.notes, theirs.notes),
    )


def merge_notes(mine: tuple[Note, ...], theirs: tuple[Note, ...]) -> tuple[Note, ...]:
    """The notes of one node from both sides: every text kept, conflicts as copies.

    The order of a side is kept when the result is exactly that side's notes;
    otherwise notes are ordered by creation time (then id), as the app shows them.
    """
    if mine == theirs:
        return mine
    resolved = _resolve([*mine, *theirs])
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


def _resolve(versions: list[Note]) -> list[Note]:
    """One note per id; losing versions become conflict copies under new, longer ids.

    Ids are settled shortest first: a copy's id is longer than its original's,
    so each id is settled once, with every version that will ever reach it.
    """
    groups: dict[str, set[Note]] = {}
    for note in versions:
        groups.setdefault(note.id, set()).add(note)
    queue = [(len(note_id), note_id) for note_id in groups]
    heapq.heapify(queue)
    settled: list[Note] = []
    while queue:
        _, note_id = heapq.heappop(queue)
        heads = _heads(_one_per_content(groups.pop(note_id)))
        winner, *losers = sorted(heads, key=_note_key, reverse=True)
        settled.append(winner)
        for loser in losers:
            copy_id = conflict_copy_id(note_id, loser.text, loser.tags)
            copy = loser.model_copy(update={"id": copy_id, "conflict_of": note_id})
            if copy_id not in groups:
                groups[copy_id] = set()
                heapq.heappush(queue, (len(copy_id), copy_id))
            groups[copy_id].add(copy)
    return _without_settled_copies(settled)


def _one_per_content(versions: set[Note]) -> list[Note]:
    """One version per text and tags: the latest, knowing every version either replaces."""
    by_content: dict[tuple[str, tuple[str, ...]], list[Note]] = {}
    for note in versions:
        by_content.setdefault((note.text, note.tags), []).append(note)
    result = []
    for same in by_content.values():
        best = max(same, key=_note_key)
        supersedes = tuple(sorted({digest for note in same for digest in note.supersedes}))
        if supersedes != best.supersedes:
            best = best.model_copy(update={"supersedes": supersedes})
        result.append(best)
    return result


def _heads(versions: list[Note]) -> list[Note]:
    """The versions no other version replaces: one when a note was edited on one side only."""
    return [
        note
        for note in versions
        if not any(
            other.descends_from(note) and not note.descends_from(other) for other in versions
        )
    ]


def _without_settled_copies(notes: list[Note]) -> list[Note]:
    """Leave out conflict copies whose version the note they copy has since replaced."""
    replaced = {note.id: set(note.supersedes) for note in notes}
    return [
        note
        for note in notes
        if not (note.conflict_of and note.content_hash() in replaced.get(note.conflict_of, ()))
    ]


def _note_key(
    note: Note,
) -> tuple[datetime, datetime, str, tuple[str, ...], str, str, str, tuple[str, ...]]:
    # Every field but the id (equal within a group): a total order, so the choice is
    # the same whatever order the versions came in.
    return (
        note.updated,
        note.created,
        note.text,
        note.tags,
        note.author,
        note.text_hash,
        note.conflict_of,
        note.supersedes,
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
        change(kind, "status", f"{before.status.value} → {node.status.value}")
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
            detail = f"{_quote(note.text)}, a version of note {note.conflict_of}"
            change(ChangeKind.CONFLICT, "note", detail, note.id)
        else:
            kind = ChangeKind.ADDED if old is None else ChangeKind.UPDATED
            change(kind, "note", _quote(note.text), note.id)
    for note in before.notes:
        if node.note(note.id) is None:  # only a settled conflict copy ever goes
            change(ChangeKind.RESOLVED, "note", _quote(note.text), note.id)
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
