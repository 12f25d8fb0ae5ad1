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

from gpp_tui.ui.widgets.lists import StraightOptionList


class ChoiceScreen(ModalScreen[str | None]):
    """Dismisses with the chosen option's key, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Cancel", id="choice.cancel"),
    ]

    def __init__(self, title: str, choices: list[tuple[str, str]], current: str = "") -> None:
        super().__init__()
        self._title = title
        self._choices = choices
        self._current = current

    def compose(self) -> ComposeResult:
        """The options, the current one highlighted."""
        with Vertical(id="choice-box") as box:
            box.border_title = self._title
            yield StraightOptionList(*(Option(Text(label), id=key) for key, label in self._choices))

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
