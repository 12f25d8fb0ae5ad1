"""The annotated review as plain data: what the Markdown and HTML exports show, in order.

Built once from the library and the annotations, so both renderers show the same
nodes, progress and notes and only differ in markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from gpp_tui.content.models import ROOT_ID, Library, Node, NodeKind, Pack
from gpp_tui.exchange.portable import ExportInfo
from gpp_tui.store.kinds import NodeFilter, text_hash
from gpp_tui.store.models import Annotations, NodeAnnotations, Progress, ReviewStatus

_FILTER_WORDS = {
    NodeFilter.BOOKMARKED: "bookmarked parts only",
    NodeFilter.NOTES: "parts with notes only",
    NodeFilter.FOLLOW_UP: "parts marked for follow-up only",
    NodeFilter.UNREVIEWED: "parts not yet reviewed only",
}
STATUS_WORDS = {
    ReviewStatus.UNREVIEWED: "not reviewed",
    ReviewStatus.REVIEWED: "reviewed",
    ReviewStatus.FOLLOW_UP: "follow-up",
}


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
    status: ReviewStatus
    status_changed: str
    bookmarked: bool
    bookmark_label: str
    notes: tuple[NoteView, ...]


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
    unloaded: tuple[tuple[str, tuple[NodeView, ...]], ...]
    """(pack id, nodes) for annotations on packs that are not loaded."""


def build_review(
    library: Library, annotations: Annotations, only: NodeFilter | None, info: ExportInfo
) -> Review:
    """The review of every loaded pack; with `only`, just the nodes that pass the filter."""
    zone = info.timezone
    packs: list[PackView] = []
    for pack in library.packs:
        view = _pack_view(pack, annotations, only, zone)
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
    title = f"{titles[0]}: annotated review" if len(titles) == 1 else "Annotated review"
    return Review(
        title=title,
        who=info.author or ", ".join(_authors(annotations)),
        generated=local_time(info.moment, zone),
        scope=_FILTER_WORDS[only] if only else "",
        packs=tuple(packs),
        unloaded=tuple(unloaded),
    )


def local_time(moment: datetime, zone: tzinfo | None = None) -> str:
    """A time as the reader's clock shows it: "2026-05-01 14:03 UTC+02:00"."""
    local = moment.astimezone(zone)
    offset = local.strftime("%z") or "+0000"
    return f"{local:%Y-%m-%d %H:%M} UTC{offset[:3]}:{offset[3:5]}"


def _pack_view(
    pack: Pack, annotations: Annotations, only: NodeFilter | None, zone: tzinfo | None
) -> PackView:
    pack_id = pack.pack.id
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
        title = top.label if top.id != ROOT_ID else f"{top.title} as a whole"
        nodes = tuple(_view_of(pack.nodes[node_id], annotations, zone) for node_id in shown)
        groups.append(GroupView(title, progress, nodes))
    orphans = annotations.orphans(pack_id, pack.nodes)
    kept = _passing(annotations, pack_id, list(orphans), only)
    return PackView(
        pack_id=pack_id,
        title=pack.pack.title,
        source=pack.pack.source,
        version=pack.pack.version,
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


def _view_of(node: Node, annotations: Annotations, zone: tzinfo | None) -> NodeView:
    attached = annotations.node(node.pack_id, node.id)
    return _node_view(node.id, node.label, node.text, attached, zone)


def _node_view(
    ref: str, label: str, text: str, node: NodeAnnotations | None, zone: tzinfo | None
) -> NodeView:
    node = node or NodeAnnotations()
    current = text_hash(text) if text else ""
    changed = node.status_changed
    return NodeView(
        ref=ref,
        label=label,
        text=text.strip(),
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
