"""The search index over packs and annotations, and ranked search-as-you-type queries."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from gpp_tui.collector import collector_paused
from gpp_tui.content.models import Library, Node, NodeKind
from gpp_tui.search.documents import (
    WEIGHTS,
    Field,
    UserDoc,
    UserDocKind,
    node_fields,
    short_ref,
    user_fields,
)
from gpp_tui.search.query import parse_query
from gpp_tui.search.ranking import (
    MAX_REPEATS,
    Expansion,
    Postings,
    all_terms,
    expand,
    needle,
    probes,
)
from gpp_tui.search.results import Hit, make_snippet
from gpp_tui.search.text import FIELD_SEPARATOR, field_words, fold
from gpp_tui.search.vocabulary import Vocabulary

OTHER_LANGUAGE_PENALTY = 2
"""How much less a match counts in a language other than the one shown."""

_SEP = FIELD_SEPARATOR
"""Ends each field's words in a target's blob; no word holds it, no phrase spans it."""


@dataclass(slots=True)
class _Target:
    """Something a hit points at: a node (with its bookmark label) or one note on a node."""

    pack_id: str
    node_id: str
    note_id: str | None
    node: Node | None
    user: list[Field] = field(default_factory=list)
    """The note's fields, or the bookmark label's fields of a node."""
    also: tuple[Node, ...] = ()
    """The same node in the pack's other languages, searched with it."""
    also_languages: tuple[str, ...] = ()
    """The language of each node of `also`."""
    blob: str = ""
    """The folded words of every field: " a b \\x00 c " for fields "A b" and "C"."""

    @property
    def kind(self) -> NodeKind | None:
        """The node's kind (None for a note or a node no pack has)."""
        return self.node.kind if self.node is not None and self.note_id is None else None

    def language_of(self, text: str) -> str:
        """The language of a field's text when only another language version has it, else ""."""
        if not self.also or self.node is None or self.note_id is not None:
            return ""
        if any(text == own for _, own in node_fields(self.node)):
            return ""
        for other, language in zip(self.also, self.also_languages, strict=True):
            if any(text == theirs for _, theirs in node_fields(other)):
                return language
        return ""

    def all_fields(self) -> list[Field]:
        """Every searchable field, lightest first, in the order of the parts of `blob`."""
        return [f for f, _ in self.weighted_fields()]

    def weighted_fields(self) -> list[tuple[Field, int]]:
        """Every searchable field with its weight, lightest first.

        The node's other languages count a little less than the language shown, so
        that a word found in both shows the shown language's text and ranks it first.
        """
        kind = self.kind
        if self.node is None or self.note_id is not None:
            return [(f, WEIGHTS[f[0], kind]) for f in self.user]
        *fields, title = node_fields(self.node)
        own = [(f, WEIGHTS[f[0], kind]) for f in fields]
        user = [(f, WEIGHTS[f[0], kind]) for f in self.user]
        if not self.also:
            return [*own, *user, (title, WEIGHTS[title[0], kind])]
        titles = []
        for other in self.also:
            *more, other_title = node_fields(other)
            own += [(f, WEIGHTS[f[0], kind] - OTHER_LANGUAGE_PENALTY) for f in more]
            titles.append((other_title, WEIGHTS[other_title[0], kind] - OTHER_LANGUAGE_PENALTY))
        # Lightest first across languages too, so a word keeps its best field's weight.
        own.sort(key=lambda pair: pair[1])
        return [*own, *user, *titles, (title, WEIGHTS[title[0], kind])]


