"""The team view for a running app: kept up to date after each local change and each cheap
look at the folder, node by node, so a refresh never rebuilds 50,000 notes."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from enum import StrEnum

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.models import Annotations, Note
from gpp_tui.team.join import adopt_note
from gpp_tui.team.members import Member
from gpp_tui.team.review import TeamError, TeamReview
from gpp_tui.team.status import TeamSummary, team_summary
from gpp_tui.team.view import NodeKey


class Authorship(StrEnum):
    """The "whose notes" filters of the tree."""

    MINE = "mine"
    OTHERS = "by others"


class LiveTeam:
    """One running app's team view: `view` is what every reader of notes should see."""

    def __init__(self, review: TeamReview, local: Callable[[], Annotations]) -> None:
        self.review = review
        self._local = local
        self._view: Annotations | None = None
        self._seen_problems: set[str] = set()
        self._unsigned: frozenset[str] = frozenset()
        self._unsigned_of: Annotations | None = None
        # poll() may run on a worker thread while the UI reports local changes.
        self._lock = threading.RLock()

    @property
    def name(self) -> str:
        """The team's name, for the header."""
        return self.review.team.info.name

    @property
    def view(self) -> Annotations:
        """The join of this device's notes and every other device's (built on first use)."""
        with self._lock:
            if self._view is None:
                self.review.refresh()
                self._view = self.review.view(self._local())
            return self._view

    def local_changed(self, nodes: Iterable[NodeKey] | None = None) -> None:
        """This device's annotations changed on these nodes (None: anywhere, e.g. an import)."""
        with self._lock:
            if self._view is None:
                return
            if nodes is None:
                self._view = self.review.view(self._local())
            else:
                self._view = self.review.view_nodes(self._view, self._local(), nodes)

    def poll(self) -> tuple[frozenset[NodeKey], list[str]]:
        """Look at the team folder (a stat per file; files that changed are read).

        Returns the nodes whose notes, status or bookmark may have changed, and the
        problems not told before, one line each.
        """
        with self._lock:
            refresh = self.review.refresh()
            if refresh.nodes and self._view is not None:
                self._view = self.review.view_nodes(self._view, self._local(), refresh.nodes)
        fresh = [line for line in self.review.problems() if line not in self._seen_problems]
        if self.review.publish_problem and self.review.publish_problem not in self._seen_problems:
            fresh.append(self.review.publish_problem)
        self._seen_problems.update(fresh)
        return refresh.nodes, fresh

    def summary(self) -> TeamSummary:
        """Members, their progress, requests to join and problems, as last read."""
        with self._lock:
            return team_summary(self.review, self._local())

    def decide(self, recipient: str, *, accept: bool) -> Member:
        """Accept or refuse the member with this public key (TeamError: one line why not).

        Writes only this device's files: its member file, and its device file sealed again.
        """
        with self._lock:
            return self.review.decide(recipient, self._local(), accept=accept)

    def rename(self, name: str) -> None:
        """The user signs with a new name from now on: their member file says so (TeamError)."""
        with self._lock:
            self.review.author = name
            self.review.write_member()

    def sync(self) -> tuple[list[str], frozenset[NodeKey], list[str]]:
        """git: commit this device's files, pull, push (any thread; GitSyncError, TeamError);
        then the look at the folder, so the view shows what was pulled.

        Returns what git did (a line per step), and `poll`'s nodes and problems."""
        from gpp_tui.team.git import sync_files

        with self._lock:
            self.review.publish(self._local())
        # git runs outside the lock: a slow remote must not hold up the user's edits.
        lines = sync_files(self.review, self._local())
        nodes, problems = self.poll()
        return lines, nodes, problems

    def adopt(self, local: Annotations, pack_id: str, node_id: str, note_id: str) -> Annotations:
        """`local` holding a colleague's note, so that editing or deleting it here travels."""
        return adopt_note(local, self.view, pack_id, node_id, note_id)

    def is_mine(self, note: Note) -> bool:
        """True for a note written by this user (on this device or another of theirs).

        An unsigned note is the user's when this device holds it (written here before
        a name was set); a colleague who set no name is still a colleague.
        """
        if note.author:
            return note.author == self.review.author
        return note.id in self._unsigned_here()

    def _unsigned_here(self) -> frozenset[str]:
        """The ids of this device's unsigned notes (worked out again only after a change)."""
        local = self._local()
        if local is not self._unsigned_of:
            self._unsigned = frozenset(
                note.id
                for nodes in local.packs.values()
                for node in nodes.values()
                for note in node.notes
                if not note.author
            )
            self._unsigned_of = local
        return self._unsigned

    def author_of(self, note: Note) -> str:
        """What the notes list shows beside a colleague's note ("" for the user's own)."""
        return "" if self.is_mine(note) else (note.author or "a colleague")

    def matching(self, pack_id: str, node_ids: Iterable[str], who: Authorship) -> list[str]:
        """The node ids (in the order given) with notes by the user, or by others."""
        nodes = self.view.packs.get(pack_id, {})
        wanted = who is Authorship.MINE
        return [
            node_id
            for node_id in node_ids
            if (node := nodes.get(node_id)) is not None
            and any(self.is_mine(note) is wanted for note in node.notes)
        ]

    def nodes_with_others_notes(self, pack_id: str) -> set[str]:
        """Node ids with at least one note by someone else (the tree marks them)."""
        nodes = self.view.packs.get(pack_id, {})
        return set(self.matching(pack_id, nodes, Authorship.OTHERS))


def attach(
    store: AnnotationStore, author: str, codec: object = None
) -> tuple[LiveTeam | None, list[str]]:
    """The running app's team when its data folder joined one (None otherwise), and what
    to tell the user. Each save of `store` then writes this device's file too."""
    try:
        review = TeamReview.open(store.folder, author, getattr(codec, "identity", None))
    except TeamError as error:
        return None, [f"Team folder not used: {error}"]
    if review is None:
        return None, []
    store.after_save = review.publish_after_save
    messages = []
    if not store.read_only:
        try:
            review.publish(store.annotations)
        except TeamError as error:
            messages.append(str(error))
    return LiveTeam(review, lambda: store.annotations), messages
