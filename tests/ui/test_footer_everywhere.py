"""Pilot tests: every screen and dialog says how to quit in its footer; quitting keeps work."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea
from textual.widgets._footer import FooterKey

from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens import welcome
from gpp_tui.ui.screens.help import HelpScreen
from gpp_tui.ui.screens.lock import LockScreen
from gpp_tui.ui.screens.main import MainScreen
from gpp_tui.ui.screens.note_editor import NoteEditor
from gpp_tui.ui.widgets.footer import FittingFooter

from .conftest import screen_text
from .test_annotations import go, ready

MakeApp = Callable[..., GppApp]
SIZES = [(60, 18), (80, 24), (120, 40)]
REAL_FIRST_START = welcome.is_first_start


async def quit_shown(pilot: Pilot[Any], where: str, key: str) -> None:
    """The top screen's own footer: whole items only, and `key Quit` on the last line."""
    await pilot.pause(0.2)
    app = pilot.app
    footer = app.screen.query_one(FittingFooter)
    keys = list(footer.query(FooterKey))
    assert all(item.description for item in keys), where
    assert (key, "Quit") in {(item.key_display, item.description) for item in keys}, where
    assert sum(item.outer_size.width for item in keys) <= app.size.width, where
    last_line = screen_text(app).rstrip("\n").splitlines()[-1]
    assert f"{key} Quit" in last_line, (where, last_line)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_every_screen_says_how_to_quit(make_app: MakeApp, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await go(pilot, "A.1")
        await quit_shown(pilot, "main", "q")
        await pilot.press("question_mark")
        await quit_shown(pilot, "help", "q")
        await pilot.press("escape", "slash")
        await quit_shown(pilot, "search query (q is a letter there)", "^q")
        await pilot.press(*"gender", "down")
        await quit_shown(pilot, "search results", "q")
        await pilot.press("escape", "F")
        await quit_shown(pilot, "filter choice", "q")
        await pilot.press("escape", "b", "B")
        await quit_shown(pilot, "bookmarks", "q")
        await pilot.press("L")
        await quit_shown(pilot, "label prompt", "^q")
        await pilot.press("escape", "escape", "c")
        await quit_shown(pilot, "citation", "q")
        await pilot.press("escape", "x")
        await quit_shown(pilot, "export choice", "q")
        await pilot.press("escape", "n")
        await quit_shown(pilot, "note editor", "^q")
        app.screen.query_one(TextArea).insert("unsaved words")
        await pilot.press("tab")
        await quit_shown(pilot, "note tags", "^q")
        await pilot.press("escape")
        await quit_shown(pilot, "discard confirmation", "q")
        await pilot.press("escape", "escape", "y")  # not now, close again, yes: discard it
        assert isinstance(app.screen, MainScreen)
        await pilot.press("ctrl+l")
        await pilot.pause(0.2)
        assert isinstance(app.screen, LockScreen)
        await quit_shown(pilot, "lock screen", "q")


async def test_the_welcome_screen_says_ctrl_q(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(welcome, "is_first_start", REAL_FIRST_START)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            if isinstance(app.screen, welcome.WelcomeScreen):
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, welcome.WelcomeScreen)
        await quit_shown(pilot, "welcome (its name field takes letters)", "^q")
        await pilot.press("q")
        assert app.is_running  # q is a letter of the name there


async def test_q_quits_from_help(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_q_in_the_editor_keeps_the_text_as_a_draft(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "B.2")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"typed just before quitting")  # less than a draft interval ago
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running
    drafts = list((tmp_path / "data" / "drafts").iterdir())
    assert any("typed just before quitting" in p.read_text(encoding="utf-8") for p in drafts)
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.pause(0.2)
        assert "typed just before quitting" in screen_text(again)  # offered back


async def test_words_typed_right_after_slash_reach_the_search(make_app: MakeApp) -> None:
    """Typed at once (a paste, a slow link): "/retaliation" reaches the search; enter opens B.2."""
    from textual import events
    from textual.widgets import Input

    from gpp_tui.ui.screens.search import SearchScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        for key, character in [("slash", "/"), *((c, c) for c in "retaliation")]:
            app.post_message(events.Key(key, character))
        for _ in range(100):
            screen = app.screen
            typed = isinstance(screen, SearchScreen) and bool(screen.query(Input))
            if typed and screen.query_one(Input).value == "retaliation":
                break
            await pilot.pause(0.01)
        assert app.screen.query_one(Input).value == "retaliation"
        await pilot.press("enter")  # at once: the results may not be in yet
        await pilot.pause(0.5)
        node = app.main_screen.current
        assert node is not None and node.id == "B.2"
