"""One set of movement keys for every list and pane (j/k, g/G, home/end, ctrl+d/ctrl+u)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll

from gpp_tui.i18n import N_

LIST_KEYS: list[BindingType] = [
    # The same ids in every list and pane: one remap in [keys] moves them all.
    Binding("j", "cursor_down", N_("Move down"), show=False, id="move.down"),
    Binding("k", "cursor_up", N_("Move up"), show=False, id="move.up"),
    Binding("g,home", "first", N_("Go to the first line"), show=False, id="move.first"),
    Binding("G,end", "last", N_("Go to the last line"), show=False, id="move.last"),
    Binding("ctrl+d", "half_page(1)", N_("Half a page down"), show=False, id="move.half_down"),
    Binding("ctrl+u", "half_page(-1)", N_("Half a page up"), show=False, id="move.half_up"),
]
"""Movement in a list (tree, links, notes, results, choices, bookmarks)."""

SCROLL_KEYS: list[BindingType] = [
    Binding("j", "scroll_down", N_("Move down"), show=False, id="move.down"),
    Binding("k", "scroll_up", N_("Move up"), show=False, id="move.up"),
    Binding("g,home", "first", N_("Go to the first line"), show=False, id="move.first"),
    Binding("G,end", "last", N_("Go to the last line"), show=False, id="move.last"),
    Binding("ctrl+d", "half_page(1)", N_("Half a page down"), show=False, id="move.half_down"),
    Binding("ctrl+u", "half_page(-1)", N_("Half a page up"), show=False, id="move.half_up"),
]
"""Movement in a pane of text (detail pane, help)."""


class KeyedScroll(VerticalScroll):
    """A scrolling pane that answers the app's movement keys, jumping without animation."""

    BINDINGS: ClassVar[list[BindingType]] = SCROLL_KEYS

    def action_first(self) -> None:
        """Jump to the top (no animation: slow SSH links)."""
        self.scroll_home(animate=False)

    def action_last(self) -> None:
        """Jump to the bottom."""
        self.scroll_end(animate=False)

    def action_half_page(self, direction: int) -> None:
        """Scroll half a screen down (1) or up (-1)."""
        half = max(1, self.scrollable_content_region.height // 2)
        self.scroll_relative(y=direction * half, animate=False)
