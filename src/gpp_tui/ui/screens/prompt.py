"""A one-line text question in a modal dialog (e.g. a bookmark's label)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Static

from gpp_tui.i18n import N_, _
from gpp_tui.ui.widgets.footer import FittingFooter


class PromptScreen(ModalScreen[str | None]):
    """Asks for one line of text; enter answers, escape cancels (None)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="prompt.cancel"),
        Binding("tab", "complete", N_("Complete"), show=False, id="prompt.complete"),
    ]

    def __init__(
        self,
        question: str,
        value: str = "",
        *,
        max_length: int = 80,
        suggester: Suggester | None = None,
        hint: str = "",
    ) -> None:
        super().__init__()
        self._question = question
        self._value = value
        self._max_length = max_length
        self._suggester = suggester
        self._hint = hint or _("enter to save · escape to cancel")

    def compose(self) -> ComposeResult:
        """The question and the input field."""
        with Vertical(id="prompt-box"):
            yield Static(Text(self._question), id="prompt-question")
            yield Input(
                self._value,
                max_length=self._max_length,
                suggester=self._suggester,
                id="prompt-input",
            )
            yield Static(self._hint, id="prompt-hint")
        yield FittingFooter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter gives the answer."""
        self.dismiss(event.value.strip())

    def action_complete(self) -> None:
        """Tab takes the suggested completion (as → does at the end of the text)."""
        field = self.query_one(Input)
        if field.cursor_at_end:
            field.action_cursor_right()

    def action_cancel(self) -> None:
        """Escape gives no answer."""
        self.dismiss(None)
