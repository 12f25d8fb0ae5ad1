"""The annotated review as plain data: what the Markdown, HTML and Word exports show, in order.

Built once from the library and the annotations, so every renderer shows the same
nodes, progress and notes and only differs in markup. A supervisor reads the
follow-ups first, then the progress per focus area, then the nodes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, tzinfo

from gpp_tui.content.models import ROOT_ID, Library, Node, NodeKind, Pack, Recommendation
from gpp_tui.exchange.cite import citation
from gpp_tui.exchange.portable import ExportInfo
from gpp_tui.exchange.provenance import attribution, provenance, source_of
from gpp_tui.i18n import N_, _, format_time, ngettext
from gpp_tui.store.kinds import NodeFilter, text_hash
from gpp_tui.store.models import Annotations, NodeAnnotations, Progress, ReviewStatus

_FILTER_WORDS = {
    NodeFilter.BOOKMARKED: N_("bookmarked parts only"),
    NodeFilter.NOTES: N_("parts with notes only"),
    NodeFilter.FOLLOW_UP: N_("parts marked for follow-up only"),
    NodeFilter.UNREVIEWED: N_("parts not yet reviewed only"),
}
STATUS_WORDS = {
    ReviewStatus.UNREVIEWED: N_("not reviewed"),
    ReviewStatus.REVIEWED: N_("reviewed"),
    ReviewStatus.FOLLOW_UP: N_("needs follow-up"),
}
"""A review status in words (English: translate with `_()` where shown)."""
CONTEXT_HEADING = N_("Context (added by gpp-tui, not part of the principle)")


def progress_words(progress: Progress) -> str:
    """Progress for a reader: "Reviewed 7 of 11 · 2 need follow-up"."""
    reviewed = _("Reviewed {reviewed} of {total}").format(
        reviewed=progress.reviewed, total=progress.total
    )
    follow_up = ngettext(
        "{count} needs follow-up", "{count} need follow-up", progress.follow_up
    ).format(count=progress.follow_up)
    return f"{reviewed} · {follow_up}"


@dataclass(frozen=True, slots=True)
class ReferenceView:
    """A reference given as context: its label, note and whether it is still to verify."""

    label: str
    note: str
    verified: bool


@dataclass(frozen=True, slots=True)
class NoteView:
    """One note as shown: author, local times, tags, text and its flags."""

    author: str
    written: str
    edited: str
    """The local time of the last edit, or "" when never edited."""
    tags: tuple[str, ...]
    text: str
    text_changed: bool
    conflict_of: str


@dataclass(frozen=True, slots=True)
class NodeView:
    """One node with its source text and everything attached to it."""

    ref: str
    label: str
    text: str
    attribution: str
    """The line under `text`: "— " and the source's author, or that gpp-tui added it."""
    has_status: bool
    """Whether a review status means anything here (recommendations; not glossary terms)."""
    status: ReviewStatus
    status_changed: str
    bookmarked: bool
    bookmark_label: str
    notes: tuple[NoteView, ...]
    context: str = ""
    references: tuple[ReferenceView, ...] = ()

    @property
    def anchor(self) -> str:
        """A name for links within the document: "node-B.2"."""
        return "node-" + "".join(c if c.isalnum() or c in "._-" else "-" for c in self.ref)


@dataclass(frozen=True, slots=True)
class GroupView:
    """A focus area (with its progress), the background, the glossary or the pack itself."""

    title: str
    progress: Progress | None
    nodes: tuple[NodeView, ...]


@dataclass(frozen=True, slots=True)
class PackView:
    """One pack's part of the review."""

    pack_id: str
    title: str
    source: str
    version: str
    provenance: tuple[tuple[str, str], ...]
    """What the pack records about its source: (label, value) lines."""
    cite_as: str
    """The OSCOLA citation of the pack's source."""
    progress: Progress
    area_progress: tuple[tuple[str, Progress], ...]
    groups: tuple[GroupView, ...]
    orphans: tuple[NodeView, ...]


@dataclass(frozen=True, slots=True)
class Review:
    """The whole annotated review."""

    title: str
    who: str
    generated: str
    scope: str
    packs: tuple[PackView, ...]
    follow_ups: tuple[tuple[str, NodeView], ...]
    """(pack title, node) for every node that needs follow-up, in reading order."""
    unloaded: tuple[tuple[str, tuple[NodeView, ...]], ...]
    """(pack id, nodes) for annotations on packs that are not loaded."""


def build_review(
    library: Library, annotations: Annotations, only: NodeFilter | None, info: ExportInfo
) -> Review:
    """The review of every loaded pack; with `only`, just the nodes that pass the filter."""
    zone = info.timezone
    packs: list[PackView] = []
    for pack in library.packs:
        view = _pack_view(library, pack, annotations, only, zone)
        if only is None or view.groups or view.orphans:
            packs.append(view)
    unloaded: list[tuple[str, tuple[NodeView, ...]]] = []
    for pack_id, nodes in annotations.packs.items():
        shown = [node_id for node_id, node in nodes.items() if node.has_content]
        kept = _passing(annotations, pack_id, shown, only)
        if library.pack(pack_id) is None and kept:
            views = tuple(
                _node_view(node_id, node_id, "", nodes[node_id], zone) for node_id in kept
            )
            unloaded.append((pack_id, views))
    titles = [view.title for view in packs]
    title = (
        _("{title}: annotated review").format(title=titles[0])
        if len(titles) == 1
        else _("Annotated review")
    )
    follow_ups = tuple(
        (view.title, node)
        for view in packs
        for group in view.groups
        for node in group.nodes
        if node.status is ReviewStatus.FOLLOW_UP
    )
    return Review(
        title=title,
        who=info.author or ", ".join(_authors(annotations)),
        generated=local_time(info.moment, zone),
        scope=_(_FILTER_WORDS[only]) if only else "",
        packs=tuple(packs),
        follow_ups=follow_ups,
        unloaded=tuple(unloaded),
    )


