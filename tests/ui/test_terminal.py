"""Pilot tests: settings file, key remaps, themes, small terminals."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.widgets import TextArea

from gpp_tui.content import Library
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens.help import HelpScreen
from gpp_tui.ui.screens.note_editor import NoteEditor

from .test_annotations import PACK, go, ready, saved

MakeApp = Callable[..., GppApp]


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    def write(text: str) -> Path:
        path = tmp_path / "config.toml"
        path.write_text(text, encoding="utf-8")
        monkeypatch.setenv("GPP_TUI_CONFIG", str(path))
        return path

    return write


async def test_settings_give_author_theme_and_keys(
    make_app: MakeApp, config_file: Callable[[str], Path]
) -> None:
    config_file(
        'author = "Amina K."\ntheme = "textual-light"\n[keys]\n"notes.bookmark" = "ctrl+b"\n'
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert app.theme == "textual-light"
        await go(pilot, "A.2")
        await pilot.press("ctrl+b")
        assert screen.store is not None
        assert screen.store.annotations.node(PACK, "A.2").bookmark is not None
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        app.screen.query_one(TextArea).insert("signed")
        await pilot.press("ctrl+s")
        await saved(pilot)
        (note,) = screen.store.annotations.notes_for(PACK, "A.2")
        assert note.author == "Amina K."
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)


async def test_bad_settings_are_reported_and_defaults_used(
    make_app: MakeApp, config_file: Callable[[str], Path]
) -> None:
    path = config_file('theme = "no-such-theme"\n[keys]\n"no.such.binding" = "x"\n')
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert any("unknown theme 'no-such-theme'" in m and str(path) in m for m in messages)
        assert any("keys.no.such.binding" in m for m in messages)
        assert app.theme == "textual-dark"


async def test_too_small_terminal_shows_one_clear_line_and_recovers(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(50, 14)) as pilot:
        await pilot.pause()
        notice = app.main_screen.query_one("#too-small")
        assert notice.display and notice.region.width > 0
        assert "Terminal too small" in str(notice.render())
        lines = [strip.text.strip() for strip in notice.render_lines(notice.size.region)]
        assert [line for line in lines if line] == ["Terminal too small: 50x14, needs 60x18"]
        await pilot.resize_terminal(20, 10)  # narrower than the line: cut, still one line
        await pilot.pause()
        lines = [strip.text.strip() for strip in notice.render_lines(notice.size.region)]
        assert len([line for line in lines if line]) == 1
        assert not app.main_screen.query_one("#body").display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.main_screen.query_one("#body").region.width == 80
        assert app.main_screen.query_one("#too-small").region.width == 0


CONSOLE_MISSING = "▏▕▔▁▎▊▀▄█╭╮╰╯━┃"
"""Block and rounded/heavy line glyphs Textual draws that a Linux console font lacks."""


async def test_linux_console_draws_only_glyphs_a_console_font_has(
    library: Library, tmp_path: Path
) -> None:
    app = GppApp(library, tmp_path / "data", environ={"TERM": "linux"})
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "B.2")
        main = app.export_screenshot()
        await pilot.press("n")  # the note editor: a text area, a field and a box
        await pilot.pause()
        editor = app.export_screenshot()
        await pilot.press("escape")
        await pilot.press("x")  # a list to choose from
        await pilot.pause()
        choice = app.export_screenshot()
        await pilot.press("escape", "question_mark", "pagedown")  # help: keys spelled out
        await pilot.pause()
        keys = app.export_screenshot()
        shown = re.sub(r"<[^>]+>", "", keys).replace("&#160;", " ")
        assert "alt+left" in shown  # the Back key, on the second page of the help
        assert app.get_key_display(Binding("backspace", "back", "Back")) == "backspace"
        for screen in (main, editor, choice, keys):
            assert not set(CONSOLE_MISSING + "↑↓←→⌫⏎") & set(screen)
        assert "Anti-Retaliation" in main
        await pilot.press("escape", "q")
    assert ScrollBar.renderer is ScrollBarRender  # other apps get Textual's bars back
