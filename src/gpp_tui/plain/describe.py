"""What the plain mode says: where you are, a node in full, notes and list entries, in words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gpp_tui.content import Node, NodeKind, Recommendation
from gpp_tui.session import Session
from gpp_tui.store.kinds import ReviewStatus

if TYPE_CHECKING:
    from datetime import datetime

    from gpp_tui.store.models import NodeAnnotations, Note

QUOTE_WIDTH = 60
"""Characters of a note's first line quoted in a question or a list."""

_KIND_WORDS = {
    NodeKind.PACK: "pack",
    NodeKind.BACKGROUND: "background",
    NodeKind.SECTION: "background section",
    NodeKind.AREA: "focus area",
    NodeKind.RECOMMENDATION: "recommendation",
    NodeKind.GLOSSARY: "glossary",
    NodeKind.TERM: "glossary term",
    NodeKind.ORPHANS: "orphaned notes",
    NodeKind.ORPHAN: "orphaned notes, no longer in the pack",
}


def count(number: int, word: str) -> str:
    """ "1 note", "2 notes", "no notes"."""
    many = word[:-1] + "ies" if word.endswith("y") else word + "s"
    if number == 0:
        return f"no {many}"
    return f"{number} {word}" if number == 1 else f"{number} {many}"


def sentence(text: str) -> str:
    """A message as a sentence: a full stop added unless it ends with one already."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", ":")) else text + "."


def first_line(text: str, width: int = QUOTE_WIDTH) -> str:
    """The first non-empty line of a text, shortened to `width` characters."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= width else line[: width - 3] + "..."


def when(moment: datetime) -> str:
    """A time, local, in digits a screen reader says well: 2026-12-01 21:05."""
    return f"{moment.astimezone():%Y-%m-%d %H:%M}"


def status_words(status: ReviewStatus) -> str:
    """A review status as the user says it."""
    return {
        ReviewStatus.UNREVIEWED: "unreviewed",
        ReviewStatus.REVIEWED: "reviewed",
        ReviewStatus.FOLLOW_UP: "needs follow-up",
    }[status]


def marks(node: Node, mine: NodeAnnotations | None) -> list[str]:
    """Status, bookmark and notes of a node, as words."""
    if mine is None:
        return ["notes still loading"]
    words: list[str] = []
    if node.kind is NodeKind.RECOMMENDATION or mine.status is not ReviewStatus.UNREVIEWED:
        words.append(status_words(mine.status))
    if mine.bookmark is not None:
        label = mine.bookmark.label
        words.append(f'bookmarked "{label}"' if label else "bookmarked")
    if mine.notes or node.kind in (NodeKind.RECOMMENDATION, NodeKind.ORPHAN):
        words.append(count(len(mine.notes), "note"))
    return words


def position(session: Session, node: Node) -> str:
    """ "recommendation 5 of 11", "focus area 2 of 4", or the kind of node."""
    kind = _KIND_WORDS[node.kind]
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
    return f"{kind} {ids.index(node.id) + 1} of {len(ids)}" if node.id in ids else kind


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
    text = f"{done.reviewed} of {done.total} recommendations reviewed"
    if done.follow_up:
        text += f", {done.follow_up} need{'s' if done.follow_up == 1 else ''} follow-up"
    return text


def kind(node: Node) -> str:
    """What kind of node it is, in words: "recommendation", "glossary term"."""
    return _KIND_WORDS[node.kind]


def entry(session: Session, node: Node) -> str:
    """One entry of a numbered list: label, kind and marks."""
    words = [node.label, kind(node)]
    mine = session.mine(node)
    if mine is not None and node.kind not in (NodeKind.PACK, NodeKind.AREA):
        words += [word for word in marks(node, mine) if not word.startswith("no ")]
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
    from gpp_tui.exchange.provenance import attribution, provenance, source_of

    pack = session.library.pack(node.pack_id)
    lines: list[str] = []
    if pack is not None and node.kind is NodeKind.RECOMMENDATION:
        area = pack.area_of(node.id)
        if area is not None:
            lines.append(f"Focus area: {area.id} {area.title}")
    if node.text and pack is not None:
        said = attribution(pack, node)
        lines += ["", f"Text ({said}):" if source_of(pack, node) else f"{said}:"]
        lines += paragraphs(node.text)
    if node.kind is NodeKind.PACK and pack is not None:
        lines += ["", "About this pack:"]
        lines += [f"{label}: {value}" for label, value in provenance(pack.pack)]
    lines += ["", *review(session, node)]
    item = node.item
    if isinstance(item, Recommendation):
        lines += ["", *context(session, node, item)]
    return lines


def review(session: Session, node: Node) -> list[str]:
    """Your review of a node: status, bookmark, how many notes."""
    mine = session.mine(node)
    if mine is None:
        return ["Your review: your notes are still loading."]
    words = marks(node, mine)
    if not words:
        words = ["no bookmark, no notes"]
    lines = [f"Your review: {', '.join(words)}."]
    if mine.notes:
        lines.append("Type notes to read them.")
    return lines


def context(session: Session, node: Node, item: Recommendation) -> list[str]:
    """The context gpp-tui adds to a recommendation, labelled as such."""
    lines = ["Context added by gpp-tui, not part of the principle:"]
    if item.context:
        lines += paragraphs(item.context)
    for ref in item.references:
        flag = ", to verify" if not ref.verified else ""
        note = f": {ref.note}" if ref.note else ""
        lines.append(f"Reference{flag}: {ref.label}{note}")
    if item.tags:
        lines.append(f"Tags: {', '.join(item.tags)}.")
    if item.related:
        pack = session.library.pack(node.pack_id)
        named = []
        for related_id in item.related:
            other = pack.nodes.get(related_id) if pack else None
            named.append(other.label if other else related_id)
        lines.append(f"Related: {'; '.join(named)}.")
    return lines


def note_lines(note: Note, number: int, total: int, stale: bool) -> list[str]:
    """One note: its number, time, author and tags on one line, then its text."""
    about = [f"Note {number} of {total}", f"written {when(note.updated)}"]
    if note.author:
        about.append(f"by {note.author}")
    if note.tags:
        about.append(f"tags {', '.join(note.tags)}")
    if note.conflict_of:
        about.append("conflict copy of another version")
    if stale:
        about.append("written on an earlier version of the text")
    return [", ".join(about) + ":", *note.text.strip("\n").splitlines()]


def quote(note: Note) -> str:
    """A note quoted for a question: its first line, time and author."""
    who = f", by {note.author}" if note.author else ""
    return f'"{first_line(note.text)}" ({when(note.updated)}{who})'
