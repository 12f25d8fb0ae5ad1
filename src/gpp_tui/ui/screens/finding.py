"""The main screen's finding actions: search-as-you-type, and tree filters that compose."""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING

from textual import work

from gpp_tui.content import Node
from gpp_tui.store.errors import StoreError
from gpp_tui.store.kinds import NodeFilter
from gpp_tui.ui.history import Place
from gpp_tui.ui.screens.annotating import Annotating
from gpp_tui.ui.widgets.principles_tree import PrinciplesTree

if TYPE_CHECKING:
    # Search is loaded when first used, after the first paint (start-up stays fast).
    from gpp_tui.search import Hit, SearchIndex, UserDoc
    from gpp_tui.store.annotation_store import AnnotationStore
    from gpp_tui.ui.screens.search import SearchTarget

FILTER_NAMES = {
    NodeFilter.BOOKMARKED: "Bookmarked nodes",
    NodeFilter.NOTES: "Nodes with notes",
    NodeFilter.FOLLOW_UP: "Recommendations that need follow-up",
    NodeFilter.UNREVIEWED: "Unreviewed recommendations",
}
TEXT_FILTER = "text"
TEXT_FILTER_LIMIT = 100_000


class Finding(Annotating):
    """Search and filters on top of the annotations (MainScreen builds on this)."""

    node_filter: NodeFilter | None = None
    text_filter: str = ""
    last_query: str = ""
    pending_note: tuple[Place, str] | None = None
    """A note to focus once its node is shown (after a search hit on the note)."""

    def __init__(self) -> None:
        super().__init__()
        self._index: SearchIndex | None = None
        # The index is not thread-safe: searches run in workers, updates on the UI thread.
        self._index_lock = threading.Lock()

    def user_docs(self, pack_id: str, node_id: str) -> list[UserDoc]:
        """The searchable user text of one node: its notes and its bookmark's label."""
        from gpp_tui.search import UserDoc

        if self.store is None:
            return []
        mine = self.store.annotations.node(pack_id, node_id)
        docs = [
            UserDoc(pack_id, node_id, "note", note.text, note.tags, note.id) for note in mine.notes
        ]
        if mine.bookmark is not None and mine.bookmark.label:
            docs.append(UserDoc(pack_id, node_id, "bookmark", mine.bookmark.label))
        return docs

    def search(self, query: str, limit: int) -> list[Hit]:
        """Ranked hits for a query (builds the index the first time; call off the UI thread)."""
        with self._index_lock:
            if self._index is None:
                self._index = self._build_index()
            return self._index.search(query, limit)

    def _build_index(self) -> SearchIndex:
        from gpp_tui.search import SearchIndex

        docs: list[UserDoc] = []
        if self.store is not None:
            for pack_id, nodes in self.store.annotations.packs.items():
                for node_id in nodes:
                    docs.extend(self.user_docs(pack_id, node_id))
        return SearchIndex.build(self._library, docs)

    def store_ready(self, store: AnnotationStore) -> None:
        """Build the index once the notes are there, so the first search answers at once."""
        super().store_ready(store)
        self.build_index_soon()

    @work(thread=True, group="index")
    def build_index_soon(self) -> None:
        """Build the search index off the UI thread, then get the first save ready."""
        self.search("", 1)
        if self.store is not None:
            # A problem here is the save's to report, when the user has something to save.
            with contextlib.suppress(StoreError):
                self.store.prepare_save()

    def edited(self, node: Node, discard_draft: tuple[str, str, str | None] | None = None) -> None:
        """Keep the index in step with the notes, without rebuilding it."""
        super().edited(node, discard_draft)
        with self._index_lock:
            if self._index is not None:
                docs = self.user_docs(node.pack_id, node.id)
                self._index.replace_user_docs(node.pack_id, node.id, docs)

    def annotations_replaced(self) -> None:
        """After an import, index the user's text afresh (off the UI thread)."""
        super().annotations_replaced()
        with self._index_lock:
            self._index = None
        self.build_index_soon()

    def action_search(self) -> None:
        """Open search-as-you-type; enter jumps to the result, escape comes back."""
        from gpp_tui.ui.screens.search import SearchScreen

        def chosen(target: SearchTarget | None) -> None:
            if target is not None:
                if target.note_id is not None:
                    self.pending_note = ((target.pack_id, target.node_id), target.note_id)
                self.jump((target.pack_id, target.node_id))

        screen = SearchScreen(self._remember_query, self._glyphs, self.last_query)
        self.app.push_screen(screen, chosen)

    def _remember_query(self, query: str, limit: int) -> list[Hit]:
        self.last_query = query
        return self.search(query, limit)

    def focus_note(self, note_id: str) -> None:
        """Highlight and focus one note of the shown node (MainScreen implements it)."""
        raise NotImplementedError

    def action_choose_filter(self) -> None:
        """Filter the tree by the user's marks and/or by text; filters combine."""
        from gpp_tui.ui.screens.choice import ChoiceScreen
        from gpp_tui.ui.screens.prompt import PromptScreen

        if self.store is None:
            self.notify("Your notes are still loading", timeout=2)
            return
        choices = [("all", "Show everything")]
        choices += [(f.value, FILTER_NAMES[f]) for f in NodeFilter]
        choices.append((TEXT_FILTER, "Only nodes matching a text..."))
        if self.text_filter:
            choices.append(("no-text", f"Stop matching {self.text_filter!r}"))

        def chosen(key: str | None) -> None:
            if key == TEXT_FILTER:
                self.app.push_screen(
                    PromptScreen("Show only nodes matching", self.text_filter), self._text_chosen
                )
            elif key == "no-text":
                self.text_filter = ""
                self.apply_filters()
            elif key is not None:
                self.node_filter = None if key == "all" else NodeFilter(key)
                if key == "all":
                    self.text_filter = ""
                self.apply_filters()

        current = self.node_filter.value if self.node_filter else "all"
        self.app.push_screen(ChoiceScreen("Filter the tree", choices, current), chosen)

    def _text_chosen(self, text: str | None) -> None:
        if text is not None:
            self.text_filter = text
            self.apply_filters()

    def apply_filters(self) -> None:
        """Show the nodes that pass every active filter (all nodes when none is active)."""
        keep: set[Place] | None = None
        if self.node_filter is not None:
            keep = self._marked(self.node_filter)
        if self.text_filter:
            found = {
                (h.pack_id, h.node_id) for h in self.search(self.text_filter, TEXT_FILTER_LIMIT)
            }
            keep = found if keep is None else keep & found
        self.query_one(PrinciplesTree).set_filter(keep)
        self.show_progress()
        if keep is not None and not keep:
            self.notify("Nothing matches the filter; F changes it", timeout=4)

    def _marked(self, wanted: NodeFilter) -> set[Place]:
        assert self.store is not None
        annotations = self.store.annotations
        keep: set[Place] = set()
        for pack in self._library.packs:
            if wanted in (NodeFilter.UNREVIEWED, NodeFilter.FOLLOW_UP):
                candidates: list[str] = [r.id for r in pack.recommendations]
            else:
                candidates = [*pack.nodes, *annotations.packs.get(pack.pack.id, {})]
            pack_id = pack.pack.id
            keep.update((pack_id, i) for i in annotations.matching(pack_id, candidates, wanted))
        return keep

    def filter_summary(self) -> str:
        """The active filters, for the header."""
        parts = [self.node_filter.value] if self.node_filter else []
        if self.text_filter:
            parts.append(repr(self.text_filter))
        sep = self._glyphs.separator
        return f" {sep} filter: {' + '.join(parts)}" if parts else ""
