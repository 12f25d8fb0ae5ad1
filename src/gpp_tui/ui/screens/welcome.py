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
from gpp_tui.ui.widgets.footer import FittingFooter

STATE_FILES = ("annotations.toml", "state.toml", "key.age", "drafts")
"""What a data folder that has been used holds (any one of them is enough)."""

FIRST_KEYS = (
    ("↑ ↓", N_("move in the tree (or j k)")),
    ("enter", N_("open a focus area or recommendation")),
    ("n", N_("write a note on it")),
    ("/", N_("search the principles and your notes")),
    ("?", N_("every key (ctrl+l locks the screen at once)")),
)
"""The first keys and what they do (English: `_()` where shown)."""


def is_first_start(data_dir: Path) -> bool:
    """True when the data folder has never been used: no notes, no position, no key."""
    return not any((data_dir / name).exists() for name in STATE_FILES)


def shown_path(folder: Path) -> str:
    """A folder as the user would type it: ~ for their home."""
    try:
        return str(Path("~") / folder.relative_to(Path.home()))
    except ValueError:
        return str(folder)


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
