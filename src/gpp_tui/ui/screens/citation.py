"""The citation just copied, shown in a dialog: readable where the terminal ignores OSC 52."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from gpp_tui.i18n import N_, _
from gpp_tui.ui.widgets.footer import QUIT, FittingFooter

STYLE_NAMES = {"oscola": "OSCOLA", "plain": N_("plain")}
"""Citation styles as the dialog names them (English: `_()` where shown)."""


class CitationScreen(ModalScreen[None]):
    """Shows a citation in each style; `s` switches style (and copies it), escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "close", N_("Close"), id="citation.close"),
        Binding("s", "switch_style", N_("Other style"), id="citation.style"),
        QUIT,
    ]

    def __init__(self, citations: dict[str, str], style: str) -> None:
        super().__init__()
        self._citations = citations
        self._style = style

    def compose(self) -> ComposeResult:
        """The citation, then what the keys do."""
        with Vertical(id="citation-box") as box:
            box.border_title = _("Citation")
            yield Static(id="citation-text")
            yield Static(id="citation-hint")
        yield FittingFooter()

    def on_mount(self) -> None:
        """Show the citation copied."""
        self._show()

    def _show(self) -> None:
        name = _(STYLE_NAMES.get(self._style, self._style))
        others = [_(STYLE_NAMES.get(s, s)) for s in self._citations if s != self._style]
        self.query_one("#citation-box").border_title = _("Citation ({style})").format(style=name)
        self.query_one("#citation-text", Static).update(Text(self._citations[self._style]))
        hint = _("Copied to the clipboard where the terminal allows it; select it to copy by hand.")
        if others:
            hint += "\n" + _("s: {styles} style · escape: close").format(styles=", ".join(others))
        self.query_one("#citation-hint", Static).update(Text(hint))

    def action_switch_style(self) -> None:
        """Show and copy the citation in the next style."""
        styles = list(self._citations)
        self._style = styles[(styles.index(self._style) + 1) % len(styles)]
        self.app.copy_to_clipboard(self._citations[self._style])
        self._show()

    def action_close(self) -> None:
        """Back to the tree."""
        self.dismiss(None)
