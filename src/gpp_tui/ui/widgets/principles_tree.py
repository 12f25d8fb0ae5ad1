"""The browsing tree: packs, background, focus areas, recommendations and glossary."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from gpp_tui.content import Library, Node, NodeKind
from gpp_tui.ui.glyphs import Glyphs

Place = tuple[str, str]

_LABEL_STYLE = {
    NodeKind.PACK: "bold",
    NodeKind.AREA: "bold",
    NodeKind.BACKGROUND: "italic",
    NodeKind.GLOSSARY: "italic",
}


class PrinciplesTree(Tree[Node]):
    """A tree of every node; children are added when a node is first expanded."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Move down", show=False, id="tree.down"),
        Binding("k", "cursor_up", "Move up", show=False, id="tree.up"),
        Binding(
            "h",
            "collapse_or_parent",
            "Close the node, or go to its parent",
            show=False,
            id="tree.collapse",
        ),
        Binding("l", "expand_node", "Open the node", show=False, id="tree.expand"),
    ]

    def __init__(self, library: Library, glyphs: Glyphs, *, id: str | None = None) -> None:
        super().__init__("Packs", id=id)
        self.show_root = False
        self.guide_depth = 2
        self.ICON_NODE = glyphs.collapsed
        self.ICON_NODE_EXPANDED = glyphs.expanded
        self._library = library
        self._by_place: dict[Place, TreeNode[Node]] = {}
        self.marker: Callable[[Node], str] = lambda node: ""
        """Markers (review status, bookmark, notes) shown before a node's label."""

    def on_mount(self) -> None:
        """Add the packs and their top-level nodes; open the first pack."""
        for pack in self._library.packs:
            self._add(self.root, pack.nodes[":pack"])
        first = next(iter(self.root.children), None)
        if first is not None:
            self._populate(first)
            first.expand()

    def label_for(self, node: Node) -> Text:
        """The node's label with its markers (data goes in as Text, never as markup)."""
        label = Text()
        marks = self.marker(node)
        if marks:
            label.append(marks + " ", style="bold")
        label.append(node.label, style=_LABEL_STYLE.get(node.kind, ""))
        return label

    def refresh_markers(self, places: Iterable[Place] | None = None) -> None:
        """Redraw the labels of these nodes (all added nodes when None)."""
        for place in self._by_place if places is None else places:
            tree_node = self._by_place.get(place)
            if tree_node is not None and tree_node.data is not None:
                tree_node.set_label(self.label_for(tree_node.data))

    def _add(self, parent: TreeNode[Node], node: Node) -> TreeNode[Node]:
        label = self.label_for(node)
        if node.children:
            tree_node = parent.add(label, data=node)
        else:
            tree_node = parent.add_leaf(label, data=node)
        self._by_place[(node.pack_id, node.id)] = tree_node
        return tree_node

    def _populate(self, tree_node: TreeNode[Node]) -> None:
        """Add the children of a node the first time it is needed."""
        node = tree_node.data
        if node is None or tree_node.children or not node.children:
            return
        pack = self._library.pack(node.pack_id)
        assert pack is not None
        for child_id in node.children:
            self._add(tree_node, pack.nodes[child_id])

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Node]) -> None:
        """Fill a node in lazily, so a pack of thousands of nodes opens at once."""
        self._populate(event.node)

    def reveal(self, place: Place) -> TreeNode[Node] | None:
        """Make the node at `place` visible (expanding its ancestors) and return it."""
        pack = self._library.pack(place[0])
        if pack is None or place[1] not in pack.nodes:
            return None
        chain: list[Node] = []
        node: Node | None = pack.nodes[place[1]]
        while node is not None:
            chain.append(node)
            node = pack.nodes.get(node.parent_id) if node.parent_id else None
        tree_node: TreeNode[Node] | None = None
        for ancestor in reversed(chain):
            tree_node = self._by_place.get((ancestor.pack_id, ancestor.id))
            if tree_node is None:
                return None
            if ancestor is not chain[0]:
                self._populate(tree_node)
                tree_node.expand()
        return tree_node

    def go_to(self, place: Place) -> bool:
        """Move the cursor to `place`; False if the pack has no such node."""
        tree_node = self.reveal(place)
        if tree_node is None:
            return False
        # Expanding rebuilds the tree's lines on the next refresh; move after it.
        self.call_after_refresh(self.move_cursor, tree_node)
        return True

    def action_collapse_or_parent(self) -> None:
        """Collapse the node under the cursor, or go to its parent."""
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_expand_node(self) -> None:
        """Expand the node under the cursor."""
        node = self.cursor_node
        if node is not None and node.allow_expand:
            self._populate(node)
            node.expand()
