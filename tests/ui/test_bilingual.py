"""Pilot tests: the principles in French and English in the app, and side by side at 120 columns."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from gpp_tui.content import Library
from gpp_tui.store.state import AppState, load_state, save_state
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens.citation import CitationScreen
from gpp_tui.ui.widgets.principles_tree import PrinciplesTree

from .conftest import detail_text, screen_text
from .test_annotations import PACK, go, ready
from .test_review_first import seed

MakeApp = Callable[..., GppApp]
UNOFFICIAL = (
    "Traduction non officielle\u00a0; le texte anglais de Women's Initiatives for Gender Justice "
    "fait foi"
)
B2_EN = "Ensure survivors' safety during justice processes."
B2_FR = "Assurer la sécurité des personnes survivantes au cours des procédures judiciaires."


@pytest.fixture
def english_only(library: Library) -> Library:
    """The bundled pack without its translation: the app reads it on the first switch."""
    return Library(library.packs)


async def switch(pilot: Pilot[Any], key: str = "ctrl+t") -> None:
    """Press a language key and wait for the translation to be read (off the UI thread)."""
    await pilot.press(key)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def messages(app: GppApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_switch_to_french_and_back_keeps_place_notes_and_open_nodes(
    make_app: MakeApp, english_only: Library, tmp_path: Path
) -> None:
    seed(tmp_path / "data", "B.2", "Witness W-7 fears reprisals.")
    app = make_app(english_only)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "A.2")
        await go(pilot, "B.2")
        tree = screen.query_one(PrinciplesTree)
        opened = tree._expanded_places()
        # Not read for the first paint (the search index reads them later, off the UI thread).
        assert screen.session.library.alternates == ()

        await switch(pilot)
        text = detail_text(app)
        assert "Garanties contre les représailles" in text
        assert B2_FR in text
        assert UNOFFICIAL in text
        assert "Recommendation (unofficial translation)" in text
        assert "source text" not in text
        assert "Witness W-7 fears reprisals." in text  # the note is the node's, in any language
        assert screen.current is not None and screen.current.id == "B.2"
        assert tree._expanded_places() == opened
        assert tree.cursor_node is not None and tree.cursor_node.data is screen.current
        assert any(m.startswith("Principles in French") for m in messages(app))
        assert screen.session.stale_notes(screen.current) == set()

        await switch(pilot)
        text = detail_text(app)
        assert "Anti-Retaliation Safeguards" in text and B2_EN in text
        assert "Recommendation (source text)" in text
        assert UNOFFICIAL not in text
        assert "Witness W-7 fears reprisals." in text
        assert screen.current is not None and screen.current.id == "B.2"
        assert tree._expanded_places() == opened


async def test_the_choice_is_remembered_for_the_next_start(
    make_app: MakeApp, english_only: Library, tmp_path: Path
) -> None:
    app = make_app(english_only)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await go(pilot, "B.2")
        await switch(pilot)
    assert load_state(tmp_path / "data").language == "fr"
    again = make_app(english_only)
    async with again.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await go(pilot, "B.2")
        assert B2_FR in detail_text(again)
    given = make_app(english_only, language_given=True)  # gpp --lang en: English wins
    async with given.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await go(pilot, "B.2")
        assert B2_EN in detail_text(given)


async def test_a_note_written_on_the_translation_is_not_flagged_in_english(
    make_app: MakeApp, english_only: Library
) -> None:
    app = make_app(english_only)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "B.2")
        await switch(pilot)
        screen.run(lambda: screen.session.save_note("Noted in French"))
        await switch(pilot)
        node = screen.current
        assert node is not None and node.text.strip() == B2_EN
        assert screen.session.stale_notes(node) == set()


async def test_side_by_side_at_120x40_shows_both_texts_labelled(
    make_app: MakeApp, english_only: Library, tmp_path: Path
) -> None:
    seed(tmp_path / "data", "B.2", "Witness W-7 fears reprisals.")
    app = make_app(english_only)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "B.2")
        await switch(pilot, "S")
        assert screen.side_by_side
        shown = screen_text(app)
        assert "Original (English), authoritative" in shown
        assert "Translation (French), unofficial" in shown
        assert "Ensure survivors' safety" in shown
        assert "Assurer la sécurité" in shown
        assert "Traduction non officielle" in shown
        assert "Witness W-7 fears reprisals." in shown  # the review is still on the first screen
        text = detail_text(app)
        order = ["Original (English)", "Translation (French)", "Your review", "Witness W-7"]
        assert [text.index(p) for p in order] == sorted(text.index(p) for p in order)
        await pilot.press("S")
        await pilot.pause()
        assert "Translation (French), unofficial" not in screen_text(app)
        assert "Recommendation (source text)" in detail_text(app)
    assert load_state(tmp_path / "data").side_by_side is False


async def test_side_by_side_says_why_not_at_80x24(make_app: MakeApp, english_only: Library) -> None:
    app = make_app(english_only)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "B.2")
        await switch(pilot, "S")
        assert not screen.side_by_side
        assert "Side by side needs 120 columns; this terminal has 80" in messages(app)
        assert "Translation (French)" not in screen_text(app)


async def test_citation_and_export_follow_the_language_shown(
    make_app: MakeApp, english_only: Library, tmp_path: Path
) -> None:
    app = make_app(english_only)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "B.2")
        screen.run(lambda: screen.session.save_note("Witness W-7 fears reprisals."))
        await switch(pilot)
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CitationScreen)
        cited = str(dialog.query_one("#citation-text", Static).content)
        # The citation names the English original and says it is the authoritative text.
        assert "'Anti-Retaliation Safeguards'" in cited
        assert UNOFFICIAL in cited
        await pilot.press("escape")
        out = tmp_path / "review.md"
        screen.session.export("md", out)
        review = out.read_text(encoding="utf-8")
        assert B2_FR in review
        assert UNOFFICIAL in review
        assert "Witness W-7 fears reprisals." in review
        # Written on the English text: the French export does not call the source changed.
        assert "has changed since this note was written" not in review


async def test_keys_are_in_help_and_palette(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        groups = app.binding_groups()
        ids = {getattr(binding, "id", None) for _, bindings in groups for binding in bindings}
        assert {"content.language", "content.side_by_side"} <= ids
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert any(t.startswith("Language  ") for t in titles)
        assert any(t.startswith("Side by side  ") for t in titles)


async def test_one_language_only_says_so(make_app: MakeApp, english_only: Library) -> None:
    app = make_app(english_only)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        screen.session.languages._everything = english_only  # no translation to be found
        await switch(pilot)
        assert "These principles come in one language only" in messages(app)
        assert PACK in {p.pack.id for p in screen.session.library.packs}


async def test_side_by_side_comes_back_at_the_next_start_where_the_user_was(
    make_app: MakeApp, english_only: Library, tmp_path: Path
) -> None:
    save_state(tmp_path / "data", AppState(PACK, "C.1", "", True))
    app = make_app(english_only)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.current is not None and screen.current.id == "C.1"
        assert "Translation (French), unofficial" in detail_text(app)


async def test_side_by_side_steps_aside_in_a_narrow_terminal_and_comes_back(
    make_app: MakeApp, english_only: Library
) -> None:
    app = make_app(english_only)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "B.2")
        await switch(pilot, "S")
        assert "Translation (French), unofficial" in detail_text(app)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert screen.side_by_side  # still asked for
        assert "Translation (French), unofficial" not in screen_text(app)
        assert "Translation (French), unofficial" not in detail_text(app)
        assert "Recommendation (source text)" in detail_text(app)
        await pilot.resize_terminal(130, 40)
        await pilot.pause()
        assert "Translation (French), unofficial" in screen_text(app)
