"""What the plain mode says: where you are, a node in full, notes and list entries, in words."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from gpp_tui.content import Node, NodeKind, Recommendation
from gpp_tui.i18n import N_, _, format_time, ngettext, pgettext
from gpp_tui.session import Session
from gpp_tui.store.kinds import ReviewStatus

if TYPE_CHECKING:
    from datetime import datetime

    from gpp_tui.store.models import NodeAnnotations, Note

QUOTE_WIDTH = 60
"""Characters of a note's first line quoted in a question or a list."""

_KIND_WORDS = {
    NodeKind.PACK: N_("pack"),
    NodeKind.BACKGROUND: N_("background"),
    NodeKind.SECTION: N_("background section"),
    NodeKind.AREA: N_("focus area"),
    NodeKind.RECOMMENDATION: N_("recommendation"),
    NodeKind.GLOSSARY: N_("glossary"),
    NodeKind.TERM: N_("glossary term"),
    NodeKind.ORPHANS: N_("orphaned notes"),
    NodeKind.ORPHAN: N_("orphaned notes, no longer in the pack"),
}
"""Each kind of node in words (English: `_()` where said)."""

_COUNTED: dict[str, tuple[str, Callable[[int], str]]] = {
    "note": (N_("no notes"), lambda n: ngettext("{count} note", "{count} notes", n)),
    "result": (N_("no results"), lambda n: ngettext("{count} result", "{count} results", n)),
    "node": (N_("no nodes"), lambda n: ngettext("{count} node", "{count} nodes", n)),
    "entry": (N_("no entries"), lambda n: ngettext("{count} entry", "{count} entries", n)),
}
"""The things counted: none (in English, translated where said), then one or many."""


def count(number: int, word: str) -> str:
    """ "1 note", "2 notes", "no notes" (`word` is one of note, result, node, entry)."""
    none, some = _COUNTED[word]
    if number == 0:
        return _(none)
    return some(number).format(count=number)


def sentence(text: str) -> str:
    """A message as a sentence: a full stop added unless it ends with one already."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", ":")) else text + "."


def first_line(text: str, width: int = QUOTE_WIDTH) -> str:
    """The first non-empty line of a text, shortened to `width` characters."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= width else line[: width - 3] + "..."


def when(moment: datetime) -> str:
    """A time, local, in digits a screen reader says well: 2026-12-01 21:05, 01/12/2026 21:05."""
    return format_time(moment)


def status_words(status: ReviewStatus) -> str:
    """A review status as the user says it."""
    return {
        ReviewStatus.UNREVIEWED: _("unreviewed"),
        ReviewStatus.REVIEWED: _("reviewed"),
        ReviewStatus.FOLLOW_UP: _("needs follow-up"),
    }[status]


def marks(node: Node, mine: NodeAnnotations | None) -> list[str]:
    """Status, bookmark and notes of a node, as words."""
    if mine is None:
        return [_("notes still loading")]
    words: list[str] = []
    if node.kind is NodeKind.RECOMMENDATION or mine.status is not ReviewStatus.UNREVIEWED:
        words.append(status_words(mine.status))
    if mine.bookmark is not None:
        label = mine.bookmark.label
        words.append(_('bookmarked "{label}"').format(label=label) if label else _("bookmarked"))
    if mine.notes or node.kind in (NodeKind.RECOMMENDATION, NodeKind.ORPHAN):
        words.append(count(len(mine.notes), "note"))
    return words


def position(session: Session, node: Node) -> str:
    """ "recommendation 5 of 11", "focus area 2 of 4", or the kind of node."""
    kind = _(_KIND_WORDS[node.kind])
    pack = session.library.pack(node.pack_id)
    if pack is None:
        return kind
    if node.kind is NodeKind.RECOMMENDATION:
        ids = [rec.id for rec in pack.recommendations]
    elif node.kind is NodeKind.AREA:
        ids = [area.id for area in pack.areas]
    elif node.kind is NodeKind.SECTION:
        ids = [section.id for section in pack.sections]
    elif node.kind is NodeKind.TERM:
        ids = [entry.id for entry in pack.glossary]
    else:
        return kind
    if node.id not in ids:
        return kind
    return _("{kind} {number} of {total}").format(
        kind=kind, number=ids.index(node.id) + 1, total=len(ids)
    )


def where(session: Session, node: Node) -> str:
    """The first line of every answer: "B.2 Anti-Retaliation Safeguards, recommendation 5 of
    11, reviewed, 2 notes"."""
    parts = [node.label, position(session, node)]
    if node.kind in (NodeKind.PACK, NodeKind.AREA):
        parts.append(progress(session, node))
    parts += marks(node, session.mine(node))
    summary = session.finder.summary("and").removeprefix(" and ")
    if summary:
        parts.append(summary)
    return ", ".join(part for part in parts if part)


