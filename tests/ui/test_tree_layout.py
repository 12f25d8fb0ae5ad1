"""Pilot tests: the tree follows the terminal width, cut titles end with an ellipsis, ids align."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.color import ColorType
from textual.pilot import Pilot
from textual.widgets import TextArea

from gpp_tui.content import Library
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.widgets.principles_tree import PrinciplesTree

from .conftest import screen_text
from .test_annotations import go, ready, saved

MakeApp = Callable[..., GppApp]


def tree_rows(app: GppApp) -> list[str]:
    """The tree's rows as the terminal shows them (the tree's own columns only)."""
    tree = app.main_screen.query_one(PrinciplesTree)
    region = tree.content_region
    lines = screen_text(app).splitlines()
    return [line[region.x : region.right] for line in lines[region.y : region.bottom]]


def row_of(rows: list[str], node_id: str) -> str:
    """The row showing `node_id` followed by a space (its title)."""
    return next(row for row in rows if f" {node_id} " in row)


async def annotate(pilot: Pilot[Any]) -> None:
    """A.1 reviewed and bookmarked, a note on A.2, nothing on A.3."""
    await go(pilot, "A.1")
    await pilot.press("r", "b")
    await go(pilot, "A.2")
    await pilot.press("n")
    pilot.app.screen.query_one(TextArea).insert("a note")
    await pilot.press("ctrl+s")
    await saved(pilot)
    await go(pilot, "A.3")
    await pilot.pause(0.1)


@pytest.mark.parametrize(
    ("columns", "width"), [(80, 34), (120, 43), (200, 60)], ids=["80", "120", "200"]
)
async def test_the_tree_is_about_a_third_of_the_terminal(
    make_app: MakeApp, columns: int, width: int
) -> None:
    app = make_app()
    async with app.run_test(size=(columns, 30)) as pilot:
        await ready(pilot)
        tree = app.main_screen.query_one(PrinciplesTree)
        assert tree.outer_size.width == width
        detail = app.main_screen.query_one("#detail")
        assert detail.outer_size.width >= 46  # the detail pane stays readable at 80


async def test_a_cut_title_ends_with_an_ellipsis_and_nothing_scrolls_sideways(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "A.1")  # "Intersectional Prevention Strategies" does not fit
        await pilot.pause(0.1)
        tree = app.main_screen.query_one(PrinciplesTree)
        row = row_of(tree_rows(app), "A.1")
        assert row.rstrip().endswith("…"), row
        assert "A.1 Intersectional" in row
        assert tree.virtual_size.width <= tree.scrollable_content_region.width
        assert not tree.show_horizontal_scrollbar  # no lone scroll-bar block on the last row
        assert row_of(tree_rows(app), "A.3").rstrip().endswith("Initiatives")  # fits: uncut


async def test_ids_line_up_whatever_markers_a_node_has(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await annotate(pilot)
        rows = tree_rows(app)
        a1, a2, a3 = (row_of(rows, node_id) for node_id in ("A.1", "A.2", "A.3"))
        assert "✓★" in a1 and "✎" in a2, (a1, a2)
        assert a1.index("A.1") == a2.index("A.2") == a3.index("A.3"), rows
        assert row_of(rows, "B").index("B") == row_of(rows, "A").index("A")  # areas too


async def test_linux_console_marks_and_guides(library: Library, tmp_path: Path) -> None:
    app = GppApp(library, tmp_path / "data", environ={"TERM": "linux"})
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await annotate(pilot)
        await pilot.press("tab")  # the tree's guides in their unfocused colour too
        await pilot.pause(0.1)
        rows = tree_rows(app)
        a1, a2, a3 = (row_of(rows, node_id) for node_id in ("A.1", "A.2", "A.3"))
        assert "[v]*" in a1 and "[1]" in a2, (a1, a2)  # marks, not word-like letters
        assert a1.index("A.1") == a2.index("A.2") == a3.index("A.3"), rows
        assert a1.startswith("| | ") and a3.startswith("| ` "), rows  # ASCII guides
        assert not any(set(row) & set("│├└…✓✎★") for row in rows), rows
        assert a1.rstrip().endswith("..."), a1
        tree = app.main_screen.query_one(PrinciplesTree)
        for part in ("tree--guides", "tree--guides-hover"):
            color = tree.get_component_rich_style(part).color
            assert color is not None and color.type is ColorType.STANDARD
            assert color.number != 0, part  # not black on the console's black screen
