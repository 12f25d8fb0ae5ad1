"""The content language in the session: switching between the original and its translation."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpp_tui.content import Library, load_library
from gpp_tui.content.loader import with_bundled_translations
from gpp_tui.session import Refused, Session
from gpp_tui.session.languages import (
    language_name,
    next_language,
    original_language,
    parallel,
    shown_language,
)
from gpp_tui.store.state import AppState, load_state, save_state

PACK = "wigj-gpp"


@pytest.fixture(scope="module")
def everything() -> Library:
    return load_library()


@pytest.fixture
def english_only(everything: Library) -> Library:
    return Library(everything.packs)


def test_bundled_translations_are_attached_once(english_only: Library) -> None:
    full = with_bundled_translations(english_only)
    assert full.languages == ("en", "fr")
    assert with_bundled_translations(full) is full  # nothing added twice
    french = full.in_language("fr").packs[0]
    assert french.pack.id == PACK and french.pack.is_translation


def test_next_language_goes_to_the_translation_and_back(everything: Library) -> None:
    assert next_language(everything) == "fr"
    assert next_language(everything, "fr_FR.UTF-8") == "fr"
    french = everything.in_language("fr")
    assert shown_language(french) == "fr" and original_language(french) == "en"
    assert next_language(french) == "en"
    assert next_language(Library(everything.packs)) is None


def test_parallel_pairs_the_original_with_the_translation(everything: Library) -> None:
    node = everything.packs[0].nodes["B.2"]
    pair = parallel(everything, node)
    assert pair is not None
    assert pair.original is node and pair.original_pack.language == "en"
    assert pair.translation.title == "Garanties contre les représailles"
    assert pair.translation_pack.is_translation
    french = everything.in_language("fr")
    again = parallel(french, french.packs[0].nodes["B.2"])
    assert again is not None and again.original.title == "Anti-Retaliation Safeguards"
    assert parallel(Library(everything.packs), node) is None


def test_language_names_follow_the_interface() -> None:
    assert language_name("en") == "English"
    assert language_name("fr-CA") == "French"
    assert language_name("de") == "de"


def test_session_switches_in_place_and_reads_translations_once(
    english_only: Library, tmp_path: Path
) -> None:
    session = Session(english_only, tmp_path)
    session.load()
    b2 = session.find("B.2")
    assert b2 is not None
    session.open(b2)
    assert not session.languages.loaded
    changed = session.show_language()
    assert session.languages.loaded
    assert changed.message.startswith("Principles in French: Traduction non officielle")
    assert not changed.needs_save
    assert session.current is not None and session.current.title.startswith("Garanties")
    session.save_note("written on the French text")
    # The note is on the node, checked against the English text: not "source changed".
    assert session.source_text(session.current) == b2.text
    assert session.stale_notes(session.current) == set()
    back = session.show_language()
    assert back.message == "Principles in English, the original text"
    assert session.current is not None and session.current.text == b2.text
    assert [n.text for n in session.notes()] == ["written on the French text"]
    assert session.stale_notes(session.current) == set()
    assert session.finder.search("représailles", 5)[0].node_id == "B.2"


def test_one_language_only_is_refused(english_only: Library, tmp_path: Path) -> None:
    session = Session(english_only, tmp_path)
    session.languages._everything = english_only
    with pytest.raises(Refused, match="one language only"):
        session.show_language()


def test_the_state_remembers_the_language_and_side_by_side(tmp_path: Path) -> None:
    save_state(tmp_path, AppState(PACK, "B.2", "fr", True))
    assert load_state(tmp_path) == AppState(PACK, "B.2", "fr", True)
    save_state(tmp_path, AppState(PACK, "B.2"))
    assert "content" not in (tmp_path / "state.toml").read_text(encoding="utf-8")
    (tmp_path / "state.toml").write_text(
        '[last]\npack = "p"\nnode = "n"\n[content]\nlanguage = 3\nside_by_side = "yes"\n',
        encoding="utf-8",
    )
    assert load_state(tmp_path) == AppState("p", "n")


def test_search_finds_french_words_before_any_switch(english_only: Library, tmp_path: Path) -> None:
    session = Session(english_only, tmp_path)
    session.load()
    hits = session.finder.search("représailles", 5)
    assert hits and hits[0].node_id == "B.2"
    assert shown_language(session.library) == "en"  # searched in French, still shown in English


def test_plain_mode_switches_the_language_on_the_same_node(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from plain_helpers import assert_plain, run_plain

    typed = "open B.2\nlanguage\nread\nlang\nread\nquit\n"
    status, out = run_plain(capsys, monkeypatch, tmp_path / "data", typed)
    assert status == 0
    assert_plain(out)
    assert "Principles in French: Traduction non officielle" in out
    assert "Garanties contre les représailles" in out
    assert "Assurer la sécurité des personnes survivantes" in out
    assert "Principles in English, the original text." in out
    assert out.rindex("Ensure survivors' safety") > out.index("Assurer la sécurité")
