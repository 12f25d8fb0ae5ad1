"""Modal dialogs: yes/no, what to do with a recovered draft, a notice to acknowledge."""

from __future__ import annotations

from enum import Enum
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from gpp_tui.i18n import N_, _
from gpp_tui.ui.widgets.footer import QUIT, FittingFooter


class ConfirmScreen(ModalScreen[bool | None]):
    """Asks a question; dismisses with True for yes, False for no, None for escape (not now)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", N_("Yes"), id="confirm.yes"),
        Binding("n", "answer(False)", N_("No"), id="confirm.no"),
        Binding("escape", "not_now", N_("Not now"), id="confirm.escape"),
        QUIT,
    ]

    def __init__(self, question: str, yes: str = "", no: str = "") -> None:
        super().__init__()
        self._question = question
        self._yes = yes or _("Yes")
        self._no = no or _("No")

    def compose(self) -> ComposeResult:
        """The question and two buttons."""
        with Vertical(id="confirm-box"):
            yield Static(Text(self._question), id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self._yes} (y)", id="yes", variant="warning")
                yield Button(f"{self._no} (n)", id="no")
        yield FittingFooter()

    def on_mount(self) -> None:
        """Focus the safe answer."""
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A button answers the question."""
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        """A key answers the question."""
        self.dismiss(answer)

    def action_not_now(self) -> None:
        """Escape: no answer, nothing done."""
        self.dismiss(None)


class DraftAnswer(Enum):
    """What the user chose for a draft left by an earlier run."""

    OPEN = "open"
    LATER = "later"
    THROW_AWAY = "throw-away"


class DraftScreen(ModalScreen[DraftAnswer]):
    """Offers a recovered draft back: open it, not now (kept), or throw it away (only by `t`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,o", "answer('open')", N_("Open it"), id="draft.open"),
        Binding("escape,n", "answer('later')", N_("Not now (keep it)"), id="draft.later"),
        Binding("t", "answer('throw-away')", N_("Throw it away"), id="draft.throw_away"),
        QUIT,
    ]

    def __init__(self, question: str, *, can_open: bool = True) -> None:
        super().__init__()
        self._question = question
        self._can_open = can_open

    def compose(self) -> ComposeResult:
        """The question and three buttons."""
        with Vertical(id="confirm-box"):
            yield Static(Text(self._question), id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                if self._can_open:
                    yield Button(_("Open it (y)"), id="open", variant="primary")
                yield Button(_("Not now (esc)"), id="later")
                yield Button(_("Throw away (t)"), id="throw-away", variant="error")
        yield FittingFooter()

    def on_mount(self) -> None:
        """Focus the answer that keeps the draft."""
        self.query_one("#open" if self._can_open else "#later", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A button answers the question."""
        self.action_answer(str(event.button.id))

    def action_answer(self, answer: str) -> None:
        """A key answers the question."""
        choice = DraftAnswer(answer)
        if choice is DraftAnswer.OPEN and not self._can_open:
            return
        self.dismiss(choice)


class NoticeScreen(ModalScreen[None]):
    """Something the user must read before going on (a notes file repaired); enter or escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "close", N_("OK"), id="notice.ok", priority=True),
        Binding("escape", "close", N_("Close"), show=False, id="notice.close"),
        QUIT,
    ]

    def __init__(self, title: str, paragraphs: list[str]) -> None:
        super().__init__()
        self._title = title
        self._paragraphs = paragraphs

    def compose(self) -> ComposeResult:
        """The paragraphs (scrolling if long) and an OK button."""
        with Vertical(id="confirm-box") as box:
            box.border_title = self._title
            with VerticalScroll(id="notice-text"):
                yield Static(Text("\n\n".join(self._paragraphs)), id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(_("OK (enter)"), id="ok", variant="primary")
        yield FittingFooter()

    def on_mount(self) -> None:
        """Focus the button: enter closes."""
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The button closes the notice."""
        self.dismiss(None)

    def action_close(self) -> None:
        """Enter or escape: the notice is read; nothing else is done."""
        self.dismiss(None)