def local_time(moment: datetime, zone: tzinfo | None = None) -> str:
    """A time as the reader's clock shows it: "2026-05-01 19:52 UTC", "… 14:03 CEST".

    The zone's own name where it has one; a bare offset otherwise ("UTC+04:30").
    """
    local = moment.astimezone(zone)
    name = local.tzname() or ""
    if not name or name[0] in "+-" or (name.startswith("UTC") and name != "UTC"):
        offset = local.strftime("%z") or "+0000"
        name = "UTC" if offset in ("+0000", "-0000") else f"UTC{offset[:3]}:{offset[3:5]}"
    return f"{format_time(local, zone)} {name}"


def _pack_view(
    library: Library,
    pack: Pack,
    annotations: Annotations,
    only: NodeFilter | None,
    zone: tzinfo | None,
) -> PackView:
    pack_id = pack.pack.id
    # A translation's notes were written on the original: "source changed" is checked there.
    original = library.original(pack_id) or pack
    rec_ids = [rec.id for rec in pack.recommendations]
    groups: list[GroupView] = []
    for top in _top_nodes(pack):
        members = [top.id, *_descendants(pack, top)]
        shown = [
            node_id
            for node_id in _passing(annotations, pack_id, members, only)
            if only is not None
            or pack.nodes[node_id].kind is NodeKind.RECOMMENDATION
            or annotations.node(pack_id, node_id).has_content
        ]
        if not shown:
            continue
        progress = None
        if top.kind is NodeKind.AREA:
            progress = annotations.progress(pack_id, top.children)
        title = top.label if top.id != ROOT_ID else _("{title} as a whole").format(title=top.title)
        nodes = tuple(
            _view_of(pack, original, pack.nodes[node_id], annotations, zone) for node_id in shown
        )
        groups.append(GroupView(title, progress, nodes))
    orphans = annotations.orphans(pack_id, pack.nodes)
    kept = _passing(annotations, pack_id, list(orphans), only)
    return PackView(
        pack_id=pack_id,
        title=pack.pack.title,
        source=pack.pack.source,
        version=pack.pack.version,
        provenance=tuple(provenance(pack.pack)),
        cite_as=citation(library, pack.nodes[ROOT_ID]),
        progress=annotations.progress(pack_id, rec_ids),
        area_progress=tuple(
            (f"{area.id} {area.title}", annotations.progress(pack_id, area.children))
            for area in _top_nodes(pack)
            if area.kind is NodeKind.AREA
        ),
        groups=tuple(groups),
        orphans=tuple(_node_view(i, i, "", orphans[i], zone) for i in kept),
    )


def _top_nodes(pack: Pack) -> list[Node]:
    root = pack.nodes[ROOT_ID]
    return [root, *(pack.nodes[child] for child in root.children)]


def _descendants(pack: Pack, top: Node) -> list[str]:
    if top.id == ROOT_ID:
        return []
    found: list[str] = []
    for child in top.children:
        found.append(child)
        found.extend(_descendants(pack, pack.nodes[child]))
    return found


def _passing(
    annotations: Annotations, pack_id: str, node_ids: list[str], only: NodeFilter | None
) -> list[str]:
    if only is None:
        return node_ids
    return annotations.matching(pack_id, node_ids, only)


def _view_of(
    pack: Pack, original: Pack, node: Node, annotations: Annotations, zone: tzinfo | None
) -> NodeView:
    attached = annotations.node(node.pack_id, node.id)
    source = original.nodes.get(node.id, node)
    view = _node_view(
        node.id,
        node.label,
        node.text,
        attached,
        zone,
        attribution=_attribution_line(pack, node),
        has_status=node.kind is NodeKind.RECOMMENDATION,
        source_text=source.text,
    )
    item = node.item
    if not isinstance(item, Recommendation):
        return view
    references = tuple(ReferenceView(r.label, r.note, r.verified) for r in item.references)
    return replace(view, context=item.context.strip(), references=references)


def _attribution_line(pack: Pack, node: Node) -> str:
    """The line under a node's text: "— Women's Initiatives …", or "Definition added by …"."""
    if not node.text.strip():
        return ""
    author = source_of(pack, node)
    return f"\u2014 {author}" if author else attribution(pack, node)


def _node_view(
    ref: str,
    label: str,
    text: str,
    node: NodeAnnotations | None,
    zone: tzinfo | None,
    *,
    attribution: str = "",
    has_status: bool = False,
    source_text: str | None = None,
) -> NodeView:
    node = node or NodeAnnotations()
    hashed = text if source_text is None else source_text
    current = text_hash(hashed) if hashed else ""
    changed = node.status_changed
    return NodeView(
        ref=ref,
        label=label,
        text=text.strip(),
        attribution=attribution,
        has_status=has_status or node.status is not ReviewStatus.UNREVIEWED,
        status=node.status,
        status_changed=local_time(changed, zone) if changed else "",
        bookmarked=node.bookmark is not None,
        bookmark_label=node.bookmark.label if node.bookmark else "",
        notes=tuple(
            NoteView(
                author=note.author,
                written=local_time(note.created, zone),
                edited=local_time(note.updated, zone) if note.updated != note.created else "",
                tags=note.tags,
                text=note.text,
                text_changed=bool(current) and note.text_changed(current),
                conflict_of=note.conflict_of,
            )
            for note in node.notes
        ),
    )


def _authors(annotations: Annotations) -> list[str]:
    names = {
        note.author
        for nodes in annotations.packs.values()
        for node in nodes.values()
        for note in node.notes
        if note.author
    }
    return sorted(names)
