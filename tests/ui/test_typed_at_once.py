"""Pilot tests: keys that arrive at once (a paste, a slow link) act where the cursor is."""

from __future__ import annotations

from collections.abc import Callable

from textual import events

from gpp_tui.ui.app import GppApp
from gpp_tui.ui.widgets.principles_tree import PrinciplesTree

from .test_annotations import PACK, go, ready, saved

MakeApp = Callable[..., GppApp]


async def test_down_down_b_at_once_bookmarks_the_node_the_cursor_reached(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "A.1")
        tree = screen.query_one(PrinciplesTree)
        tree.focus()
        await pilot.pause()
        for key in ("down", "down", "b"):
            app.post_message(events.Key(key, "b" if key == "b" else None))
        await saved(pilot)
        await pilot.pause(0.2)
        cursor = tree.cursor_node
        assert cursor is not None and cursor.data is not None
        assert cursor.data.id == "A.3"
        assert screen.store is not None
        marked = [node for node, _ in screen.store.annotations.bookmarks(PACK)]
        assert marked == ["A.3"]
        current = screen.current
        assert current is not None and current.id == "A.3"
