"""The annotated review as Markdown: readable as plain text, exact when rendered."""

from __future__ import annotations

import re

from gpp_tui.exchange.review import (
    STATUS_WORDS,
    NodeView,
    NoteView,
    PackView,
    Review,
    progress_words,
)

# CommonMark lets any ASCII punctuation be escaped; these are the ones that would
# turn a reviewer's words into emphasis, links, HTML or table cells.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_BLOCK_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def inline(text: str) -> str:
    """User or pack text for one line of Markdown: whitespace collapsed, specials escaped."""
    return _INLINE_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def quoted(text: str) -> list[str]:
    """Text as blockquote lines, its line breaks kept and nothing in it read as Markdown."""
    lines = []
    for line in text.splitlines() or [""]:
        escaped = _BLOCK_START.sub(r"\1\\\2", _INLINE_SPECIAL.sub(r"\\\1", line))
        lines.append(f"> {escaped}  " if escaped.strip() else ">")
    if lines[-1].endswith("  "):
        lines[-1] = lines[-1][:-2]
    return lines


def render_markdown(review: Review) -> str:
    """The whole review as a Markdown document: follow-ups, progress, then every node."""
    out = [f"# {inline(review.title)}", ""]
    if review.who:
        out.append(f"- **Reviewer:** {inline(review.who)}")
    out.append(f"- **Generated:** {review.generated}")
    if review.scope:
        out.append(f"- **Showing:** {review.scope}")
    out.append("")
    out += _follow_ups(review)
    out += _progress(review)
    several = len(review.packs) > 1
    for pack in review.packs:
        out += _pack(pack, several)
    if review.unloaded:
        out += ["## Annotations on packs that are not loaded", ""]
        for pack_id, nodes in review.unloaded:
            out += [f"### Pack {inline(pack_id)}", ""]
            for node in nodes:
                out += _node(node, "####")
    return "\n".join(out).rstrip() + "\n"


def _follow_ups(review: Review) -> list[str]:
    out = ["## Needs follow-up", ""]
    if not review.follow_ups:
        return [*out, "Nothing is marked for follow-up.", ""]
    several = len(review.packs) > 1
    for pack_title, node in review.follow_ups:
        parts = [f"{inline(pack_title)}: {inline(node.label)}" if several else inline(node.label)]
        if node.status_changed:
            parts.append(f"marked {node.status_changed}")
        if node.bookmark_label:
            parts.append(f"bookmarked “{inline(node.bookmark_label)}”")
        if node.notes:
            parts.append(f"{len(node.notes)} note{'s' if len(node.notes) != 1 else ''}")
        out.append("- " + " · ".join(parts))
    return [*out, ""]


def _progress(review: Review) -> list[str]:
    out = ["## Progress", ""]
    several = len(review.packs) > 1
    for pack in review.packs:
        name = inline(pack.title) if several else "Overall"
        out += [f"**{name}:** {progress_words(pack.progress)}", ""]
        if pack.area_progress:
            out += ["| Focus area | Progress |", "| --- | --- |"]
            out += [
                f"| {inline(area)} | {progress_words(progress)} |"
                for area, progress in pack.area_progress
            ]
            out.append("")
    return out


def _pack(pack: PackView, several: bool) -> list[str]:
    """One pack: where its text comes from, then its groups (under its title if several)."""
    out = [f"## {inline(pack.title)}" if several else "## About the source", ""]
    out += [f"- **{label}:** {inline(value)}" for label, value in pack.provenance]
    out += [f"- **Cite as:** {inline(pack.cite_as)}", ""]
    group_level = "###" if several else "##"
    for group in pack.groups:
        out += [f"{group_level} {inline(group.title)}", ""]
        if group.progress is not None:
            out += [f"*{progress_words(group.progress)}*", ""]
        for node in group.nodes:
            out += _node(node, group_level + "#")
    if pack.orphans:
        out += [
            f"{group_level} Orphaned annotations",
            "",
            "Annotations on parts this version of the pack no longer has.",
            "",
        ]
        for node in pack.orphans:
            out += _node(node, group_level + "#")
    return out


def _node(node: NodeView, level: str) -> list[str]:
    out = [f"{level} {inline(node.label)}", ""]
    if node.text:
        out += [*quoted(node.text), ""]
        if node.attribution:
            out += [f"*{inline(node.attribution)}*", ""]
    marks = []
    if node.has_status:
        status = STATUS_WORDS[node.status]
        if node.status_changed:
            status += f" ({node.status_changed})"
        marks.append(f"- Status: {status}")
    if node.bookmarked:
        label = f": “{inline(node.bookmark_label)}”" if node.bookmark_label else ""
        marks.append(f"- Bookmarked{label}")
    if marks:
        out += [*marks, ""]
    if node.notes:
        out += [f"**Notes ({len(node.notes)})**", ""]
        for note in node.notes:
            out += _note(note)
    return out


def _note(note: NoteView) -> list[str]:
    head = [f"*{inline(note.author)}*" if note.author else "*(no author)*", note.written]
    if note.edited:
        head.append(f"edited {note.edited}")
    if note.tags:
        head.append("tags: " + ", ".join(inline(tag) for tag in note.tags))
    out = ["- " + " · ".join(head)]
    if note.text_changed:
        out.append("  - ⚠ The source text has changed since this note was written.")
    if note.conflict_of:
        out.append(
            f"  - ⚠ Another version of note {inline(note.conflict_of)}: "
            "both were edited, both are kept."
        )
    out += ["", *("  " + line for line in quoted(note.text)), ""]
    return out
