"""Pilot tests: the terminal's cursor sits on the highlighted tree row and the focused note."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.geometry import Offset
from textual.pilot import Pilot

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.widgets.notes import NotesList
from gpp_tui.ui.widgets.principles_tree import PrinciplesTree

from .test_annotations import PACK, go, ready

MakeApp = Callable[..., GppApp]


def tree_row_at_cursor(app: GppApp) -> int:
    """The tree line the terminal cursor is on (it must be inside the tree)."""
    tree = app.main_screen.query_one(PrinciplesTree)
    x, y = app.cursor_position
    region = tree.content_region
    assert region.contains(x, y), f"cursor {x},{y} is outside the tree {region}"
    return y - region.y + round(tree.scroll_offset.y)


async def test_the_cursor_follows_the_highlight_in_the_tree(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 18)) as pilot:  # short: the tree scrolls
        await ready(pilot)
        tree = app.main_screen.query_one(PrinciplesTree)
        assert tree_row_at_cursor(app) == tree.cursor_line, "on the first row from the start"
        rows = []
        for _ in range(6):
            await pilot.press("down")
            await pilot.pause()
            assert tree_row_at_cursor(app) == tree.cursor_line
            rows.append(app.cursor_position.y)
        assert rows == list(range(rows[0], rows[0] + 6)), "one row down per key"
        assert app.cursor_position.x == tree.content_region.x
        last_term = app.library.packs[0].glossary[-1].id
        await go(pilot, last_term)  # far down: the tree scrolls
        await pilot.pause()
        assert tree.scroll_offset.y > 0
        assert tree_row_at_cursor(app) == tree.cursor_line
        await pilot.press("up")
        await pilot.pause()
        assert tree_row_at_cursor(app) == tree.cursor_line


async def _notes_cursor(pilot: Pilot[Any], notes: NotesList) -> int:
    await pilot.pause()
    x, y = pilot.app.cursor_position
    region = notes.content_region
    assert region.contains(x, y), f"cursor {x},{y} is outside the notes {region}"
    option_index, _ = notes._lines[y - region.y + round(notes.scroll_offset.y)]
    return option_index


async def test_the_cursor_follows_the_focused_note(make_app: MakeApp, tmp_path: Path) -> None:
    with AnnotationStore(tmp_path / "data") as store, store.update() as edit:
        first = edit.add_note(PACK, "B.2", "first note\nwith a second line")
        second = edit.add_note(PACK, "B.2", "second note")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "B.2")
        screen.focus_note(second.id)
        await pilot.pause()
        notes = screen.query_one(NotesList)
        assert notes.has_focus
        assert await _notes_cursor(pilot, notes) == notes.highlighted == 1
        below = pilot.app.cursor_position
        await pilot.press("up")
        assert await _notes_cursor(pilot, notes) == notes.highlighted == 0
        assert pilot.app.cursor_position.y < below.y
        assert notes.options[0].id == first.id
        await pilot.press("escape")  # back to the tree: the cursor goes with the focus
        await pilot.pause()
        assert tree_row_at_cursor(app) == screen.query_one(PrinciplesTree).cursor_line
        assert pilot.app.cursor_position != Offset(0, 0)


async def test_the_cursor_follows_the_highlight_in_a_dialog_list(make_app: MakeApp) -> None:
    from gpp_tui.ui.screens.choice import ChoiceScreen
    from gpp_tui.ui.widgets.lists import StraightOptionList

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("x")  # export: choose a format
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        options = app.screen.query_one(StraightOptionList)
        for _ in range(2):
            await pilot.pause()
            x, y = app.cursor_position
            region = options.content_region
            assert region.contains(x, y), f"cursor {x},{y} is outside the list {region}"
            line = y - region.y + round(options.scroll_offset.y)
            assert options._lines[line][0] == options.highlighted
            await pilot.press("down")
