"""Pilot tests: one set of movement keys (j/k, g/G, home/end, ctrl+d/u) in every pane and list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, TextArea

from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens.bookmarks import BookmarksScreen
from gpp_tui.ui.screens.choice import ChoiceScreen
from gpp_tui.ui.screens.help import HelpScreen
from gpp_tui.ui.screens.main import MainScreen
from gpp_tui.ui.screens.search import SearchScreen
from gpp_tui.ui.widgets.detail import DetailPane
from gpp_tui.ui.widgets.nav_keys import KeyedScroll
from gpp_tui.ui.widgets.notes import NotesList
from gpp_tui.ui.widgets.principles_tree import PrinciplesTree

from .test_annotations import go, ready, saved

MakeApp = Callable[..., GppApp]


async def walk_list(pilot: Pilot[Any], options: OptionList) -> None:
    """j/k, G/g, end/home and ctrl+d/ctrl+u move the highlight of `options`."""
    assert options.option_count >= 3
    await pilot.press("g")
    assert options.highlighted == 0
    await pilot.press("j")
    assert options.highlighted == 1
    await pilot.press("k")
    assert options.highlighted == 0
    await pilot.press("G")
    assert options.highlighted == options.option_count - 1
    await pilot.press("home")
    assert options.highlighted == 0
    await pilot.press("end")
    assert options.highlighted == options.option_count - 1
    await pilot.press("ctrl+u")
    assert options.highlighted is not None and options.highlighted < options.option_count - 1
    await pilot.press("ctrl+d")
    assert options.highlighted == options.option_count - 1


async def walk_scroll(pilot: Pilot[Any], pane: KeyedScroll) -> None:
    """j/k, G/g, end/home and ctrl+d/ctrl+u scroll `pane`, with no animation."""
    assert pane.max_scroll_y > 2
    await pilot.press("j")
    assert pane.scroll_y == 1
    await pilot.press("k")
    assert pane.scroll_y == 0
    await pilot.press("G")
    assert pane.scroll_y == pane.max_scroll_y  # at once: no animation
    await pilot.press("g")
    assert pane.scroll_y == 0
    await pilot.press("end")
    assert pane.scroll_y == pane.max_scroll_y
    await pilot.press("home")
    assert pane.scroll_y == 0
    await pilot.press("ctrl+d")
    assert pane.scroll_y > 1
    await pilot.press("ctrl+u")
    assert pane.scroll_y == 0


async def test_tree_keys(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        tree = app.main_screen.query_one(PrinciplesTree)
        tree.focus()
        await pilot.press("G")
        assert tree.cursor_line == tree.last_line
        await pilot.press("g")
        assert tree.cursor_line == 0
        await pilot.press("j", "j")
        assert tree.cursor_line == 2
        await pilot.press("k")
        assert tree.cursor_line == 1
        await pilot.press("end")
        assert tree.cursor_line == tree.last_line
        await pilot.press("home", "ctrl+d")
        assert tree.cursor_line > 1
        await pilot.press("ctrl+u")
        assert tree.cursor_line == 0


async def test_detail_pane_keys(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "B.2")
        pane = app.main_screen.query_one(DetailPane)
        pane.focus()
        await pilot.pause()
        await walk_scroll(pilot, pane)


async def test_help_keys(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await walk_scroll(pilot, app.screen.query_one(KeyedScroll))
        await pilot.press("escape")  # q quits from help as from everywhere (its footer says so)
        assert isinstance(app.screen, MainScreen)


async def test_links_keys(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "B")  # an area: a link to each of its recommendations
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.focused, OptionList)
        await walk_list(pilot, app.focused)


async def test_notes_keys(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "A.1")
        for n in range(4):
            await pilot.press("n")
            app.screen.query_one(TextArea).insert(f"note {n}")
            await pilot.press("ctrl+s")
            await saved(pilot)
        await pilot.press("N")
        await pilot.pause()
        assert isinstance(app.focused, NotesList)
        await walk_list(pilot, app.focused)


async def test_search_results_keys_and_down(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"women")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert isinstance(app.focused, Input)
        await pilot.press("down")
        assert isinstance(app.focused, OptionList)
        await walk_list(pilot, app.focused)


async def test_filter_dialog_and_bookmarks_keys(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("F")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await walk_list(pilot, app.screen.query_one(OptionList))
        await pilot.press("escape")
        for node_id in ("A.1", "B.2", "C.1"):
            await go(pilot, node_id)
            await pilot.press("b")
        await saved(pilot)
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        await walk_list(pilot, app.screen.query_one(OptionList))


async def test_movement_keys_are_remappable(make_app: MakeApp) -> None:
    from gpp_tui.store.config import Config

    app = make_app(config=Config(keys={"move.down": "ctrl+n"}))
    assert not app.config_problems
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        pane = app.screen.query_one(KeyedScroll)
        await pilot.press("ctrl+n")
        assert pane.scroll_y == 1


async def test_palette_entries_show_their_key(make_app: MakeApp) -> None:
    from gpp_tui.store.config import Config

    app = make_app(config=Config(keys={"notes.bookmark": "ctrl+b"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Search  /" in titles
        assert "Bookmark  ^b" in titles  # the remapped key, not the default
        assert "Mark reviewed  2" in titles


async def test_ascii_palette_has_no_emoji(make_app: MakeApp) -> None:
    from textual.command import SearchIcon

    app = make_app(ascii_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.pause()
        assert all(icon.icon == ">" for icon in app.screen.query(SearchIcon))
        text = screen_text_of(app)
        assert "🔎" not in text and "▔" not in text and "▁" not in text, text
        titles = [str(command.title) for command in app.get_system_commands(app.screen)]
        assert not any(title.startswith("Theme") for title in titles)  # 16 colours only


async def test_palette_has_our_commands_not_textuals_panels(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        commands = {str(c.title): str(c.help) for c in app.get_system_commands(app.screen)}
        titles = [title.split("  ")[0] for title in commands]
        for textuals in ("Keys", "Maximize", "Minimize", "Screenshot"):
            assert textuals not in titles
        assert commands["Quit  q"] == (
            "Saves everything first; a note being written is kept as a draft"
        )
        for title in ("Redo  U", "Label bookmark  L", "Back  ⌫", "Forward  alt+→", "Theme"):
            assert title in commands, sorted(commands)


async def test_filter_dialog_marks_the_active_filter(make_app: MakeApp) -> None:
    from gpp_tui.ui.screens.prompt import PromptScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "B.2")
        await pilot.press("b", "F")
        await pilot.pause()
        labels = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert labels[0] == "Show everything  (active)"
        await pilot.press("j", "enter")  # bookmarked nodes
        await pilot.pause()
        await pilot.press("F")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        labels = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert labels[0] == "Show everything"
        assert labels[1].endswith("  (active)")
        await pilot.press("G", "enter")  # only nodes matching a text
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        assert "enter to apply" in screen_text_of(app)


def screen_text_of(app: GppApp) -> str:
    from .conftest import screen_text

    return screen_text(app)


async def test_bookmarks_view_removes_relabels_and_jumps_in_place(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        for node_id in ("A.1", "B.2", "C.1"):
            await go(pilot, node_id)
            await pilot.press("b")
        await saved(pilot)
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        listing = app.screen.query_one(OptionList)
        assert listing.option_count == 3
        await pilot.press("g", "d")  # remove A.1's bookmark, in place
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert listing.option_count == 2
        assert "B.2" in str(listing.options[0].prompt)
        await pilot.press("L", *"check later", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert "check later" in str(listing.options[0].prompt)
        await pilot.press("j", "enter")  # jump to C.1
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert screen.current is not None and screen.current.id == "C.1"
        await saved(pilot)
        assert screen.store is not None
        annotations = screen.store.annotations
        assert annotations.node("wigj-gpp", "A.1").bookmark is None
        bookmark = annotations.node("wigj-gpp", "B.2").bookmark
        assert bookmark is not None and bookmark.label == "check later"


async def test_filters_keep_the_place(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        tree = screen.query_one(PrinciplesTree)
        for node_id in ("A.2", "C.2"):
            await go(pilot, node_id)
            await pilot.press("b")
        await saved(pilot)
        await go(pilot, "B.2")  # B open, and A and C too now
        expanded = sorted(p for p in tree._expanded_places())
        await pilot.press("F", "j", "enter")  # bookmarked only: B.2 is hidden
        await pilot.pause()
        await pilot.pause()
        assert screen.current is not None and screen.current.id == "C.2"  # the nearest match
        await go(pilot, "A.2")
        await pilot.press("F", "g", "enter")  # show everything again
        await pilot.pause()
        await pilot.pause()
        assert screen.current is not None and screen.current.id == "A.2"
        assert sorted(tree._expanded_places()) == expanded  # as it was


async def test_a_filter_that_matches_nothing_leaves_an_empty_tree_not_a_crash(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        tree = screen.query_one(PrinciplesTree)
        await pilot.press("F")
        await pilot.pause()
        await pilot.press("j", "enter")  # bookmarked nodes: there are none
        for _ in range(5):
            await pilot.pause()
        assert app.is_running
        assert tree.last_line == -1
        assert "filter: bookmarked" in screen_text_of(app)
        await pilot.press("F")
        await pilot.pause()
        await pilot.press("g", "enter")  # show everything
        for _ in range(5):
            await pilot.pause()
        assert tree.last_line >= 0


async def test_bookmarks_view_undoes_a_removal_in_place(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        for node_id in ("A.1", "B.2", "C.1"):
            await go(pilot, node_id)
            await pilot.press("b")
        await saved(pilot)
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        footer = screen_text_of(app).splitlines()[-1]
        assert "Go to" in footer and "u Undo" in footer, footer
        listing = app.screen.query_one(OptionList)
        await pilot.press("j", "d")  # remove B.2's bookmark
        await pilot.pause()
        assert listing.option_count == 2
        await pilot.press("g")  # the highlight moves away; undo brings it back to B.2
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert listing.option_count == 3
        assert listing.highlighted == 1 and "B.2" in str(listing.options[1].prompt)
        await pilot.press("U")  # redo: removed again
        await pilot.pause()
        assert listing.option_count == 2
        await pilot.press("u", "enter")  # back again, and enter goes there
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert screen.current is not None and screen.current.id == "B.2"
        await saved(pilot)
        assert screen.store is not None
        assert screen.store.annotations.node("wigj-gpp", "B.2").bookmark is not None
