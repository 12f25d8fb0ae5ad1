"""The browsing tree: packs, background, focus areas, recommendations and glossary."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from gpp_tui.content import Library, Node, NodeKind
from gpp_tui.content.models import ORPHANS_ID, ROOT_ID
from gpp_tui.i18n import N_, _
from gpp_tui.ui.glyphs import Glyphs
from gpp_tui.ui.widgets.cursor import place_cursor
from gpp_tui.ui.widgets.nav_keys import LIST_KEYS
from gpp_tui.ui.widgets.tree_marks import NO_MARKS, Marks, Widths, column

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
        Binding("j", "cursor_down", N_("Move down"), show=False, id="tree.down"),
        Binding("k", "cursor_up", N_("Move up"), show=False, id="tree.up"),
        Binding(
            "h",
            "collapse_or_parent",
            N_("Close the node, or go to its parent"),
            show=False,
            id="tree.collapse",
        ),
        Binding("l", "expand_node", N_("Open the node"), show=False, id="tree.expand"),
        *LIST_KEYS[2:],  # g/G, home/end, ctrl+d/ctrl+u: the same ids as in every list
    ]
    _ellipsis = "…"
    """Ends a cut title (set from the glyphs; here for the root, labelled before __init__ ends)."""

    def __init__(self, library: Library, glyphs: Glyphs, *, id: str | None = None) -> None:
        super().__init__(_("Packs"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self.ICON_NODE = glyphs.collapsed
        self.ICON_NODE_EXPANDED = glyphs.expanded
        self.LINES = dict.fromkeys(("default", "bold", "double"), glyphs.guides)
        self._ellipsis = glyphs.ellipsis
        self._library = library
        self._by_place: dict[Place, TreeNode[Node]] = {}
        self.marker: Callable[[Node], Marks] = lambda node: NO_MARKS
        """Markers (review status, bookmark, notes) shown before a node's label."""
        self._mark_widths: Widths = (0, 0, 0)
        self._orphans: dict[Place, Node] = {}
        self._keep: set[Place] | None = None
        self._expanded_before: list[Place] = []
        self._matches: set[Place] = set()
        """The nodes the filter matched (without their ancestors)."""
        """The open nodes when a filter came on: opened again when it goes."""

    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw the rows, and put the terminal cursor on the highlighted one."""
        lines = super().render_lines(crop)
        place_cursor(self, self.cursor_line)
        return lines

    def on_focus(self) -> None:
        """Draw again on focus, so the terminal cursor comes here at once."""
        self.refresh()

    def on_mount(self) -> None:
        """Add the packs and their top-level nodes; open the first pack."""
        self._add_all()

    def _add_all(self) -> None:
        self.clear()
        self._by_place.clear()
        for pack in self._library.packs:
            root = self.node_at((pack.pack.id, ROOT_ID))
            if root is not None and self._shown(root):
                self._add(self.root, root)
        first = next(iter(self.root.children), None)
        if first is not None:
            self._populate(first)
            first.expand()
        if self._keep is not None:
            self.root.expand_all()

    def node_at(self, place: Place) -> Node | None:
        """The node at a place: a pack's own node, or one made for orphaned notes."""
        pack = self._library.pack(place[0])
        if pack is None:
            return None
        if place[1] == ROOT_ID and any(p[0] == place[0] for p in self._orphans):
            root = pack.nodes[ROOT_ID]
            return Node(
                root.pack_id,
                root.id,
                root.kind,
                root.title,
                None,
                root.item,
                (*root.children, ORPHANS_ID),
            )
        return pack.nodes.get(place[1]) or self._orphans.get(place)

    def has_orphans(self, pack_id: str) -> bool:
        """True when the tree shows an "Orphaned notes" node for this pack."""
        return (pack_id, ORPHANS_ID) in self._orphans

    def set_orphans(self, pack_id: str, node_ids: Iterable[str]) -> None:
        """Show annotations on node ids the pack no longer has under "Orphaned notes"."""
        ids = tuple(sorted(node_ids))
        self._orphans = {p: n for p, n in self._orphans.items() if p[0] != pack_id}
        if ids:
            self._orphans[(pack_id, ORPHANS_ID)] = Node(
                pack_id, ORPHANS_ID, NodeKind.ORPHANS, _("Orphaned notes"), ROOT_ID, None, ids
            )
            for node_id in ids:
                self._orphans[(pack_id, node_id)] = Node(
                    pack_id,
                    node_id,
                    NodeKind.ORPHAN,
                    _("{node} (not in the pack)").format(node=node_id),
                    ORPHANS_ID,
                )
        self._rebuild_keeping_cursor()

    def show_library(self, library: Library) -> None:
        """Show the packs in another language: the same nodes stay open and highlighted."""
        same = len(library.packs) == len(self._library.packs) and all(
            mine is theirs for mine, theirs in zip(library.packs, self._library.packs, strict=True)
        )
        self._library = library
        if same:
            return  # the same packs, only their other languages at hand: nothing to redraw
        self._rebuild_keeping_cursor(self._expanded_places())

    def set_filter(self, keep: set[Place] | None) -> None:
        """Show only these nodes and their ancestors (None shows everything)."""
        self._matches = keep or set()
        if keep is not None:
            with_ancestors: set[Place] = set()
            for place in keep:
                node = self.node_at(place)
                while node is not None and (node.pack_id, node.id) not in with_ancestors:
                    with_ancestors.add((node.pack_id, node.id))
                    parent = node.parent_id
                    node = self.node_at((node.pack_id, parent)) if parent else None
            keep = with_ancestors
        if self._keep is None and keep is not None:
            self._expanded_before = self._expanded_places()  # restored when the filter goes
        restore = self._expanded_before if keep is None and self._keep is not None else None
        self._keep = keep
        self._rebuild_keeping_cursor(restore)

    def _expanded_places(self) -> list[Place]:
        """The open nodes, parents before children."""
        places: list[Place] = []
        stack = list(self.root.children)
        while stack:
            tree_node = stack.pop(0)
            if tree_node.is_expanded and tree_node.data is not None:
                places.append((tree_node.data.pack_id, tree_node.data.id))
                stack.extend(tree_node.children)
        return places

    def _rebuild_keeping_cursor(self, expanded: list[Place] | None = None) -> None:
        """Build the tree again; the cursor stays on its node, else on the nearest one shown."""
        cursor = self.cursor_node.data if self.cursor_node is not None else None
        self._add_all()
        for place in expanded or ():
            tree_node = self._by_place.get(place)
            if tree_node is not None:
                self._populate(tree_node)
                tree_node.expand()
        target = self._nearest_shown(cursor) if cursor is not None else None
        if target is not None:
            self.go_to(target)
        else:
            self.call_after_refresh(self._cursor_to_first_line)

    def _cursor_to_first_line(self) -> None:
        """Put the cursor on the first line, if the filter left any (none: an empty tree)."""
        if self.last_line >= 0:
            self.move_cursor_to_line(0)

    def _nearest_shown(self, node: Node) -> Place | None:
        """`node` if it is shown, else the shown node nearest it in reading order (after first)."""
        if self._shown(node):
            return (node.pack_id, node.id)
        order = [(n.pack_id, n.id) for pack in self._library.packs for n in pack.nodes.values()]
        here = (node.pack_id, node.id)
        if here not in order or self._keep is None:
            return None
        index = order.index(here)
        for distance in range(1, len(order)):
            for candidate in (index + distance, index - distance):
                inside = 0 <= candidate < len(order)
                if inside and order[candidate] in self._matches:
                    return order[candidate]
        return None

    def _shown(self, node: Node) -> bool:
        return self._keep is None or (node.pack_id, node.id) in self._keep

    def label_for(self, node: Node) -> Text:
        """The node's label after its marker column (data goes in as Text, never as markup)."""
        label = Text()
        marks = column(self.marker(node), self._mark_widths)
        if marks:
            label.append(marks, style="bold")
        label.append(node.label, style=_LABEL_STYLE.get(node.kind, ""))
        return label

    @property
    def mark_widths(self) -> Widths:
        """The width of each slot of the marker column (status, bookmark, notes)."""
        return self._mark_widths

    def set_mark_widths(self, widths: Widths) -> None:
        """Size the marker column (each slot as wide as its widest mark) and relabel every node."""
        self._mark_widths = widths
        self.refresh_markers()

    def render_label(self, node: TreeNode[Node], base_style: Style, style: Style) -> Text:
        """The label, cut with an ellipsis where the tree is too narrow for it.

        Cut here, so no line is wider than the tree: no horizontal scrolling, and no
        lone scroll-bar block on the last row.
        """
        text = super().render_label(node, base_style, style)
        depth = 0
        parent = node.parent
        while parent is not None and parent is not self.root:
            depth += 1
            parent = parent.parent
        room = self.scrollable_content_region.width - depth * self.guide_depth
        ellipsis = self._ellipsis
        if room > len(ellipsis) and text.cell_len > room:
            text.truncate(room - len(ellipsis))
            text.rstrip()
            text.append(ellipsis, style=text.get_style_at_offset(self.app.console, -1))
        return text

    def refresh_markers(self, places: Iterable[Place] | None = None) -> None:
        """Redraw the labels of these nodes (all added nodes when None)."""
        for place in self._by_place if places is None else places:
            tree_node = self._by_place.get(place)
            if tree_node is not None and tree_node.data is not None:
                tree_node.set_label(self.label_for(tree_node.data))

    def _add(self, parent: TreeNode[Node], node: Node) -> TreeNode[Node]:
        label = self.label_for(node)
        if node.children or node.id == ROOT_ID:
            tree_node = parent.add(label, data=node)
        else:
            tree_node = parent.add_leaf(label, data=node)
        self._by_place[(node.pack_id, node.id)] = tree_node
        return tree_node

    def _populate(self, tree_node: TreeNode[Node]) -> None:
        """Add the children of a node the first time it is needed."""
        node = tree_node.data
        if node is None or tree_node.children:
            return
        if node.id == ROOT_ID:
            node = self.node_at((node.pack_id, ROOT_ID)) or node
        for child_id in node.children:
            child = self.node_at((node.pack_id, child_id))
            if child is not None and self._shown(child):
                self._add(tree_node, child)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Node]) -> None:
        """Fill a node in lazily, so a pack of thousands of nodes opens at once."""
        self._populate(event.node)

    def reveal(self, place: Place) -> TreeNode[Node] | None:
        """Make the node at `place` visible (expanding its ancestors) and return it."""
        chain: list[Node] = []
        node = self.node_at(place)
        while node is not None:
            chain.append(node)
            node = self.node_at((node.pack_id, node.parent_id)) if node.parent_id else None
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

    def action_select_cursor(self) -> None:
        """Enter: on an open pack, go into its first focus area; elsewhere open or close."""
        tree_node = self.cursor_node
        node = tree_node.data if tree_node is not None else None
        if tree_node is not None and node is not None and node.kind is NodeKind.PACK:
            area = next(
                (c for c in tree_node.children if c.data and c.data.kind is NodeKind.AREA), None
            )
            if tree_node.is_expanded and area is not None:
                self._populate(area)
                area.expand()
                self.call_after_refresh(self.move_cursor, area)
                return
        super().action_select_cursor()

    def action_first(self) -> None:
        """Go to the first row (no animation: slow SSH links)."""
        self.cursor_line = 0
        self.scroll_to_line(self.cursor_line, animate=False)

    def action_last(self) -> None:
        """Go to the last row."""
        self.cursor_line = self.last_line
        self.scroll_to_line(self.cursor_line, animate=False)

    def action_scroll_home(self) -> None:
        """Home, whatever it is bound to: the first row, without animation."""
        self.action_first()

    def action_scroll_end(self) -> None:
        """End: the last row, without animation."""
        self.action_last()

    def action_half_page(self, direction: int) -> None:
        """Move the cursor half a screen down (1) or up (-1)."""
        half = max(1, self.scrollable_content_region.height // 2)
        self.cursor_line = max(0, min(self.last_line, max(self.cursor_line, 0) + direction * half))
        self.scroll_to_line(self.cursor_line, animate=False)

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
