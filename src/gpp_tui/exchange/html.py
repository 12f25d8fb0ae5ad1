"""The annotated review as one self-contained HTML file: inline CSS, no scripts, prints well.

Every piece of text, the pack's and the user's, goes through `html.escape`; the
file refers to nothing outside itself (no links, fonts, images or scripts).
"""

from __future__ import annotations

from html import escape

from gpp_tui.exchange.review import (
    STATUS_WORDS,
    NodeView,
    NoteView,
    PackView,
    Review,
    progress_words,
)
from gpp_tui.i18n import _, language, ngettext

CSS = """
:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", serif; line-height: 1.5; color: #1a1a1a;
  max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .25rem; }
h2 { font-size: 1.4rem; border-bottom: 2px solid #444; margin-top: 2.5rem; }
h3 { font-size: 1.2rem; margin-top: 2rem; }
h4 { font-size: 1.05rem; margin: 1.5rem 0 .25rem; }
.meta, .progress { color: #444; }
.meta dt { font-weight: bold; float: left; clear: left; margin-right: .5rem; }
.meta dd { margin: 0; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border-bottom: 1px solid #ccc; padding: .2rem .8rem .2rem 0; text-align: left; }
blockquote.source { border-left: 3px solid #888; margin: .5rem 0; padding: .1rem .8rem;
  color: #333; white-space: pre-wrap; }
.marks { font-family: system-ui, sans-serif; font-size: .85rem; margin: .25rem 0; }
.badge { border: 1px solid currentColor; border-radius: .25rem; padding: 0 .35rem; }
.reviewed { color: #1b5e20; }
.follow-up { color: #8a4b00; }
.unreviewed { color: #555; }
.note { border: 1px solid #ccc; border-radius: .3rem; padding: .4rem .8rem; margin: .5rem 0; }
.note-head { font-family: system-ui, sans-serif; font-size: .85rem; color: #444; }
.note-text { white-space: pre-wrap; overflow-wrap: anywhere; margin-top: .25rem; }
.attribution { font-style: italic; color: #444; margin: 0 0 .5rem; }
.follow-ups li { margin: .2rem 0; }
.flag { color: #8a4b00; font-family: system-ui, sans-serif; font-size: .85rem; }
.tag { background: #eee; border-radius: .25rem; padding: 0 .3rem; }
@media print {
  @page { margin: 2cm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  h2, h3, h4 { break-after: avoid; }
  .node, .note, tr { break-inside: avoid; }
  .tag { background: none; border: 1px solid #999; }
}
"""


def render_html(review: Review) -> str:
    """The whole review as one HTML document: follow-ups, progress, then every node."""
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(language())}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(review.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(review.title)}</h1>",
        '<dl class="meta">',
    ]
    if review.who:
        out.append(f'<dt>{escape(_("Reviewer"))}</dt><dd dir="auto">{escape(review.who)}</dd>')
    out.append(f"<dt>{escape(_('Generated'))}</dt><dd>{escape(review.generated)}</dd>")
    if review.scope:
        out.append(f"<dt>{escape(_('Showing'))}</dt><dd>{escape(review.scope)}</dd>")
    out.append("</dl>")
    out += _follow_ups(review)
    out += _progress(review)
    several = len(review.packs) > 1
    for pack in review.packs:
        out += _pack(pack, several)
    if review.unloaded:
        out.append(f"<h2>{escape(_('Annotations on packs that are not loaded'))}</h2>")
        for pack_id, nodes in review.unloaded:
            out.append(f"<h3>{escape(_('Pack {id}')).format(id=escape(pack_id))}</h3>")
            out += [line for node in nodes for line in _node(node, "h4")]
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _follow_ups(review: Review) -> list[str]:
    out = ['<section class="follow-ups">', f"<h2>{escape(_('Needs follow-up'))}</h2>"]
    if not review.follow_ups:
        return [*out, f"<p>{escape(_('Nothing is marked for follow-up.'))}</p>", "</section>"]
    several = len(review.packs) > 1
    out.append("<ul>")
    for pack_title, node in review.follow_ups:
        name = f"{pack_title}: {node.label}" if several else node.label
        parts = [f'<a href="#{escape(node.anchor)}">{escape(name)}</a>']
        if node.status_changed:
            parts.append(escape(_("marked {time}")).format(time=escape(node.status_changed)))
        if node.bookmark_label:
            label = f'<span dir="auto">{escape(node.bookmark_label)}</span>'
            parts.append(escape(_("bookmarked “{label}”")).format(label=label))
        if node.notes:
            count = len(node.notes)
            parts.append(
                escape(ngettext("{count} note", "{count} notes", count)).format(count=count)
            )
        out.append(f"<li>{' · '.join(parts)}</li>")
    return [*out, "</ul>", "</section>"]


