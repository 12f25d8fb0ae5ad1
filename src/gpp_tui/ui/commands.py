"""Command palette provider: jump to any node by typing part of its id or title."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from gpp_tui.content import Node, NodeKind

_JUMPABLE = (NodeKind.AREA, NodeKind.RECOMMENDATION, NodeKind.SECTION, NodeKind.TERM)


class NodeCommands(Provider):
    """Offers every area, recommendation, section and glossary term as 'Go to ...'."""

    def _nodes(self) -> list[Node]:
        from gpp_tui.ui.app import GppApp

        app = self.app
        assert isinstance(app, GppApp)
        return [
            node
            for pack in app.library.packs
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
                yield DiscoveryHit(
                    Content(f"Go to {node.label}"),
                    partial(self._go, node),
                    text=f"Go to {node.label}",
                    help=escape(node.text),
                )

    async def search(self, query: str) -> Hits:
        """Nodes whose id or title fuzzily match the query."""
        matcher = self.matcher(query)
        for node in self._nodes():
            candidate = f"Go to {node.label}"
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
