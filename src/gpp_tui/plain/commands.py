"""The plain mode's commands: names, short forms, what each does, and reading a typed line."""

from __future__ import annotations

from dataclasses import dataclass

from gpp_tui.i18n import N_, _


@dataclass(frozen=True, slots=True)
class Command:
    """One command of the plain mode, as `help` lists it (usage and summary in English)."""

    name: str
    short: tuple[str, ...]
    usage: str
    summary: str


COMMANDS = (
    Command("help", ("h", "?"), N_("help"), N_("list the commands")),
    Command("where", ("wh",), N_("where"), N_("say again where you are")),
    Command(
        "list",
        ("l",),
        N_("list, or list all"),
        N_("number what is under this node (or beside it); list all numbers every node"),
    ),
    Command(
        "open",
        ("o",),
        N_("open N, or open ID"),
        N_("go to number N of the last list or search, or to an id such as B.2"),
    ),
    Command("up", ("..",), N_("up"), N_("go to the node above this one")),
    Command(
        "next",
        ("n",),
        N_("next, or next unreviewed"),
        N_(
            "the next node in reading order; next unreviewed (nu) the next recommendation to review"
        ),
    ),
    Command(
        "previous", ("p", "prev"), N_("previous"), N_("the node before this one in reading order")
    ),
    Command("back", ("bk",), N_("back"), N_("back to where you were before the last jump")),
    Command("forward", ("fw",), N_("forward"), N_("forward again after back")),
    Command(
        "read",
        ("r",),
        N_("read"),
        N_("the whole node: source text, your review, context added by gpp-tui, related"),
    ),
    Command(
        "mark",
        ("m",),
        N_("mark reviewed, mark follow-up, mark unreviewed"),
        N_("set the review status of this recommendation (short: m r, m f, m u)"),
    ),
    Command(
        "bookmark",
        ("b",),
        N_("bookmark, or bookmark LABEL"),
        N_("bookmark this node or remove its bookmark; with a label, bookmark it with that label"),
    ),
    Command("notes", ("ns",), N_("notes"), N_("your notes on this node, numbered")),
    Command(
        "note",
        ("w", "add"),
        N_("note"),
        N_("write a new note: type its lines, then a line with only a dot (.) to save it"),
    ),
    Command(
        "edit", ("e",), N_("edit N"), N_("write note N again (same ending: a line with only a dot)")
    ),
    Command(
        "tags",
        ("t",),
        N_("tags N WORDS"),
        N_("give note N these tags, separated by commas (tags N alone removes them)"),
    ),
    Command(
        "delete", ("d", "del"), N_("delete N"), N_("delete note N, after quoting it and asking")
    ),
    Command(
        "undo",
        ("u",),
        N_("undo"),
        N_("take back your last change (delete, edit, status, bookmark)"),
    ),
    Command("redo", ("re",), N_("redo"), N_("make again what undo took back")),
    Command(
        "search",
        ("s", "/"),
        N_("search WORDS"),
        N_("search the principles, the context and your notes; open N opens result N"),
    ),
    Command(
        "filter",
        ("f",),
        N_("filter bookmarked, notes, follow-up, unreviewed, text WORDS, or off"),
        N_("limit list, next and previous to those nodes; filter alone says which is on"),
    ),
    Command(
        "export",
        ("x",),
        N_("export FORMAT [FILE]"),
        N_("write a review (html, md, docx) or your notes for a colleague (json, toml)"),
    ),
    Command(
        "import",
        ("im",),
        N_("import FILE"),
        N_("merge a colleague's json or toml export into your notes, after saying what it adds"),
    ),
    Command("cite", ("c",), N_("cite"), N_("a citation of this node")),
    Command(
        "language",
        ("lang",),
        N_("language"),
        N_("the principles in the other language: the English original or its translation"),
    ),
    Command(
        "drafts",
        ("dr",),
        N_("drafts, recover N, discard N"),
        N_("notes you were writing that were not saved; recover saves one, discard throws it away"),
    ),
    Command(
        "orphans", ("or",), N_("orphans"), N_("notes on nodes the packs no longer have, numbered")
    ),
    Command(
        "name",
        ("nm",),
        N_("name, or name YOUR NAME"),
        N_("the name your notes are signed with; with a name, sign your new notes with it"),
    ),
    Command(
        "lock",
        ("lk",),
        N_("lock"),
        N_("no command until your passphrase is typed again (encrypted notes)"),
    ),
    Command("quit", ("q", "exit"), N_("quit"), N_("save and leave (end of input does the same)")),
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
    word, _space, rest = text.partition(" ")
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
        lines.append(
            _("{usage} (short: {short}): {summary}.").format(
                usage=_(command.usage), short=short, summary=_(command.summary)
            )
        )
    lines.append(
        _("A number alone opens that entry of the last list; an id alone (B.2) opens that node.")
    )
    return lines
