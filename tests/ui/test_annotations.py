"""Pilot tests: bookmarks, review status, notes, drafts, filters and orphans survive restarts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widgets import TextArea

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.models import ReviewStatus
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens.confirm import ConfirmScreen, DraftScreen
from gpp_tui.ui.screens.main import MainScreen
from gpp_tui.ui.screens.note_editor import NoteEditor
from gpp_tui.ui.widgets.principles_tree import PrinciplesTree

from .conftest import detail_text

MakeApp = Callable[..., GppApp]
PACK = "wigj-gpp"
NOTE = "Первый абзац? No: نخستین بند به فارسی 🙂\n\nSecond paragraph, after a blank line."


async def ready(pilot: Pilot[Any]) -> MainScreen:
    """Wait until the annotations are loaded (they load off the UI thread)."""
    app = pilot.app
    assert isinstance(app, GppApp)
    for _ in range(200):
        if app.main_screen.store is not None:
            break
        await pilot.pause(0.02)
    await pilot.pause()
    assert app.main_screen.store is not None
    return app.main_screen


async def go(pilot: Pilot[Any], node_id: str) -> None:
    app = pilot.app
    assert isinstance(app, GppApp)
    app.jump_to(PACK, node_id)
    await pilot.pause()
    node = app.main_screen.current
    assert node is not None and node.id == node_id


async def saved(pilot: Pilot[Any]) -> None:
    """Let the background save finish."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def visible_labels(app: GppApp) -> list[str]:
    tree = app.main_screen.query_one(PrinciplesTree)
    lines = (tree.get_node_at_line(line) for line in range(tree.last_line + 1))
    return [str(node.label) for node in lines if node is not None]


def visible_ids(app: GppApp) -> list[str]:
    tree = app.main_screen.query_one(PrinciplesTree)
    lines = (tree.get_node_at_line(line) for line in range(tree.last_line + 1))
    return [node.data.id for node in lines if node is not None and node.data is not None]


async def test_review_bookmark_and_note_survive_a_restart(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "B.2")
        await pilot.press("b")
        await go(pilot, "A.1")
        await pilot.press("r")
        assert "1/11 ✓" in app.sub_title
        await go(pilot, "D.3")
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        app.screen.query_one(TextArea).insert(NOTE)
        await pilot.press("tab")
        await pilot.press(*"survivors, urgent")
        await pilot.press("ctrl+s")
        await saved(pilot)
        assert isinstance(app.screen, MainScreen)
        assert "Your notes (1)" in detail_text(app)
        assert any(label == "  ✎ D.3 Cumulative Charging" for label in visible_labels(app))
        del screen
        await pilot.press("q")

    text = (tmp_path / "data" / "annotations.toml").read_text(encoding="utf-8")
    assert "نخستین بند به فارسی 🙂" in text
    assert 'status = "reviewed"' in text

    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert screen.current is not None and screen.current.id == "D.3"
        notes = detail_text(again)
        assert "نخستین بند به فارسی 🙂" in notes
        assert "Second paragraph, after a blank line." in notes
        assert "tags: survivors, urgent" in notes
        store = screen.store
        assert store is not None
        annotations = store.annotations
        assert annotations.node(PACK, "B.2").bookmark is not None
        assert annotations.status_of(PACK, "A.1") is ReviewStatus.REVIEWED
        (note,) = annotations.notes_for(PACK, "D.3")
        assert note.text == NOTE
        assert note.tags == ("survivors", "urgent")
        assert "1/11 ✓ · 0 !" in again.sub_title  # the short form at 80 columns


async def test_edit_then_delete_a_note(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "C.1")
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("first version")
        await pilot.press("ctrl+s")
        await saved(pilot)
        await pilot.press("tab", "tab", "tab")  # tree -> detail -> links -> notes
        while app.focused is not None and app.focused.id != "notes":
            await pilot.press("tab")
        await pilot.press("enter")
        assert isinstance(app.screen, NoteEditor)
        area = app.screen.query_one(TextArea)
        assert area.text == "first version"
        area.text = "second version"
        await pilot.press("ctrl+s")
        await saved(pilot)
        store = screen.store
        assert store is not None
        (note,) = store.annotations.notes_for(PACK, "C.1")
        assert note.text == "second version"
        assert "second version" in detail_text(app)

        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep it
        assert len(store.annotations.notes_for(PACK, "C.1")) == 1
        await pilot.press("d")
        await pilot.press("y")
        await saved(pilot)
        assert store.annotations.notes_for(PACK, "C.1") == ()
        assert "No notes yet" in detail_text(app)


async def test_escape_with_unsaved_text_asks_before_discarding(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "B.1")
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("do not lose me")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep editing
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "do not lose me"
        await pilot.press("escape", "y")
        assert isinstance(app.screen, MainScreen)
        assert screen.store is not None
        assert screen.store.annotations.notes_for(PACK, "B.1") == ()


