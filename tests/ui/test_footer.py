"""Pilot tests: the footer shows whole items that fit, Help and Quit always, at three sizes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea
from textual.widgets._footer import FooterKey

from gpp_tui.ui.app import GppApp
from gpp_tui.ui.widgets.footer import FittingFooter

from .conftest import screen_text, until
from .test_annotations import go, ready, saved

MakeApp = Callable[..., GppApp]
SIZES = [(60, 18), (80, 24), (120, 40)]


async def check_footer(pilot: Pilot[Any], where: str) -> None:
    """Every key shown has its label, q Quit and ? Help are there, nothing is cut."""
    await pilot.pause(0.2)
    app = pilot.app
    footer = app.main_screen.query_one(FittingFooter)
    keys = list(footer.query(FooterKey))
    assert keys, where
    assert all(key.description for key in keys), where
    shown = {(key.key_display, key.description) for key in keys}
    assert ("q", "Quit") in shown, where
    assert ("?", "Help") in shown, where
    width = sum(key.outer_size.width for key in keys)
    assert width <= app.size.width, where
    last_line = screen_text(app).rstrip("\n").splitlines()[-1]
    assert "q Quit" in last_line, (where, last_line)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_footer_fits_everywhere(make_app: MakeApp, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await check_footer(pilot, "tree")
        await go(pilot, "B")
        await pilot.press("tab")
        await check_footer(pilot, "detail pane")
        await pilot.press("f")
        await check_footer(pilot, "links")
        await go(pilot, "A.1")
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("a note")
        await pilot.press("ctrl+s")
        await saved(pilot)
        await pilot.press("N")
        await check_footer(pilot, "notes")
        keys = {key.description for key in app.main_screen.query(FooterKey)}
        if size[0] >= 80:
            assert "Delete note" in keys  # the focused part's own key comes early
        await pilot.press("question_mark")
        await check_footer(pilot, "help")
        await pilot.press("escape", "F")
        await check_footer(pilot, "filter dialog")
        await pilot.press("escape", "slash")
        await check_footer(pilot, "search")


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_header_keeps_the_area_and_the_filter(
    make_app: MakeApp, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await go(pilot, "C.1")
        await pilot.press("b", "F", "j", "enter")  # bookmark it, then show bookmarked nodes
        await until(pilot, lambda: "filter: bookmarked" in screen_text(app).splitlines()[0])
        header = screen_text(app).splitlines()[0]
        assert "…" not in header, header
        assert "filter: bookmarked" in header, header
        assert ("C 0/" in header) or ("Participation: 0 of" in header), header


@pytest.mark.parametrize("ascii_only", [False, True], ids=["unicode", "ascii"])
async def test_the_focused_pane_has_a_bar(make_app: MakeApp, ascii_only: bool) -> None:
    from gpp_tui.ui.widgets.detail import DetailPane
    from gpp_tui.ui.widgets.principles_tree import PrinciplesTree

    app = make_app(ascii_only=ascii_only)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        tree = app.main_screen.query_one(PrinciplesTree)
        pane = app.main_screen.query_one(DetailPane)
        assert tree.styles.border_right[0] == "outer"  # a shape, seen without colour
        assert pane.styles.border_left[0] == "blank"
        await pilot.press("tab")
        await pilot.pause()
        assert tree.styles.border_right[0] != "outer"
        assert pane.styles.border_left[0] == "outer"
        await pilot.press("f")  # a list inside the pane: the pane keeps its bar
        await pilot.pause()
        assert pane.styles.border_left[0] == "outer"
