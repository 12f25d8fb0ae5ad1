"""The original and its translation of one node, next to each other, each labelled."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from gpp_tui.content import Node
from gpp_tui.exchange.provenance import translation_authority
from gpp_tui.i18n import _
from gpp_tui.session.languages import Parallel, language_name
from gpp_tui.ui.glyphs import Glyphs


class ParallelText(Horizontal):
    """Two columns: the original (authoritative) on the left, the translation (unofficial)."""

    def compose(self) -> ComposeResult:
        """A heading, the text and a label in each column."""
        for side in ("original", "translation"):
            with Vertical(id=f"parallel-{side}", classes="parallel"):
                yield Static(id=f"{side}-heading", classes="heading")
                yield Static(id=f"{side}-text", classes="parallel-text")
                yield Static(id=f"{side}-label", classes="parallel-label")

    def show(self, pair: Parallel, glyphs: Glyphs) -> None:
        """Fill both columns: the original with its author, the translation with its status."""
        source = pair.original_pack
        self._fill(
            "original",
            _("Original ({language}), authoritative").format(
                language=language_name(source.language)
            ),
            pair.original,
            f"{glyphs.attribution} {source.source}" if source.source else "",
        )
        self._fill(
            "translation",
            _("Translation ({language}), unofficial").format(
                language=language_name(pair.translation_pack.language)
            ),
            pair.translation,
            translation_authority(pair.translation_pack),
        )

    def _fill(self, side: str, heading: str, node: Node, label: str) -> None:
        self.query_one(f"#{side}-heading", Static).update(Text(heading))
        self.query_one(f"#{side}-text", Static).update(Text(node.text.strip()))
        label_widget = self.query_one(f"#{side}-label", Static)
        label_widget.display = bool(label)
        label_widget.update(Text(label, style="italic"))
