"""Pilot tests: the first start explains itself once, keeps the user's name, then never shows."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import TextArea

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens import welcome
from gpp_tui.ui.screens.main import MainScreen
from gpp_tui.ui.screens.welcome import WelcomeScreen

from .conftest import screen_text
from .test_annotations import PACK, go, ready, saved

MakeApp = Callable[..., GppApp]
REAL_FIRST_START = welcome.is_first_start  # taken before the autouse fixture replaces it
SETTINGS = '# my settings\ntheme = "textual-light"\n\n[keys]\n"notes.bookmark" = "ctrl+b"\n'


@pytest.fixture(autouse=True)
def with_welcome(monkeypatch: pytest.MonkeyPatch, no_welcome: None) -> Path:
    """The real first-start check, and a settings file with keys of its own."""
    monkeypatch.setattr(welcome, "is_first_start", REAL_FIRST_START)
    settings = Path(os.environ["GPP_TUI_CONFIG"])
    settings.write_text(SETTINGS, encoding="utf-8")
    return settings


async def shown(pilot: object, app: GppApp) -> None:
    for _ in range(100):
        if isinstance(app.screen, WelcomeScreen):
            return
        await pilot.pause(0.02)  # type: ignore[attr-defined]


async def test_first_start_welcomes_keeps_the_name_and_never_again(
    make_app: MakeApp, tmp_path: Path, with_welcome: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await shown(pilot, app)
        assert isinstance(app.screen, WelcomeScreen)
        text = " ".join(screen_text(app).replace("│", " ").split())
        assert "never leave this computer" in text
        assert "gpp encrypt" in text
        assert "Five keys to start" in text
        await pilot.press(*"Amina K.", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await go(pilot, "B.2")
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("written after the welcome")
        await pilot.press("ctrl+s")
        await saved(pilot)
        store = app.main_screen.store
        assert store is not None
        (note,) = store.annotations.notes_for(PACK, "B.2")
        assert note.author == "Amina K."
    settings = with_welcome.read_text(encoding="utf-8")
    assert tomllib.loads(settings) == {
        "author": "Amina K.",
        "theme": "textual-light",
        "keys": {"notes.bookmark": "ctrl+b"},
    }
    assert "# my settings" in settings

    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await ready(pilot)  # the welcome is pushed, or not, before the notes load
        assert isinstance(again.screen, MainScreen)


async def test_escape_skips_the_welcome_for_good(make_app: MakeApp, with_welcome: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await shown(pilot, app)
        await pilot.press(*"Nobody", "escape")
        assert isinstance(app.screen, MainScreen)
    assert with_welcome.read_text(encoding="utf-8") == SETTINGS  # no name was stored
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await ready(pilot)  # the welcome is pushed, or not, before the notes load
        assert isinstance(again.screen, MainScreen)


async def test_no_welcome_on_a_folder_that_has_notes(make_app: MakeApp, tmp_path: Path) -> None:
    with AnnotationStore(tmp_path / "data") as store, store.update() as edit:
        edit.add_note(PACK, "A.1", "an old note")
    (tmp_path / "data" / "state.toml").unlink(missing_ok=True)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)  # the welcome is pushed, or not, before the notes load
        assert isinstance(app.screen, MainScreen)


async def test_a_name_typed_by_mistake_is_shown_and_can_be_changed(
    make_app: MakeApp, with_welcome: Path
) -> None:
    """A user who types a search before reading sees the name it made, and mends it."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await shown(pilot, app)
        await pilot.press(*"/retaliation", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        told = [notice.message for notice in app._notifications]
        assert any("signed “/retaliation”" in message for message in told), told
        assert any("Your name" in message for message in told)
        app.action_change_name()
        await pilot.pause()
        field = app.screen.query_one("#prompt-input")
        assert getattr(field, "value", None) == "/retaliation"
        await pilot.press("escape")  # escape keeps the name as it was
        assert app.config.author == "/retaliation"
        app.action_change_name()
        await pilot.pause()
        await pilot.press("ctrl+u", *"Amina K.", "enter")
        await pilot.pause()
        await go(pilot, "B.2")
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("signed with the mended name")
        await pilot.press("ctrl+s")
        await saved(pilot)
        store = app.main_screen.store
        assert store is not None
        (note,) = store.annotations.notes_for(PACK, "B.2")
        assert note.author == "Amina K."
    assert tomllib.loads(with_welcome.read_text(encoding="utf-8"))["author"] == "Amina K."
