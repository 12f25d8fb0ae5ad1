"""Plain-mode commands that find and share: search, filter, orphans, export, import, cite."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from gpp_tui.i18n import N_, _, ngettext
from gpp_tui.plain import describe
from gpp_tui.session.sharing import FORMATS
from gpp_tui.store.kinds import NodeFilter

if TYPE_CHECKING:
    from gpp_tui.plain.shell import Handler, PlainShell

SEARCH_LIMIT = 20
IMPORT_LINES_SHOWN = 20
"""Changes listed one by one before an import; the rest are counted."""
FIELD_WORDS = {
    "title": N_("in the title"),
    "summary": N_("in the text"),
    "body": N_("in the text"),
    "context": N_("in the added context"),
    "reference": N_("in a reference"),
    "tag": N_("in the tags"),
    "glossary": N_("in the glossary"),
    "note": N_("in your note"),
    "bookmark": N_("in your bookmark label"),
}
"""Where a search matched, in words (English: `_()` where said)."""
FILTERS = {
    "bookmarked": NodeFilter.BOOKMARKED,
    "bookmarks": NodeFilter.BOOKMARKED,
    "notes": NodeFilter.NOTES,
    "follow-up": NodeFilter.FOLLOW_UP,
    "followup": NodeFilter.FOLLOW_UP,
    "unreviewed": NodeFilter.UNREVIEWED,
}
FILTER_HELP = N_(
    "Type filter bookmarked, filter notes, filter follow-up, filter unreviewed, "
    "filter text WORDS, or filter off."
)
"""In English: `_()` where said."""


def _search(shell: PlainShell, rest: str) -> list[str]:
    if not rest:
        return [_("Type search and the words to find, for example: search reparation.")]
    hits = shell.session.finder.remember(rest, SEARCH_LIMIT)
    entries = []
    for hit in hits:
        node = shell.outline.at((hit.pack_id, hit.node_id))
        if node is None:
            continue
        where = _(FIELD_WORDS.get(hit.field.value, hit.field.value))
        if hit.note_id:
            what = _("Note on {node}").format(node=hit.label)
        else:
            what = f"{hit.label}, {describe.kind(node)}"
        snippet = " ".join(hit.snippet.split())
        line = _("{what}, {where}: {snippet}").format(what=what, where=where, snippet=snippet)
        entries.append((node, hit.note_id, line))
    if not entries:
        return [
            _("Nothing found for {words}. Fewer or other words may find something.").format(
                words=rest
            )
        ]
    found = describe.count(len(entries), "result")
    if len(hits) == SEARCH_LIMIT:
        heading = _("{found} (the best ones) for {words}:")
    else:
        heading = _("{found} for {words}:")
    return [
        heading.format(found=found, words=rest),
        *shell.numbered(entries),
        _("open N goes to result N."),
    ]


def _filter(shell: PlainShell, rest: str) -> list[str]:
    finder = shell.session.finder
    word, _space, words = rest.partition(" ")
    word = word.casefold()
    if not word:
        summary = finder.summary("and").removeprefix(" and ")
        said = summary[:1].upper() + summary[1:] if summary else _("No filter is on")
        return [f"{said}.", _(FILTER_HELP)]
    if word in ("off", "none", "clear"):
        finder.node_filter, finder.text_filter = None, ""
        return [_("Filter off: list, next and previous show every node.")]
    if word == "text":
        if not words.strip():
            return [_("Type filter text and the words a node must hold.")]
        finder.text_filter = words.strip()
    elif word in FILTERS:
        finder.node_filter = FILTERS[word]
    else:
        return [_("{words!r} is not a filter.").format(words=rest) + " " + _(FILTER_HELP)]
    keep = finder.visible() or set()
    passes = ngettext(
        "Filter on, {count} node passes. ",
        "Filter on, {count} nodes pass. ",
        len(keep),
    ).format(count=len(keep))
    if not keep:
        passes = _("Filter on, no nodes pass. ")
    return [passes + _("list, next and previous show only those; filter off shows everything.")]


def _orphans(shell: PlainShell, rest: str) -> list[str]:
    orphans = shell.outline.orphans()
    if not orphans:
        return [_("No orphaned notes: every note is on a node of the loaded packs.")]
    entries = [(node, None, describe.entry(shell.session, node)) for node in orphans]
    return [
        _("Notes on nodes the packs no longer have (they are kept):"),
        *shell.numbered(entries),
    ]


def _export(shell: PlainShell, rest: str) -> list[str]:
    from gpp_tui.exchange.destination import suggested_export_path
    from gpp_tui.exchange.export import ExportFormat
    from gpp_tui.session.sharing import export_question

    names = ", ".join(name for name, _what in FORMATS)
    word, _space, file = rest.partition(" ")
    aliases = {"markdown": "md", "htm": "html"}
    word = aliases.get(word.casefold(), word.casefold())
    if word in {name for name, _what in FORMATS}:
        fmt: ExportFormat | None = ExportFormat(word)
    else:
        fmt, file = ExportFormat.from_path(Path(rest)), rest
    if fmt is None:
        lines = [
            _("Say which format: export FORMAT, then a file if you like; formats: {names}.").format(
                names=names
            )
        ]
        return lines + [
            _("{name}: {what}.").format(name=name, what=_(what)) for name, what in FORMATS
        ]
    if file.strip():
        path = Path(file.strip()).expanduser()
    else:
        path = suggested_export_path(fmt, datetime.now().astimezone())
    asked = export_question(path, shell.encrypted)
    if asked is not None:
        if asked.replaces:
            shell.answer([asked.text + " " + _("Type yes to replace it.")])
            answer = shell.terminal.ask(_("Replace it? "))
        else:
            shell.answer([asked.text + " " + _("Type yes to write it.")])
            answer = shell.terminal.ask(_("Write it? "))
        if answer is None or answer.strip().casefold() not in ("yes", "y", "oui", "o"):
            if asked.replaces:
                return [_("Nothing was written: {name} is kept as it was.").format(name=path.name)]
            return [_("Nothing was written.")]
    message = shell.session.export(fmt.value, path, replace=asked is not None and asked.replaces)
    return [message + "."]


def _import(shell: PlainShell, rest: str) -> list[str]:
    """Merge a colleague's JSON or TOML export, after saying what it changes and asking."""
    from gpp_tui.plain.annotate import YES, writable

    if not rest.strip():
        return [_("Type import and the .json or .toml file a colleague exported.")]
    writable(shell)
    preview = shell.session.read_import(Path(rest.strip()).expanduser())
    if not preview.changes_anything:
        return [
            _("Nothing to import from {file}: your notes already hold all of it.").format(
                file=preview.path.name
            )
        ]
    shell.answer(
        [
            *preview.lines(shell.session.library, IMPORT_LINES_SHOWN),
            _("Type yes to import them; anything else imports nothing."),
        ]
    )
    answer = shell.terminal.ask(_("Import them? "))
    if answer is None or answer.strip().casefold() not in YES:
        return [_("Nothing was imported.")]
    return shell.apply(shell.session.apply_import(preview), "")


def _cite(shell: PlainShell, rest: str) -> list[str]:
    from gpp_tui.exchange.cite import citation

    return [_("Citation:"), citation(shell.session.library, shell.node)]


def _language(shell: PlainShell, rest: str) -> list[str]:
    """Switch the principles between the original and its translation; the same node."""
    from gpp_tui.i18n import language

    changed = shell.session.show_language(preferred=language())
    shell.outline.refresh()
    here = shell.session.node_at((shell.node.pack_id, shell.node.id))
    if here is not None:
        shell.node = here
        shell.session.open(here)
    return [describe.sentence(changed.message)]


HANDLERS: dict[str, Handler] = {
    "search": _search,
    "filter": _filter,
    "orphans": _orphans,
    "export": _export,
    "import": _import,
    "cite": _cite,
    "language": _language,
}
