"""The annotated review as a Word document (.docx), through python-docx, for drafting submissions.

Real heading styles (the navigation pane and a table of contents work), the
source's text in the Quote style with its author under it, gpp-tui's context
under its own heading, and the user's notes with author and time. A paragraph
whose first strong letter is right-to-left (Persian, Dari, Arabic) is laid out
right to left (w:bidi, and w:rtl on its runs).
"""

from __future__ import annotations

import io
import re
import unicodedata
from typing import TYPE_CHECKING

from gpp_tui.exchange.review import (
    CONTEXT_HEADING,
    STATUS_WORDS,
    NodeView,
    NoteView,
    PackView,
    Review,
    progress_words,
)
from gpp_tui.i18n import _, ngettext

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

    from gpp_tui.exchange.portable import ExportInfo

# Characters XML 1.0 cannot hold (python-docx refuses them): shown as visible escapes.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# What may follow w:bidi inside w:pPr (ECMA-376 order; Word rejects elements out of order).
_AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def render_docx(review: Review, info: ExportInfo) -> bytes:
    """The whole review as the bytes of a .docx file, made by `info.author` at `info.moment`."""
    from docx import Document as new_document

    from gpp_tui.exchange.word_package import set_package_properties

    doc = new_document()
    set_package_properties(
        doc,
        title=_xml(review.title),
        author=_xml(review.who),
        modified_by=_xml(info.author),
        moment=info.moment,
    )
    doc.add_heading(_xml(review.title), level=0)
    if review.who:
        _labelled(doc, _("Reviewer"), review.who)
    _labelled(doc, _("Generated"), review.generated)
    if review.scope:
        _labelled(doc, _("Showing"), review.scope)
    _follow_ups(doc, review)
    _progress(doc, review)
    several = len(review.packs) > 1
    for pack in review.packs:
        _pack(doc, pack, several)
    if review.unloaded:
        doc.add_heading(_("Annotations on packs that are not loaded"), level=1)
        for pack_id, nodes in review.unloaded:
            doc.add_heading(_xml(_("Pack {id}").format(id=pack_id)), level=2)
            for node in nodes:
                _node(doc, node, 3)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def is_rtl(text: str) -> bool:
    """Whether text starts, in its first strong letter, in a right-to-left script."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def _xml(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _paragraph(doc: Document, text: str, style: str | None = None) -> Paragraph:
    """A paragraph of user or pack text, right to left when its script is."""
    paragraph = doc.add_paragraph(style=style)
    run = paragraph.add_run(_xml(text))
    if is_rtl(text):
        from docx.oxml import OxmlElement

        paragraph._p.get_or_add_pPr().insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)
        run.font.rtl = True
    return paragraph


def _labelled(doc: Document, label: str, value: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.add_run(_("{label}: ").format(label=label)).bold = True
    run = paragraph.add_run(_xml(value))
    if is_rtl(value):
        run.font.rtl = True


def _follow_ups(doc: Document, review: Review) -> None:
    doc.add_heading(_("Needs follow-up"), level=1)
    if not review.follow_ups:
        doc.add_paragraph(_("Nothing is marked for follow-up."))
        return
    several = len(review.packs) > 1
    for pack_title, node in review.follow_ups:
        parts = [f"{pack_title}: {node.label}" if several else node.label]
        if node.status_changed:
            parts.append(_("marked {time}").format(time=node.status_changed))
        if node.bookmark_label:
            parts.append(_("bookmarked “{label}”").format(label=node.bookmark_label))
        if node.notes:
            count = len(node.notes)
            parts.append(ngettext("{count} note", "{count} notes", count).format(count=count))
        _paragraph(doc, " · ".join(parts), "List Bullet")


def _progress(doc: Document, review: Review) -> None:
    doc.add_heading(_("Progress"), level=1)
    several = len(review.packs) > 1
    for pack in review.packs:
        _labelled(doc, pack.title if several else _("Overall"), progress_words(pack.progress))
        if not pack.area_progress:
            continue
        table = doc.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        head = table.rows[0].cells
        head[0].text, head[1].text = _("Focus area"), _("Progress")
        for area, progress in pack.area_progress:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = _xml(area), progress_words(progress)


def _pack(doc: Document, pack: PackView, several: bool) -> None:
    doc.add_heading(_xml(pack.title) if several else _("About the source"), level=1)
    for label, value in pack.provenance:
        _labelled(doc, label, value)
    _labelled(doc, _("Cite as"), pack.cite_as)
    group_level = 2 if several else 1
    for group in pack.groups:
        doc.add_heading(_xml(group.title), level=group_level)
        if group.progress is not None:
            doc.add_paragraph(progress_words(group.progress)).runs[0].italic = True
        for node in group.nodes:
            _node(doc, node, group_level + 1)
    if pack.orphans:
        doc.add_heading(_("Orphaned annotations"), level=group_level)
        doc.add_paragraph(_("Annotations on parts this version of the pack no longer has."))
        for node in pack.orphans:
            _node(doc, node, group_level + 1)


def _node(doc: Document, node: NodeView, level: int) -> None:
    doc.add_heading(_xml(node.label), level=level)
    for line in node.text.splitlines():
        if line.strip():
            _paragraph(doc, line, "Quote")
    if node.text and node.attribution:
        _paragraph(doc, node.attribution).runs[0].italic = True
    marks = []
    if node.has_status:
        when = f" ({node.status_changed})" if node.status_changed else ""
        marks.append(_("Status: {status}").format(status=_(STATUS_WORDS[node.status]) + when))
    if node.bookmarked:
        if node.bookmark_label:
            marks.append(_("Bookmarked: “{label}”").format(label=node.bookmark_label))
        else:
            marks.append(_("Bookmarked"))
    if marks:
        _paragraph(doc, " · ".join(marks))
    if node.context or node.references:
        doc.add_heading(_(CONTEXT_HEADING), level=level + 1)
        for line in node.context.splitlines():
            if line.strip():
                _paragraph(doc, line)
        for ref in node.references:
            flag = "" if ref.verified else " [" + _("to verify") + "]"
            explained = f": {ref.note}" if ref.note else ""
            _paragraph(doc, f"{ref.label}{flag}{explained}", "List Bullet")
    if node.notes:
        doc.add_heading(_("Notes ({count})").format(count=len(node.notes)), level=level + 1)
        for note in node.notes:
            _note(doc, note)


def _note(doc: Document, note: NoteView) -> None:
    head = doc.add_paragraph()
    author = head.add_run(_xml(note.author or _("(no author)")))
    author.bold = True
    if is_rtl(note.author):
        author.font.rtl = True
    edited = " · " + _("edited {time}").format(time=note.edited) if note.edited else ""
    when = f" · {note.written}{edited}"
    if note.tags:
        when += " · " + _("tags: {tags}").format(tags=", ".join(note.tags))
    head.add_run(_xml(when))
    if note.text_changed:
        _paragraph(doc, "⚠ " + _("The source text has changed since this note was written."))
    if note.conflict_of:
        _paragraph(
            doc,
            "⚠ "
            + _("Another version of note {id}: both were edited, both are kept.").format(
                id=note.conflict_of
            ),
        )
    for line in note.text.splitlines() or [""]:
        _paragraph(doc, line)
