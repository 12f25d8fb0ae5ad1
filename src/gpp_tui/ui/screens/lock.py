"""The lock screen: hides everything; asks for the passphrase when notes are encrypted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from gpp_tui.display import safe_line
from gpp_tui.i18n import N_, _, ngettext
from gpp_tui.store.errors import DamagedKeyError, StoreError
from gpp_tui.ui.widgets.footer import FittingFooter

MAX_TRIES = 3

UNENCRYPTED_WARNING = N_(
    "Your notes are not encrypted: anyone at this keyboard can unlock this screen, "
    "and anyone who can read your files can read your notes. To protect them with a "
    "passphrase, quit gpp-tui and run: gpp encrypt"
)
"""In English: `_()` where shown."""


class PassphraseInput(Input):
    """A password field that takes no keys while the passphrase it sent is being checked.

    The check takes a second or two; keys typed meanwhile would otherwise be added
    to the next try (and cost one).
    """

    checking = False
    """True from enter until the screen says the check is over."""

    async def action_submit(self) -> None:
        """Send the passphrase and clear the field at once, before any other key is read."""
        if self.checking:
            return
        passphrase, self.value = self.value, ""
        self.checking = bool(passphrase)
        self.post_message(self.Submitted(self, passphrase))

    async def _on_key(self, event: events.Key) -> None:
        if self.checking:
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)

    def _on_paste(self, event: events.Paste) -> None:
        if self.checking:
            event.stop()
            event.prevent_default()
            return
        super()._on_paste(event)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No editing keys (backspace, paste...) while a check runs."""
        return not self.checking


class LockScreen(Screen[Any]):
    """A neutral full screen. Without `unlock`, enter leaves it; with it, the passphrase does.

    `unlock(passphrase)` runs off the UI thread (a memory-hard key derivation takes
    about a second) and returns what the screen is dismissed with, or raises StoreError.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "leave", N_("Unlock"), show=False, id="lock.unlock"),
    ]
    AUTO_FOCUS = "Input"

    def __init__(
        self, message: str, unlock: Callable[[str], Any] | None = None, *, warning: str = ""
    ) -> None:
        super().__init__()
        self._message = message
        self._unlock = unlock
        self._warning = warning
        self._failures = 0

    def compose(self) -> ComposeResult:
        """A title, the message, and the passphrase field when one is needed."""
        with Vertical(id="lock-box"):
            yield Static("gpp-tui", id="lock-title")
            yield Static(Text(self._message), id="lock-message")
            if self._warning:
                yield Static(Text(self._warning), id="lock-warning")
            if self._unlock is not None:
                yield PassphraseInput(
                    password=True, placeholder=_("passphrase"), id="lock-passphrase"
                )
            else:
                yield Static(_("Press enter to continue."), id="lock-hint")
            yield Static("", id="lock-status")
        yield FittingFooter(show_command_palette=False)  # no palette while locked

    def on_mount(self) -> None:
        """No messages while locked: one can quote a note (an export's path, a colleague's
        note). The app shows them again on the screen the unlock returns to.

        Textual gives every screen a toast rack and shows or hides it by an inline style,
        which CSS cannot override; without one on this screen the app has nowhere to show them.
        """
        self.query("#textual-toastrack").remove()

    def action_leave(self) -> None:
        """Without encryption, enter unlocks."""
        if self._unlock is None:
            self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value:
            return
        self.query_one("#lock-status", Static).update(_("Checking the passphrase..."))
        self.check(event.value)

    @work(thread=True, exclusive=True, group="unlock")
    def check(self, passphrase: str) -> None:
        """Derive the key off the UI thread."""
        assert self._unlock is not None
        try:
            result = self._unlock(passphrase)
        except DamagedKeyError as error:
            message = Text(f"gpp: {safe_line(str(error))}")
            self.app.call_from_thread(self.app.exit, return_code=2, message=message)
        except StoreError as error:
            self.app.call_from_thread(self._failed, str(error))
        else:
            self.app.call_from_thread(self.dismiss, result)

    def _failed(self, reason: str) -> None:
        self._failures += 1
        left = MAX_TRIES - self._failures
        if left <= 0:
            closing = _("gpp: {reason}; {count} wrong passphrases, closed.").format(
                reason=safe_line(reason), count=MAX_TRIES
            )
            self.app.exit(return_code=1, message=Text(closing))
            return
        field = self.query_one(PassphraseInput)
        field.value = ""
        field.checking = False
        field.focus()
        tries = ngettext("{count} try left", "{count} tries left", left).format(count=left)
        status = Text(f"{safe_line(reason).capitalize()}. {tries}.")
        self.query_one("#lock-status", Static).update(status)
