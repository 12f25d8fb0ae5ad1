"""Pilot tests: search-as-you-type, jumping to results and notes, composed filters, palette."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, TextArea

from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens.main import MainScreen
from gpp_tui.ui.screens.search import SearchScreen
from gpp_tui.ui.widgets.notes import NotesList

from .conftest import palette_offers
from .test_annotations import PACK, go, ready, saved, visible_ids

MakeApp = Callable[..., GppApp]


async def results(pilot: Pilot[Any]) -> list[str]:
    """The result headings shown, once the search worker has answered."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    options = pilot.app.screen.query_one("#search-results", OptionList)
    return [str(option.prompt).split("\n")[0] for option in options.options]


async def test_search_lists_b2_first_and_enter_jumps_there(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "A.1")
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"retaliation")
        shown = await results(pilot)
        assert shown[0].startswith("B.2 Anti-Retaliation Safeguards")
        await pilot.press("enter")  # one enter opens the top result
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.main_screen.current is not None and app.main_screen.current.id == "B.2"
        await pilot.press("backspace")
        await pilot.pause()
        assert app.main_screen.current is not None and app.main_screen.current.id == "A.1"


async def test_escape_returns_to_where_the_user_was(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "C.2")
        await pilot.press("slash", *"reparations")
        assert any("D.2" in line for line in await results(pilot))
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert app.main_screen.current is not None and app.main_screen.current.id == "C.2"
        await pilot.press("slash")  # the last query comes back
        assert app.screen.query_one(Input).value == "reparations"


async def test_a_word_only_in_a_note_finds_the_note(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await go(pilot, "B.3")
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("Interview with the Kandahar shura, دیدار")
        await pilot.press("ctrl+s")
        await saved(pilot)
        await go(pilot, "A.1")
        await pilot.press("slash", *"kandahar")
        shown = await results(pilot)
        assert shown and shown[0].startswith("note on B.3")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.main_screen.current is not None and app.main_screen.current.id == "B.3"
        assert isinstance(app.focused, NotesList)


async def test_text_filter_composes_with_the_bookmark_filter(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        for node_id in ("B.2", "D.2"):
            await go(pilot, node_id)
            await pilot.press("b")
        await pilot.press("F", "down", "enter")  # bookmarked
        await pilot.pause()
        assert set(visible_ids(app)) == {":pack", "B", "B.2", "D", "D.2"}
        await pilot.press("F")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        options.highlighted = next(
            i for i, option in enumerate(options.options) if option.id == "text"
        )
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"reparations", "enter")
        await pilot.pause()
        assert visible_ids(app) == [":pack", "D", "D.2"]
        assert "filter: bookmarked + 'reparations'" in app.sub_title


async def test_palette_runs_actions_by_name(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "C.1")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Bookmark")
        await palette_offers(pilot, "Bookmark")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.store is not None
        assert screen.store.annotations.node(PACK, "C.1").bookmark is not None
