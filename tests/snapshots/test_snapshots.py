"""Snapshots of the main screen at the sizes users have: 80x24 and 120x40."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from gpp_tui import i18n
from gpp_tui.content import Library, load_library
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens import welcome

REAL_FIRST_START = welcome.is_first_start  # before the autouse fixture replaces it


def _app(tmp_path: Path, term: str = "xterm") -> GppApp:
    return GppApp(load_library(), tmp_path / "data", environ={"TERM": term})


async def _loaded(pilot: Pilot[Any]) -> None:
    """Wait for the annotations (loaded off the UI thread) so every run looks the same."""
    app = pilot.app
    assert isinstance(app, GppApp)
    for _ in range(200):
        if app.main_screen.store is not None:
            break
        await pilot.pause(0.02)
    await pilot.pause()


async def _open_a1(pilot: Pilot[Any]) -> None:
    await _loaded(pilot)
    await pilot.press("j", "j", "enter", "j")
    await pilot.pause()


async def _open_help(pilot: Pilot[Any]) -> None:
    await _loaded(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_main_screen(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=_open_a1)


def test_main_screen_linux_console(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(_app(tmp_path, "linux"), terminal_size=(80, 24), run_before=_open_a1)


def test_help_screen(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=(80, 24), run_before=_open_help)


def test_main_screen_200x60(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=(200, 60), run_before=_open_a1)


def test_main_screen_60x18(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=(60, 18), run_before=_open_a1)


def test_main_screen_no_color(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(_app(tmp_path), terminal_size=(80, 24), run_before=_open_a1)


def test_main_screen_light_theme(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('theme = "textual-light"\n', encoding="utf-8")
    monkeypatch.setenv("GPP_TUI_CONFIG", str(config))
    assert snap_compare(_app(tmp_path), terminal_size=(80, 24), run_before=_open_a1)


def test_too_small_terminal(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=(50, 14), run_before=_loaded)


async def _welcome_shown(pilot: Pilot[Any]) -> None:
    """Wait for the welcome screen (pushed once the first frame is painted)."""
    await _loaded(pilot)
    for _ in range(200):
        if isinstance(pilot.app.screen, welcome.WelcomeScreen):
            break
        await pilot.pause(0.02)
    from textual.widgets import Input

    pilot.app.screen.query_one(Input).cursor_blink = False  # a blink would differ run to run
    await pilot.pause()


def test_welcome_screen(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(welcome, "is_first_start", REAL_FIRST_START)
    monkeypatch.setenv("HOME", str(tmp_path))  # the data folder is shown as ~/data
    assert snap_compare(_app(tmp_path), terminal_size=(80, 24), run_before=_welcome_shown)


async def _side_by_side_b2(pilot: Pilot[Any]) -> None:
    await _loaded(pilot)
    app = pilot.app
    assert isinstance(app, GppApp)
    app.jump_to("wigj-gpp", "B.2")
    await pilot.pause()
    await pilot.press("S")
    await app.workers.wait_for_complete()
    await pilot.pause()


def test_side_by_side_120x40(snap_compare: Any, tmp_path: Path) -> None:
    """B.2 in English and French next to each other, each labelled, the review below."""
    assert snap_compare(_app(tmp_path), terminal_size=(120, 40), run_before=_side_by_side_b2)


@pytest.fixture
def french() -> Iterator[Library]:
    """The interface and the principles in French, for one snapshot."""
    assert i18n.use_language("fr")
    yield load_library().in_language("fr")
    i18n.use_language("en")


def _french_app(library: Library, tmp_path: Path) -> GppApp:
    return GppApp(library, tmp_path / "data", environ={"TERM": "xterm"})


async def _open_b2(pilot: Pilot[Any]) -> None:
    await _loaded(pilot)
    app = pilot.app
    assert isinstance(app, GppApp)
    app.jump_to("wigj-gpp", "B.2")
    await pilot.pause()


async def _french_note_editor(pilot: Pilot[Any]) -> None:
    from textual.widgets import TextArea

    await _open_b2(pilot)
    await pilot.press("n", *"Entretien du 3 mars : témoin à revoir.")
    pilot.app.screen.query_one(TextArea).cursor_blink = False
    await pilot.pause()


def test_french_main_screen(snap_compare: Any, tmp_path: Path, french: Library) -> None:
    """Every word of the interface in French at 80x24: header, tree, detail pane, footer."""
    assert snap_compare(_french_app(french, tmp_path), terminal_size=(80, 24), run_before=_open_b2)


def test_french_help_screen(snap_compare: Any, tmp_path: Path, french: Library) -> None:
    assert snap_compare(
        _french_app(french, tmp_path), terminal_size=(80, 24), run_before=_open_help
    )


def test_french_note_editor(snap_compare: Any, tmp_path: Path, french: Library) -> None:
    assert snap_compare(
        _french_app(french, tmp_path), terminal_size=(80, 24), run_before=_french_note_editor
    )
