"""The plain mode's loop: read a command, call the session, answer in plain lines."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from gpp_tui.content import Node
from gpp_tui.i18n import N_, _
from gpp_tui.plain import annotate, describe, finding, lock, welcome
from gpp_tui.plain.commands import help_lines, parse
from gpp_tui.plain.outline import Outline
from gpp_tui.plain.terminal import Terminal
from gpp_tui.session import Changed, Place, Refused, Session

PROMPT = "gpp> "
UNKNOWN = N_("Type help for the commands, a number from the last list, or an id such as B.2.")
"""In English: `_()` where said."""

ID_SHAPE = re.compile(r"(?:[\w-]+/)?[A-Za-z]{1,3}(?:\.\d+)+|[A-Za-z]")
"""What a node id looks like (B, B.2, A.1.3, or PACK/B.2), though no pack may have it."""

Handler = Callable[["PlainShell", str], list[str]]


class Quit(Exception):
    """The user asked to leave (quit, or the end of input at the prompt)."""


class PlainShell:
    """One user's plain-mode session: the selection, the last numbered list, the commands."""

    def __init__(self, session: Session, terminal: Terminal, start: Node) -> None:
        self.session = session
        self.terminal = terminal
        self.outline = Outline(session)
        self.node = start
        session.open(start)
        self.choices: list[tuple[Place, str | None]] = []
        """The last numbered list: a place, and the note that matched (search results)."""
        self.unsaved = False
        self.encrypted = False
        """The notes are encrypted: an export (plain text) asks first."""

    def run(self) -> None:
        """Answer commands until quit or the end of input."""
        while True:
            try:
                line = self.terminal.ask(PROMPT)
            except KeyboardInterrupt:
                self.answer([_("Cancelled. Type quit to leave; your notes are saved.")])
                continue
            if line is None:
                return
            try:
                self.answer(self.handle(line))
            except Quit:
                return
            except KeyboardInterrupt:
                self.answer([_("Cancelled.")])

    def answer(self, lines: list[str]) -> None:
        """Where you are, then the answer."""
        self.terminal.say([describe.where(self.session, self.node), *lines])

    def handle(self, line: str) -> list[str]:
        """Do what one typed line asks; the lines of the answer (never raises but Quit)."""
        from gpp_tui.store.errors import StoreError

        name, rest = parse(line)
        if not name:
            return [_("Type help for the commands.")]
        handler = HANDLERS.get(name)
        try:
            if handler is not None:
                return handler(self, rest)
            return self.open_typed(name if not rest else f"{name} {rest}", unknown=True)
        except Refused as refused:
            return [describe.sentence(refused.message)]
        except StoreError as error:
            return [describe.sentence(str(error)) + " " + _("Nothing you typed is lost.")]
        except OSError as error:
            from gpp_tui.cli import describe_os_error

            return [f"{describe_os_error(error)}. " + _("Nothing you typed is lost.")]
        except (Quit, KeyboardInterrupt):
            raise
        except Exception as error:
            # A bug must not end the session: the notes typed so far are saved and kept.
            return [
                _(
                    "That did not work ({kind}: {error}). "
                    "Your notes are as they were; please report this."
                ).format(kind=type(error).__name__, error=error)
            ]

    def go(self, node: Node, *, jump: bool = True) -> None:
        """Make `node` the selection (a jump is a new entry in the back/forward history)."""
        self.node = node
        if jump:
            self.session.jump((node.pack_id, node.id))
        self.session.open(node)

    def apply(self, changed: Changed | None, nothing: str) -> list[str]:
        """Save what an operation changed and say so; `nothing` when there was nothing to do."""
        from gpp_tui.store.errors import StoreError

        if changed is None:
            return [nothing]
        if changed.everything:
            self.outline.refresh()
        lines = [describe.sentence(changed.message)]
        if changed.undoable:
            lines[0] += " " + _("Type undo to take it back.")
        if changed.needs_save:
            try:
                self.session.save()
                self.unsaved = False
            except StoreError as error:
                self.unsaved = True
                lines.append(
                    _("Not written to disk yet: {error}. It is kept; quit tries again.").format(
                        error=error
                    )
                )
        return lines

    def number(self, text: str, what: str, total: int) -> int:
        """A typed number from 1 to `total`, as an index (Refused with what would work)."""
        if not text:
            if total > 1:
                raise Refused(
                    _("Say which: {what} 1 to {what} {total}").format(what=what, total=total)
                )
            raise Refused(_("Say which: {what} 1").format(what=what))
        try:
            value = int(text)
        except ValueError:
            value = 0
        if not 1 <= value <= total:
            if total == 0:
                raise Refused(_("There is nothing to {what} here.").format(what=what))
            raise Refused(
                _("{text} is not a number from 1 to {total}: try {what} 1.").format(
                    text=text, total=total, what=what
                )
            )
        return value - 1

    def numbered(self, entries: Sequence[tuple[Node, str | None, str]]) -> list[str]:
        """Number entries (node, matching note, line) and remember them for open N."""
        self.choices = [((node.pack_id, node.id), note) for node, note, _line in entries]
        return [f"{i}. {line}" for i, (_node, _note, line) in enumerate(entries, 1)]

    def open_typed(self, text: str, *, unknown: bool = False) -> list[str]:
        """Open number N of the last list, or the node with an id."""
        if not text:
            return [_("Say what to open: open 3 (a number from the last list) or open B.2.")]
        if text.isdigit() and (self.choices or unknown):
            if not self.choices:
                return [_("There is no numbered list yet: type list or search WORDS first.")]
            place, note_id = self.choices[self.number(text, "open", len(self.choices))]
            node = self.outline.at(place)
            if node is None:
                return [_("That entry is no longer there: type list again.")]
            self.go(node)
            return self.matched_note(note_id)
        node = self.session.find(text) or self.outline.at(self._orphan_place(text))
        if node is None:
            return [not_found(text, command=unknown)]
        self.go(node)
        return []

    def _orphan_place(self, text: str) -> Place:
        return (self.node.pack_id, text.strip())

    def matched_note(self, note_id: str | None) -> list[str]:
        """After opening a search result on a note: which number that note has."""
        if note_id is None:
            return []
        for index, note in enumerate(self.session.notes(self.node), 1):
            if note.id == note_id:
                total = len(self.session.notes(self.node))
                stale = note.id in self.session.stale_notes(self.node)
                return [
                    _("The search found this note:"),
                    *describe.note_lines(note, index, total, stale),
                ]
        return []


