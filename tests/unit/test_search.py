"""Search over the bundled pack and the user's notes: what is found, and in which order."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gpp_tui.content import Library, NodeKind, load_library
from gpp_tui.search import Hit, MatchField, SearchIndex, UserDoc, tokens
from gpp_tui.search.documents import node_fields

PACK = "wigj-gpp"
KABUL_NOTE = UserDoc(PACK, "B.2", "note", "Met the witness again in Kabul.", ("follow-up",), "n1")
FARSI_NOTE = UserDoc(PACK, "D.2", "note", "پیگیری جبران خسارت برای جامعه آسیب‌دیده", (), "n2")
BODIES = {
    MatchField.SUMMARY,
    MatchField.CONTEXT,
    MatchField.BODY,
    MatchField.REFERENCE,
    MatchField.GLOSSARY,
}


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def index(library: Library) -> SearchIndex:
    return SearchIndex.build(library, [KABUL_NOTE, FARSI_NOTE])


def ids(hits: list[Hit]) -> list[str]:
    return [hit.node_id if hit.note_id is None else f"{hit.node_id}#{hit.note_id}" for hit in hits]


def test_retaliation_finds_b2_first(index: SearchIndex) -> None:
    hits = index.search("retaliation")
    assert hits[0].node_id == "B.2"
    assert hits[0].label == "B.2 Anti-Retaliation Safeguards"
    assert hits[0].field is MatchField.TITLE
    assert "term:retaliation" in ids(hits)


@pytest.mark.parametrize("query", ["réparations", "reparation", "REPARATIONS", "Réparation"])
def test_reparations_with_or_without_accents_find_d2(index: SearchIndex, query: str) -> None:
    assert index.search(query)[0].node_id == "D.2"


def test_a_word_only_in_a_note_finds_that_note(index: SearchIndex) -> None:
    hits = index.search("kabul")
    assert ids(hits) == ["B.2#n1"]
    hit = hits[0]
    assert hit.field is MatchField.NOTE
    assert hit.heading == "note on B.2"
    assert hit.label == "B.2 Anti-Retaliation Safeguards"
    start, end = hit.spans[0]
    assert hit.snippet[start:end] == "Kabul"
    assert hit.score > 0


def test_a_note_tag_is_found(index: SearchIndex) -> None:
    hit = index.search("follow-up")[0]
    assert (hit.note_id, hit.field) == ("n1", MatchField.TAG)


def test_every_word_must_match(index: SearchIndex) -> None:
    both = index.search("retaliation witness")
    assert both and both[0].node_id == "B.2"
    for hit in both:
        text = _all_text(hit)
        assert "retaliat" in text and "witness" in text
    # Each word is in the pack, but never both in one node.
    assert index.search("retaliation") and index.search("yazidis")
    assert index.search("retaliation yazidis") == []


def test_words_may_match_in_different_fields_of_one_node(index: SearchIndex) -> None:
    # "Inclusive" is in D.2's title, "Mahdi" only in its context and references.
    assert ids(index.search("inclusive mahdi")) == ["D.2"]


def test_a_quoted_phrase_matches_only_in_that_order(index: SearchIndex) -> None:
    phrase = ids(index.search('"gender apartheid"'))
    assert "A.3" in phrase and "term:gender-apartheid" in phrase
    assert "A.3" in ids(index.search("apartheid gender"))
    assert index.search('"apartheid gender"') == []


def test_a_phrase_and_a_word_combine(index: SearchIndex) -> None:
    hits = index.search('"witness protection" safety')
    assert ids(hits) == ["B.2"]


def test_an_unclosed_quote_is_a_phrase_to_the_end(index: SearchIndex) -> None:
    assert "B.2" in ids(index.search('"witness protection'))


@pytest.mark.parametrize("typo", ["retalation", "retaliaton", "retailation", "RETALIATON"])
def test_small_typos_still_find_the_word(index: SearchIndex, typo: str) -> None:
    hits = index.search(typo)
    assert hits[0].node_id == "B.2"
    assert hits[0].score < index.search("retaliation")[0].score


def test_typos_are_not_forgiven_in_short_words(index: SearchIndex) -> None:
    assert index.search("icx") == []


def test_the_last_word_matches_as_a_prefix_while_typing(index: SearchIndex) -> None:
    assert index.search("retal")[0].node_id == "B.2"
    assert index.search("anti-retal")[0].node_id == "B.2"
    assert index.search("inclusive rep")[0].node_id == "D.2"


def test_exact_ranks_above_prefix_above_typo(library: Library) -> None:
    notes = [
        UserDoc(PACK, "A.1", "note", "harmful practices", (), "prefix"),
        UserDoc(PACK, "A.1", "note", "harm reduction", (), "exact"),
        UserDoc(PACK, "A.1", "note", "the harn", (), "typo"),
    ]
    index = SearchIndex.build(Library(()), notes)
    assert [h.note_id for h in index.search("harm")] == ["exact", "prefix"]
    assert [h.note_id for h in index.search("harmx reduction")] == ["exact"]
    exact, prefix, typo = (index.search(q)[0].score for q in ("harm", "harmf", "harmfull"))
    assert exact > prefix > typo


@pytest.mark.parametrize(
    "query", ["protection", "accountability", "reparations", "intersectionality", "persecution"]
)
def test_titles_rank_above_bodies(index: SearchIndex, query: str) -> None:
    fields = [hit.field for hit in index.search(query)]
    assert MatchField.TITLE in fields
    assert any(field in BODIES for field in fields)
    last_title = max(i for i, field in enumerate(fields) if field is MatchField.TITLE)
    first_body = min(i for i, field in enumerate(fields) if field in BODIES)
    assert last_title < first_body


def test_farsi_note_is_found_by_a_farsi_word(index: SearchIndex) -> None:
    for query in ("جبران", "خسارت جبران", "آسیب‌دیده", "آسیبدیده"):
        hits = index.search(query)
        assert ids(hits) == ["D.2#n2"], query
    hit = index.search("خسارت")[0]
    start, end = hit.spans[0]
    assert hit.snippet[start:end] == "خسارت"


def test_arabic_keyboard_letters_find_persian_text(library: Library) -> None:
    note = UserDoc(PACK, "A.1", "note", "گزارش از کابل", (), "fa")
    index = SearchIndex.build(library, [note])
    assert ids(index.search("كابل")) == ["A.1#fa"]  # Arabic kaf


@pytest.mark.parametrize("query", ["", "   ", '""', "?!", '" "'])
def test_an_empty_query_finds_nothing(index: SearchIndex, query: str) -> None:
    assert index.search(query) == []


def test_limit(index: SearchIndex) -> None:
    assert len(index.search("gender", limit=3)) == 3
    assert index.search("gender", limit=0) == []


def test_a_bookmark_label_is_found_on_its_node(library: Library) -> None:
    label = UserDoc(PACK, "C.1", "bookmark", "ask Farida about Murad")
    index = SearchIndex.build(library, [label])
    hits = index.search("farida")
    assert ids(hits) == ["C.1"]
    assert hits[0].field is MatchField.BOOKMARK
    assert ids(index.search("farida murad")) == ["C.1"]


def test_notes_update_without_a_rebuild(index: SearchIndex) -> None:
    assert index.search("herat") == []
    index.update_user_doc(UserDoc(PACK, "A.2", "note", "Witness moved to Herat", (), "n3"))
    assert ids(index.search("herat")) == ["A.2#n3"]

    index.update_user_doc(UserDoc(PACK, "A.2", "note", "Witness moved to Mazar", (), "n3"))
    assert index.search("herat") == []
    assert ids(index.search("mazar")) == ["A.2#n3"]

    assert index.remove_user_doc(PACK, "A.2", "note", "n3")
    assert index.search("mazar") == []
    assert not index.remove_user_doc(PACK, "A.2", "note", "n3")
    assert ids(index.search("kabul")) == ["B.2#n1"]


def test_new_words_are_completed_and_corrected_after_an_update(index: SearchIndex) -> None:
    index.update_user_doc(UserDoc(PACK, "A.2", "note", "Zaranj checkpoint", (), "n3"))
    assert ids(index.search("zaran")) == ["A.2#n3"]
    assert ids(index.search("chekpoint")) == ["A.2#n3"]
    index.remove_user_doc(PACK, "A.2", "note", "n3")
    assert index.search("zaran") == []


def test_bookmark_labels_update_and_go(index: SearchIndex) -> None:
    index.update_user_doc(UserDoc(PACK, "B.1", "bookmark", "read before the Goma trip"))
    assert ids(index.search("goma")) == ["B.1"]
    # The node's own text stays found while its label changes.
    index.update_user_doc(UserDoc(PACK, "B.1", "bookmark", "read before the Bunia trip"))
    assert index.search("goma") == []
    assert ids(index.search("bunia")) == ["B.1"]
    assert index.remove_user_doc(PACK, "B.1", "bookmark")
    assert index.search("bunia") == []
    assert "B.1" in ids(index.search("psychosocial"))


def test_replace_user_docs_of_a_node(index: SearchIndex) -> None:
    index.replace_user_docs(
        PACK,
        "B.2",
        [
            UserDoc(PACK, "B.2", "note", "call Herat office", (), "n9"),
            UserDoc(PACK, "B.2", "bookmark", "urgent"),
        ],
    )
    assert index.search("kabul") == []
    assert ids(index.search("herat")) == ["B.2#n9"]
    assert ids(index.search("urgent")) == ["B.2"]
    index.replace_user_docs(PACK, "B.2", [])
    assert index.search("herat") == [] and index.search("urgent") == []
    with pytest.raises(ValueError, match="must belong"):
        index.replace_user_docs(PACK, "B.2", [KABUL_NOTE, FARSI_NOTE])


def test_a_note_on_a_node_no_pack_has_is_still_found(library: Library) -> None:
    note = UserDoc("gone-pack", "Z.9", "note", "orphaned remark", (), "n1")
    hit = SearchIndex.build(library, [note]).search("orphaned")[0]
    assert (hit.pack_id, hit.node_id, hit.heading) == ("gone-pack", "Z.9", "note on Z.9")


def test_a_later_user_doc_with_the_same_key_wins(library: Library) -> None:
    old = UserDoc(PACK, "A.1", "note", "met in Quetta", (), "n1")
    new = UserDoc(PACK, "A.1", "note", "met in Peshawar", (), "n1")
    index = SearchIndex.build(library, [old, new])
    assert index.search("quetta") == []
    assert ids(index.search("peshawar")) == ["A.1#n1"]


def test_a_note_needs_an_id() -> None:
    with pytest.raises(ValueError, match="note_id"):
        UserDoc(PACK, "A.1", "note", "text")


def test_snippets_are_short_and_highlight_the_match(index: SearchIndex) -> None:
    for hit in index.search("mahdi") + index.search("haqqani") + index.search("complementarity"):
        assert len(hit.snippet) <= 82
        assert "\n" not in hit.snippet
        assert hit.spans
        for start, end in hit.spans:
            assert tokens(hit.snippet[start:end])[0] in {"mahdi", "haqqani", "complementarity"}


def _all_text(hit: Hit) -> str:
    node = _pack_index()[0].find(f"{hit.pack_id}/{hit.node_id}")
    assert node is not None
    return " ".join(tokens(" ".join(text for _, text in node_fields(node))))


def _words_of_nodes(library: Library) -> list[tuple[str, str]]:
    """(node id, whitespace-separated chunk) for every chunk of every indexed field."""
    pairs: list[tuple[str, str]] = []
    for pack in library.packs:
        for node in pack.nodes.values():
            for _, text in node_fields(node):
                pairs.extend((node.id, chunk) for chunk in text.split() if tokens(chunk))
    return sorted(set(pairs))


@cache
def _pack_index() -> tuple[Library, SearchIndex, list[tuple[str, str]]]:
    library = load_library()
    return library, SearchIndex.build(library), _words_of_nodes(library)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_word_of_the_pack_finds_its_node(data: st.DataObject) -> None:
    _, index, words = _pack_index()
    node_id, chunk = data.draw(st.sampled_from(words))
    assert node_id in ids(index.search(chunk, limit=10_000)), chunk


_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=60
)


@settings(max_examples=200, deadline=None)
@given(text=_TEXT, tags=st.lists(_TEXT, max_size=2))
def test_any_word_of_a_note_finds_the_note(text: str, tags: list[str]) -> None:
    index = SearchIndex.build(Library(()), [UserDoc(PACK, "A.1", "note", text, tuple(tags), "n")])
    for chunk in " ".join([text, *tags]).split():
        if tokens(chunk.replace('"', " ")):
            assert ids(index.search(chunk, limit=10)) == ["A.1#n"], chunk


def test_every_node_is_found_by_its_title(index: SearchIndex, library: Library) -> None:
    kinds = set()
    for pack in library.packs:
        for node in pack.nodes.values():
            assert node.id in ids(index.search(f'"{node.title}"', limit=1000)), node.id
            kinds.add(node.kind)
    assert {NodeKind.PACK, NodeKind.SECTION, NodeKind.RECOMMENDATION, NodeKind.TERM} <= kinds
