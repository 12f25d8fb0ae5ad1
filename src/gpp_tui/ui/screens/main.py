"""The main screen: the tree on the left, the highlighted node's detail on the right."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Footer, Header, Static, Tree

from gpp_tui.content import Library, Node
from gpp_tui.store.state import AppState, save_state
from gpp_tui.ui.glyphs import Glyphs
from gpp_tui.ui.history import History, Place
from gpp_tui.ui.screens.sharing import Sharing
from gpp_tui.ui.widgets.detail import DetailPane, LinkList
from gpp_tui.ui.widgets.notes import NotesList
from gpp_tui.ui.widgets.principles_tree import PrinciplesTree

if TYPE_CHECKING:
    from textual.timer import Timer

    from gpp_tui.store.serialize import ByteCodec

MIN_WIDTH = 60
MIN_HEIGHT = 18
POSITION_DELAY = 2.0
"""Seconds the highlight must rest on a node before it is written down."""


class MainScreen(Sharing):
    """Browse the packs; owns the navigation history, the position and the user's data."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Footer order: what fits in 80 columns comes first, help before all.
        Binding("question_mark,f1", "app.help", "Help", id="app.help"),
        Binding("b", "toggle_bookmark", "Bookmark", id="notes.bookmark"),
        Binding(
            "r",
            "cycle_status",
            "Status",
            tooltip="Review status: unreviewed → reviewed → follow-up",
            id="notes.status",
        ),
        Binding("n", "add_note", "Note", id="notes.add"),
        Binding(
            "N",
            "focus_notes",
            "Notes",
            tooltip="Go to the notes of the shown node",
            id="notes.focus",
        ),
        Binding("slash", "search", "Search", id="find.search"),
        Binding("F", "choose_filter", "Filter", id="find.filter"),
        Binding("x", "export", "Export", id="share.export"),
        Binding("B", "show_bookmarks", "Bookmarks", id="notes.bookmarks"),
        Binding("c", "cite", "Cite", show=False, id="share.cite"),
        Binding("I", "import", "Import notes", show=False, id="share.import"),
        Binding("L", "label_bookmark", "Label bookmark", show=False, id="notes.label"),
        Binding("1", "set_status('unreviewed')", "Mark unreviewed", show=False, id="status.none"),
        Binding("2", "set_status('reviewed')", "Mark reviewed", show=False, id="status.reviewed"),
        Binding(
            "3", "set_status('follow-up')", "Mark needs follow-up", show=False, id="status.follow"
        ),
        Binding("backspace,alt+left", "back", "Back", id="nav.back"),
        Binding("alt+right", "forward", "Forward", id="nav.forward"),
        Binding("f", "follow", "Links", id="nav.follow"),
        Binding("escape", "focus_tree", "Back to the tree", show=False, id="nav.tree"),
    ]
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (Screen declares it without ClassVar)
        (0, "-narrow"),
        (70, "-normal"),
        (120, "-wide"),
    ]

    current: reactive[Node | None] = reactive(None)

    def __init__(
        self, library: Library, glyphs: Glyphs, state_dir: Path, start: Place, author: str = ""
    ) -> None:
        super().__init__()
        self._author = author
        self._library = library
        self._glyphs = glyphs
        self._start = start
        self.history = History()
        self._state_dir = state_dir
        self._saved_place: Place = start
        self._position_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """Header, the tree and detail side by side (stacked when narrow), footer."""
        yield Header(icon="=" if self._glyphs.bullet == "*" else "≡")
        with Horizontal(id="body"):
            yield PrinciplesTree(self._library, self._glyphs, id="tree")
            yield DetailPane(self._library, self._glyphs, id="detail").data_bind(
                node=MainScreen.current
            )
        yield Static(
            f"Terminal too small: needs {MIN_WIDTH}x{MIN_HEIGHT}",
            id="too-small",
        )
        yield Footer()

    def on_resize(self, event: events.Resize) -> None:
        """Below the minimum size show one clear line instead of a broken layout."""
        size = event.size
        self.set_class(size.width < MIN_WIDTH or size.height < MIN_HEIGHT, "-too-small")

    def on_mount(self) -> None:
        """Go to where the user was last time (or the start of the first pack)."""
        tree = self.query_one(PrinciplesTree)
        if not tree.go_to(self._start):
            first = self._library.packs[0]
            tree.go_to((first.pack.id, ":pack"))
        tree.focus()

    @work(thread=True, group="store")
    def open_store(self, codec: ByteCodec | None = None) -> None:
        """Load the annotations off the UI thread (the app calls this once it has painted)."""
        from gpp_tui.store.annotation_store import AnnotationStore
        from gpp_tui.store.serialize import PLAIN

        store = AnnotationStore(self._state_dir, codec=codec or PLAIN, author=self._author)
        self.app.call_from_thread(self.store_ready, store)

    @property
    def current_node(self) -> Node | None:
        """The highlighted node."""
        return self.current

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

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[Node]) -> None:
        node = event.node.data
        if node is None:
            return
        self.current = node
        self.history.visit((node.pack_id, node.id))
        if self.pending_note is not None and self.pending_note[0] == (node.pack_id, node.id):
            self.call_after_refresh(self.focus_note, self.pending_note[1])
            self.pending_note = None

    @on(LinkList.Followed)
    def _followed(self, event: LinkList.Followed) -> None:
        self.jump((event.pack_id, event.node_id))

    def jump(self, place: Place) -> None:
        """Go to a node as a new history entry (links, palette, search)."""
        if self.query_one(PrinciplesTree).go_to(place):
            self.history.jump(place)
            self.query_one(PrinciplesTree).focus()
        else:
            self.notify(f"No node {place[1]!r} in pack {place[0]!r}", severity="warning")

    def action_back(self) -> None:
        """Go back to the previous node in the history."""
        place = self.history.back()
        if place is None:
            self.notify("Nothing to go back to", timeout=2)
            return
        self.query_one(PrinciplesTree).go_to(place)

    def action_forward(self) -> None:
        """Go forward again after going back."""
        place = self.history.forward()
        if place is None:
            self.notify("Nothing to go forward to", timeout=2)
            return
        self.query_one(PrinciplesTree).go_to(place)

    def focus_note(self, note_id: str) -> None:
        """Highlight and focus one note of the shown node (after a search hit on it)."""
        self.query_one(NotesList).select_note(note_id)

    def action_focus_notes(self) -> None:
        """Move the focus to the shown node's notes (the highlighted one in view)."""
        if not self.query_one(DetailPane).focus_notes():
            self.notify("No notes on this node: n to write one", timeout=2)

    def action_follow(self) -> None:
        """Move the focus to the links of the shown node (related recommendations)."""
        links = self.query_one(LinkList)
        if links.display and links.option_count:
            links.focus()
            self.query_one(DetailPane).scroll_to_widget(links)
        else:
            self.notify("This node has no links to follow", timeout=2)

    def action_focus_tree(self) -> None:
        """Put the focus back on the tree."""
        self.query_one(PrinciplesTree).focus()

    def save_position(self, node: Node | None = None) -> None:
        """Remember the highlighted node (or `node`) for the next start."""
        node = node or self.current
        # A read-only copy writes nothing at all, not even this (nor before the store is open).
        if node is None or self.store is None or self.store.read_only:
            return
        # Losing the remembered position is harmless; never block quitting on it.
        with contextlib.suppress(OSError):
            save_state(self._state_dir, AppState(node.pack_id, node.id))
