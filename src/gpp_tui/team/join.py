"""The team view: the join of many devices' annotations, done once for all of them.

It gives the same notes as merging the devices one by one with `exchange.merge`
in any order (a test checks that), but looks at each node once, so 20 devices
cost one pass instead of twenty.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from gpp_tui.exchange.merge import merge_node, merge_notes
from gpp_tui.store.edits import replace_node
from gpp_tui.store.models import Annotations, NodeAnnotations, Note


def join(sources: Sequence[Annotations]) -> Annotations:
    """The join of every source's annotations (an empty `Annotations` for none)."""
    if not sources:
        return Annotations()
    if len(sources) == 1:
        return sources[0]
    by_node: dict[str, dict[str, list[NodeAnnotations]]] = {}
    for source in sources:
        for pack_id, nodes in source.packs.items():
            pack = by_node.setdefault(pack_id, {})
            for node_id, node in nodes.items():
                pack.setdefault(node_id, []).append(node)
    packs = {
        pack_id: {node_id: join_nodes(versions) for node_id, versions in nodes.items()}
        for pack_id, nodes in by_node.items()
    }
    return Annotations(packs=packs)


def join_nodes(versions: Iterable[NodeAnnotations]) -> NodeAnnotations:
    """One node's annotations from many devices."""
    versions = list(versions)
    if len(versions) == 1:
        return versions[0]
    first = versions[0]
    if all(version == first for version in versions[1:]):
        return first
    head = versions[0].model_copy(update={"notes": ()})
    for version in versions[1:]:
        head = merge_node(head, version.model_copy(update={"notes": ()}))
    if all(version.notes == first.notes for version in versions) and not any(
        head.was_deleted(note) for note in first.notes
    ):
        return head.model_copy(update={"notes": first.notes})  # as the pairwise merge does
    joined = _join_notes([version.notes for version in versions], head)
    ordered = tuple(sorted(joined, key=lambda note: (note.created, note.id)))
    return head.model_copy(update={"notes": ordered})


def _join_notes(sides: list[tuple[Note, ...]], head: NodeAnnotations) -> list[Note]:
    """`merge_notes` over all sides at once, skipping its work for the usual case: a note
    that only one version of exists (one device wrote it) and nobody deleted."""
    families: dict[str, list[Note]] = {}
    for notes in sides:
        for note in notes:
            families.setdefault(note.family, []).append(note)
    result: list[Note] = []
    tangled: list[Note] = []
    for family, versions in families.items():
        first = versions[0]
        lone = all(version is first or version == first for version in versions[1:])
        if lone and first.id == family and not first.conflict_of and family not in head.deleted:
            result.append(first)
        else:
            tangled.extend(versions)
    if tangled:
        result.extend(set(merge_notes(tuple(tangled), (), head.was_deleted)))
    return result


def join_node_into(
    view: Annotations, pack_id: str, node_id: str, node: NodeAnnotations
) -> Annotations:
    """The view with one node replaced (after a local edit, so the whole view is not redone)."""
    return replace_node(view, pack_id, node_id, node)


def adopt_note(
    local: Annotations, view: Annotations, pack_id: str, node_id: str, note_id: str
) -> Annotations:
    """This device's annotations holding a colleague's note from the view, so that it can
    be edited or deleted here and the change travels (with the note's history)."""
    note = view.node(pack_id, node_id).note(note_id)
    mine = local.node(pack_id, node_id)
    if note is None or mine.note(note_id) == note:
        return local
    node = join_nodes([mine, NodeAnnotations(notes=(note,))])
    return join_node_into(local, pack_id, node_id, node)
