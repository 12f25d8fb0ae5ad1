"""The session's team, when its data folder joined one: the team view every reader sees,
colleagues' notes brought in before they are edited here, and the periodic look."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from gpp_tui.i18n import N_, _, clauses
from gpp_tui.session.history import Place
from gpp_tui.session.results import Changed

if TYPE_CHECKING:
    from gpp_tui.store.annotation_store import AnnotationStore
    from gpp_tui.store.editor import AnnotationsEditor
    from gpp_tui.store.models import Annotations, Note
    from gpp_tui.team.live import LiveTeam
    from gpp_tui.team.status import TeamSummary

NOT_IN_A_TEAM = N_(
    "This data folder is in no team: ctrl+p, then Create a team folder or Join a team "
    "folder (on the command line: gpp team join PATH)"
)

POLL_SECONDS = 3.0
"""How often the app looks at the team folder (a stat per file; nothing read if unchanged)."""


class Teamwork:
    """Nothing at all when the data folder is in no team."""

    def __init__(self) -> None:
        self.live: LiveTeam | None = None
        self.messages: list[str] = []
        self.joined = False
        """The data folder is in a team (whose folder may be unusable: `messages` say why)."""

    def open(self, store: AnnotationStore, author: str, codec: object) -> None:
        """Find the store's team and build its view (any thread: it reads every device file)."""
        from gpp_tui.team.live import attach

        self.live, self.messages = attach(store, author, codec)
        # No team without a message: in none. A message without a team: its folder is unusable.
        self.joined = self.live is not None or bool(self.messages)
        if self.live is not None:
            _ = self.live.view

    def enter(
        self, store: AnnotationStore, path: Path, author: str, codec: object, create: str | None
    ) -> list[str]:
        """Join the team in `path` (made first and named `create`, when given) and show its
        view from now on (any thread: it reads every device file); a line each to tell the
        user. Raises TeamError (one line) with nothing changed."""
        from gpp_tui.team.live import LiveTeam
        from gpp_tui.team.membership import enter_team

        identity = getattr(codec, "identity", None)
        entered = enter_team(store.folder, path, author, store.annotations, identity, create=create)
        # Saves made while joining reach the team folder too: the hook publishes the last one.
        store.set_after_save(entered.review.publish_after_save)
        live = LiveTeam(entered.review, lambda: store.annotations)
        built_from = store.annotations
        _ = live.view
        self.live, self.messages, self.joined = live, [], True
        if store.annotations is not built_from:  # the user edited while it was being built
            live.local_changed(None)
        return entered.lines

    def leave(self, store: AnnotationStore) -> str:
        """Leave the team: the user's own notes from now on; the line to tell the user.

        Raises TeamError (one line) with nothing changed."""
        from gpp_tui.team.membership import leave
        from gpp_tui.team.review import TeamError

        hook = store.after_save
        store.set_after_save(None)  # no save under way writes to the folder being left
        try:
            line = leave(store.folder)
        except TeamError:
            store.set_after_save(hook)
            raise
        self.live, self.messages, self.joined = None, [], False
        return line

    def rename(self, name: str) -> str:
        """The user signs with a new name: their new notes count as theirs, and the member
        file says it to the team. A problem writing it, in one line ("" when none)."""
        if self.live is None:
            return ""
        from gpp_tui.team.review import TeamError

        try:
            self.live.rename(name)
        except TeamError as error:
            return str(error)
        return ""

    @property
    def folder(self) -> Path | None:
        """The team folder (None when in no team, or its folder is unusable)."""
        return self.live.review.team.path if self.live is not None else None

    @property
    def name(self) -> str:
        """The team's name ("" when in no team)."""
        return self.live.name if self.live is not None else ""

    def view(self, store: AnnotationStore) -> Annotations:
        """What the user sees: the team view, or their own annotations."""
        return self.live.view if self.live is not None else store.annotations

    def adopt(self, edit: AnnotationsEditor, place: Place, note_id: str) -> None:
        """Bring a colleague's note into the user's annotations before editing or deleting it."""
        if self.live is not None:
            edit.annotations = self.live.adopt(edit.annotations, place[0], place[1], note_id)

    def adopt_status(self, edit: AnnotationsEditor, place: Place) -> None:
        """Start from the status the user sees, so `r` moves on from it."""
        if self.live is None:
            return
        from gpp_tui.store.edits import replace_node

        seen = self.live.view.node(*place)
        mine = edit.annotations.node(*place)
        if (seen.status, seen.status_changed) != (mine.status, mine.status_changed):
            update = {"status": seen.status, "status_changed": seen.status_changed}
            edit.annotations = replace_node(
                edit.annotations, place[0], place[1], mine.model_copy(update=update)
            )

    def changed(self, places: Iterable[Place] | None) -> None:
        """The user's annotations changed there (None: anywhere)."""
        if self.live is not None:
            self.live.local_changed(None if places is None else list(places))

    def poll(self) -> Changed | None:
        """Look at the team folder (any thread); what changed, or None when nothing did."""
        if self.live is None:
            return None
        nodes, problems = self.live.poll()
        if not nodes and not problems:
            return None
        return Changed(clauses(problems), tuple(sorted(nodes)))

    def matching(self, pack_id: str, node_ids: list[str], who: str) -> list[str]:
        """The node ids with notes by the user ("mine") or by colleagues ("by others")."""
        if self.live is None:
            return node_ids
        from gpp_tui.team.live import Authorship

        return self.live.matching(pack_id, node_ids, Authorship(who))

    def author_of(self, note: Note) -> str:
        """A colleague's name beside their note ("" for the user's own)."""
        return self.live.author_of(note) if self.live is not None else ""

    def summary(self) -> TeamSummary | None:
        """Members, progress, requests and problems for the team screen (None: no team)."""
        return self.live.summary() if self.live is not None else None

    def decide(self, recipient: str, *, accept: bool) -> tuple[str, bool]:
        """Accept or refuse a request to join; what happened in one line, and whether it did."""
        if self.live is None:
            return _(NOT_IN_A_TEAM), False
        from gpp_tui.team.review import TeamError

        try:
            member = self.live.decide(recipient, accept=accept)
        except TeamError as error:
            return str(error), False
        if accept:
            return _("Accepted {who}: your notes are now encrypted to them too.").format(
                who=member.label()
            ), True
        return _("Refused {who}: they cannot read what you write from now on.").format(
            who=member.label()
        ), True

    def sync(self) -> tuple[str, bool, Changed | None]:
        """git sync of the team folder (any thread): one line saying what happened, whether
        it worked, and what changed in the view with what was pulled."""
        if self.live is None:
            return _(NOT_IN_A_TEAM), False, None
        from gpp_tui.team.git import GitSyncError
        from gpp_tui.team.review import TeamError

        try:
            lines, nodes, problems = self.live.sync()
        except (GitSyncError, TeamError) as error:
            return str(error), False, None
        changed = Changed(clauses(problems), tuple(sorted(nodes))) if nodes or problems else None
        if nodes:
            lines.append(_("{n} node(s) changed by the others").format(n=len(nodes)))
        return clauses(lines), True, changed
