"""The user's annotations: bookmarks, review status and notes, keyed by pack id and node id.

Every model is frozen: a change builds a new `Annotations` (see `edits.py`), so a
save running on another thread always works on a consistent snapshot.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated
from uuid import uuid4

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

# Re-exported: the models are where most code looks for them.
from gpp_tui.store.kinds import NodeFilter as NodeFilter
from gpp_tui.store.kinds import ReviewStatus as ReviewStatus
from gpp_tui.store.kinds import content_hash
from gpp_tui.store.kinds import text_hash as text_hash

SCHEMA_VERSION = 2
"""The newest annotations schema this version of gpp-tui writes and reads.

2: notes carry `supersedes`, the fingerprints of the versions they replace, and
nodes `deleted`, the fingerprints of deleted notes.
"""

_SURROGATE = re.compile("[\ud800-\udfff]")


def utc_now() -> datetime:
    """The current time, in UTC."""
    return datetime.now(UTC)


def _to_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _storable(text: str) -> str:
    """Text that UTF-8 can hold: surrogate pairs joined, a lone surrogate becomes U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


UtcDatetime = Annotated[AwareDatetime, AfterValidator(_to_utc)]
StorableText = Annotated[str, AfterValidator(_storable)]


class _Frozen(BaseModel):
    # extra="forbid": a field this version does not know must not be dropped by
    # the next save, so such a file is treated as unreadable and kept aside.
    model_config = ConfigDict(frozen=True, extra="forbid")


class Note(_Frozen):
    """One note on a node: free text with tags, times, author and the text it was written on."""

    id: str = Field(default_factory=lambda: str(uuid4()), min_length=1)
    text: StorableText
    tags: tuple[StorableText, ...] = ()
    created: UtcDatetime
    updated: UtcDatetime
    author: StorableText = ""
    text_hash: str = ""
    conflict_of: str = ""
    """For a conflict copy made by a merge: the id of the note it is a version of."""
    supersedes: tuple[str, ...] = ()
    """Fingerprints (`version_hash`) of the earlier versions of this note that it
    replaces, sorted; each edit adds the version it replaced. A merge uses them to
    tell a note edited on one side (take the newer) from one edited on both (keep
    both)."""

    def text_changed(self, current_hash: str) -> bool:
        """True when the node text differs from the text this note was written against."""
        return bool(self.text_hash) and self.text_hash != current_hash

    def version_hash(self) -> str:
        """The fingerprint of this version: its text, tags and when it was saved."""
        return content_hash(self.text, (*self.tags, self.updated.isoformat()))

    def history(self) -> frozenset[str]:
        """Fingerprints of this version and of every version it replaces.

        One version replaces another when its history holds all of the other's
        and more: that is how a merge tells an edit from a conflict, even when
        an edit goes back to an earlier text.
        """
        return frozenset((*self.supersedes, self.version_hash()))

    @property
    def family(self) -> str:
        """The id of the note this is a version of: its own, or the one it is a copy of."""
        return (self.conflict_of or self.id).split("~", 1)[0]


class Bookmark(_Frozen):
    """A bookmark on a node, with an optional short label."""

    label: StorableText = ""
    created: UtcDatetime


