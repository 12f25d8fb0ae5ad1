"""The nodes in reading order, orphaned notes included, and which ones a filter keeps."""

from __future__ import annotations

from gpp_tui.content import Node, NodeKind
from gpp_tui.content.models import ORPHANS_ID, ROOT_ID
from gpp_tui.i18n import _
from gpp_tui.session import Place, Session


class Outline:
    """Every node the user can go to, in reading order: each pack, then its orphaned notes."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._nodes: dict[Place, Node] = {}
        self.refresh()

    def refresh(self) -> None:
        """Read the packs and the orphaned notes again (after loading, an import or an undo)."""
        orphans = self._session.orphans()
        nodes: dict[Place, Node] = {}
        for pack in self._session.library.packs:
            pack_id = pack.pack.id
            for node in pack.nodes.values():
                nodes[(pack_id, node.id)] = node
            ids = orphans.get(pack_id, ())
            if ids:
                group = Node(
                    pack_id, ORPHANS_ID, NodeKind.ORPHANS, _("Orphaned notes"), ROOT_ID, None, ids
                )
                nodes[(pack_id, ORPHANS_ID)] = group
                for node_id in ids:
                    title = _("{node} (not in the pack)").format(node=node_id)
                    nodes[(pack_id, node_id)] = Node(
                        pack_id, node_id, NodeKind.ORPHAN, title, ORPHANS_ID
                    )
        self._nodes = nodes

    @property
    def nodes(self) -> list[Node]:
        """Every node, in reading order."""
        return list(self._nodes.values())

    def at(self, place: Place) -> Node | None:
        """The node at a place, orphans included."""
        return self._nodes.get(place)

    def orphans(self) -> list[Node]:
        """The nodes of orphaned notes, in order."""
        return [node for node in self._nodes.values() if node.kind is NodeKind.ORPHAN]

    def parent(self, node: Node) -> Node | None:
        """The node above this one (None for a pack)."""
        return self._nodes.get((node.pack_id, node.parent_id)) if node.parent_id else None

    def children(self, node: Node) -> list[Node]:
        """The nodes right under this one."""
        root_extra = []
        if node.kind is NodeKind.PACK and (node.pack_id, ORPHANS_ID) in self._nodes:
            root_extra = [ORPHANS_ID]
        ids = [*node.children, *root_extra]
        return [n for n in (self._nodes.get((node.pack_id, i)) for i in ids) if n is not None]

    def shown(self) -> set[Place] | None:
        """What the active filters keep, with the nodes above them (None: no filter)."""
        keep = self._session.finder.visible()
        if keep is None:
            return None
        shown: set[Place] = set()
        for place in keep:
            node = self.at(place)
            while node is not None:
                shown.add((node.pack_id, node.id))
                node = self.parent(node)
        return shown

    def recommendation_before(self, node: Node) -> Node | None:
        """The node itself if it is a recommendation, else the last one before it (or None)."""
        if node.kind is NodeKind.RECOMMENDATION:
            return node
        found = None
        for candidate in self._nodes.values():
            if candidate == node:
                return found
            if candidate.kind is NodeKind.RECOMMENDATION:
                found = candidate
        return None

    def step(self, node: Node, forward: bool) -> Node | None:
        """The next (or previous) node in reading order that the filters keep."""
        order = self.nodes
        keep = self._session.finder.visible()
        place = (node.pack_id, node.id)
        index = next((i for i, n in enumerate(order) if (n.pack_id, n.id) == place), -1)
        candidates = order[index + 1 :] if forward else list(reversed(order[:index]))
        for candidate in candidates:
            where = (candidate.pack_id, candidate.id)
            if keep is None or where in keep:
                return candidate
        return None
