"""The bookmarks view: every bookmark with its label and note count; jump, remove, relabel."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from gpp_tui.content import Library
from gpp_tui.i18n import N_, _, ngettext
from gpp_tui.session.history import Place
from gpp_tui.ui.glyphs import Glyphs
from gpp_tui.ui.widgets.footer import QUIT, FittingFooter
from gpp_tui.ui.widgets.lists import StraightOptionList

if TYPE_CHECKING:
    from gpp_tui.store.models import Annotations

Edit = Callable[[Place, Callable[[], None]], None]
"""Act on a bookmark, then call the second argument to show the list again."""

Step = Callable[[bool], tuple[Place, ...] | None]
"""Undo (True) or redo (False) the last change; the places it changed, or None if nothing."""

EMPTY = N_("No bookmarks yet: press b on any node to bookmark it.")


class BookmarksScreen(ModalScreen[Place | None]):
    """Lists bookmarks; dismisses with the chosen node, or None. d/b remove, L relabels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", N_("Close"), id="bookmarks.close"),
        Binding("enter", "go", N_("Go to"), id="bookmarks.go", priority=True),
        Binding("d,b", "remove", N_("Remove bookmark"), id="bookmarks.remove"),
        Binding("u", "step(True)", N_("Undo"), id="edit.undo"),
        Binding("U", "step(False)", N_("Redo (what u undid)"), show=False, id="edit.redo"),
        Binding("L", "relabel", N_("Label"), id="bookmarks.label"),
        QUIT,
    ]

    def __init__(
        self,
        library: Library,
        annotations: Callable[[], Annotations | None],
        glyphs: Glyphs,
        *,
        remove: Edit | None = None,
        relabel: Edit | None = None,
        step: Step | None = None,
    ) -> None:
        super().__init__()
        self._library = library
        self._annotations = annotations
        self._glyphs = glyphs
        self._remove = remove
        self._relabel = relabel
        self._step = step
        self._places: list[Place] = []

    def _options(self) -> list[Option]:
        """One option per bookmark, in pack order; fills `_places` alongside."""
        glyphs, annotations = self._glyphs, self._annotations()
        self._places = []
        options: list[Option] = []
        if annotations is None:
            return options
        for pack in self._library.packs:
            for node_id, bookmark in annotations.bookmarks(pack.pack.id):
                node = pack.nodes.get(node_id)
                label = Text(f"{glyphs.bookmark} ")
                label.append(
                    node.label if node else _("{node} (no longer in the pack)").format(node=node_id)
                )
                if bookmark.label:
                    label.append(f" {glyphs.separator} {bookmark.label}", style="italic")
                count = len(annotations.notes_for(pack.pack.id, node_id))
                if count:
                    counted = ngettext("{count} note", "{count} notes", count).format(count=count)
                    label.append(f" {glyphs.separator} {counted}")
                options.append(Option(label, id=str(len(self._places))))
                self._places.append((pack.pack.id, node_id))
        return options

    def compose(self) -> ComposeResult:
        """The list, and a line saying there are no bookmarks (shown when the list is empty)."""
        with Vertical(id="bookmarks-box") as box:
            box.border_title = _("Bookmarks (enter go, d remove, L label, escape close)")
            options = self._options()
            yield StraightOptionList(*options, id="bookmarks-list")
            yield Static(_(EMPTY), id="bookmarks-empty")
        yield FittingFooter()

    def on_mount(self) -> None:
        """Show the empty line only when there is nothing to list."""
        self._show_empty()

    def _show_empty(self) -> None:
        listing = self.query_one(OptionList)
        listing.display = bool(listing.option_count)
        self.query_one("#bookmarks-empty").display = not listing.option_count

    def refresh_list(self, show: tuple[Place, ...] = ()) -> None:
        """List the bookmarks again (after a change), keeping the highlight near where it was.

        The first of `show` still listed is highlighted instead (a bookmark undo brought back).
        """
        listing = self.query_one(OptionList)
        was = listing.highlighted or 0
        listing.clear_options()
        listing.add_options(self._options())
        wanted = [self._places.index(place) for place in show if place in self._places]
        if wanted:
            listing.highlighted = wanted[0]
        elif listing.option_count:
            listing.highlighted = min(was, listing.option_count - 1)
        self._show_empty()

    def _highlighted(self) -> Place | None:
        listing = self.query_one(OptionList)
        index = listing.highlighted
        if index is None or not listing.display or index >= len(self._places):
            return None
        return self._places[index]

    def action_remove(self) -> None:
        """Remove the highlighted bookmark (the app says so; u undoes it)."""
        place = self._highlighted()
        if place is not None and self._remove is not None:
            self._remove(place, self.refresh_list)

    def action_relabel(self) -> None:
        """Give the highlighted bookmark a new label."""
        place = self._highlighted()
        if place is not None and self._relabel is not None:
            self._relabel(place, self.refresh_list)

    def action_step(self, undo: bool) -> None:
        """Undo (or redo) the last change, here as on the main screen, and list again."""
        if self._step is not None:
            places = self._step(undo)
            if places is not None:
                self.refresh_list(places)

    def action_go(self) -> None:
        """Go to the highlighted bookmark."""
        place = self._highlighted()
        if place is not None:
            self.dismiss(place)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Go to the chosen bookmark."""
        assert event.option.id is not None
        self.dismiss(self._places[int(event.option.id)])

    def action_dismiss_none(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
