"""Command palette: jump to any node by typing part of its id or title; commands show their key."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from rich.align import Align
from rich.text import Text
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import (
    CommandList,
    CommandPalette,
    DiscoveryHit,
    Hit,
    Hits,
    Provider,
    SearchIcon,
)
from textual.content import Content
from textual.markup import escape
from textual.widgets.option_list import Option

from gpp_tui.content import Node, NodeKind
from gpp_tui.i18n import N_, _

_JUMPABLE = (NodeKind.AREA, NodeKind.RECOMMENDATION, NodeKind.SECTION, NodeKind.TERM)

PALETTE_KEYS = {
    "Help": "app.help",
    "Lock": "app.lock",
    "Quit": "app.quit",
    "Search": "find.search",
    "Bookmark": "notes.bookmark",
    "Bookmarks": "notes.bookmarks",
    "Team": "team.show",
    "Add note": "notes.add",
    "Filter": "find.filter",
    "Export": "share.export",
    "Import": "share.import",
    "Cite": "share.cite",
    "Language": "content.language",
    "Side by side": "content.side_by_side",
    "Undo": "edit.undo",
    "Redo": "edit.redo",
    "Label bookmark": "notes.label",
    "Back": "nav.back",
    "Forward": "nav.forward",
    "Reviewed, next": "status.reviewed_next",
    "Mark unreviewed": "status.none",
    "Mark reviewed": "status.reviewed",
    "Mark follow-up": "status.follow",
}
"""The binding id behind each palette command that also has a key."""

TEXTUAL_COMMANDS = (
    N_("palette"),
    N_("Open the command palette"),
)
"""Textual's own palette key (footer), for the catalogs."""


def palette_title(app: App[None], title: str) -> str:
    """`title` in the interface language, followed by its key as the footer shows it.

    `title` is the English one (remapped keys included).
    """
    binding_id = PALETTE_KEYS.get(title)
    keymap: dict[str, str] = getattr(app, "keymap", {})
    groups: list[tuple[str, Iterable[BindingType]]] = getattr(app, "binding_groups", list)()
    for _title, bindings in groups:
        for binding in Binding.make_bindings(bindings):
            if binding_id is not None and binding.id == binding_id:
                first = keymap.get(binding_id, binding.key).split(",")[0].strip()
                shown = app.get_key_display(Binding(first, binding.action, binding.description))
                return f"{_(title)}  {shown}"
    return _(title)


class Palette(CommandPalette):
    """Textual's command palette, saying "No matches found" in the interface language.

    With `ascii`, its search icon is a plain ">" (a console font has no emoji).
    """

    def __init__(self, *, placeholder: str, ascii: bool = False) -> None:
        super().__init__(placeholder=placeholder, id="--command-palette")
        self._ascii = ascii

    def on_mount(self) -> None:
        """The ASCII icon, before the first paint."""
        if self._ascii:
            self.query_one(SearchIcon).icon = ">"

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # As Textual 8.2's own, with the one sentence it shows translated.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(_("No matches found"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class NodeCommands(Provider):
    """Offers every area, recommendation, section and glossary term as 'Go to ...'."""

    def _nodes(self) -> list[Node]:
        from gpp_tui.ui.app import GppApp

        app = self.app
        assert isinstance(app, GppApp)
        return [
            node
            for pack in app.main_screen.session.library.packs
            for node in pack.nodes.values()
            if node.kind in _JUMPABLE
        ]

    def _go(self, node: Node) -> None:
        from gpp_tui.ui.app import GppApp

        app = self.app
        assert isinstance(app, GppApp)
        app.jump_to(node.pack_id, node.id)

    async def discover(self) -> Hits:
        """All recommendations, shown before the user types."""
        for node in self._nodes():
            if node.kind is NodeKind.RECOMMENDATION:
                candidate = _("Go to {node}").format(node=node.label)
                yield DiscoveryHit(
                    Content(candidate),
                    partial(self._go, node),
                    text=candidate,
                    help=escape(node.text),
                )

    async def search(self, query: str) -> Hits:
        """Nodes whose id or title fuzzily match the query."""
        matcher = self.matcher(query)
        for node in self._nodes():
            candidate = _("Go to {node}").format(node=node.label)
            score, offsets = matcher.fuzzy_search.match(query, candidate)
            if score > 0:
                display = Content(candidate)
                for offset in offsets:
                    display = display.stylize("bold underline", offset, offset + 1)
                yield Hit(
                    score,
                    display,
                    partial(self._go, node),
                    text=candidate,
                    help=escape(node.text),
                )
