"""Pilot tests: nothing is lost by a keystroke (undo, dialogs that keep, "Saved" means on disk)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from gpp_tui.store.annotation_store import ANNOTATIONS_FILE, AnnotationStore
from gpp_tui.store.drafts import DRAFTS_DIR
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens.confirm import ConfirmScreen, DraftScreen
from gpp_tui.ui.screens.main import MainScreen
from gpp_tui.ui.screens.note_editor import NoteEditor
from gpp_tui.ui.widgets.notes import NotesList
from gpp_tui.ui.widgets.principles_tree import PrinciplesTree

from .test_annotations import PACK, go, ready, saved

MakeApp = Callable[..., GppApp]
FIRST = "Witness A: met at the clinic, asked for a woman interviewer"
SECOND = "Witness B: second interview planned for March"


def files(folder: Path) -> dict[str, bytes]:
    """Every file of the user's work under the data folder, by relative path, with its bytes.

    The remembered position (state.toml) is left out: it follows the cursor by design.
    """
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "state.toml"
    }


def two_notes(data: Path) -> None:
    with AnnotationStore(data, author="Amina K.") as store, store.update() as edit:
        edit.add_note(PACK, "A.1", FIRST)
        edit.add_note(PACK, "A.1", SECOND)


def question(app: GppApp) -> str:
    return str(app.screen.query_one("#confirm-question", Static).content)


def messages(app: GppApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def highlight_note(pilot: Pilot[Any], app: GppApp, index: int) -> None:
    notes = app.main_screen.query_one(NotesList)
    notes.focus()
    notes.highlighted = index
    await pilot.pause()


async def test_delete_quotes_the_note_and_u_brings_it_back_byte_for_byte(
    make_app: MakeApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    two_notes(data)
    before = (data / ANNOTATIONS_FILE).read_bytes()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "A.1")
        await highlight_note(pilot, app, 1)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        asked = question(app)
        assert '"Witness B: second interview planned for March"' in asked
        assert "Amina K." in asked
        assert datetime.now(UTC).astimezone().strftime("%Y-%m-%d") in asked
        await pilot.press("y")
        await saved(pilot)
        assert screen.store is not None
        assert [n.text for n in screen.store.annotations.notes_for(PACK, "A.1")] == [FIRST]
        assert any(m.startswith("Note deleted") and "u to undo" in m for m in messages(app))
        await pilot.press("escape", "u")
        await saved(pilot)
        assert [n.text for n in screen.store.annotations.notes_for(PACK, "A.1")] == [FIRST, SECOND]
        assert (data / ANNOTATIONS_FILE).read_bytes() == before


async def test_undo_of_an_edit_and_of_a_status_restores_the_file(
    make_app: MakeApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    two_notes(data)
    before = (data / ANNOTATIONS_FILE).read_bytes()
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await go(pilot, "A.1")
        await pilot.press("3")
        await highlight_note(pilot, app, 0)
        await pilot.press("enter")
        assert isinstance(app.screen, NoteEditor)
        app.screen.query_one(TextArea).text = "rewritten by mistake"
        await pilot.press("ctrl+s")
        await saved(pilot)
        assert (data / ANNOTATIONS_FILE).read_bytes() != before
        await pilot.press("escape", "u")  # the edit
        await saved(pilot)
        assert b"rewritten by mistake" not in (data / ANNOTATIONS_FILE).read_bytes()
        await pilot.press("u")  # the status
        await saved(pilot)
        assert (data / ANNOTATIONS_FILE).read_bytes() == before
        await pilot.press("u")
        assert "Nothing to undo" in messages(app)


async def test_escape_on_the_delete_question_leaves_every_file(
    make_app: MakeApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    two_notes(data)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "A.1")
        await saved(pilot)
        before = files(data)
        await highlight_note(pilot, app, 0)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await saved(pilot)
        assert isinstance(app.screen, MainScreen)
        assert files(data) == before


async def test_escape_on_the_discard_question_leaves_every_file(
    make_app: MakeApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "B.1")
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("do not lose me")
        for _ in range(400):  # a draft is written within about a second
            if any(b"do not lose me" in content for content in files(data).values()):
                break
            await pilot.pause(0.05)
        await saved(pilot)
        before = files(data)
        assert any(b"do not lose me" in content for content in before.values())
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await saved(pilot)
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "do not lose me"
        assert files(data) == before


@pytest.mark.parametrize("key", ["escape", "n"])
async def test_the_draft_dialog_keeps_the_draft_on_escape_and_n(
    make_app: MakeApp, tmp_path: Path, key: str
) -> None:
    data = tmp_path / "data"
    with AnnotationStore(data) as store:
        store.save_draft(PACK, "D.3", None, "typed before the crash\nsecond line")
    before = files(data)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        assert '"typed before the crash"' in question(app)
        await pilot.press(key)
        await saved(pilot)
        assert isinstance(app.screen, MainScreen)
        assert files(data) == before
        assert len(list((data / DRAFTS_DIR).iterdir())) == 1


async def test_the_draft_is_thrown_away_only_by_its_own_key(
    make_app: MakeApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    with AnnotationStore(data) as store:
        store.save_draft(PACK, "D.3", None, "not wanted after all")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        await pilot.press("t")
        await saved(pilot)
        assert isinstance(app.screen, MainScreen)
        assert list((data / DRAFTS_DIR).iterdir()) == []


async def test_saved_is_said_only_once_the_note_is_on_disk(
    make_app: MakeApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    app = make_app()
    seen_on_disk: list[bool] = []
    notify = app.notify

    def checking_notify(message: str, *args: Any, **kwargs: Any) -> None:
        if message.startswith("Saved"):
            stored = b"".join(files(data).values())
            seen_on_disk.append(b"the just-typed note" in stored)
        notify(message, *args, **kwargs)

    app.notify = checking_notify  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "B.2")
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("the just-typed note")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert seen_on_disk == [True]
        await saved(pilot)
        notes = screen.query_one(NotesList)
        assert app.focused is notes and notes.highlighted == 0
        assert list((data / DRAFTS_DIR).iterdir()) == []
        assert b"the just-typed note" in (data / ANNOTATIONS_FILE).read_bytes()


async def test_enter_on_the_pack_opens_the_first_focus_area(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        node = app.main_screen.current
        assert node is not None and node.id == ":pack"
        await pilot.press("enter")
        await pilot.pause()
        node = app.main_screen.current
        assert node is not None and node.id == "A"
        tree = app.main_screen.query_one(PrinciplesTree)
        assert tree.cursor_node is not None and tree.cursor_node.is_expanded


async def test_m_marks_reviewed_and_goes_to_the_next_unreviewed(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "A.2")
        await pilot.press("2")  # A.2 reviewed already
        await go(pilot, "A.1")
        await pilot.press("m")
        await pilot.pause()
        assert screen.current is not None and screen.current.id == "A.3"
        assert "2/11 ✓" in app.sub_title


async def test_a_key_typed_before_the_delete_question_does_not_answer_it(
    make_app: MakeApp, tmp_path: Path
) -> None:
    """ "d" and "y" arriving at once (a paste, a slow link): the question stays, the note too.

    Keys typed ahead are carried to a screen that opened meanwhile only when it is
    waiting for text (the search field); a question is answered only by a key
    pressed once it is on screen.
    """
    from textual import events

    data = tmp_path / "data"
    two_notes(data)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "A.1")
        await saved(pilot)
        before = files(data)
        await highlight_note(pilot, app, 0)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        # "y" was typed on the main screen and waited in the notes list's queue until
        # the question was up (what a slow link does): it comes back to the app unused.
        late = events.Key("y", "y")
        late.typed_on = screen  # type: ignore[attr-defined]
        late._set_forwarded()
        app.main_screen.query_one(NotesList).post_message(late)
        for _ in range(50):
            await pilot.pause(0.01)
        assert isinstance(app.screen, ConfirmScreen)
        assert screen.store is not None
        assert [n.text for n in screen.store.annotations.notes_for(PACK, "A.1")] == [FIRST, SECOND]
        await pilot.press("escape")
        await saved(pilot)
        assert files(data) == before


@pytest.mark.parametrize("field", ["text", "tags"])
async def test_ctrl_s_right_after_a_burst_of_typing_saves_every_letter(
    make_app: MakeApp, field: str
) -> None:
    """Keys can arrive together (a slow SSH link, a fast typist): ctrl+s is a priority key
    that the app runs as it arrives, before the field has taken the letters typed before it."""
    from textual import events
    from textual.widgets import Input

    from .conftest import until

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "B.2")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NoteEditor))
        if field == "tags":
            await pilot.press(*"x", "tab")
            assert isinstance(app.focused, Input)
        for letter in FIRST if field == "text" else "witness, clinic":
            app.post_message(events.Key(letter, letter))  # as the terminal driver does
        app.post_message(events.Key("ctrl+s", None))
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await saved(pilot)
        store = app.main_screen.store
        assert store is not None
        (note,) = store.annotations.notes_for(PACK, "B.2")
        if field == "text":
            assert note.text == FIRST
        else:
            assert (note.text, note.tags) == ("x", ("witness", "clinic"))