class SearchIndex:
    """Folded words mapped to the nodes and notes they occur in.

    Build it once with `build`; keep it current with `update_user_doc` and
    `remove_user_doc` as notes and bookmarks change. Not thread-safe: do not
    update it while another thread searches.
    """

    def __init__(self) -> None:
        self._postings: dict[str, Postings] = {}
        self._targets: list[_Target | None] = []
        self._content: dict[tuple[str, str], int] = {}
        self._notes: dict[tuple[str, str, str], int] = {}
        self._nodes: dict[tuple[str, str], Node] = {}
        self._vocabulary: Vocabulary | None = Vocabulary()

    @classmethod
    def build(cls, library: Library, user_docs: Iterable[UserDoc] = ()) -> SearchIndex:
        """Index every node of every pack, and the user's notes and bookmark labels."""
        with collector_paused():
            return cls._build(library, user_docs)

    @classmethod
    def _build(cls, library: Library, user_docs: Iterable[UserDoc]) -> SearchIndex:
        index = cls()
        index._vocabulary = None  # filled once at the end: faster than word by word
        postings: defaultdict[str, Postings] = defaultdict(dict)
        index._postings = postings
        latest = {doc.key: doc for doc in user_docs}
        bookmarks = {(d.pack_id, d.node_id): d for d in latest.values() if d.kind == "bookmark"}
        targets, content = index._targets, index._content
        for pack in library.packs:
            pack_id = pack.pack.id
            versions = [
                (p.nodes, p.pack.language) for p in library.alternates if p.pack.id == pack_id
            ]
            for node_id, node in pack.nodes.items():
                key = (pack_id, node_id)
                index._nodes[key] = node
                target = _Target(pack_id, node_id, None, node)
                if versions:
                    others = [(v, lang) for v, lang in versions if node_id in v]
                    target.also = tuple(v[node_id] for v, _ in others)
                    target.also_languages = tuple(lang for _, lang in others)
                if key in bookmarks:
                    target.user = list(user_fields(bookmarks.pop(key)))
                content[key] = t = len(targets)
                targets.append(target)
                index._index(t)
        for doc in latest.values():
            if doc.kind == "note" or bookmarks.get((doc.pack_id, doc.node_id)) is doc:
                index.update_user_doc(doc)
        index._postings = dict(postings)
        index._vocabulary = Vocabulary(index._postings)
        return index

    def update_user_doc(self, doc: UserDoc) -> None:
        """Add a note or bookmark label, or replace the one with the same key."""
        if doc.kind == "bookmark":
            t = self._content_target(doc.pack_id, doc.node_id)
            self._unindex(t)
            target = self._targets[t]
            assert target is not None
            target.user = list(user_fields(doc))
            self._index(t)
            return
        assert doc.note_id is not None
        key = (doc.pack_id, doc.node_id, doc.note_id)
        if key in self._notes:
            t = self._notes[key]
            self._unindex(t)
        else:
            t = self._notes[key] = len(self._targets)
            node = self._nodes.get((doc.pack_id, doc.node_id))
            self._targets.append(_Target(doc.pack_id, doc.node_id, doc.note_id, node))
        target = self._targets[t]
        assert target is not None
        target.user = list(user_fields(doc))
        self._index(t)

    def remove_user_doc(
        self, pack_id: str, node_id: str, kind: UserDocKind, note_id: str | None = None
    ) -> bool:
        """Forget a note (by note_id) or a node's bookmark label; False if it was not indexed."""
        if kind == "bookmark":
            t = self._content.get((pack_id, node_id))
            target = self._targets[t] if t is not None else None
            if t is None or target is None or not target.user:
                return False
            self._unindex(t)
            target.user = []
            self._index(t)
            return True
        t = self._notes.pop((pack_id, node_id, note_id or ""), None)
        if t is None:
            return False
        self._unindex(t)
        self._targets[t] = None
        return True

    def replace_user_docs(self, pack_id: str, node_id: str, docs: Iterable[UserDoc]) -> None:
        """Make `docs` the only notes and bookmark label indexed for one node."""
        docs = list(docs)
        if any((d.pack_id, d.node_id) != (pack_id, node_id) for d in docs):
            raise ValueError(f"every document must belong to {pack_id}/{node_id}")
        keep = {d.note_id for d in docs if d.kind == "note"}
        stale = [k[2] for k in self._notes if k[:2] == (pack_id, node_id) and k[2] not in keep]
        for note_id in stale:
            self.remove_user_doc(pack_id, node_id, "note", note_id)
        if not any(d.kind == "bookmark" for d in docs):
            self.remove_user_doc(pack_id, node_id, "bookmark")
        for doc in docs:
            self.update_user_doc(doc)

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """The best `limit` hits for a query, best first; an empty query finds nothing."""
        parsed = parse_query(query)
        if not parsed or limit <= 0:
            return []
        postings = self._postings
        vocabulary = self._vocabulary if self._vocabulary is not None else Vocabulary(postings)
        terms: list[list[Expansion]] = []
        for i, word in enumerate(parsed.words):
            expansions = expand(word, postings, vocabulary, last=i == len(parsed.words) - 1)
            if not expansions:
                return []
            terms.append(expansions)
        scores = all_terms(terms)
        for phrase in parsed.phrases:
            scores = self._phrase(phrase, scores)
            if not scores:
                return []
        if not scores:
            return []
        needles = [needle(phrase) for phrase in parsed.phrases]
        top = self._top(scores, limit, [*probes(parsed.words, terms), *needles])
        wanted = [{word for _, _, word in expansions} for expansions in terms]
        return [self._hit(t, score, wanted, needles) for t, score in top]

    def _top(
        self, scores: dict[int, float], limit: int, probes: list[str]
    ) -> list[tuple[int, float]]:
        """The best `limit` targets: by score, then by how often the probes occur, then order."""
        if len(scores) > limit:
            cutoff = heapq.nlargest(limit, scores.values())[-1]
            pool = [(t, score) for t, score in scores.items() if score >= cutoff]
        else:
            pool = list(scores.items())
        targets = self._targets

        def rank(item: tuple[int, float]) -> tuple[float, int, int]:
            target = targets[item[0]]
            blob = target.blob if target is not None else ""
            repeats = sum(min(blob.count(probe), MAX_REPEATS) for probe in probes)
            return (-item[1], -repeats, item[0])

        return sorted(pool, key=rank)[:limit]

    def _content_target(self, pack_id: str, node_id: str) -> int:
        """The target of a node, created (possibly for a node no pack has) on first use."""
        t = self._content.get((pack_id, node_id))
        if t is not None:
            return t
        target = _Target(pack_id, node_id, None, self._nodes.get((pack_id, node_id)))
        t = self._content[pack_id, node_id] = len(self._targets)
        self._targets.append(target)
        return t

    def _index(self, t: int) -> None:
        target = self._targets[t]
        assert target is not None
        weighted = target.weighted_fields()
        if not weighted:
            target.blob = ""
            return
        fields = [f for f, _ in weighted]
        # One fold for all fields: the separator is no part of a word, so it marks
        # where each field's words end.
        joined = _SEP.join(text for _, text in fields)
        if joined.count(_SEP) != len(fields) - 1:
            joined = _SEP.join(text.replace(_SEP, " ") for _, text in fields)
        per_field = field_words(fold(joined))
        target.blob = _SEP.join([f" {' '.join(words)} " for words in per_field])
        postings, vocabulary = self._postings, self._vocabulary
        # Lightest field first, so each word ends with the weight of its best field.
        if vocabulary is None:  # building: postings is a defaultdict
            for (_, w), words in zip(weighted, per_field, strict=True):
                for word in words:
                    postings[word][t] = w
            return
        for (_, w), words in zip(weighted, per_field, strict=True):
            for word in words:
                entry = postings.get(word)
                if entry is None:
                    postings[word] = {t: w}
                    vocabulary.add(word)
                else:
                    entry[t] = w

    def _unindex(self, t: int) -> None:
        target = self._targets[t]
        assert target is not None
        for word in set(target.blob.split()) - {_SEP}:
            entry = self._postings[word]
            del entry[t]
            if not entry:
                del self._postings[word]
                if self._vocabulary is not None:
                    self._vocabulary.discard(word)
        target.blob = ""

    def _phrase(self, phrase: tuple[str, ...], scores: dict[int, float] | None) -> dict[int, float]:
        """Targets (among `scores`, if given) whose same field holds the words in this order."""
        entries = [self._postings.get(word) for word in phrase]
        lists = sorted((e for e in entries if e is not None), key=len)
        if len(lists) < len(entries):
            return {}
        wanted = needle(phrase)
        source = scores if scores is not None and len(scores) < len(lists[0]) else lists[0]
        found: dict[int, float] = {}
        for t in source:
            if scores is not None and t not in scores:
                continue
            if all(t in entry for entry in lists):
                target = self._targets[t]
                if target is not None and wanted in target.blob:
                    found[t] = sum(entry[t] for entry in lists) + (scores[t] if scores else 0)
        return found

    def _hit(self, t: int, score: float, wanted: list[set[str]], needles: list[str]) -> Hit:
        """The hit for a target: its best matching field, with a highlighted snippet."""
        target = self._targets[t]
        assert target is not None
        best: tuple[tuple[int, int], Field, set[str]] | None = None
        for ((match_field, text), weight), part in zip(
            target.weighted_fields(), target.blob.split(_SEP), strict=True
        ):
            present = set(part.split())
            highlight: set[str] = set()
            count = 0
            for words in wanted:
                common = present & words
                if common:
                    count += 1
                    highlight |= common
            for phrase in needles:
                if phrase in part:
                    count += 1
                    highlight.update(phrase.split())
            rank = (count, weight)
            if count and (best is None or rank > best[0]):
                best = (rank, (match_field, text), highlight)
        assert best is not None
        _, (match_field, text), highlight = best
        snippet, spans = make_snippet(text, highlight)
        node = target.node
        return Hit(
            language=target.language_of(text),
            pack_id=target.pack_id,
            node_id=target.node_id,
            note_id=target.note_id,
            label=node.label if node is not None else target.node_id,
            ref=short_ref(node, target.node_id),
            field=match_field,
            snippet=snippet,
            spans=spans,
            score=float(score),
        )
