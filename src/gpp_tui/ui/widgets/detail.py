"""The detail pane: a node's source text, the user's review and notes, then context and links."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from gpp_tui.content import FocusArea, Library, Node, NodeKind, Pack, Recommendation
from gpp_tui.exchange.provenance import provenance, source_of
from gpp_tui.i18n import N_, _, language, ngettext
from gpp_tui.session.languages import parallel
from gpp_tui.store.kinds import ReviewStatus
from gpp_tui.ui.glyphs import Glyphs
from gpp_tui.ui.widgets.hanging import Fitted, Hanging, Row
from gpp_tui.ui.widgets.lists import StraightOptionList
from gpp_tui.ui.widgets.nav_keys import KeyedScroll
from gpp_tui.ui.widgets.notes import NotesList
from gpp_tui.ui.widgets.parallel import ParallelText

if TYPE_CHECKING:
    from gpp_tui.store.models import NodeAnnotations

_KIND_NAMES = {
    NodeKind.PACK: N_("Content pack"),
    NodeKind.BACKGROUND: N_("Background"),
    NodeKind.SECTION: N_("Background section"),
    NodeKind.AREA: N_("Focus area"),
    NodeKind.RECOMMENDATION: N_("Recommendation"),
    NodeKind.GLOSSARY: N_("Glossary"),
    NodeKind.TERM: N_("Glossary term"),
    NodeKind.ORPHANS: N_("Notes and bookmarks on nodes this pack no longer has"),
    NodeKind.ORPHAN: N_("Orphaned: this node is no longer in the pack; your notes are kept"),
}
"""What each kind of node is (English: `_()` where shown)."""


_HEADINGS = {
    NodeKind.RECOMMENDATION: N_("Recommendation (source text)"),
    NodeKind.AREA: N_("Aim (source text)"),
    NodeKind.SECTION: N_("Source text"),
    NodeKind.TERM: N_("Definition (added by gpp-tui)"),
    NodeKind.PACK: N_("About this pack"),
}
_TRANSLATED_HEADINGS = {
    **_HEADINGS,
    # A translation is not the source text: its heading must not say so.
    NodeKind.RECOMMENDATION: N_("Recommendation (unofficial translation)"),
    NodeKind.AREA: N_("Aim (unofficial translation)"),
    NodeKind.SECTION: N_("Text (unofficial translation)"),
}
_PARALLEL_KINDS = (NodeKind.SECTION, NodeKind.AREA, NodeKind.RECOMMENDATION)
"""Nodes whose text is the source's words, shown next to their translation."""


