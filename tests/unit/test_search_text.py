"""The pieces under search: folding, query parsing, typo distance, vocabulary, snippets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gpp_tui.search import fold, parse_query, tokens
from gpp_tui.search.results import SNIPPET_WIDTH, make_snippet
from gpp_tui.search.text import FIELD_SEPARATOR, edit_distance, field_words, max_edits, words
from gpp_tui.search.vocabulary import Vocabulary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Réparations", ["reparations"]),
        ("Anti-Retaliation Safeguards", ["anti", "retaliation", "safeguards"]),
        ("ﬁnal Straße", ["final", "strasse"]),
        ("A\u011fr\u0131, \u0130stanbul", ["agr\u0131", "istanbul"]),  # dotless i stays
        ("Women\u2019s well-being", ["women", "s", "well", "being"]),
        ("آزار و اذیت", ["ازار", "و", "اذیت"]),
        ("می‌خواهم", ["میخواهم"]),  # a zero-width non-joiner inside the word
        ("كتاب ي", ["کتاب", "ی"]),  # Arabic kaf and yeh fold to the Persian letters
        ("۱۴۰۳ and ٢٠٢٤", ["1403", "and", "2024"]),
        ("art. 7(1)(h)", ["art", "7", "1", "h"]),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@given(st.text())
def test_folding_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.lists(st.text(), min_size=1, max_size=4))
def test_fields_split_like_each_field_alone(texts: list[str]) -> None:
    texts = [t.replace(FIELD_SEPARATOR, " ") for t in texts]
    assert field_words(fold(FIELD_SEPARATOR.join(texts))) == [tokens(t) for t in texts]


@given(st.lists(st.text(alphabet=st.characters(max_codepoint=127)), min_size=1, max_size=4))
def test_ascii_fields_split_like_the_general_path(texts: list[str]) -> None:
    texts = [t.replace(FIELD_SEPARATOR, " ") for t in texts]
    assert field_words(fold(FIELD_SEPARATOR.join(texts))) == [words(fold(t)) for t in texts]


def test_parse_query() -> None:
    query = parse_query('Witness  "Gender Apartheid" réparations "unclosed phrase')
    assert query.words == ("witness", "reparations")
    assert query.phrases == (("gender", "apartheid"), ("unclosed", "phrase"))
    assert parse_query("“witness protection”").phrases == (("witness", "protection"),)
    assert not parse_query(' " " ')


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("retaliation", "retaliation", 0),
        ("retalation", "retaliation", 1),
        ("retailation", "retaliation", 1),  # neighbours swapped
        ("retaliatoin", "retaliation", 1),
        ("retaliating", "retaliation", 2),
        ("harm", "farm", 1),
        ("", "abc", 3),
    ],
)
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b) == distance
    assert edit_distance(b, a) == distance


def test_edit_distance_stops_past_its_limit() -> None:
    assert edit_distance("persecution", "prosecution", 1) == 2
    assert edit_distance("a", "abcdef", 2) == 3


def test_max_edits_grows_with_the_word() -> None:
    assert [max_edits("x" * n) for n in (3, 4, 7, 8)] == [0, 1, 1, 2]


def test_vocabulary_completes_and_corrects() -> None:
    vocabulary = Vocabulary(["retaliation", "retaliating", "reparations", "harm", "harmful"])
    assert vocabulary.completions("retal") == ["retaliating", "retaliation"]
    assert vocabulary.completions("harm") == ["harmful"]
    assert vocabulary.near("retaliatin", 2) == [("retaliating", 1), ("retaliation", 1)]
    assert vocabulary.near("retalation", 2) == [("retaliation", 1)]
    assert vocabulary.near("hram", 1) == [("harm", 1)]
    vocabulary.discard("harm")
    assert "harm" not in vocabulary and vocabulary.near("hram", 1) == []
    vocabulary.add("harm")
    assert vocabulary.near("hram", 1) == [("harm", 1)]
    assert len(vocabulary) == 5


@given(
    st.lists(st.text("abcdr", min_size=1, max_size=10), max_size=30),
    st.text("abcdr", min_size=4, max_size=10),
)
def test_vocabulary_near_finds_exactly_the_words_within_reach(words: list[str], word: str) -> None:
    limit = max_edits(word)
    expected = sorted(
        (w, d) for w in set(words) if w != word and (d := edit_distance(word, w)) <= limit
    )
    assert sorted(Vocabulary(words).near(word, limit)) == expected


def test_snippet_of_a_short_text_is_the_text() -> None:
    assert make_snippet("Anti-Retaliation Safeguards", {"retaliation"}) == (
        "Anti-Retaliation Safeguards",
        ((5, 16),),
    )


def test_snippet_of_a_long_text_centres_on_the_first_match() -> None:
    text = "\n" + " ".join(f"word{i}" for i in range(60)) + " Réparation order " + "tail " * 30
    snippet, spans = make_snippet(text, {"reparation"})
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) <= SNIPPET_WIDTH + 2
    ((start, end),) = spans
    assert snippet[start:end] == "Réparation"
    assert start > 5  # some words lead up to the match


def test_snippet_without_a_match_shows_the_start() -> None:
    snippet, spans = make_snippet("  First words of a note\nsecond line", set())
    assert (snippet, spans) == ("First words of a note second line", ())
