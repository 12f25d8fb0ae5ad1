"""Plain-mode commands that find and share: search, filter, orphans, export, cite."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from gpp_tui.plain import describe
from gpp_tui.session.sharing import FORMATS
from gpp_tui.store.kinds import NodeFilter

if TYPE_CHECKING:
    from gpp_tui.plain.shell import Handler, PlainShell

SEARCH_LIMIT = 20
FIELD_WORDS = {
    "title": "in the title",
    "summary": "in the text",
    "body": "in the text",
    "context": "in the added context",
    "reference": "in a reference",
    "tag": "in the tags",
    "glossary": "in the glossary",
    "note": "in your note",
    "bookmark": "in your bookmark label",
}
FILTERS = {
    "bookmarked": NodeFilter.BOOKMARKED,
    "bookmarks": NodeFilter.BOOKMARKED,
    "notes": NodeFilter.NOTES,
    "follow-up": NodeFilter.FOLLOW_UP,
    "followup": NodeFilter.FOLLOW_UP,
    "unreviewed": NodeFilter.UNREVIEWED,
}
FILTER_HELP = (
    "Type filter bookmarked, filter notes, filter follow-up, filter unreviewed, "
    "filter text WORDS, or filter off."
)


def _search(shell: PlainShell, rest: str) -> list[str]:
    if not rest:
        return ["Type search and the words to find, for example: search reparation."]
    hits = shell.session.finder.remember(rest, SEARCH_LIMIT)
    entries = []
    for hit in hits:
        node = shell.outline.at((hit.pack_id, hit.node_id))
        if node is None:
            continue
        where = FIELD_WORDS.get(hit.field.value, f"in the {hit.field.value}")
        what = f"Note on {hit.label}" if hit.note_id else f"{hit.label}, {describe.kind(node)}"
        snippet = " ".join(hit.snippet.split())
        entries.append((node, hit.note_id, f"{what}, {where}: {snippet}"))
    if not entries:
        return [f"Nothing found for {rest}. Fewer or other words may find something."]
    found = describe.count(len(entries), "result")
    more = " (the best ones)" if len(hits) == SEARCH_LIMIT else ""
    return [f"{found}{more} for {rest}:", *shell.numbered(entries), "open N goes to result N."]


def _filter(shell: PlainShell, rest: str) -> list[str]:
    finder = shell.session.finder
    word, _, words = rest.partition(" ")
    word = word.casefold()
    if not word:
        summary = finder.summary("and").removeprefix(" and ")
        return [f"{summary.capitalize() if summary else 'No filter is on'}.", FILTER_HELP]
    if word in ("off", "none", "clear"):
        finder.node_filter, finder.text_filter = None, ""
        return ["Filter off: list, next and previous show every node."]
    if word == "text":
        if not words.strip():
            return ["Type filter text and the words a node must hold."]
        finder.text_filter = words.strip()
    elif word in FILTERS:
        finder.node_filter = FILTERS[word]
    else:
        return [f"{rest!r} is not a filter. {FILTER_HELP}"]
    keep = finder.visible() or set()
    return [
        f"Filter on, {describe.count(len(keep), 'node')} "
        f"{'passes' if len(keep) == 1 else 'pass'}. "
        "list, next and previous show only those; filter off shows everything."
    ]


def _orphans(shell: PlainShell, rest: str) -> list[str]:
    orphans = shell.outline.orphans()
    if not orphans:
        return ["No orphaned notes: every note is on a node of the loaded packs."]
    entries = [(node, None, describe.entry(shell.session, node)) for node in orphans]
    return [
        "Notes on nodes the packs no longer have (they are kept):",
        *shell.numbered(entries),
    ]


def default_export_folder(data_dir: Path) -> Path:
    """The user's documents folder when there is one, else the data folder (as in the app)."""
    from platformdirs import user_documents_path

    documents = user_documents_path()
    return documents if documents.is_dir() else data_dir


def _export(shell: PlainShell, rest: str) -> list[str]:
    from gpp_tui.exchange.export import ExportFormat, suggested_file_name

    names = ", ".join(name for name, _ in FORMATS)
    word, _, file = rest.partition(" ")
    aliases = {"markdown": "md", "htm": "html"}
    word = aliases.get(word.casefold(), word.casefold())
    if word in {name for name, _ in FORMATS}:
        fmt: ExportFormat | None = ExportFormat(word)
    else:
        fmt, file = ExportFormat.from_path(Path(rest)), rest
    if fmt is None:
        lines = [f"Say which format: export FORMAT, then a file if you like; formats: {names}."]
        return lines + [f"{name}: {what}." for name, what in FORMATS]
    if file.strip():
        path = Path(file.strip()).expanduser()
    else:
        folder = default_export_folder(shell.session.data_dir)
        path = folder / suggested_file_name(fmt, datetime.now().astimezone())
    if shell.encrypted:
        shell.answer(
            [
                "Your notes are encrypted, but an export is plain text that anyone with "
                f"the file can read. Write {path} anyway? Type yes to write it."
            ]
        )
        answer = shell.terminal.ask("Write it? ")
        if answer is None or answer.strip().casefold() not in ("yes", "y"):
            return ["Nothing was written."]
    return [shell.session.export(fmt.value, path) + "."]


def _cite(shell: PlainShell, rest: str) -> list[str]:
    from gpp_tui.exchange.cite import citation

    return ["Citation:", citation(shell.session.library, shell.node)]


HANDLERS: dict[str, Handler] = {
    "search": _search,
    "filter": _filter,
    "orphans": _orphans,
    "export": _export,
    "cite": _cite,
}
