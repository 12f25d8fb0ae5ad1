"""The plain mode's welcome on a first start, and `name`: the name notes are signed with."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gpp_tui.i18n import _
from gpp_tui.plain.commands import ALIASES

if TYPE_CHECKING:
    from gpp_tui.plain.shell import Handler, PlainShell

NAME_LIMIT = 80
"""The longest name kept (as the app's name field)."""


def welcome(shell: PlainShell, *, encrypted: bool) -> None:
    """What the app's welcome screen says, then the name (asked only of a person at a terminal).

    The data folder remembers the position at once, as after the app's welcome:
    the next start is not a first start.
    """
    from gpp_tui.store.locations import shown_path

    session = shell.session
    if encrypted:
        locked = _("They are encrypted: the passphrase is asked at each start.")
    else:
        locked = _("They are not encrypted: for a passphrase, quit and run gpp encrypt.")
    kept = _(
        "Your notes never leave this computer (gpp-tui uses no network); they stay in {folder}."
    ).format(folder=shown_path(session.data_dir))
    lines = [
        _("Welcome to gpp-tui."),
        _(
            "Read the Gender Persecution Principles (the recommendations of Women's "
            "Initiatives for Gender Justice to the ICC Prosecutor) and keep your "
            "review: status, bookmarks and notes."
        ),
        f"{kept} {locked}",
    ]
    terminal = shell.terminal
    if session.author:
        terminal.say([*lines, signed_line(session.author)])
    elif not terminal.interactive:
        # Commands on a pipe: the first line is a command, not a name.
        terminal.say([*lines, _("To sign your notes with your name, type: name YOUR NAME.")])
    else:
        terminal.say([*lines, _("Type your name to sign your notes, or press enter to skip.")])
        try:
            typed = terminal.ask(_("Your name: "))
        except KeyboardInterrupt:  # ctrl+c skips, as escape does on the app's welcome
            typed = None
        name = " ".join((typed or "").split())
        if name.casefold() in ALIASES:
            # "help" or "quit" typed at once is a command, not a name to sign notes with.
            terminal.say(
                [
                    _(
                        "{name!r} is a command, not taken for your name. To sign your notes, "
                        "type: name YOUR NAME."
                    ).format(name=name)
                ]
            )
        elif name:
            terminal.say(keep_name(shell, name))
        else:
            terminal.say([_("No name: your notes are not signed. Type name YOUR NAME later.")])
    remember_seen(shell)


def remember_seen(shell: PlainShell) -> None:
    """Write the position now, as the app does after its welcome (a failure is said at quit)."""
    import contextlib
    from dataclasses import replace

    from gpp_tui.store.state import load_state, save_state

    folder, node = shell.session.data_dir, shell.node
    with contextlib.suppress(OSError):
        kept = load_state(folder)
        save_state(folder, replace(kept, pack_id=node.pack_id, node_id=node.id))


def signed_line(name: str) -> str:
    """What the user's new notes are signed with, and how to change it."""
    return _("Your notes are signed “{name}”. To change it: name NEW NAME.").format(name=name)


def keep_name(shell: PlainShell, name: str) -> list[str]:
    """Sign new notes with `name`, remember it in the settings, tell the team; say so."""
    from gpp_tui.store.config import keep_author

    not_kept = keep_author(name)
    lines = [not_kept + "."] if not_kept else []
    problem = shell.session.rename(name)
    lines.insert(0, _("Your notes will be signed “{name}” from now on.").format(name=name))
    if problem:
        lines.append(problem.rstrip(".") + ".")
    return lines


def _name(shell: PlainShell, rest: str) -> list[str]:
    name = " ".join(rest.split())
    current = shell.session.author
    if not name:
        if current:
            return [signed_line(current)]
        return [_("No name: your notes are not signed. To sign them, type: name YOUR NAME.")]
    if len(name) > NAME_LIMIT:
        return [_("A name is at most {limit} characters.").format(limit=NAME_LIMIT)]
    if name == current:
        return [signed_line(current)]
    return keep_name(shell, name)


HANDLERS: dict[str, Handler] = {"name": _name}
