"""The bundled French translation: valid, the same ids as the English pack, labelled unofficial."""

from __future__ import annotations

import re

import pytest

from gpp_tui.cli import main
from gpp_tui.content import bundled_pack_path, load_library, load_pack
from gpp_tui.content.loader import bundled_translation_paths
from gpp_tui.content.translation import check_translation
from gpp_tui.search import SearchIndex

FRENCH = bundled_pack_path().with_name("principles.fr.toml")
LABEL = (
    "Traduction non officielle\u00a0; le texte anglais de Women's Initiatives for Gender Justice "
    "fait foi."
)


def test_the_french_translation_validates_and_its_ids_match(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert FRENCH in bundled_translation_paths()

    status = main(["validate", str(FRENCH)])

    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert "'fr' translation of 'wigj-gpp' (ids match)" in out
    english, french = load_pack(bundled_pack_path()), load_pack(FRENCH)
    check_translation(english, french)
    assert list(french.nodes) == list(english.nodes)


def test_the_bundled_library_has_the_french_version_attached() -> None:
    library = load_library()

    assert library.languages == ("en", "fr")
    french = library.in_language("fr").pack("wigj-gpp")
    assert french is not None
    assert french.pack.translation_note == LABEL
    assert "traduction non officielle" in french.pack.title
    assert LABEL.removesuffix(".") in french.pack.description


def test_every_text_the_english_pack_has_is_translated() -> None:
    english, french = load_pack(bundled_pack_path()), load_pack(FRENCH)
    recs = {r.id: r for r in french.recommendations}

    for node_id, node in english.nodes.items():
        other = french.nodes[node_id]
        assert bool(other.text) == bool(node.text), node_id
        if node.text:
            assert other.text != node.text, node_id
    for rec in english.recommendations:
        mine = recs[rec.id]
        assert mine.title != rec.title and mine.context and mine.tags, rec.id
        for theirs, ours in zip(rec.references, mine.references, strict=True):
            assert ours.label and bool(ours.note) == bool(theirs.note), (rec.id, ours.label)


def test_french_signs_are_held_by_no_break_spaces() -> None:
    """As in the catalog (tests/unit/test_i18n.py): U+00A0 before : ; ! ? » and after «."""
    loose = [
        line
        for line in FRENCH.read_text(encoding="utf-8").splitlines()
        if not line.lstrip().startswith("#") and re.search(r"[ \u202f][:;!?»]|«[ \u202f]", line)
    ]
    assert loose == []


def test_icc_terms_are_the_official_french_ones() -> None:
    text = FRENCH.read_text(encoding="utf-8")

    for term in (
        "Statut de Rome",
        "Bureau du Procureur",
        "crimes contre l'humanité",
        "persécution fondée sur le genre",
        "Fonds au profit des victimes",
        "Unité d'aide aux victimes et aux témoins",
        "Règlement de procédure et de preuve",
        "Chambre préliminaire II",
    ):
        assert term in text, term
    for anglicism in (
        "Bureau du Procureur de la CPI de la",
        "Office du Procureur",
        "Fonds d'affectation",
    ):
        assert anglicism not in text


@pytest.mark.parametrize("language", ["en", "fr"])
def test_searching_in_french_finds_b2_for_represailles(language: str) -> None:
    library = load_library().in_language(language)

    hits = SearchIndex.build(library).search("représailles")

    assert hits[0].node_id == "B.2"
    assert SearchIndex.build(library).search("represailles")[0].node_id == "B.2"


def test_a_word_of_both_languages_shows_the_language_shown() -> None:
    library = load_library()

    english = SearchIndex.build(library).search("Al Hassan")[0]
    french = SearchIndex.build(library.in_language("fr")).search("Al Hassan")[0]

    assert english.node_id == french.node_id
    assert "Al Hassan" in english.snippet and "Al Hassan" in french.snippet
    assert english.snippet != french.snippet
    assert any(word in french.snippet for word in ("affaire", "charges", "jugement", "chef"))


def test_a_citation_of_the_french_text_names_the_english_as_authoritative() -> None:
    from gpp_tui.exchange.cite import citation
    from gpp_tui.exchange.provenance import source_of

    library = load_library().in_language("fr")
    node = library.find("B.2")
    assert node is not None

    for style in ("oscola", "plain"):
        text = citation(library, node, style)
        assert "Anti-Retaliation Safeguards" in text  # the original is what is cited
        assert text.endswith(LABEL)
    pack = library.pack("wigj-gpp")
    assert pack is not None
    # The translation's words are not attributed to the source's author as hers.
    assert source_of(pack, node) == LABEL
    assert LABEL not in citation(load_library(), node)


def test_a_result_found_only_in_the_translation_is_labelled_with_its_language() -> None:
    """English shown: "ordonnance" is only in the French text; each result says "in French"."""
    from gpp_tui.cli_search import hits_text

    hits = SearchIndex.build(load_library()).search("ordonnance")
    assert hits and all(hit.language == "fr" and "ordonnance" in hit.snippet for hit in hits)
    assert "D.2 Inclusive Reparations  [context, in French]" in hits_text(hits, 80)
    assert SearchIndex.build(load_library()).search("orders")[0].language == ""
