"""Choose one of a few options in a modal list (filters, export formats)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from gpp_tui.i18n import N_, _
from gpp_tui.ui.widgets.footer import QUIT, FittingFooter
from gpp_tui.ui.widgets.lists import StraightOptionList


class ChoiceScreen(ModalScreen[str | None]):
    """Dismisses with the chosen option's key, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", N_("Cancel"), id="choice.cancel"),
        QUIT,
    ]

    def __init__(
        self,
        title: str,
        choices: list[tuple[str, str]],
        current: str = "",
        *,
        active: set[str] | None = None,
    ) -> None:
        super().__init__()
        self._title = title
        self._choices = choices
        self._current = current
        self._active = active or set()
        """Keys of the choices in force now, marked "(active)"."""

    def compose(self) -> ComposeResult:
        """The options, the current one highlighted."""
        with Vertical(id="choice-box") as box:
            box.border_title = self._title
            yield StraightOptionList(
                *(Option(self._label(key, label), id=key) for key, label in self._choices)
            )
        yield FittingFooter()

    def _label(self, key: str, label: str) -> Text:
        text = Text(label)
        if key in self._active:
            text.append("  " + _("(active)"), style="bold")
        return text

    def on_mount(self) -> None:
        """Highlight the current choice."""
        options = self.query_one(OptionList)
        keys = [key for key, _ in self._choices]
        if self._current in keys:
            options.highlighted = keys.index(self._current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter chooses."""
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        """Escape chooses nothing."""
        self.dismiss(None)
