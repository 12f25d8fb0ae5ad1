"""Search over the packs and the user's own text, and tree filters that combine."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from gpp_tui.content import Library
from gpp_tui.i18n import N_, _
from gpp_tui.session.history import Place
from gpp_tui.store.kinds import NodeFilter

if TYPE_CHECKING:
    # Search and the models load when first used, after the first paint.
    from gpp_tui.search import Hit, SearchIndex, UserDoc
    from gpp_tui.store.models import Annotations

FILTER_NAMES = {
    NodeFilter.BOOKMARKED: N_("Bookmarked nodes"),
    NodeFilter.NOTES: N_("Nodes with notes"),
    NodeFilter.FOLLOW_UP: N_("Recommendations that need follow-up"),
    NodeFilter.UNREVIEWED: N_("Unreviewed recommendations"),
}
"""What each filter shows, in English: translate with `_()` where shown."""
FILTER_WORDS = {
    NodeFilter.BOOKMARKED: N_("bookmarked"),
    NodeFilter.NOTES: N_("notes"),
    NodeFilter.FOLLOW_UP: N_("follow-up"),
    NodeFilter.UNREVIEWED: N_("unreviewed"),
    "mine": N_("mine"),
    "by others": N_("by others"),
}
"""The filters in force, as the header names them (English; `_()` where shown)."""
TEXT_FILTER_LIMIT = 100_000


def user_docs(annotations: Annotations | None, pack_id: str, node_id: str) -> list[UserDoc]:
    """The searchable user text of one node: its notes and its bookmark's label."""
    from gpp_tui.search import UserDoc

    if annotations is None:
        return []
    mine = annotations.node(pack_id, node_id)
    docs = [UserDoc(pack_id, node_id, "note", note.text, note.tags, note.id) for note in mine.notes]
    if mine.bookmark is not None and mine.bookmark.label:
        docs.append(UserDoc(pack_id, node_id, "bookmark", mine.bookmark.label))
    return docs


class Finder:
    """The search index (built once, kept in step with edits) and the active tree filters."""

    def __init__(self, library: Library, annotations: Callable[[], Annotations | None]) -> None:
        self._library = library
        self._annotations = annotations
        self._index: SearchIndex | None = None
        # The index is not thread-safe: searches may run on worker threads.
        self._lock = threading.Lock()
        self.node_filter: NodeFilter | None = None
        self.text_filter = ""
        self.author_filter = ""
        """In a team: "mine" or "by others" (nodes with notes by the user, or by colleagues)."""
        self.authored: Callable[[str, list[str], str], list[str]] | None = None
        """(pack id, node ids, author filter) → the node ids that pass it (set by the team)."""
        self.last_query = ""
        """The last search typed, offered again when search opens."""
        self.widen: Callable[[Library], Library] | None = None
        """The packs to index for the shown ones, with their other languages (set by Session)."""

    def search(self, query: str, limit: int) -> list[Hit]:
        """Ranked hits (builds the index the first time: call off the UI thread)."""
        with self._lock:
            if self._index is None:
                self._index = self._build()
            return self._index.search(query, limit)

    def remember(self, query: str, limit: int) -> list[Hit]:
        """Search as the user types: like `search`, and the query is kept for next time."""
        self.last_query = query
        return self.search(query, limit)

    def _build(self) -> SearchIndex:
        from gpp_tui.search import SearchIndex

        annotations = self._annotations()
        docs: list[UserDoc] = []
        if annotations is not None:
            for pack_id, nodes in annotations.packs.items():
                for node_id in nodes:
                    docs.extend(user_docs(annotations, pack_id, node_id))
        library = self.widen(self._library) if self.widen is not None else self._library
        return SearchIndex.build(library, docs)

    def use_library(self, library: Library) -> None:
        """Search these packs from now on (another language): the index is built again."""
        with self._lock:
            self._library = library
            self._index = None

    def reindex(self, places: Iterable[Place]) -> None:
        """Keep the index in step after the user's text on these nodes changed."""
        with self._lock:
            if self._index is None:
                return
            annotations = self._annotations()
            for pack_id, node_id in places:
                docs = user_docs(annotations, pack_id, node_id)
                self._index.replace_user_docs(pack_id, node_id, docs)

    def forget_index(self) -> None:
        """Many nodes changed (an import): the next search builds the index afresh."""
        with self._lock:
            self._index = None

    def visible(self) -> set[Place] | None:
        """The nodes that pass every active filter (None: no filter, show everything)."""
        keep: set[Place] | None = None
        if self.node_filter is not None:
            keep = self._marked(self.node_filter)
        if self.text_filter:
            hits = self.search(self.text_filter, TEXT_FILTER_LIMIT)
            found = {(hit.pack_id, hit.node_id) for hit in hits}
            keep = found if keep is None else keep & found
        if self.author_filter and self.authored is not None:
            found = {
                (pack.pack.id, node_id)
                for pack in self._library.packs
                for node_id in self.authored(pack.pack.id, [*pack.nodes], self.author_filter)
            }
            keep = found if keep is None else keep & found
        return keep

    def _marked(self, wanted: NodeFilter) -> set[Place]:
        annotations = self._annotations()
        keep: set[Place] = set()
        if annotations is None:
            return keep
        for pack in self._library.packs:
            if wanted in (NodeFilter.UNREVIEWED, NodeFilter.FOLLOW_UP):
                candidates: list[str] = [r.id for r in pack.recommendations]
            else:
                candidates = [*pack.nodes, *annotations.packs.get(pack.pack.id, {})]
            pack_id = pack.pack.id
            keep.update((pack_id, i) for i in annotations.matching(pack_id, candidates, wanted))
        return keep

    def summary(self, separator: str) -> str:
        """The active filters, for the header ("" when there are none)."""
        parts = [_(FILTER_WORDS[self.node_filter])] if self.node_filter else []
        if self.author_filter:
            parts.append(_(FILTER_WORDS.get(self.author_filter, self.author_filter)))
        if self.text_filter:
            parts.append(repr(self.text_filter))
        if not parts:
            return ""
        return f" {separator} " + _("filter: {filters}").format(filters=" + ".join(parts))


def where_found(hit: Hit) -> str:
    """Where a result matched, for the result list: "context", or "context, in French"
    when the words were found only in another language version of the principles."""
    from gpp_tui.search.documents import field_name
    from gpp_tui.session.languages import language_name

    field = field_name(hit.field)
    if not hit.language:
        return field
    return _("{field}, in {language}").format(field=field, language=language_name(hit.language))
