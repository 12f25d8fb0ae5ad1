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
from gpp_tui.i18n import N_, _, ngettext

# CommonMark lets any ASCII punctuation be escaped; these are the ones that would
# turn a reviewer's words into emphasis, links, HTML or table cells.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_BLOCK_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")
_BREAKING_SPACE = re.compile(r"[^\S\u00a0\u202f]+")
"""Whitespace but the no-break spaces French puts before : ; ! ? » (they stay)."""


def inline(text: str) -> str:
    """User or pack text for one line of Markdown: whitespace collapsed, specials escaped."""
    return _INLINE_SPECIAL.sub(r"\\\1", _BREAKING_SPACE.sub(" ", text).strip())


def quoted(text: str) -> list[str]:
    """Text as blockquote lines, its line breaks kept and nothing in it read as Markdown."""
    lines = []
    for line in text.splitlines() or [""]:
        escaped = _BLOCK_START.sub(r"\1\\\2", _INLINE_SPECIAL.sub(r"\\\1", line))
        lines.append(f"> {escaped}  " if escaped.strip() else ">")
    if lines[-1].endswith("  "):
        lines[-1] = lines[-1][:-2]
    return lines


_LABELS = {
    "Reviewer": N_("Reviewer"),
    "Generated": N_("Generated"),
    "Showing": N_("Showing"),
    "Cite as": N_("Cite as"),
}


def _label(key: str, value: str) -> str:
    """A "- **Label:** value" line, the label in the interface language."""
    return _label_text(_(_LABELS[key]), value)


def _label_text(label: str, value: str) -> str:
    return _("- **{label}:** {value}").format(label=label, value=value)


def render_markdown(review: Review) -> str:
    """The whole review as a Markdown document: follow-ups, progress, then every node."""
    out = [f"# {inline(review.title)}", ""]
    if review.who:
        out.append(_label("Reviewer", inline(review.who)))
    out.append(_label("Generated", review.generated))
    if review.scope:
        out.append(_label("Showing", review.scope))
    out.append("")
    out += _follow_ups(review)
    out += _progress(review)
    several = len(review.packs) > 1
    for pack in review.packs:
        out += _pack(pack, several)
    if review.unloaded:
        out += ["## " + _("Annotations on packs that are not loaded"), ""]
        for pack_id, nodes in review.unloaded:
            out += ["### " + _("Pack {id}").format(id=inline(pack_id)), ""]
            for node in nodes:
                out += _node(node, "####")
    return "\n".join(out).rstrip() + "\n"


def _follow_ups(review: Review) -> list[str]:
    out = ["## " + _("Needs follow-up"), ""]
    if not review.follow_ups:
        return [*out, _("Nothing is marked for follow-up."), ""]
    several = len(review.packs) > 1
    for pack_title, node in review.follow_ups:
        parts = [f"{inline(pack_title)}: {inline(node.label)}" if several else inline(node.label)]
        if node.status_changed:
            parts.append(_("marked {time}").format(time=node.status_changed))
        if node.bookmark_label:
            parts.append(_("bookmarked “{label}”").format(label=inline(node.bookmark_label)))
        if node.notes:
            count = len(node.notes)
            parts.append(ngettext("{count} note", "{count} notes", count).format(count=count))
        out.append("- " + " · ".join(parts))
    return [*out, ""]


def _progress(review: Review) -> list[str]:
    out = ["## " + _("Progress"), ""]
    several = len(review.packs) > 1
    for pack in review.packs:
        name = inline(pack.title) if several else _("Overall")
        out += [_("**{name}:** {value}").format(name=name, value=progress_words(pack.progress)), ""]
        if pack.area_progress:
            out += [f"| {_('Focus area')} | {_('Progress')} |", "| --- | --- |"]
            out += [
                f"| {inline(area)} | {progress_words(progress)} |"
                for area, progress in pack.area_progress
            ]
            out.append("")
    return out


def _pack(pack: PackView, several: bool) -> list[str]:
    """One pack: where its text comes from, then its groups (under its title if several)."""
    out = [f"## {inline(pack.title)}" if several else "## " + _("About the source"), ""]
    out += [_label_text(label, inline(value)) for label, value in pack.provenance]
    out += [_label("Cite as", inline(pack.cite_as)), ""]
    group_level = "###" if several else "##"
    for group in pack.groups:
        out += [f"{group_level} {inline(group.title)}", ""]
        if group.progress is not None:
            out += [f"*{progress_words(group.progress)}*", ""]
        for node in group.nodes:
            out += _node(node, group_level + "#")
    if pack.orphans:
        out += [
            f"{group_level} " + _("Orphaned annotations"),
            "",
            _("Annotations on parts this version of the pack no longer has."),
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
        status = _(STATUS_WORDS[node.status])
        if node.status_changed:
            status += f" ({node.status_changed})"
        marks.append("- " + _("Status: {status}").format(status=status))
    if node.bookmarked:
        if node.bookmark_label:
            label = inline(node.bookmark_label)
            marks.append("- " + _("Bookmarked: “{label}”").format(label=label))
        else:
            marks.append("- " + _("Bookmarked"))
    if marks:
        out += [*marks, ""]
    if node.notes:
        out += ["**" + _("Notes ({count})").format(count=len(node.notes)) + "**", ""]
        for note in node.notes:
            out += _note(note)
    return out


def _note(note: NoteView) -> list[str]:
    author = f"*{inline(note.author)}*" if note.author else "*" + _("(no author)") + "*"
    head = [author, note.written]
    if note.edited:
        head.append(_("edited {time}").format(time=note.edited))
    if note.tags:
        head.append(_("tags: {tags}").format(tags=", ".join(inline(tag) for tag in note.tags)))
    out = ["- " + " · ".join(head)]
    if note.text_changed:
        out.append("  - ⚠ " + _("The source text has changed since this note was written."))
    if note.conflict_of:
        out.append(
            "  - ⚠ "
            + _("Another version of note {id}: both were edited, both are kept.").format(
                id=inline(note.conflict_of)
            )
        )
    out += ["", *("  " + line for line in quoted(note.text)), ""]
    return out
