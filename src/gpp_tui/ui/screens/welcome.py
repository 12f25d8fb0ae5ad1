"""The first-start screen: what gpp-tui is, where notes live, the user's name, five keys."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from gpp_tui.i18n import N_, _

# The app asks (and tests patch) is_first_start here; the plain mode asks store.locations.
from gpp_tui.store.locations import is_first_start as is_first_start
from gpp_tui.store.locations import shown_path
from gpp_tui.ui.widgets.footer import FittingFooter

FIRST_KEYS = (
    ("↑ ↓", N_("move in the tree (or j k)")),
    ("enter", N_("open a focus area or recommendation")),
    ("n", N_("write a note on it")),
    ("/", N_("search the principles and your notes")),
    ("?", N_("every key (ctrl+l locks the screen at once)")),
)
"""The first keys and what they do (English: `_()` where shown)."""


class WelcomeScreen(ModalScreen[str | None]):
    """Shown once, on an empty data folder. Dismisses with the name typed ("" for none).

    Enter starts (keeping the name, if any); escape skips, and None means skipped.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "skip", N_("Skip"), id="welcome.skip"),
    ]
    AUTO_FOCUS = "#welcome-name"

    def __init__(
        self, data_dir: Path, *, encrypted: bool = False, ascii_only: bool = False
    ) -> None:
        super().__init__()
        self._data_dir = data_dir
        self._encrypted = encrypted
        self._ascii = ascii_only

    def compose(self) -> ComposeResult:
        """The explanation, the name field and the first keys."""
        with VerticalScroll(id="welcome-box") as box:
            box.border_title = _("Welcome to gpp-tui")
            yield Static(
                Text(
                    _(
                        "Read the Gender Persecution Principles (the recommendations of Women's "
                        "Initiatives for Gender Justice to the ICC Prosecutor) and keep your "
                        "review: status, bookmarks and notes."
                    )
                ),
                classes="welcome-part",
            )
            if self._encrypted:
                locked = _("They are encrypted: the passphrase is asked at each start.")
            else:
                locked = _("They are not encrypted: for a passphrase, quit and run gpp encrypt.")
            kept = _(
                "Your notes never leave this computer (gpp-tui uses no network); they stay in "
                "{folder}."
            ).format(folder=shown_path(self._data_dir))
            yield Static(
                Text(f"{kept} {locked}"),
                classes="welcome-part",
            )
            yield Static(Text(_("Your name, shown with each note you write (optional):")))
            yield Input(placeholder=_("your name"), max_length=80, compact=True, id="welcome-name")
            keys = Text(_("Five keys to start") + "\n", style="bold")
            for key, what in FIRST_KEYS:
                if self._ascii:
                    key = key.replace("↑ ↓", "up dn")
                keys.append(f"  {key:<6}", style="bold")
                keys.append(f" {_(what)}\n")
            keys.rstrip()
            yield Static(keys, classes="welcome-part")
            yield Static(
                Text(_("enter: start    escape: skip (this screen is not shown again)")),
                id="welcome-hint",
            )
        yield FittingFooter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter starts, with the name typed (possibly none)."""
        event.stop()
        self.dismiss(" ".join(event.value.split()))

    def action_skip(self) -> None:
        """Escape skips: no name is stored."""
        self.dismiss(None)
