"""Search details mutation testing found unchecked: snippets cut exactly, scores that add up,
the limit kept, labels on nodes no pack has, and the character classes behind word folding."""

from __future__ import annotations

import re

import pytest

from gpp_tui.content import Library, load_library
from gpp_tui.search import SearchIndex, UserDoc
from gpp_tui.search.results import make_snippet
from gpp_tui.search.text import _char_class

P = "wigj-gpp"
WORDS = " ".join(f"w{i:02d}" for i in range(40))


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def index(library: Library) -> SearchIndex:
    return SearchIndex.build(library)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # leading spaces do not count towards the words before the match
        (
            "   one two three four reparation " + WORDS,
            "reparation",
            (
                "one two three four reparation w00 w01 w02 w03 w04 w05 w06 w07 w08 w09 w10 w11…",
                ((19, 29),),
            ),
        ),
        # a long matched word is shown whole, after a few words that lead up to it
        (
            WORDS + " extraordinarilylongwordmatched " + WORDS,
            "extraordinarilylongwordmatched",
            (
                "…w36 w37 w38 w39 extraordinarilylongwordmatched w00 w01 w02 w03 w04 w05 w06 w07…",
                ((17, 47),),
            ),
        ),
        # cut at spaces on both sides
        (
            WORDS + " hearing " + WORDS,
            "hearing",
            (
                "…w36 w37 w38 w39 hearing w00 w01 w02 w03 w04 w05 w06 w07 w08 w09 w10 w11 w12 w13…",
                ((17, 24),),
            ),
        ),
        # no space in the second half of the width: cut inside the long word, not far back
        (
            WORDS + " hearing ab cd " + "x" * 70,
            "hearing",
            ("…w36 w37 w38 w39 hearing ab cd " + "x" * 50 + "…", ((17, 24),)),
        ),
        # the word cut off at the start is a one-letter word at the very beginning
        (
            "a bcdefghijklmnopqrs reparation " + WORDS,
            "reparation",
            (
                "…bcdefghijklmnopqrs reparation w00 w01 w02 w03 w04 w05 w06 w07 w08 w09 w10 w11…",
                ((20, 30),),
            ),
        ),
    ],
)
def test_snippets_are_cut_exactly(
    text: str, word: str, expected: tuple[str, tuple[tuple[int, int], ...]]
) -> None:
    assert make_snippet(text, {word}) == expected


def test_a_hit_scores_the_sum_of_its_words_scores(index: SearchIndex) -> None:
    def scores(query: str) -> dict[tuple[str, str | None], float]:
        return {(h.node_id, h.note_id): h.score for h in index.search(query, 500)}

    # "gen" completes to many words: the common word is looked up per hit of the rare one
    both, first, last = scores("apartheid gen"), scores("apartheid"), scores("gen")
    assert both
    for key, score in both.items():
        assert score == pytest.approx(first[key] + last[key])


def test_search_gives_exactly_the_limit_best_first(index: SearchIndex) -> None:
    every = index.search("gender", 50)
    assert len(every) > 5
    assert index.search("gender", 5) == every[:5]
    assert index.search("gender", 1) == every[:1]


def test_a_label_on_a_node_no_pack_has_is_found_there(index: SearchIndex) -> None:
    index.update_user_doc(UserDoc(P, "Z.9", "bookmark", "zanzibar"))
    (hit,) = index.search("zanzibar")
    assert (hit.pack_id, hit.node_id, hit.note_id) == (P, "Z.9", None)


def test_removing_a_label_a_node_never_had_says_so(index: SearchIndex) -> None:
    assert index.remove_user_doc(P, "A.1", "bookmark") is False
    index.update_user_doc(UserDoc(P, "A.1", "bookmark", "zanzibar"))
    assert index.remove_user_doc(P, "A.1", "bookmark") is True
    assert index.search("zanzibar") == []
    assert index.remove_user_doc(P, "A.1", "bookmark") is False


def test_a_bookmark_label_with_a_note_id_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^a bookmark has no note_id$"):
        UserDoc(P, "A.1", "bookmark", "label", note_id="n1")
    with pytest.raises(ValueError, match=r"^a note needs a note_id$"):
        UserDoc(P, "A.1", "note", "text")


@pytest.mark.parametrize(
    ("codes", "body"),
    [
        ([0x41], "A"),
        ([0x41, 0x42, 0x43], "A-C"),
        ([0x41, 0x42, 0x43, 0x45, 0x47, 0x48], "A-CEG-H"),
        ([0x2D, 0x2E, 0x5D], r"\--\.\]"),
    ],
)
def test_a_character_class_matches_exactly_its_code_points(codes: list[int], body: str) -> None:
    assert _char_class(codes) == body
    pattern = re.compile(f"[{body}]")
    for code in range(0x20, 0x80):
        assert bool(pattern.fullmatch(chr(code))) == (code in codes), chr(code)


def test_only_the_matches_inside_a_snippet_are_highlighted() -> None:
    text = "hearing " + WORDS + " hearing " + WORDS + " hearing"
    snippet, spans = make_snippet(text, {"hearing"})
    assert snippet.startswith("hearing w00") and snippet.endswith("…")
    assert spans == ((0, 7),)


def notes_index(*texts: str) -> SearchIndex:
    """An index of nothing but these notes (n1, n2, ...), built note by note."""
    index = SearchIndex()
    for i, text in enumerate(texts, 1):
        index.update_user_doc(UserDoc(P, "A.1", "note", text, note_id=f"n{i}"))
    return index


def found(index: SearchIndex, query: str) -> list[str | None]:
    return [hit.note_id for hit in index.search(query)]


def test_an_index_built_note_by_note_finds_them() -> None:
    index = notes_index("kabul hearing", "kabuli hearing")
    assert found(index, "kabul") == ["n1", "n2"]  # the word as typed, then its completion
    assert set(found(index, "hearing")) == {"n1", "n2"}


def test_a_word_found_as_typed_does_not_bring_its_near_misses() -> None:
    index = notes_index("kabul hearing", "kabuli hearing")
    assert found(index, "kabul hearing") == ["n1"]


def test_two_letters_complete_only_as_the_last_word() -> None:
    index = notes_index("zanzibar hearing")
    assert found(index, "hearing za") == ["n1"]
    assert found(index, "za hearing") == []


def test_a_glossary_term_counts_a_little_less_than_a_recommendation(index: SearchIndex) -> None:
    scores = {hit.node_id: hit.score for hit in index.search("retaliation", 10)}
    assert (scores["B.2"], scores["term:retaliation"]) == (20.0, 18.0)  # both in the title


def test_a_phrase_narrows_the_words_it_comes_with() -> None:
    index = notes_index("kabul hearing notes", "hearing notes only")
    assert found(index, 'kabul "hearing notes"') == ["n1"]
    assert found(index, '"hearing notes"') == ["n1", "n2"]


def test_a_text_holding_the_field_separator_is_still_indexed_field_by_field() -> None:
    index = notes_index("alpha\x00beta\x00gamma")
    (hit,) = index.search("beta")
    assert hit.note_id == "n1" and "beta" in hit.snippet


def test_a_label_on_a_node_no_pack_has_is_found_from_the_start(library: Library) -> None:
    index = SearchIndex.build(library, [UserDoc(P, "Z.9", "bookmark", "zanzibar")])
    (hit,) = index.search("zanzibar")
    assert (hit.node_id, hit.note_id) == ("Z.9", None)