def not_found(text: str, *, command: bool) -> str:
    """Why a typed word opened nothing: an id no pack has, a word that is no command or id."""
    if ID_SHAPE.fullmatch(text.strip()):
        return _(
            "No node {id} in this pack: type list all for every id, or search WORDS to find "
            "a node by its words."
        ).format(id=text.strip())
    if command:
        return _("{text!r} is not a command.").format(text=text) + " " + _(UNKNOWN)
    return _(
        "{text!r} is not an id such as B.2: type search {text} to find a node by its words."
    ).format(text=text)


def _help(shell: PlainShell, rest: str) -> list[str]:
    return help_lines()


def _where(shell: PlainShell, rest: str) -> list[str]:
    return []


def _list(shell: PlainShell, rest: str) -> list[str]:
    outline, node = shell.outline, shell.node
    shown = outline.shown()
    if rest.casefold() == "all":
        nodes = outline.nodes
        heading = _("Every node")
    elif rest:
        return [_("Type list (what is under this node) or list all (every node).")]
    else:
        under = outline.children(node)
        parent = outline.parent(node)
        if under:
            nodes, heading = under, _("Under {node}").format(node=node.label)
        elif parent is not None:
            nodes, heading = outline.children(parent), _("Under {node}").format(node=parent.label)
        else:
            nodes, heading = [node], _("This node")
    if shown is not None:
        nodes = [n for n in nodes if (n.pack_id, n.id) in shown]
    if not nodes:
        return [_("Nothing here passes the filter: type filter off to see everything.")]
    entries = []
    for entry in nodes:
        line = describe.entry(shell.session, entry)
        if entry == node:
            line += _(", you are here")
        entries.append((entry, None, line))
    counted = describe.count(len(nodes), "entry")
    return [
        _("{heading}, {count}:").format(heading=heading, count=counted),
        *shell.numbered(entries),
    ]


def _open(shell: PlainShell, rest: str) -> list[str]:
    return shell.open_typed(rest)


def _up(shell: PlainShell, rest: str) -> list[str]:
    parent = shell.outline.parent(shell.node)
    if parent is None:
        return [_("This is the top of the pack.")]
    shell.go(parent, jump=False)
    return []


def _step(forward: bool) -> Handler:
    def step(shell: PlainShell, rest: str) -> list[str]:
        if forward and rest.casefold() in ("unreviewed", "u"):
            place = shell.session.next_unreviewed(shell.outline.recommendation_before(shell.node))
            node = shell.outline.at(place) if place else None
            if node is None:
                return [_("Every recommendation is reviewed.")]
            shell.go(node)
            return []
        if rest:
            return [_("Type next, next unreviewed (nu) or previous.")]
        node = shell.outline.step(shell.node, forward)
        if node is None:
            filtered = shell.session.finder.visible() is not None
            if forward:
                end = (
                    _("This is the last node the filter keeps.")
                    if filtered
                    else _("This is the last node.")
                )
            else:
                end = (
                    _("This is the first node the filter keeps.")
                    if filtered
                    else _("This is the first node.")
                )
            return [end]
        shell.go(node, jump=False)
        return []

    return step


def _history(back: bool) -> Handler:
    def move(shell: PlainShell, rest: str) -> list[str]:
        history = shell.session.history
        place = history.back() if back else history.forward()
        node = shell.outline.at(place) if place else None
        if node is None:
            return [_("Nothing to go back to.") if back else _("Nothing to go forward to.")]
        shell.go(node, jump=False)
        return []

    return move


def _read(shell: PlainShell, rest: str) -> list[str]:
    return describe.read(shell.session, shell.node)


def _quit(shell: PlainShell, rest: str) -> list[str]:
    raise Quit


HANDLERS: dict[str, Handler] = {
    "help": _help,
    "where": _where,
    "list": _list,
    "open": _open,
    "up": _up,
    "next": _step(forward=True),
    "previous": _step(forward=False),
    "back": _history(back=True),
    "forward": _history(back=False),
    "read": _read,
    "quit": _quit,
    **annotate.HANDLERS,
    **finding.HANDLERS,
    **welcome.HANDLERS,
    **lock.HANDLERS,
}
