"""Pilot tests: the user's review and notes come first in the detail pane and stay in view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens.confirm import ConfirmScreen
from gpp_tui.ui.widgets.detail import DetailPane, LinkList
from gpp_tui.ui.widgets.notes import NotesList

from .conftest import detail_text, screen_text
from .test_annotations import PACK, go, ready, saved

MakeApp = Callable[..., GppApp]
LONG_NOTE = "Long note, first line.\n" + "\n".join(
    f"line {n:02d} of the long note" for n in range(2, 61)
)


def seed(folder: Path, node_id: str, *texts: str) -> list[str]:
    """Write notes on one node before the app starts; their ids, oldest first."""
    with AnnotationStore(folder) as store:
        with store.update() as edit:
            for text in texts:
                edit.add_note(PACK, node_id, text)
        return [note.id for note in store.annotations.notes_for(PACK, node_id)]


def detail_lines(app: GppApp) -> list[str]:
    """The detail pane's part of each screen line (right of the tree), as shown.

    The pane's edge (the focus bar when it has the focus) is left out.
    """
    pane = app.main_screen.query_one(DetailPane).content_region
    lines = screen_text(app).splitlines()
    return [line[pane.x : pane.right] for line in lines[pane.y : pane.bottom]]


@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=["80x24", "100x30"])
async def test_a_note_on_b2_is_on_the_first_screen(
    make_app: MakeApp, tmp_path: Path, size: tuple[int, int]
) -> None:
    seed(tmp_path / "data", "B.2", "Witness W-7 fears reprisals.\nSecond line.")
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await go(pilot, "B.2")
        await pilot.pause()
        shown = detail_lines(app)
        assert any("Witness W-7 fears reprisals." in line for line in shown)
        # The first lines say that there is a note, before the source text.
        assert any("1 note" in line for line in shown[:5])
        text = detail_text(app)
        order = ["Ensure survivors' safety", "Your review", "Witness W-7", "Context (added"]
        assert [text.index(part) for part in order] == sorted(text.index(p) for p in order)
        assert text.index("Context (added") < text.index("Related recommendations")


async def test_end_down_delete_deletes_the_note_in_view_not_the_first(
    make_app: MakeApp, tmp_path: Path
) -> None:
    """The bug: ↓ on the last note wrapped to the first, off screen, and d deleted it."""
    first, second = seed(
        tmp_path / "data", "A.1", LONG_NOTE, "Second note: the one the user means to delete."
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "A.1")
        await pilot.press("N")
        notes = screen.query_one(NotesList)
        assert app.focused is notes
        await pilot.press("end")
        await pilot.pause()
        assert notes.highlighted_note_id == second
        assert any("Second note: the one" in line for line in detail_lines(app))
        await pilot.press("down")
        await pilot.pause()
        assert notes.highlighted_note_id == second  # no wrap around to the first note
        assert any("Second note: the one" in line for line in detail_lines(app))
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await saved(pilot)
        store = screen.store
        assert store is not None
        assert [note.id for note in store.annotations.notes_for(PACK, "A.1")] == [first]


async def test_a_note_taller_than_the_pane_is_read_line_by_line(
    make_app: MakeApp, tmp_path: Path
) -> None:
    first, second = seed(tmp_path / "data", "A.1", LONG_NOTE, "Short second note.")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "A.1")
        await pilot.press("N")
        await pilot.pause()
        notes = screen.query_one(NotesList)
        seen: set[str] = set()
        for _ in range(120):
            seen.update(line.strip() for line in detail_lines(app))
            if notes.highlighted_note_id == second:
                break
            await pilot.press("down")
        assert notes.highlighted_note_id == second
        wanted = {f"line {n:02d} of the long note" for n in range(2, 61)}
        assert wanted <= seen, sorted(wanted - seen)[:5]
        # Back up: the long note is entered from its end, and read upwards to its top.
        await pilot.press("up")
        await pilot.pause()
        assert notes.highlighted_note_id == first
        assert any("line 60 of the long note" in line for line in detail_lines(app))
        for _ in range(80):
            await pilot.press("up")
        await pilot.pause()
        assert notes.highlighted_note_id == first  # stays on the first: no wrap
        assert any("Long note, first line." in line for line in detail_lines(app))


async def test_select_note_scrolls_it_into_view(make_app: MakeApp, tmp_path: Path) -> None:
    _, second = seed(tmp_path / "data", "A.1", LONG_NOTE, "The note to show after a save.")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "A.1")
        assert not any("The note to show" in line for line in detail_lines(app))
        assert screen.query_one(NotesList).select_note(second)
        await pilot.pause()
        assert app.focused is screen.query_one(NotesList)
        assert any("The note to show after a save." in line for line in detail_lines(app))
        assert not screen.query_one(NotesList).select_note("no-such-note")


async def test_browsing_starts_each_node_at_the_top(make_app: MakeApp, tmp_path: Path) -> None:
    seed(tmp_path / "data", "A.1", LONG_NOTE)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "A.1")
        await pilot.press("N", "end", "pagedown")
        await go(pilot, "A.2")
        await go(pilot, "A.1")
        await pilot.pause()
        assert screen.query_one(DetailPane).scroll_offset.y == 0


async def test_the_notes_key_without_notes_says_so(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "C.2")
        await pilot.press("N")
        await pilot.pause()
        assert any("No notes on this node" in str(n.message) for n in app._notifications)


async def test_links_stop_at_their_ends(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "B.2")
        await pilot.press("f")
        links = screen.query_one(LinkList)
        assert app.focused is links and links.highlighted == 0
        await pilot.press("up")
        assert links.highlighted == 0
        await pilot.press("end", "down", "j")
        assert links.highlighted == links.option_count - 1


@pytest.mark.parametrize(
    ("size", "hints"),
    [((80, 24), ["n add", "enter edit"]), ((140, 30), ["n add", "enter edit", "d delete"])],
    ids=["80x24", "140x30"],
)
async def test_the_notes_heading_keeps_to_one_line(
    make_app: MakeApp, tmp_path: Path, size: tuple[int, int], hints: list[str]
) -> None:
    """The key hints after "Your notes (2)" that do not fit are left out, never wrapped."""
    seed(tmp_path / "data", "B.2", "First note.", "Second note.")
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await go(pilot, "B.2")
        await pilot.pause()
        shown = detail_lines(app)
        heading = next(i for i, line in enumerate(shown) if "Your notes (2)" in line)
        line = shown[heading]
        assert [hint for hint in ("n add", "enter edit", "d delete") if hint in line] == hints
        assert "First note." in shown[heading + 1] or "First note." in shown[heading + 2]
        assert not any(word in shown[heading + 1] for word in ("edit", "delete"))
