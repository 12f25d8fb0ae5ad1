"""Pilot tests: ctrl+l hides every word of the notes from any screen, modal or the palette."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.command import CommandPalette
from textual.widgets import Input, TextArea

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.crypto import encrypt_folder
from gpp_tui.store.serialize import ByteCodec
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens.bookmarks import BookmarksScreen
from gpp_tui.ui.screens.choice import ChoiceScreen
from gpp_tui.ui.screens.confirm import ConfirmScreen
from gpp_tui.ui.screens.help import HelpScreen
from gpp_tui.ui.screens.lock import LockScreen
from gpp_tui.ui.screens.main import MainScreen
from gpp_tui.ui.screens.note_editor import NoteEditor
from gpp_tui.ui.screens.prompt import PromptScreen
from gpp_tui.ui.screens.search import SearchScreen

from .conftest import screen_text, until
from .test_annotations import PACK, go, ready
from .test_lock import PASSPHRASE

MakeApp = Callable[..., GppApp]
NOTE = "Witness W-7 lives near the old mill"
SECRETS = ("W-7", "old mill", "Witness")

# Keys that open each screen from B.2 (which holds the note and is bookmarked), and its type.
SCREENS: dict[str, tuple[tuple[str, ...], type]] = {
    "main": ((), MainScreen),
    "note editor": (("n", *"Witness at the old mill"), NoteEditor),
    "edit a note": (("N", "enter"), NoteEditor),
    "search": (("slash", *"mill"), SearchScreen),
    "help": (("question_mark",), HelpScreen),
    "export choice": (("x",), ChoiceScreen),
    "filter choice": (("F",), ChoiceScreen),
    "bookmarks": (("B",), BookmarksScreen),
    "label prompt": (("L",), PromptScreen),
    "delete confirmation": (("N", "d"), ConfirmScreen),
    "command palette": (("ctrl+p", *"mill"), CommandPalette),
}


def seed(folder: Path) -> None:
    with AnnotationStore(folder) as store, store.update() as edit:
        edit.add_note(PACK, "B.2", NOTE)
        edit.set_bookmark(PACK, "B.2", "old mill witness")


def words(app: GppApp) -> str:
    """The words on screen, box lines left out, one space between them."""
    return " ".join(screen_text(app).replace("│", " ").split())


def secrets_shown(app: GppApp) -> list[str]:
    shown = screen_text(app)
    return [word for word in SECRETS if word in shown]


@pytest.mark.parametrize("where", sorted(SCREENS))
async def test_ctrl_l_hides_every_note_word_from(
    where: str, make_app: MakeApp, tmp_path: Path
) -> None:
    seed(tmp_path / "data")
    keys, screen_type = SCREENS[where]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "B.2")
        await pilot.press(*keys)
        await until(  # a search or the palette shows its hits in its own time
            pilot,
            lambda: isinstance(app.screen, screen_type) and (where == "help" or secrets_shown(app)),
        )
        assert isinstance(app.screen, screen_type)
        if where != "help":  # the help covers the pane; elsewhere the words are there to hide
            assert secrets_shown(app)
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, LockScreen))  # after a draft is kept
        assert isinstance(app.screen, LockScreen)
        assert secrets_shown(app) == []
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, screen_type)


async def test_the_note_editor_text_is_kept_as_a_draft_and_comes_back(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "C.1")
        await pilot.press("n")
        await pilot.press(*"Typed about the informant")
        assert "informant" in screen_text(app)
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, LockScreen)
        assert "informant" not in screen_text(app)
        folder = tmp_path / "data" / "drafts"
        drafts = [p.read_text(encoding="utf-8") for p in folder.glob("*") if p.is_file()]
        assert any("Typed about the informant" in text for text in drafts)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "Typed about the informant"


async def test_without_encryption_the_lock_says_anyone_can_unlock_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert "not encrypted" in screen_text(app).splitlines()[0]
        await pilot.press("ctrl+l")
        shown = words(app)
        assert "anyone at this keyboard can unlock" in shown
        assert "gpp encrypt" in shown


async def test_the_lock_key_can_be_remapped(make_app: MakeApp) -> None:
    from gpp_tui.store.config import Config

    app = make_app(config=Config(keys={"app.lock": "ctrl+k"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("n")
        await pilot.press("ctrl+k")
        assert isinstance(app.screen, LockScreen)


async def test_keys_typed_while_the_passphrase_is_checked_are_ignored(
    make_app: MakeApp, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    encrypt_folder(folder, PASSPHRASE)
    app = make_app()
    checking = threading.Event()
    tried: list[str] = []
    real_unlock = app._unlock

    def slow_unlock(passphrase: str) -> ByteCodec:
        tried.append(passphrase)
        checking.wait(10)  # the check goes on until the test has typed its keys
        return real_unlock(passphrase)

    app._unlock = slow_unlock  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        await pilot.press(*"wrong", "enter", *"abc", "backspace", "enter", "ctrl+v")
        field = app.screen.query_one(Input)
        assert field.value == ""  # cleared at once, and nothing typed during the check
        assert "Checking" in words(app)
        checking.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert tried == ["wrong"]
        assert "2 tries left" in words(app)  # the keys typed meanwhile cost no try
        await pilot.press(*PASSPHRASE, "enter")
        await app.workers.wait_for_complete()
        await ready(pilot)
        assert isinstance(app.screen, MainScreen)
        header = screen_text(app).splitlines()[0]
        assert "encrypted" in header and "not encrypted" not in header


@pytest.mark.parametrize("key", ["n", "x", "F", "question_mark"])
async def test_keys_right_after_quit_are_ignored(make_app: MakeApp, key: str) -> None:
    """q then n typed fast opened a note editor on a closing app: a traceback on exit."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "B.2")
        # As a fast typist's terminal sends them: both queued before q is handled.
        app.post_message(events.Key("q", "q"))
        app.post_message(events.Key(key, "?" if key == "question_mark" else key))
        for _ in range(100):
            if app._exit_renderables or not app.is_running:
                break
            await asyncio.sleep(0.02)
    assert app.return_code == 0
    assert app._exit_renderables == []


async def test_the_header_says_a_second_copy_is_read_only(
    make_app: MakeApp, tmp_path: Path
) -> None:
    first = AnnotationStore(tmp_path / "data")  # holds the lock, like a running copy
    try:
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await ready(pilot)
            await until(pilot, lambda: "read-only" in screen_text(app).splitlines()[0])
            header = screen_text(app).splitlines()[0]
            assert "read-only" in header and "not encrypted" in header
    finally:
        first.close()


async def test_a_message_that_arrives_while_locked_does_not_show(make_app: MakeApp) -> None:
    """A worker's toast (an export written, a colleague's note) can quote a note."""
    from textual.widgets._toast import Toast, ToastRack

    def toasts_drawn() -> list[str]:
        racks = app.screen.query(ToastRack)
        if not racks or racks.first().styles.display == "none":
            return []
        return [str(toast.render()) for toast in app.screen.query(Toast)]

    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        app.notify("Written to /tmp/old-mill-witness.md")
        await until(pilot, lambda: any("old-mill" in text for text in toasts_drawn()))
        assert any("old-mill" in text for text in toasts_drawn())  # the check can see toasts
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, LockScreen))
        app.notify("Witness W-7 arrived from a colleague")
        await pilot.pause(0.5)
        assert toasts_drawn() == []
        await pilot.press("enter")  # no passphrase: enter unlocks
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await until(pilot, lambda: any("W-7" in text for text in toasts_drawn()))
        assert any("W-7" in text for text in toasts_drawn())  # shown once unlocked