class LinkList(StraightOptionList):
    """Links from the shown node to other nodes; enter follows one."""

    @dataclass
    class Followed(Message):
        """The user chose a link to `node_id` in pack `pack_id`."""

        pack_id: str
        node_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._pack_id = ""

    def show_links(self, pack_id: str, links: list[Node]) -> None:
        """Replace the links."""
        self._pack_id = pack_id
        self.clear_options()
        self.add_options(Option(Text(node.label), id=node.id) for node in links)
        self.display = bool(links)
        if links:
            self.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Turn the chosen option into a Followed message for the screen."""
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Followed(self._pack_id, event.option.id))


class DetailPane(KeyedScroll):
    """Shows the highlighted node; the screen sets `node` (via data_bind)."""

    node: reactive[Node | None] = reactive(None)

    def __init__(self, library: Library, glyphs: Glyphs, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._library = library
        self._glyphs = glyphs
        self._annotations: NodeAnnotations | None = None
        self._changed: set[str] = set()
        self.notes_title = _("Your notes")
        """"Notes" in a team, where colleagues' notes show too."""
        self._side_by_side = False

    def show_library(self, library: Library) -> None:
        """Show the packs in another language from the next node on."""
        self._library = library

    def set_side_by_side(self, on: bool) -> None:
        """Show a node's original and translation next to each other (where it has both)."""
        if on != self._side_by_side:
            self._side_by_side = on
            self.watch_node(self.node)

    def show_annotations(self, annotations: NodeAnnotations | None, changed: set[str]) -> None:
        """Show the user's status, bookmark and notes for the shown node (None: not loaded)."""
        self._annotations, self._changed = annotations, changed
        node = self.node
        if node is None:
            return
        notes = self.query_one(NotesList)
        if annotations is None:
            for part in ("#detail-count", "#review-heading", "#detail-mine", "#notes-heading"):
                self._set(part, None)
            notes.show_notes((), set(), self._glyphs)
            return
        g = self._glyphs
        sep = g.separator
        count = len(annotations.notes)
        counted = ngettext("{count} note", "{count} notes", count).format(count=count)
        summary = Text(f"{g.note} {counted}", style="bold")
        summary.append(f" {sep} " + ngettext("N to read it", "N to read them", count))
        self._set("#detail-count", summary if count else None)
        self._set("#review-heading", Text(_("Your review")))
        mine = Text()
        if node.kind is NodeKind.RECOMMENDATION:
            status = annotations.status
            mark = {ReviewStatus.REVIEWED: g.reviewed, ReviewStatus.FOLLOW_UP: g.follow_up}
            mine.append(f"{mark.get(status, '-')} {status.label}", style="bold")
        if annotations.bookmark is not None:
            if mine:
                mine.append(f" {sep} ")
            mine.append(f"{g.bookmark} " + _("bookmarked"), style="bold")
            if annotations.bookmark.label:
                mine.append(": ")
                mine.append(annotations.bookmark.label)
        self._set("#detail-mine", mine if mine.plain else None)
        heading = Fitted(
            f"{self.notes_title} ({count})", (_("n add"), _("enter edit"), _("d delete")), sep
        )
        self._set("#notes-heading", heading if count else Text(_("No notes yet: n to add one")))
        notes.show_notes(annotations.notes, changed, g)

    def focus_notes(self) -> bool:
        """Move the focus to the notes, the highlighted one in view; False if there are none."""
        notes = self.query_one(NotesList)
        if not (notes.display and notes.option_count):
            return False
        notes.focus()
        notes.call_after_refresh(notes.reveal_highlight)
        return True

    def compose(self) -> ComposeResult:
        """The parts of the pane, filled in by watch_node and show_annotations.

        The user's own review comes right after the source text, so that notes are
        on the first screen; context added by gpp-tui and links follow.
        """
        yield Static(id="detail-title")
        yield Static(id="detail-meta")
        yield Static(id="detail-count")
        yield Static(id="text-heading", classes="heading")
        yield Static(id="detail-text")
        yield Static(id="detail-attribution")
        yield Static(id="detail-provenance")
        yield ParallelText(id="detail-parallel")
        yield Static(id="review-heading", classes="heading")
        yield Static(id="detail-mine")
        yield Static(id="notes-heading")
        yield NotesList(id="notes")
        yield Static(id="context-heading", classes="heading context")
        yield Static(id="detail-context", classes="context")
        yield Static(id="detail-references", classes="context")
        yield Static(id="links-heading", classes="heading")
        yield LinkList(id="links")

    def watch_node(self, node: Node | None) -> None:
        """Render the node (its original and translation side by side when asked and there)."""
        if node is None:
            return
        pack = self._library.pack(node.pack_id)
        assert pack is not None
        g = self._glyphs
        title = Text()
        if node.kind in (NodeKind.AREA, NodeKind.RECOMMENDATION):
            title.append(f"{node.id}  ", style="bold")
        title.append(node.title, style="bold")
        self._set("#detail-title", title)

        meta = Text(_(_KIND_NAMES[node.kind]), style="italic")
        area = pack.area_of(node.id)
        if node.kind is NodeKind.RECOMMENDATION and area is not None:
            where = _("Focus area {id}: {title}").format(id=area.id, title=area.title)
            meta.append(f" {g.separator} {where}")
        meta.append(f" {g.separator} {pack.pack.title}")
        self._set("#detail-meta", meta)
        self.show_annotations(self._annotations, self._changed)

        text = node.text.strip()
        pair = (
            parallel(self._library, node, language())
            if self._side_by_side and node.kind in _PARALLEL_KINDS and text
            else None
        )
        parallel_text = self.query_one(ParallelText)
        parallel_text.display = pair is not None
        if pair is not None:
            parallel_text.show(pair, g)
            text = ""  # shown in both columns instead
        headings = _TRANSLATED_HEADINGS if pack.pack.is_translation else _HEADINGS
        heading = headings.get(node.kind, "")
        self._set("#text-heading", Text(_(heading)) if text and heading else None)
        self._set("#detail-text", Text(text) if text else None)
        author = source_of(pack, node)
        attribution = Text(f"{g.attribution} {author}", style="italic") if author and text else None
        self._set("#detail-attribution", attribution)
        self._set("#detail-provenance", _provenance(pack) if node.kind is NodeKind.PACK else None)

        self._show_context(node.item, g)
        self._show_links(node, pack.nodes)
        self.scroll_home(animate=False)

    def _show_context(self, item: object, g: Glyphs) -> None:
        if not isinstance(item, Recommendation) or not (
            item.context or item.references or item.tags
        ):
            for part in ("#context-heading", "#detail-context", "#detail-references"):
                self._set(part, None)
            return
        self._set(
            "#context-heading", Text(_("Context (added by gpp-tui, not part of the principle)"))
        )
        self._set("#detail-context", Text(item.context.strip()) if item.context else None)
        rows: list[Row] = []
        if item.references:
            rows.append(("", Text(_("References"), style="bold")))
        for ref in item.references:
            label = Text(ref.label, style="bold")
            if not ref.verified:
                label.append(f" [{_(g.to_verify)}]", style="reverse")
            rows.append((f" {g.bullet} ", label))
            if ref.note:
                rows.append(("   ", ref.note))  # under the label, wrapped lines too
        if item.tags:
            rows.append((Text(_("Tags: "), style="bold"), ", ".join(item.tags)))
        self._set("#detail-references", Hanging(rows) if rows else None)

    def _show_links(self, node: Node, nodes: dict[str, Node]) -> None:
        item = node.item
        if isinstance(item, Recommendation):
            heading = _("Related recommendations (context; enter to follow)")
            targets = [nodes[i] for i in item.related if i in nodes]
        elif isinstance(item, FocusArea):
            heading = _("Recommendations (enter to open)")
            targets = [nodes[i] for i in node.children]
        elif node.children and node.kind is not NodeKind.ORPHANS:
            heading = _("Contents (enter to open)")
            targets = [nodes[i] for i in node.children if i in nodes]
        else:
            heading, targets = "", []
        self._set("#links-heading", Text(heading) if targets else None)
        self.query_one(LinkList).show_links(node.pack_id, targets)

    def _set(self, selector: str, content: Text | Hanging | Fitted | None) -> None:
        widget = self.query_one(selector, Static)
        widget.display = content is not None
        widget.update(content if content is not None else "")


def _provenance(pack: Pack) -> Text:
    """Where the pack's text comes from, under "About this pack"."""
    text = Text()
    for label, value in provenance(pack.pack)[1:]:  # The source is named just above.
        text.append("\n" + _("{label}: ").format(label=label), style="bold")
        text.append(value)
    return text
