"""The plain mode's commands: names, short forms, what each does, and reading a typed line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Command:
    """One command of the plain mode, as `help` lists it."""

    name: str
    short: tuple[str, ...]
    usage: str
    summary: str


COMMANDS = (
    Command("help", ("h", "?"), "help", "list the commands"),
    Command("where", ("wh",), "where", "say again where you are"),
    Command(
        "list",
        ("l",),
        "list, or list all",
        "number what is under this node (or beside it); list all numbers every node",
    ),
    Command(
        "open",
        ("o",),
        "open N, or open ID",
        "go to number N of the last list or search, or to an id such as B.2",
    ),
    Command("up", ("..",), "up", "go to the node above this one"),
    Command(
        "next",
        ("n",),
        "next, or next unreviewed",
        "the next node in reading order; next unreviewed (nu) the next recommendation to review",
    ),
    Command("previous", ("p", "prev"), "previous", "the node before this one in reading order"),
    Command("back", ("bk",), "back", "back to where you were before the last jump"),
    Command("forward", ("fw",), "forward", "forward again after back"),
    Command(
        "read",
        ("r",),
        "read",
        "the whole node: source text, your review, context added by gpp-tui, related",
    ),
    Command(
        "mark",
        ("m",),
        "mark reviewed, mark follow-up, mark unreviewed",
        "set the review status of this recommendation (short: m r, m f, m u)",
    ),
    Command(
        "bookmark",
        ("b",),
        "bookmark, or bookmark LABEL",
        "bookmark this node or remove its bookmark; with a label, bookmark it with that label",
    ),
    Command("notes", ("ns",), "notes", "your notes on this node, numbered"),
    Command(
        "note",
        ("w", "add"),
        "note",
        "write a new note: type its lines, then a line with only a dot (.) to save it",
    ),
    Command("edit", ("e",), "edit N", "write note N again (same ending: a line with only a dot)"),
    Command(
        "tags",
        ("t",),
        "tags N WORDS",
        "give note N these tags, separated by commas (tags N alone removes them)",
    ),
    Command("delete", ("d", "del"), "delete N", "delete note N, after quoting it and asking"),
    Command("undo", ("u",), "undo", "take back your last change (delete, edit, status, bookmark)"),
    Command("redo", ("re",), "redo", "make again what undo took back"),
    Command(
        "search",
        ("s", "/"),
        "search WORDS",
        "search the principles, the context and your notes; open N opens result N",
    ),
    Command(
        "filter",
        ("f",),
        "filter bookmarked, notes, follow-up, unreviewed, text WORDS, or off",
        "limit list, next and previous to those nodes; filter alone says which is on",
    ),
    Command(
        "export",
        ("x",),
        "export FORMAT [FILE]",
        "write a review (html, md, docx) or your notes for a colleague (json, toml)",
    ),
    Command("cite", ("c",), "cite", "a citation of this node"),
    Command(
        "drafts",
        ("dr",),
        "drafts, recover N, discard N",
        "notes you were writing that were not saved; recover saves one, discard throws it away",
    ),
    Command("orphans", ("or",), "orphans", "notes on nodes the packs no longer have, numbered"),
    Command("quit", ("q", "exit"), "quit", "save and leave (end of input does the same)"),
)

ALIASES = {
    **{command.name: command.name for command in COMMANDS},
    **{short: command.name for command in COMMANDS for short in command.short},
    "nu": "next unreviewed",
    "recover": "recover",
    "rc": "recover",
    "discard": "discard",
}
"""Every word that starts a command, to the command it means."""


def parse(line: str) -> tuple[str, str]:
    """A typed line as (command name, the rest); ("", "") for a blank line.

    "/reparation" is a search like "/ reparation"; an unknown first word comes
    back as it was typed (the caller may take it for a number or an id).
    """
    text = line.strip()
    if not text:
        return "", ""
    if text.startswith("/") and text != "/":
        return "search", text[1:].strip()
    word, _, rest = text.partition(" ")
    name = ALIASES.get(word.casefold())
    if name is None:
        return word, rest.strip()
    if name == "next unreviewed":
        return "next", "unreviewed"
    return name, rest.strip()


def help_lines() -> list[str]:
    """One line per command: what to type, the short forms, what it does."""
    lines = []
    for command in COMMANDS:
        short = ", ".join(command.short)
        lines.append(f"{command.usage} (short: {short}): {command.summary}.")
    lines.append(
        "A number alone opens that entry of the last list; an id alone (B.2) opens that node."
    )
    return lines