class NodeAnnotations(_Frozen):
    """Everything the user attached to one node."""

    status: ReviewStatus = ReviewStatus.UNREVIEWED
    status_changed: UtcDatetime | None = None
    bookmark: Bookmark | None = None
    notes: tuple[Note, ...] = ()

    deleted: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Notes the user deleted: note id → the fingerprints of the deleted version's
    history (`Note.history`). A version whose whole history is listed stays deleted
    in a merge; a version edited elsewhere after the deletion has more, and comes in."""

    @property
    def has_content(self) -> bool:
        """True when the node shows something: a status, a bookmark or notes."""
        return not (
            self.status is ReviewStatus.UNREVIEWED and self.bookmark is None and not self.notes
        )

    @property
    def is_empty(self) -> bool:
        """True when there is nothing worth keeping on this node (deletions are kept)."""
        return not self.has_content and not self.deleted

    def was_deleted(self, note: Note) -> bool:
        """True when the user deleted this version of the note, or a later one."""
        return note.history() <= set(self.deleted.get(note.family, ()))

    def note(self, note_id: str) -> Note | None:
        """The note with this id, if the node has it."""
        return next((note for note in self.notes if note.id == note_id), None)


EMPTY_NODE = NodeAnnotations()


@dataclass(frozen=True, slots=True)
class Progress:
    """How far the review of a set of recommendations has come."""

    total: int
    reviewed: int
    follow_up: int

    @property
    def unreviewed(self) -> int:
        """Recommendations with neither status."""
        return self.total - self.reviewed - self.follow_up

    def __str__(self) -> str:
        from gpp_tui.i18n import _

        return _("Reviewed {reviewed} of {total} · {follow_up} follow-up").format(
            reviewed=self.reviewed, total=self.total, follow_up=self.follow_up
        )


class Annotations(_Frozen):
    """All annotations: pack id → node id → what the user attached to that node."""

    schema_version: int = SCHEMA_VERSION
    packs: dict[str, dict[str, NodeAnnotations]] = Field(default_factory=dict)

    def node(self, pack_id: str, node_id: str) -> NodeAnnotations:
        """What is attached to a node (an empty value when nothing is)."""
        return self.packs.get(pack_id, {}).get(node_id, EMPTY_NODE)

    def notes_for(self, pack_id: str, node_id: str) -> tuple[Note, ...]:
        """The notes on a node, oldest first."""
        return self.node(pack_id, node_id).notes

    def status_of(self, pack_id: str, node_id: str) -> ReviewStatus:
        """The review status of a node."""
        return self.node(pack_id, node_id).status

    def note_counts(self, pack_id: str) -> dict[str, int]:
        """Node id → number of notes, for nodes that have any."""
        nodes = self.packs.get(pack_id, {})
        return {node_id: len(node.notes) for node_id, node in nodes.items() if node.notes}

    def bookmarks(self, pack_id: str) -> list[tuple[str, Bookmark]]:
        """(node id, bookmark) for every bookmarked node of a pack, in the order they were made."""
        marks = [
            (node_id, node.bookmark)
            for node_id, node in self.packs.get(pack_id, {}).items()
            if node.bookmark is not None
        ]
        return sorted(marks, key=lambda pair: pair[1].created)

    def progress(self, pack_id: str, recommendation_ids: Iterable[str]) -> Progress:
        """Review progress over the given recommendations (a pack's or one area's)."""
        nodes = self.packs.get(pack_id, {})
        total = reviewed = follow_up = 0
        for node_id in recommendation_ids:
            total += 1
            status = nodes.get(node_id, EMPTY_NODE).status
            reviewed += status is ReviewStatus.REVIEWED
            follow_up += status is ReviewStatus.FOLLOW_UP
        return Progress(total, reviewed, follow_up)

    def progress_by_area(
        self, pack_id: str, areas: Mapping[str, Iterable[str]]
    ) -> dict[str, Progress]:
        """Area id → progress, given each area's recommendation ids."""
        return {area_id: self.progress(pack_id, ids) for area_id, ids in areas.items()}

    def matching(self, pack_id: str, node_ids: Iterable[str], wanted: NodeFilter) -> list[str]:
        """The node ids (in the order given) that pass a tree filter."""
        nodes = self.packs.get(pack_id, {})
        tests: dict[NodeFilter, Callable[[NodeAnnotations], bool]] = {
            NodeFilter.BOOKMARKED: lambda node: node.bookmark is not None,
            NodeFilter.NOTES: lambda node: bool(node.notes),
            NodeFilter.FOLLOW_UP: lambda node: node.status is ReviewStatus.FOLLOW_UP,
            NodeFilter.UNREVIEWED: lambda node: node.status is ReviewStatus.UNREVIEWED,
        }
        test = tests[wanted]
        return [node_id for node_id in node_ids if test(nodes.get(node_id, EMPTY_NODE))]

    def orphans(self, pack_id: str, existing_ids: Collection[str]) -> dict[str, NodeAnnotations]:
        """Annotations on node ids the pack no longer has: kept, shown apart, never dropped."""
        nodes = self.packs.get(pack_id, {})
        return {
            node_id: node
            for node_id, node in nodes.items()
            if node_id not in existing_ids and node.has_content
        }

    def changed_notes(self, pack_id: str, node_texts: Mapping[str, str]) -> list[tuple[str, Note]]:
        """(node id, note) for notes written against text that has changed since.

        `node_texts` maps each node id of the current pack to its source text
        (`Node.text`); notes on nodes missing from it are orphans, not listed here.
        """
        changed: list[tuple[str, Note]] = []
        for node_id, node in self.packs.get(pack_id, {}).items():
            if not node.notes or node_id not in node_texts:
                continue
            current = text_hash(node_texts[node_id])
            changed.extend((node_id, note) for note in node.notes if note.text_changed(current))
        return changed

    @property
    def note_total(self) -> int:
        """How many notes there are across all packs."""
        return sum(len(node.notes) for nodes in self.packs.values() for node in nodes.values())
