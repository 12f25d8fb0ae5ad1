"""Pilot tests: the privacy lock, and the passphrase asked at start when notes are encrypted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.config import Config
from gpp_tui.store.crypto import encrypt_folder, is_encrypted
from gpp_tui.ui import app as app_module
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens import note_editor
from gpp_tui.ui.screens.lock import LockScreen
from gpp_tui.ui.screens.main import MainScreen

from .conftest import detail_text
from .test_annotations import PACK, go, ready

MakeApp = Callable[..., GppApp]
PASSPHRASE = "correct horse battery"


async def test_ctrl_l_hides_everything_and_enter_comes_back(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "B.2")
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, LockScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Anti-Retaliation" not in shown and "Locked" in shown
        await pilot.press("enter")
        assert isinstance(app.screen, MainScreen)
        assert "Anti-Retaliation" in detail_text(app)


async def test_encrypted_notes_need_the_passphrase_at_start_and_to_unlock(
    make_app: MakeApp, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    with AnnotationStore(folder) as store, store.update() as edit:
        edit.add_note(PACK, "D.3", "secret note about a witness")
    encrypt_folder(folder, PASSPHRASE)

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert app.main_screen.store is None
        await pilot.press(*"wrong passphrase", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert "Wrong passphrase" in str(app.screen.query_one("#lock-status", Static).render())
        await pilot.press(*PASSPHRASE, "enter")
        screen = await ready(pilot)
        assert isinstance(app.screen, MainScreen)
        assert screen.store is not None and not screen.store.read_only
        await go(pilot, "D.3")
        assert "secret note about a witness" in detail_text(app)
        # With encryption on, the privacy lock needs the passphrase too.
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, LockScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, LockScreen)
        app.screen.query_one(Input).value = PASSPHRASE
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_three_wrong_passphrases_close_the_app(make_app: MakeApp, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with AnnotationStore(folder) as store, store.update() as edit:
        edit.add_note(PACK, "A.1", "kept safe")
    encrypt_folder(folder, PASSPHRASE)
    sealed = (folder / "annotations.toml").read_bytes()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for attempt in range(3):
            await pilot.press(*f"wrong {attempt}", "enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
    assert app.return_code == 1
    assert (folder / "annotations.toml").read_bytes() == sealed


async def test_after_an_encrypted_session_no_note_text_is_on_disk(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(note_editor, "DRAFT_EVERY_SECONDS", 0.1)
    folder = tmp_path / "data"
    folder.mkdir()
    encrypt_folder(folder, PASSPHRASE)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*PASSPHRASE, "enter")
        await ready(pilot)
        await go(pilot, "B.2")
        await pilot.press("n")
        from textual.widgets import TextArea

        area = app.screen.query_one(TextArea)
        area.insert("Witness W-7 lives near the old mill")
        # Let a draft be written, as it is every few seconds while typing, and look at it.
        app.screen.query_one(TextArea).focus()
        drafts: list[Path] = []
        for _ in range(400):  # 20 s at most: a loaded machine is slow
            await pilot.pause(0.05)
            drafts = list((folder / "drafts").glob("*.toml"))
            if drafts:
                break
        [draft] = drafts
        await app.workers.wait_for_complete()
        assert is_encrypted(draft.read_bytes())
        assert b"Witness" not in draft.read_bytes()
        await pilot.press("ctrl+s", "b")
        await app.workers.wait_for_complete()
        await pilot.press("q")
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert any(p.name == "annotations.toml" for p in files)
    for path in files:
        data = path.read_bytes()
        assert b"Witness" not in data and b"old mill" not in data, path


async def test_the_palette_offers_no_screenshot(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Screenshot" not in titles
        assert {"Lock", "Search", "Export", "Help"} <= {title.split("  ")[0] for title in titles}


async def test_the_app_locks_itself_when_left_idle(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Idle time runs on a clock the test moves, so a slow machine cannot lock it early.
    now = [1000.0]
    monkeypatch.setattr(app_module, "monotonic", lambda: now[0])
    checks = [0]
    real_check = GppApp._lock_if_idle

    def counted_check(self: GppApp) -> None:
        checks[0] += 1
        real_check(self)

    monkeypatch.setattr(GppApp, "_lock_if_idle", counted_check)

    async def next_check(pilot: Pilot[None]) -> None:
        seen = checks[0]
        for _ in range(400):
            await pilot.pause(0.05)
            if checks[0] > seen:
                return
        raise AssertionError("the idle check never ran")

    app = make_app(config=Config(lock_after_minutes=0.02))  # 1.2 s idle, checked every 0.6 s
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "B.2")
        now[0] += 1.0
        await pilot.press("down", "up")  # keys count as activity: idle from here
        now[0] += 1.0  # 2 s since start, 1 s since the keys
        await next_check(pilot)
        assert isinstance(app.screen, MainScreen)
        now[0] += 0.5  # 1.5 s since the keys
        await next_check(pilot)
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Anti-Retaliation" not in shown
        await pilot.press("enter")
        assert isinstance(app.screen, MainScreen)
