"""`lock` in the plain mode: no command until the passphrase is typed again (encrypted notes)."""

from __future__ import annotations

import signal
from typing import TYPE_CHECKING

from gpp_tui.i18n import _

if TYPE_CHECKING:
    from gpp_tui.plain.shell import Handler, PlainShell


def _lock(shell: PlainShell, rest: str) -> list[str]:
    from gpp_tui.cli_lock import LockCommandError, ask_passphrase
    from gpp_tui.plain.shell import Quit
    from gpp_tui.store.crypto import unlock
    from gpp_tui.store.errors import StoreError

    if not shell.encrypted:
        return [
            _(
                "Your notes are not encrypted, so a lock would not keep them from anyone at "
                "this keyboard or with your files. To protect them with a passphrase, quit "
                "and run: gpp encrypt."
            )
        ]
    if not shell.terminal.interactive:
        return [_("A lock needs a terminal: the passphrase cannot be typed through a pipe.")]
    try:
        shell.session.save()
        shell.unsaved = False
        saved = _("Your notes are saved.")
    except StoreError as error:
        saved = _("Your last changes are not written yet ({error}); quit tries again.").format(
            error=error
        )
    locked = _(
        "Locked. What is already written on your terminal stays there: clear it or "
        "close the window if someone may read it."
    )
    shell.terminal.say([f"{locked} {saved}"])
    # ctrl+c must not get past the lock, whenever it comes (even during the key's derivation).
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        while True:
            try:
                passphrase = ask_passphrase(_("Passphrase to unlock (not shown as you type): "))
            except (EOFError, LockCommandError):
                raise Quit from None  # the end of input saves and leaves, as at the prompt
            try:
                unlock(shell.session.data_dir, passphrase)
            except StoreError as error:
                shell.terminal.say([_("{error}. Try again.").format(error=error)])
                continue
            return [_("Unlocked.")]
    finally:
        signal.signal(signal.SIGINT, previous)


HANDLERS: dict[str, Handler] = {"lock": _lock}