def progress(session: Session, node: Node) -> str:
    """ "3 of 11 recommendations reviewed, 1 needs follow-up" for a pack or a focus area."""
    annotations = session.annotations
    pack = session.library.pack(node.pack_id)
    if annotations is None or pack is None:
        return ""
    if node.kind is NodeKind.AREA:
        area = pack.area_of(node.id)
        ids = [rec.id for rec in area.recommendations] if area else []
    else:
        ids = [rec.id for rec in pack.recommendations]
    done = annotations.progress(pack.pack.id, ids)
    text = _("{reviewed} of {total} recommendations reviewed").format(
        reviewed=done.reviewed, total=done.total
    )
    if done.follow_up:
        follow = ngettext(
            "{count} needs follow-up", "{count} need follow-up", done.follow_up
        ).format(count=done.follow_up)
        text += f", {follow}"
    return text


def kind(node: Node) -> str:
    """What kind of node it is, in words: "recommendation", "glossary term"."""
    return _(_KIND_WORDS[node.kind])


def entry(session: Session, node: Node) -> str:
    """One entry of a numbered list: label, kind and marks."""
    words = [node.label, kind(node)]
    mine = session.mine(node)
    if mine is not None and node.kind not in (NodeKind.PACK, NodeKind.AREA):
        words += [word for word in marks(node, mine) if word != _("no notes")]
    return ", ".join(words)


def paragraphs(text: str) -> list[str]:
    """Text as lines, one paragraph or list item each, blank lines between paragraphs kept."""
    lines = [line.strip() for line in text.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return out


def read(session: Session, node: Node) -> list[str]:
    """A node in full: the source text, your review, the added context, related nodes."""
    from gpp_tui.exchange.provenance import (
        attribution,
        provenance,
        source_of,
        translation_authority,
    )

    pack = session.library.pack(node.pack_id)
    lines: list[str] = []
    if pack is not None and node.kind is NodeKind.RECOMMENDATION:
        area = pack.area_of(node.id)
        if area is not None:
            lines.append(_("Focus area: {id} {title}").format(id=area.id, title=area.title))
    if node.text and pack is not None:
        said = attribution(pack, node)
        if not source_of(pack, node):
            lines += ["", _("{said}:").format(said=said)]
        elif translation_authority(pack.pack):
            # A sentence of its own ("Unofficial translation; ..."), then the text.
            lines += ["", said, _("Text:")]
        else:
            lines += ["", _("Text ({said}):").format(said=said)]
        lines += paragraphs(node.text)
    if node.kind is NodeKind.PACK and pack is not None:
        lines += ["", _("About this pack:")]
        lines += [
            _("{label}: {value}").format(label=label, value=value)
            for label, value in provenance(pack.pack)
        ]
    lines += ["", *review(session, node)]
    item = node.item
    if isinstance(item, Recommendation):
        lines += ["", *context(session, node, item)]
    return lines


def review(session: Session, node: Node) -> list[str]:
    """Your review of a node: status, bookmark, how many notes."""
    mine = session.mine(node)
    if mine is None:
        return [_("Your review: your notes are still loading.")]
    words = marks(node, mine)
    if not words:
        words = [_("no bookmark, no notes")]
    lines = [_("Your review: {marks}.").format(marks=", ".join(words))]
    if mine.notes:
        lines.append(_("Type notes to read them."))
    return lines


def context(session: Session, node: Node, item: Recommendation) -> list[str]:
    """The context gpp-tui adds to a recommendation, labelled as such."""
    lines = [_("Context added by gpp-tui, not part of the principle:")]
    if item.context:
        lines += paragraphs(item.context)
    for ref in item.references:
        said = _("Reference: {label}") if ref.verified else _("Reference, to verify: {label}")
        note = _(": {note}").format(note=ref.note) if ref.note else ""
        lines.append(said.format(label=ref.label) + note)
    if item.tags:
        lines.append(_("Tags: {tags}.").format(tags=", ".join(item.tags)))
    if item.related:
        pack = session.library.pack(node.pack_id)
        named = []
        for related_id in item.related:
            other = pack.nodes.get(related_id) if pack else None
            named.append(other.label if other else related_id)
        separator = pgettext("between the items of a list", "; ")
        lines.append(_("Related: {nodes}.").format(nodes=separator.join(named)))
    return lines


def note_lines(note: Note, number: int, total: int, stale: bool) -> list[str]:
    """One note: its number, time, author and tags on one line, then its text."""
    about = [
        _("Note {number} of {total}").format(number=number, total=total),
        _("written {time}").format(time=when(note.updated)),
    ]
    if note.author:
        about.append(_("by {author}").format(author=note.author))
    if note.tags:
        about.append(_("tags {tags}").format(tags=", ".join(note.tags)))
    if note.conflict_of:
        about.append(_("conflict copy of another version"))
    if stale:
        about.append(_("written on an earlier version of the text"))
    return [_("{about}:").format(about=", ".join(about)), *note.text.strip("\n").splitlines()]


def quote(note: Note) -> str:
    """A note quoted for a question: its first line, time and author."""
    if note.author:
        return _('"{text}" ({time}, by {author})').format(
            text=first_line(note.text), time=when(note.updated), author=note.author
        )
    return _('"{text}" ({time})').format(text=first_line(note.text), time=when(note.updated))
