"""`gpp encrypt`, `gpp decrypt`, and opening the user's store from the command line.

Passphrases are only ever read from the terminal (never from arguments, which
other users can see in the process list, or from the environment).
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from gpp_tui.display import safe_line
from gpp_tui.i18n import _, ngettext

if TYPE_CHECKING:
    from gpp_tui.store.annotation_store import AnnotationStore

Ask = Callable[[str], str]


class LockCommandError(Exception):
    """A problem the user can fix; one line."""


def ask_passphrase(prompt: str) -> str:
    """Read a passphrase from the terminal without echo."""
    if not sys.stdin.isatty():
        raise LockCommandError(_("the passphrase must be typed in a terminal"))
    return getpass.getpass(prompt)


def open_store(folder: Path, ask: Ask | None = None) -> AnnotationStore:
    """The user's store, unlocked with a passphrase from the terminal when it is encrypted."""
    from gpp_tui.store.annotation_store import AnnotationStore
    from gpp_tui.store.crypto import encryption_enabled, unlock
    from gpp_tui.store.errors import StoreError

    ask = ask or ask_passphrase
    codec = None
    if encryption_enabled(folder):
        try:
            codec = unlock(folder, ask(_("Passphrase for your notes: ")))
        except StoreError as error:
            raise LockCommandError(str(error)) from None
    store = AnnotationStore(folder, codec=codec) if codec else AnnotationStore(folder)
    for message in store.messages:
        print(f"gpp: {safe_line(message)}", file=sys.stderr)
    return store


def encrypt(folder: Path, ask: Ask | None = None) -> str:
    """Put the data folder under lock; returns what to tell the user."""
    from gpp_tui.store.crypto import encrypt_folder, encryption_enabled
    from gpp_tui.store.errors import StoreError

    ask = ask or ask_passphrase
    _make_folder(folder)
    # The lock first: a running app is named before any passphrase is typed.
    with _locked(folder):
        if encryption_enabled(folder):
            passphrase = ask(_("Passphrase: "))
        else:
            passphrase = ask(_("New passphrase: "))
            if ask(_("The same passphrase again: ")) != passphrase:
                raise LockCommandError(_("the two passphrases differ; nothing was changed"))
        try:
            count = encrypt_folder(folder, passphrase)
        except StoreError as error:
            raise LockCommandError(str(error)) from None
        except OSError as error:
            raise LockCommandError(
                _(
                    "encryption not finished: {reason}. Files already encrypted "
                    "open with your passphrase; run gpp encrypt again once this is fixed"
                ).format(reason=_os_reason(error))
            ) from None
    done = ngettext(
        "Encrypted {count} file in {folder}.", "Encrypted {count} files in {folder}.", count
    ).format(count=count, folder=folder)
    lines = [done, _("Keep your passphrase safe: without it your notes cannot be read.")]
    return "\n".join([*lines, *_plain_exports_left(folder)])


NAMES_SHOWN = 3
"""Plain-text exports named one by one after `gpp encrypt`; the rest are counted."""


def _plain_exports_left(folder: Path) -> list[str]:
    """One line naming the exports in the data folder: encryption leaves them plain text.

    Never moved or deleted here: they are the user's files, wherever they should go.
    """
    from gpp_tui.exchange.destination import plain_exports

    found = plain_exports(folder)
    if not found:
        return []
    names = ", ".join(path.name for path in found[:NAMES_SHOWN])
    if len(found) > NAMES_SHOWN:
        more = len(found) - NAMES_SHOWN
        names += " " + ngettext("and {count} more", "and {count} more", more).format(count=more)
    line = ngettext(
        "{count} export in {folder} is plain text: {names}; move or delete it yourself",
        "{count} exports in {folder} are plain text: {names}; move or delete them yourself",
        len(found),
    )
    return [line.format(count=len(found), folder=folder, names=names)]


def decrypt(folder: Path, ask: Ask | None = None) -> str:
    """Turn the data folder back into plain TOML; returns what to tell the user."""
    from gpp_tui.store.crypto import decrypt_folder, encryption_enabled
    from gpp_tui.store.errors import StoreError

    if not encryption_enabled(folder):
        raise LockCommandError(_("{folder} is not encrypted").format(folder=folder))
    _refuse_in_encrypted_team(folder)
    with _locked(folder):
        passphrase = (ask or ask_passphrase)(_("Passphrase: "))
        try:
            count = decrypt_folder(folder, passphrase)
        except StoreError as error:
            raise LockCommandError(str(error)) from None
        except OSError as error:
            raise LockCommandError(
                _(
                    "decryption not finished: {reason}. Files not yet decrypted "
                    "still open with your passphrase; run gpp decrypt again once this is fixed"
                ).format(reason=_os_reason(error))
            ) from None
    done = ngettext(
        "Decrypted {count} file in {folder}.", "Decrypted {count} files in {folder}.", count
    ).format(count=count, folder=folder)
    return "\n".join([done, _("Your notes are plain TOML again.")])


def _refuse_in_encrypted_team(folder: Path) -> None:
    """Decrypting deletes key.age, the age identity an encrypted team reads this device's
    notes with and seals them to: refused while the data folder is in such a team."""
    from gpp_tui.team.layout import TeamFolder, TeamFolderError
    from gpp_tui.team.link import LinkError, load_link

    try:
        link = load_link(folder)
    except LinkError as error:
        raise LockCommandError(str(error)) from None
    if link.team_path is None:
        return
    try:
        encrypted = TeamFolder.open(link.team_path).info.encrypted
    except TeamFolderError:
        encrypted = True  # cannot tell: keep the key
    if encrypted:
        raise LockCommandError(
            _(
                "{folder} is in an encrypted team ({team}), which needs your key to read "
                "and write your notes there; nothing was changed. Leave the team first "
                "(`gpp team leave`)"
            ).format(folder=folder, team=link.team_path)
        )


def _make_folder(folder: Path) -> None:
    """Create the data folder if needed (LockCommandError when the path cannot be one)."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except FileExistsError:
        raise LockCommandError(
            _("{folder} is not a folder; nothing was changed").format(folder=folder)
        ) from None
    except NotADirectoryError:
        raise LockCommandError(
            _(
                "{folder} cannot be a folder: part of its path is a file; nothing was changed"
            ).format(folder=folder)
        ) from None
    except OSError as error:
        raise LockCommandError(
            _("{folder} cannot be created ({reason}); nothing was changed").format(
                folder=folder, reason=_os_reason(error)
            )
        ) from None


def _os_reason(error: OSError) -> str:
    reason = error.strerror or str(error)
    return f"{reason} ({error.filename})" if error.filename else reason


class _locked:
    """Hold the store's lock, so no running copy of the app writes during the change."""

    def __init__(self, folder: Path) -> None:
        from filelock import FileLock

        _make_folder(folder)
        self._folder = folder
        self._lock = FileLock(folder / "annotations.toml.lock", blocking=False)

    def __enter__(self) -> None:
        from filelock import Timeout

        try:
            self._lock.acquire()
        except Timeout:
            raise LockCommandError(
                _("gpp-tui is running on this folder; close it first (nothing was changed)")
            ) from None
        except OSError as error:
            raise LockCommandError(
                _("cannot lock {folder} ({reason}); nothing was changed").format(
                    folder=self._folder, reason=_os_reason(error)
                )
            ) from None

    def __exit__(self, *exc: object) -> None:
        self._lock.release()
