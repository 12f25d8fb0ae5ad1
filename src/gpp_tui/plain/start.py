"""Starting the plain mode: unlock, load, say what the user should know, run, save at the end."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from gpp_tui.content import Library, Node
from gpp_tui.i18n import _, ngettext
from gpp_tui.plain import describe
from gpp_tui.plain.terminal import Terminal
from gpp_tui.session import Session

if TYPE_CHECKING:
    from gpp_tui.plain.shell import PlainShell
    from gpp_tui.store.serialize import ByteCodec

MAX_TRIES = 3
"""Wrong passphrases before the plain mode gives up, as the app's lock screen."""


class StartError(Exception):
    """The plain mode cannot start; one line saying why."""


def run(library: Library, data_dir: Path, author: str = "", problems: tuple[str, ...] = ()) -> int:
    """Run the plain mode on a data folder until quit or the end of input; the exit status."""
    for stream in (sys.stdin, sys.stdout):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # Bytes that are not text must not end the session (in) or hide a note (out).
            reconfigure(errors="replace" if stream is sys.stdin else "backslashreplace")
    from gpp_tui.plain.welcome import welcome
    from gpp_tui.store.locations import is_first_start

    terminal = Terminal()
    session = Session(library, data_dir, author)
    first = is_first_start(data_dir)  # asked before the store writes anything
    codec = unlock(data_dir, terminal)
    session.load(codec)
    shell = open_shell(session, terminal, encrypted=codec is not None)
    if first:
        welcome(shell, encrypted=codec is not None)
    terminal.say(
        [
            _("gpp-tui plain mode. Type help for the commands, quit to leave."),
            *problems,
            *startup_lines(shell),
        ]
    )
    shell.answer([])
    try:
        shell.run()
    finally:
        status = finish(shell)
    return status


def unlock(data_dir: Path, terminal: Terminal) -> ByteCodec | None:
    """The folder's codec: the passphrase is read from the terminal without echo."""
    from gpp_tui.cli_lock import LockCommandError, ask_passphrase
    from gpp_tui.store.crypto import encryption_enabled, unlock
    from gpp_tui.store.errors import StoreError

    if not encryption_enabled(data_dir):
        return None
    terminal.say([_("Your notes are encrypted.")])
    for attempt in range(1, MAX_TRIES + 1):
        try:
            passphrase = ask_passphrase(_("Passphrase for your notes (not shown as you type): "))
        except LockCommandError as error:
            raise StartError(str(error)) from None
        except EOFError:
            raise StartError(_("no passphrase given; nothing was opened")) from None
        try:
            return unlock(data_dir, passphrase)
        except StoreError as error:
            if attempt == MAX_TRIES:
                raise StartError(
                    _("{error}; {count} wrong passphrases, closed").format(
                        error=error, count=MAX_TRIES
                    )
                ) from None
            terminal.say([_("{error}. Try again.").format(error=error)])
    return None


def open_shell(session: Session, terminal: Terminal, *, encrypted: bool) -> PlainShell:
    """The shell, at the node the user was on last time (as the app starts)."""
    from gpp_tui.plain.shell import PlainShell
    from gpp_tui.store.state import load_state

    state = load_state(session.data_dir)
    start: Node | None = session.node_at((state.pack_id, state.node_id))
    if start is None:
        first = session.library.packs[0]
        start = first.nodes[next(iter(first.nodes))]
    shell = PlainShell(session, terminal, start)
    shell.encrypted = encrypted
    return shell


def startup_lines(shell: PlainShell) -> list[str]:
    """What the app would tell the user after loading: problems, orphans, unsaved drafts."""
    session = shell.session
    lines = [describe.sentence(message) for message in session.startup_messages()]
    for pack in session.library.packs:
        orphans = session.orphans().get(pack.pack.id, ())
        if orphans:
            lines.append(
                _(
                    "{count} annotated node(s) are no longer in {pack}: their notes are kept; "
                    "type orphans to see them."
                ).format(count=len(orphans), pack=pack.pack.title)
            )
    drafts = session.drafts.pending()
    if drafts:
        lines.append(
            ngettext(
                "{count} note you were writing was not saved; it is kept as a draft. Type "
                "drafts to read it, recover 1 to save it as a note, discard 1 to throw it away.",
                "{count} notes you were writing were not saved; they are kept as drafts. Type "
                "drafts to read them, recover N to save one as a note, discard N to throw one "
                "away.",
                len(drafts),
            ).format(count=len(drafts))
        )
    return lines


def finish(shell: PlainShell) -> int:
    """Save what is not saved yet and remember the position; 1 if the notes could not be saved."""
    import contextlib
    from dataclasses import replace

    from gpp_tui.store.errors import StoreError
    from gpp_tui.store.state import load_state, save_state

    session = shell.session
    node = shell.node
    with contextlib.suppress(OSError):
        # The content language chosen in the app stays remembered.
        kept = load_state(session.data_dir)
        save_state(session.data_dir, replace(kept, pack_id=node.pack_id, node_id=node.id))
    status = 0
    store = session.store
    try:
        session.save()
        done = _("Read-only: nothing was written.") if store and store.read_only else _("Saved.")
        shell.terminal.say([done + " " + _("Goodbye.")])
    except StoreError as error:
        shell.terminal.say(
            [
                _(
                    "Your last changes could not be written: {error}. Notes you wrote are kept "
                    "as drafts and offered at the next start; review marks and bookmarks since "
                    "the last save are not kept."
                ).format(error=error)
            ]
        )
        status = 1
    session.close()
    return status
