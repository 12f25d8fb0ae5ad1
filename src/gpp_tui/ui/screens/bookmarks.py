"""The bookmarks view: every bookmark with its label and note count; enter jumps there."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from gpp_tui.content import Library
from gpp_tui.session.history import Place
from gpp_tui.ui.glyphs import Glyphs
from gpp_tui.ui.widgets.lists import StraightOptionList

if TYPE_CHECKING:
    from gpp_tui.store.models import Annotations


class BookmarksScreen(ModalScreen[Place | None]):
    """Lists bookmarks; dismisses with the chosen node, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss_none", "Close", id="bookmarks.close"),
    ]

    def __init__(self, library: Library, annotations: Annotations, glyphs: Glyphs) -> None:
        super().__init__()
        self._places: list[Place] = []
        self._options: list[Option] = []
        for pack in library.packs:
            for node_id, bookmark in annotations.bookmarks(pack.pack.id):
                node = pack.nodes.get(node_id)
                label = Text(f"{glyphs.bookmark} ")
                label.append(node.label if node else f"{node_id} (no longer in the pack)")
                if bookmark.label:
                    label.append(f" {glyphs.separator} {bookmark.label}", style="italic")
                count = len(annotations.notes_for(pack.pack.id, node_id))
                if count:
                    label.append(f" {glyphs.separator} {count} note{'s' if count > 1 else ''}")
                self._options.append(Option(label, id=str(len(self._places))))
                self._places.append((pack.pack.id, node_id))

    def compose(self) -> ComposeResult:
        """The list, or a line saying there are no bookmarks."""
        with Vertical(id="bookmarks-box") as box:
            box.border_title = "Bookmarks (enter to go, escape to close)"
            if self._options:
                yield StraightOptionList(*self._options, id="bookmarks-list")
            else:
                yield Static("No bookmarks yet: press b on any node to bookmark it.")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Go to the chosen bookmark."""
        assert event.option.id is not None
        self.dismiss(self._places[int(event.option.id)])

    def action_dismiss_none(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