async def test_a_draft_left_by_a_crash_is_offered_back(make_app: MakeApp, tmp_path: Path) -> None:
    store = AnnotationStore(tmp_path / "data")
    store.save_draft(PACK, "D.3", None, "typed before the crash")
    store.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        await pilot.press("y")
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "typed before the crash"
        await pilot.press("ctrl+s")
        await saved(pilot)
        store2 = app.main_screen.store
        assert store2 is not None
        (note,) = store2.annotations.notes_for(PACK, "D.3")
        assert note.text == "typed before the crash"
        assert store2.drafts() == []


async def test_filter_shows_only_bookmarked_nodes(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "B.2")
        await pilot.press("b")
        await pilot.press("F")
        await pilot.pause()
        await pilot.press("down", "enter")  # "Bookmarked nodes"
        await pilot.pause()
        assert visible_ids(app) == [":pack", "B", "B.2"]
        assert visible_labels(app)[-1] == "★ B.2 Anti-Retaliation Safeguards"
        assert "filter: bookmarked" in app.sub_title
        await pilot.press("F", "home", "enter")  # back to everything (first option)
        await pilot.pause()
        assert len(visible_labels(app)) > 5


async def test_notes_on_nodes_gone_from_the_pack_are_shown_as_orphans(
    make_app: MakeApp, tmp_path: Path
) -> None:
    store = AnnotationStore(tmp_path / "data")
    with store.update() as edit:
        edit.add_note(PACK, "Z.9", "note on a recommendation that was removed")
    store.close()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.pause()
        assert any("Orphaned notes" in label for label in visible_labels(app))
        app.jump_to(PACK, "Z.9")
        await pilot.pause()
        assert "note on a recommendation that was removed" in detail_text(app)


async def test_notes_on_a_pack_not_loaded_are_kept_and_mentioned(
    make_app: MakeApp, tmp_path: Path
) -> None:
    store = AnnotationStore(tmp_path / "data")
    with store.update() as edit:
        edit.add_note("my-framework", "X.1", "note on a pack loaded with --content once")
    store.close()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await go(pilot, "A.1")
        await pilot.press("b")  # a change, so the file is written again
        await saved(pilot)
        shown = [str(n.message) for n in app._notifications]
        assert any("pack 'my-framework' are kept" in m and "--content" in m for m in shown)
        await pilot.press("q")
    text = (tmp_path / "data" / "annotations.toml").read_text(encoding="utf-8")
    assert "note on a pack loaded with --content once" in text


async def test_a_second_copy_is_read_only_and_says_so(make_app: MakeApp, tmp_path: Path) -> None:
    first = AnnotationStore(tmp_path / "data")  # holds the lock, like a running copy
    try:
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await ready(pilot)
            assert screen.store is not None and screen.store.read_only
            shown = [n.message for n in app._notifications]
            assert any("read-only" in str(m).lower() for m in shown)
            await go(pilot, "A.1")
            await pilot.press("b")
            assert screen.store.annotations.node(PACK, "A.1").bookmark is None
    finally:
        first.close()


async def test_typed_zero_width_non_joiner_is_kept(make_app: MakeApp) -> None:
    """Persian keyboards type ZWNJ inside words; losing it changes the word."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "D.3")
        await pilot.press("n")
        await pilot.press(*"اتهام")
        # As the terminal driver sends it (Pilot's press() drops the character).
        area = app.screen.query_one(TextArea)
        area.post_message(events.Key("zero_width_non_joiner", "\u200c"))
        await pilot.pause()
        await pilot.press(*"گذاری")
        assert app.screen.query_one(TextArea).text == "اتهام\u200cگذاری"  # noqa: RUF001


async def test_undoing_a_delete_shows_the_note_that_came_back(
    make_app: MakeApp, tmp_path: Path
) -> None:
    from gpp_tui.ui.widgets.detail import DetailPane
    from gpp_tui.ui.widgets.notes import NotesList

    from .conftest import screen_text

    with AnnotationStore(tmp_path / "data") as store:
        for number in range(1, 7):
            with store.update() as edit:
                edit.add_note(PACK, "B.2", f"note {number}\n" + "a long line of the note\n" * 3)
        last = store.annotations.notes_for(PACK, "B.2")[-1].id
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "B.2")
        await pilot.press("N", "G")  # the last note, at the bottom of the pane
        await pilot.pause()
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await saved(pilot)
        await pilot.press("escape")  # back to the tree, the pane at the node's top
        screen.query_one(DetailPane).scroll_home(animate=False)
        await pilot.pause()
        assert "note 6" not in screen_text(app)
        await pilot.press("u")
        await saved(pilot)
        await pilot.pause()
        notes = screen.query_one(NotesList)
        assert notes.highlighted is not None
        assert notes.options[notes.highlighted].id == last
        assert "note 6" in screen_text(app)  # scrolled into view