def _progress(review: Review) -> list[str]:
    out = ["<section>", f"<h2>{escape(_('Progress'))}</h2>"]
    several = len(review.packs) > 1
    for pack in review.packs:
        name = escape(pack.title) if several else escape(_("Overall"))
        words = escape(progress_words(pack.progress))
        line = escape(_("{name}: {value}")).format(name=f"<strong>{name}</strong>", value=words)
        out.append(f'<p class="progress">{line}</p>')
        if pack.area_progress:
            head = f"<tr><th>{escape(_('Focus area'))}</th><th>{escape(_('Progress'))}</th></tr>"
            out.append(f"<table><thead>{head}</thead><tbody>")
            out += [
                f"<tr><td>{escape(area)}</td><td>{escape(progress_words(progress))}</td></tr>"
                for area, progress in pack.area_progress
            ]
            out.append("</tbody></table>")
    return [*out, "</section>"]


def _pack(pack: PackView, several: bool) -> list[str]:
    """One pack: where its text comes from, then its groups (under its title if several)."""
    group_tag = "h3" if several else "h2"
    out = [
        "<section>",
        f"<h2>{escape(pack.title) if several else escape(_('About the source'))}</h2>",
    ]
    out.append('<dl class="meta">')
    out += [
        f'<dt>{escape(label)}</dt><dd dir="auto">{escape(value)}</dd>'
        for label, value in pack.provenance
    ]
    out.append(f"<dt>{escape(_('Cite as'))}</dt><dd>{escape(pack.cite_as)}</dd>")
    out.append("</dl>")
    node_tag = "h4" if several else "h3"
    for group in pack.groups:
        out.append(f"<{group_tag}>{escape(group.title)}</{group_tag}>")
        if group.progress is not None:
            out.append(f'<p class="progress">{escape(progress_words(group.progress))}</p>')
        out += [line for node in group.nodes for line in _node(node, node_tag)]
    if pack.orphans:
        out += [
            f"<{group_tag}>{escape(_('Orphaned annotations'))}</{group_tag}>",
            f"<p>{escape(_('Annotations on parts this version of the pack no longer has.'))}</p>",
        ]
        out += [line for node in pack.orphans for line in _node(node, node_tag)]
    out.append("</section>")
    return out


def _node(node: NodeView, tag: str) -> list[str]:
    out = [f'<div class="node" id="{escape(node.anchor)}">', f"<{tag}>{escape(node.label)}</{tag}>"]
    if node.text:
        out.append(f'<blockquote class="source">{escape(node.text)}</blockquote>')
        if node.attribution:
            out.append(f'<p class="attribution">{escape(node.attribution)}</p>')
    marks = []
    if node.has_status:
        status = _(STATUS_WORDS[node.status])
        if node.status_changed:
            status += f" ({node.status_changed})"
        marks.append(f'<span class="badge {node.status.value}">{escape(status)}</span>')
    if node.bookmarked:
        if node.bookmark_label:
            label = f'<span dir="auto">{escape(node.bookmark_label)}</span>'
            words = escape(_("Bookmarked: “{label}”")).format(label=label)
        else:
            words = escape(_("Bookmarked"))
        marks.append(f'<span class="bookmark">{words}</span>')
    if marks:
        out.append(f'<p class="marks">{" · ".join(marks)}</p>')
    out += [line for note in node.notes for line in _note(note)]
    out.append("</div>")
    return out


def _note(note: NoteView) -> list[str]:
    head = [
        f'<span dir="auto">{escape(note.author)}</span>'
        if note.author
        else escape(_("(no author)"))
    ]
    head.append(escape(note.written))
    if note.edited:
        head.append(escape(_("edited {time}")).format(time=escape(note.edited)))
    if note.tags:
        head.append(" ".join(f'<span class="tag" dir="auto">{escape(t)}</span>' for t in note.tags))
    out = ['<div class="note">', f'<div class="note-head">{" · ".join(head)}</div>']
    if note.text_changed:
        flag = escape(_("The source text has changed since this note was written."))
        out.append(f'<div class="flag">⚠ {flag}</div>')
    if note.conflict_of:
        flag = escape(_("Another version of note {id}: both were edited, both are kept."))
        out.append(f'<div class="flag">⚠ {flag.format(id=escape(note.conflict_of))}</div>')
    out += [f'<div class="note-text" dir="auto">{escape(note.text)}</div>', "</div>"]
    return out
