"""The main screen: the tree on the left, the highlighted node's detail on the right."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Header, Static, Tree

from gpp_tui.content import Library, Node
from gpp_tui.content.models import language_tag
from gpp_tui.i18n import _, ngettext
from gpp_tui.session import Changed, Place, Refused, Session
from gpp_tui.session.languages import shown_language
from gpp_tui.store.kinds import ReviewStatus
from gpp_tui.store.state import AppState, save_state
from gpp_tui.ui.glyphs import Glyphs
from gpp_tui.ui.screens import bilingual
from gpp_tui.ui.screens.main_keys import MAIN_BINDINGS
from gpp_tui.ui.widgets.detail import DetailPane, LinkList
from gpp_tui.ui.widgets.footer import FittingFooter
from gpp_tui.ui.widgets.notes import NotesList
from gpp_tui.ui.widgets.principles_tree import PrinciplesTree
from gpp_tui.ui.widgets.tree_marks import Marks, Widths, column_widths, marks_for

if TYPE_CHECKING:
    from textual.timer import Timer

    from gpp_tui.store.annotation_store import AnnotationStore
    from gpp_tui.store.models import Note
    from gpp_tui.store.serialize import ByteCodec

MIN_WIDTH = 60
MIN_HEIGHT = 18
HEADER_CHROME = 26
"""Header cells around the title: the icon, the space kept right, " — "."""
POSITION_DELAY = 2.0
"""Seconds the highlight must rest on a node before it is written down."""
MESSAGE_SECONDS = 12
SAVE_RETRY_SECONDS = 15.0
"""After a failed save (a full disk, a folder made read-only), how often it is tried again."""


class MainScreen(Screen[None]):
    """Browse the packs; turns keys into calls on the `Session` and renders what changed."""

    BINDINGS: ClassVar[list[BindingType]] = MAIN_BINDINGS
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (Screen declares it without ClassVar)
        (0, "-narrow"),
        (70, "-normal"),
    ]

    current: reactive[Node | None] = reactive(None)

    def __init__(
        self,
        library: Library,
        glyphs: Glyphs,
        state_dir: Path,
        start: Place,
        author: str = "",
        *,
        language: str = "",
        side_by_side: bool = False,
    ) -> None:
        super().__init__()
        self.session = Session(library, state_dir, author)
        self.chosen_language = language
        """The content language the user chose in the app ("": none yet), kept for next time."""
        self.side_by_side = side_by_side
        """Whether the user asked for the original and its translation side by side."""
        if language and language_tag(language) != language_tag(shown_language(library)):
            # The user's choice from last time (reads the translations only when one is shown).
            with contextlib.suppress(Refused):
                self.session.show_language(language)
        self.glyphs = glyphs
        self._start = start
        self._saved_place: Place = start
        self._position_timer: Timer | None = None
        self._save_retry: Timer | None = None
        """Set while the last save failed: the header says "not saved" until one succeeds."""
        self.pending_note: tuple[Place, str] | None = None
        """A note to select once its node is shown (after a search hit on it)."""
        self.team_timer: Timer | None = None
        """The look at the team folder every few seconds (paused when in no team)."""

    @property
    def store(self) -> AnnotationStore | None:
        """The session's annotation store (None while loading)."""
        return self.session.store

    def compose(self) -> ComposeResult:
        """Header, the tree and detail side by side (stacked when narrow), footer."""
        library = self.session.library
        yield Header(icon="=" if self.glyphs.bullet == "*" else "≡")
        with Horizontal(id="body"):
            yield PrinciplesTree(library, self.glyphs, id="tree")
            yield DetailPane(library, self.glyphs, id="detail").data_bind(node=MainScreen.current)
        yield Static(id="too-small")
        yield FittingFooter()

    def on_resize(self, event: events.Resize) -> None:
        """Below the minimum size show one clear line instead of a broken layout."""
        size = event.size
        too_small = size.width < MIN_WIDTH or size.height < MIN_HEIGHT
        if too_small:
            self.query_one("#too-small", Static).update(
                _("Terminal too small: {width}x{height}, needs {size}").format(
                    width=size.width, height=size.height, size=f"{MIN_WIDTH}x{MIN_HEIGHT}"
                )
            )
        self.set_class(too_small, "-too-small")
        self.show_progress()
        bilingual.show_side_by_side(self, size.width)

    def on_mount(self) -> None:
        """Go to where the user was last time (or the start of the first pack)."""
        tree = self.query_one(PrinciplesTree)
        if not tree.go_to(self._start):
            first = self.session.library.packs[0]
            tree.go_to((first.pack.id, ":pack"))
        tree.focus()
        if self.side_by_side:
            # Asked for last time: the translations are read after the first paint.
            bilingual.with_translations(self, self._side_by_side_ready)

    def _side_by_side_ready(self) -> None:
        self.session.include_translations()
        self.show_library()

    def show_library(self) -> None:
        """Show the session's packs in their new language: the same place, the same nodes open."""
        library = self.session.library
        self.query_one(DetailPane).show_library(library)
        self.query_one(PrinciplesTree).show_library(library)
        if self.session.current is not None:
            self.current = self.session.current
        bilingual.show_side_by_side(self)
        self.show_progress()

    @work(thread=True, group="store")
    def open_store(self, codec: ByteCodec | None = None) -> None:
        """Load the annotations off the UI thread (the app calls this once it has painted)."""
        store = self.session.open_store(codec)
        self.app.call_from_thread(self.store_ready, store)

    def store_ready(self, store: AnnotationStore) -> None:
        """The annotations are loaded: say what happened, show the markers, offer drafts."""
        self.session.attach(store)
        alarms = self.session.startup_alarms()
        for message in self.session.startup_messages():
            if message not in alarms:  # those wait in a dialog, below
                self.notify(message, severity="warning", timeout=MESSAGE_SECONDS)
        self.query_one(PrinciplesTree).marker = self.marker
        for pack, count in self.show_orphans():
            self.notify(
                ngettext(
                    "{count} annotated node is no longer in {pack}: "
                    "its notes are kept under Orphaned notes",
                    "{count} annotated nodes are no longer in {pack}: "
                    "their notes are kept under Orphaned notes",
                    count,
                ).format(count=count, pack=pack),
                severity="warning",
                timeout=MESSAGE_SECONDS,
            )
        self.redraw(None)
        drafts = self.session.drafts.pending()
        if drafts:
            from gpp_tui.ui.screens import annotating

            annotating.offer_drafts(self, drafts)
        if alarms:  # on top of a draft's offer: read first, then the draft
            from gpp_tui.ui.screens.confirm import NoticeScreen

            self.app.push_screen(NoticeScreen(_("About your notes file"), alarms))
        self.warm_up()
        if self.session.team.name:
            from gpp_tui.ui.screens import teamwork

            teamwork.start_view(self)
            self.show_node_annotations()

    @work(thread=True, group="team")
    def look_at_team(self) -> None:
        """A stat per file of the team folder; colleagues' changes shown where they land.

        Not exclusive: cancelling a look that already read a file would lose its redraw
        (looks take turns inside the team view's lock)."""
        changed = self.session.team.poll()
        if changed is not None:
            self.app.call_from_thread(self.team_changed, changed)

    def team_changed(self, changed: Changed) -> None:
        """Show colleagues' changes without moving the user's place."""
        self.session.finder.reindex(changed.places)
        self.redraw(list(changed.places))
        if changed.message:
            self.notify(changed.message, severity="warning", timeout=MESSAGE_SECONDS)

    @work(thread=True, group="index")
    def warm_up(self) -> None:
        """Build the search index and get the first save ready, off the UI thread."""
        self.session.warm_up()

    def show_orphans(self) -> list[tuple[str, int]]:
        """Put annotations on nodes the packs lack under "Orphaned notes"; (pack title, count)."""
        tree = self.query_one(PrinciplesTree)
        found: list[tuple[str, int]] = []
        for pack in self.session.library.packs:
            orphans = self.session.orphans().get(pack.pack.id, ())
            if orphans or tree.has_orphans(pack.pack.id):
                tree.set_orphans(pack.pack.id, orphans)
            if orphans:
                found.append((pack.pack.title, len(orphans)))
        return found

    def marker(self, node: Node) -> Marks:
        """Status, bookmark and notes markers for a tree label."""
        return marks_for(self.session.mine(node), self.glyphs, self._by_colleague)

    def _by_colleague(self, note: Note) -> bool:
        return bool(self.session.team.author_of(note))

    def _mark_widths(self) -> Widths:
        """The marker column's slot widths, over every annotated node."""
        annotations = self.session.annotations
        if annotations is None:
            return (0, 0, 0)
        return column_widths(
            marks_for(mine, self.glyphs, self._by_colleague)
            for nodes in annotations.packs.values()
            for mine in nodes.values()
        )

    def redraw(self, places: list[Place] | None) -> None:
        """Redraw what depends on annotations (markers, progress, the detail pane)."""
        tree = self.query_one(PrinciplesTree)
        widths = self._mark_widths()
        if widths != tree.mark_widths:
            tree.set_mark_widths(widths)  # every label moves: all are redrawn
        else:
            tree.refresh_markers(places)
        self.show_progress()
        self.show_node_annotations()

    def show_node_annotations(self) -> None:
        """Give the detail pane the highlighted node's annotations."""
        node = self.current
        mine = self.session.mine(node)
        if node is None or mine is None:
            return
        self.query_one(DetailPane).show_annotations(mine, self.session.stale_notes(node))

    def show_progress(self) -> None:
        """Review progress of the pack (and of the current focus area) in the header."""
        g = self.glyphs
        text = self.session.progress(g.separator)
        team = f"{self.session.team.name} {g.separator} " if self.session.team.name else ""
        if self._save_retry is not None:
            team = f"{g.follow_up} " + _("NOT SAVED") + f" {g.separator} " + team
        room = self.size.width - HEADER_CHROME - len(self.app.title)
        if len(team + text) > room:  # the short form, so the area and the filter stay in view
            text = self.session.progress(g.separator, marks=(g.reviewed, g.follow_up))
        # Narrower still: the progress and the filter matter more than the app's name.
        self.title = "" if len(team + text) > room else None
        if text:
            self.app.sub_title = team + text

    def run(self, operation: Callable[[], Changed | None]) -> Changed | None:
        """Call the session; show what changed, save it, and say so (or say why not)."""
        self.catch_up()
        try:
            changed = operation()
        except Refused as refused:
            self.notify(
                refused.message,
                severity="warning" if refused.warning else "information",
                timeout=MESSAGE_SECONDS if refused.warning else 3,
            )
            return None
        if changed is not None:
            self.apply(changed)
        return changed

    def apply(self, changed: Changed) -> None:
        """Render a change, write it in the background and tell the user."""
        if changed.everything:
            self.show_orphans()
            self.redraw(None)
        elif changed.places:
            self.redraw(list(changed.places))
        if changed.needs_save:
            self.save_in_background()
        message = changed.message
        if changed.undoable:
            undo = _("{key} to undo").format(key=self.key_for("edit.undo", "u"))
            message += f" {self.glyphs.separator} {undo}"
        self.notify(message, timeout=10 if changed.everything else 4)
        if changed.note_id is not None:
            note_id = changed.note_id
            self.call_after_refresh(self.focus_note, note_id)

    def key_for(self, binding_id: str, default: str) -> str:
        """The key the user presses for a binding (after any remapping in the settings)."""
        keymap: dict[str, str] = getattr(self.app, "keymap", {})
        return keymap.get(binding_id, default).split(",")[0]

    @work(thread=True, group="save")
    def save_in_background(self) -> None:
        """Save the annotations atomically (the store serialises concurrent saves)."""
        from gpp_tui.store.errors import StoreError

        try:
            self.session.save()
        except StoreError as error:
            self.app.call_from_thread(self._save_failed, str(error))
        else:
            if self._save_retry is not None:  # only after a failure: nothing to say otherwise
                self.app.call_from_thread(self._save_worked)

    def _save_failed(self, error: str) -> None:
        """Say why, mark the header, and try again every SAVE_RETRY_SECONDS (once space is freed).

        Told once: the retries that fail again leave the header's mark to say it.
        """
        if self._save_retry is not None:
            return
        self._save_retry = self.set_interval(SAVE_RETRY_SECONDS, self._retry_save)
        self.show_progress()
        self.notify(error, severity="error", timeout=MESSAGE_SECONDS)

    def _save_worked(self) -> None:
        if self._save_retry is None:
            return
        self._save_retry.stop()
        self._save_retry = None
        self.show_progress()
        self.notify(_("Saved: your changes are on disk now"), timeout=MESSAGE_SECONDS)

    def _retry_save(self) -> None:
        store = self.session.store
        if store is None or not store.dirty:
            self._save_worked()
        elif not any(w.group == "save" and not w.is_finished for w in self.workers):
            self.save_in_background()

    def watch_current(self) -> None:
        """Show the new node's annotations and its area's progress; remember it soon."""
        self.show_node_annotations()
        self.show_progress()
        if self._position_timer is not None:
            self._position_timer.stop()
        # Written once the user stays put, so a crash still restarts close to where they were.
        self._position_timer = self.set_timer(POSITION_DELAY, self._remember_position)

    def _remember_position(self) -> None:
        node = self.current
        if node is not None and (node.pack_id, node.id) != self._saved_place:
            self._saved_place = (node.pack_id, node.id)
            self._write_position(node)

    @work(thread=True, group="state")
    def _write_position(self, node: Node) -> None:
        self.save_position(node)

    def catch_up(self) -> None:
        """Make the tree's highlighted node the current one now, before a key acts on it.

        The tree tells the screen by a message, which waits in the screen's queue: with
        keys that arrive at once ("down down b" over a slow link) "b" would otherwise
        bookmark the node the cursor left.
        """
        tree = self.query_one(PrinciplesTree)
        cursor = tree.cursor_node
        node = cursor.data if cursor is not None else None
        if tree.has_focus and node is not None and node is not self.current:
            self.session.open(node)
            self.current = node

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[Node]) -> None:
        node = event.node.data
        if node is None:
            return
        self.session.open(node)
        self.current = node
        if self.pending_note is not None and self.pending_note[0] == (node.pack_id, node.id):
            self.call_after_refresh(self.focus_note, self.pending_note[1])
            self.pending_note = None

    @on(LinkList.Followed)
    def _followed(self, event: LinkList.Followed) -> None:
        self.jump((event.pack_id, event.node_id))

    @on(NotesList.EditRequested)
    def _edit_requested(self, event: NotesList.EditRequested) -> None:
        node = self.current
        if node is not None and self.writable():
            from gpp_tui.ui.screens import annotating

            annotating.open_editor(self, node, event.note_id)

    @on(NotesList.DeleteRequested)
    def _delete_requested(self, event: NotesList.DeleteRequested) -> None:
        node = self.current
        if node is not None and self.writable():
            from gpp_tui.ui.screens import annotating

            annotating.confirm_delete(self, node, event.note_id)

    def writable(self) -> bool:
        """True when notes can be changed now; otherwise says why."""
        store = self.session.store
        if store is None:
            self.notify(_("Your notes are still loading"), timeout=2)
            return False
        if store.read_only:
            self.notify(
                _("Not saved: {reason}").format(reason=store.read_only_reason), severity="warning"
            )
            return False
        return True

    def jump(self, place: Place) -> None:
        """Go to a node as a new history entry (links, palette, search)."""
        if self.query_one(PrinciplesTree).go_to(place):
            self.session.jump(place)
            self.query_one(PrinciplesTree).focus()
        else:
            self.notify(
                _("No node {node!r} in pack {pack!r}").format(node=place[1], pack=place[0]),
                severity="warning",
            )

    def action_back(self) -> None:
        """Go back to the previous node in the history."""
        place = self.session.history.back()
        if place is None:
            self.notify(_("Nothing to go back to"), timeout=2)
            return
        self.query_one(PrinciplesTree).go_to(place)

    def action_forward(self) -> None:
        """Go forward again after going back."""
        place = self.session.history.forward()
        if place is None:
            self.notify(_("Nothing to go forward to"), timeout=2)
            return
        self.query_one(PrinciplesTree).go_to(place)

    def focus_note(self, note_id: str) -> None:
        """Highlight and focus one note of the shown node (after saving it, or a search hit)."""
        self.query_one(NotesList).select_note(note_id)

    def action_focus_notes(self) -> None:
        """Move the focus to the shown node's notes (the highlighted one in view)."""
        self.catch_up()
        if not self.query_one(DetailPane).focus_notes():
            self.notify(_("No notes on this node: n to write one"), timeout=2)

    def action_follow(self) -> None:
        """Move the focus to the links of the shown node (related recommendations)."""
        self.catch_up()
        links = self.query_one(LinkList)
        if links.display and links.option_count:
            links.focus()
            self.query_one(DetailPane).scroll_to_widget(links)
        else:
            self.notify(_("This node has no links to follow"), timeout=2)

    def action_focus_tree(self) -> None:
        """Put the focus back on the tree."""
        self.query_one(PrinciplesTree).focus()

    def action_toggle_bookmark(self) -> None:
        """Bookmark the highlighted node, or remove its bookmark."""
        self.run(self.session.toggle_bookmark)

    def action_label_bookmark(self) -> None:
        """Give the highlighted node's bookmark a short label (bookmarking it if needed)."""
        self.catch_up()
        if self.current is not None and self.writable():
            from gpp_tui.ui.screens import annotating

            annotating.ask_label(self, self.current)

    def action_show_bookmarks(self) -> None:
        """List the bookmarks; enter jumps to one."""
        from gpp_tui.ui.screens import annotating

        annotating.show_bookmarks(self)

    def action_show_team(self) -> None:
        """The team screen (in a team): members, progress, requests to join, sync."""
        from gpp_tui.ui.screens import teamwork

        teamwork.show_team(self)

    def action_cycle_status(self) -> None:
        """Move the review status on: unreviewed, reviewed, needs follow-up."""
        self.run(lambda: self.session.set_status(None))

    def action_set_status(self, value: str) -> None:
        """Set the review status of the highlighted recommendation."""
        self.run(lambda: self.session.set_status(ReviewStatus(value)))

    def action_reviewed_next(self) -> None:
        """Mark the highlighted recommendation reviewed and go to the next unreviewed one."""
        if self.run(lambda: self.session.set_status(ReviewStatus.REVIEWED)) is None:
            return
        place = self.session.next_unreviewed()
        if place is None:
            self.notify(_("Every recommendation is reviewed"), timeout=4)
        else:
            self.jump(place)

    def action_undo(self) -> None:
        """Take back the last change of this session (delete, edit, status, bookmark...)."""
        self.undo_step(undo=True)

    def action_redo(self) -> None:
        """Make again what undo took back."""
        self.undo_step(undo=False)

    def undo_step(self, *, undo: bool) -> Changed | None:
        """Undo (or redo) one change and say so, or say there is nothing to; what changed."""
        changed = self.run(self.session.undo if undo else self.session.redo)
        if changed is None and self.session.store is not None:
            self.notify(_("Nothing to undo") if undo else _("Nothing to redo"), timeout=2)
        return changed

    def action_add_note(self) -> None:
        """Write a new note on the highlighted node."""
        self.catch_up()
        if self.current is not None and self.writable():
            from gpp_tui.ui.screens import annotating

            annotating.open_editor(self, self.current, None)

    def action_search(self) -> None:
        """Open search-as-you-type; enter jumps to the result, escape comes back."""
        from gpp_tui.ui.screens import finding

        finding.open_search(self)

    def action_choose_filter(self) -> None:
        """Filter the tree by the user's marks and/or by text; filters combine."""
        from gpp_tui.ui.screens import finding

        finding.choose_filter(self)

    def action_export(self) -> None:
        """Choose a format and a file, then write the export."""
        from gpp_tui.ui.screens import sharing

        sharing.choose_export(self)

    def action_import(self) -> None:
        """Merge a colleague's JSON or TOML export into the user's notes, after a summary."""
        if self.writable():
            from gpp_tui.ui.screens import sharing

            sharing.choose_import(self)

    def action_switch_language(self) -> None:
        """Show the principles in the other language: the English original or its translation."""
        bilingual.switch_language(self)

    def action_side_by_side(self) -> None:
        """Show the original and its translation next to each other (120 columns or more)."""
        bilingual.toggle_side_by_side(self)

    def action_cite(self) -> None:
        """Copy a citation of the highlighted node (works over SSH through OSC 52)."""
        self.catch_up()
        from gpp_tui.ui.screens import sharing

        sharing.cite(self)

    def save_position(self, node: Node | None = None) -> None:
        """Remember the highlighted node (or `node`) for the next start."""
        node = node or self.current
        # A read-only copy writes nothing at all, not even this (nor before the store is open).
        if node is None or self.store is None or self.store.read_only:
            return
        # Losing the remembered position is harmless; never block quitting on it.
        with contextlib.suppress(OSError):
            state = AppState(node.pack_id, node.id, self.chosen_language, self.side_by_side)
            save_state(self.session.data_dir, state)
