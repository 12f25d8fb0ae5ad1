"""The original and its translation of one node, next to each other, each labelled."""

from __future__ import annotations

from rich.text import Text
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from gpp_tui.content import Node
from gpp_tui.exchange.provenance import translation_authority
from gpp_tui.i18n import _
from gpp_tui.session.languages import Parallel, language_name
from gpp_tui.ui.glyphs import Glyphs


class ParallelText(Horizontal):
    """Two columns: the original (authoritative) on the left, the translation (unofficial)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts: dict[str, tuple[Static, Static, Static]] = {}
        """Each column's heading, text and label, made when first shown (hidden at start)."""

    def _columns(self) -> dict[str, tuple[Static, Static, Static]]:
        """A heading, the text and a label in each column; mounted the first time they show."""
        if not self._parts:
            for side in ("original", "translation"):
                parts = (
                    Static(id=f"{side}-heading", classes="heading"),
                    Static(id=f"{side}-text", classes="parallel-text"),
                    Static(id=f"{side}-label", classes="parallel-label"),
                )
                self._parts[side] = parts
                self.mount(Vertical(*parts, id=f"parallel-{side}", classes="parallel"))
        return self._parts

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
        heading_widget, text_widget, label_widget = self._columns()[side]
        heading_widget.update(Text(heading))
        text_widget.update(Text(node.text.strip()))
        label_widget.display = bool(label)
        label_widget.update(Text(label, style="italic"))
