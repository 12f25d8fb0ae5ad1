"""Pilot tests: what the user is told when the notes file is corrupt, newer, or cannot be saved."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets import Static

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens.confirm import DraftScreen, NoticeScreen
from gpp_tui.ui.screens.main import MainScreen
from gpp_tui.ui.screens.note_editor import NoteEditor

from .test_annotations import PACK, go, ready, saved

MakeApp = Callable[..., GppApp]


def told(app: GppApp) -> list[tuple[str, str]]:
    """(severity, message) of every notification shown so far."""
    return [(str(n.severity), str(n.message)) for n in app._notifications]


def told_text(app: GppApp) -> str:
    return "\n".join(message for _, message in told(app))


def _two_saves(folder: Path) -> None:
    with AnnotationStore(folder) as store:
        with store.update() as edit:
            edit.add_note(PACK, "D.3", "kept in the backup")
        with store.update() as edit:
            edit.add_note(PACK, "D.3", "only in the broken file")


async def test_a_corrupt_file_is_moved_aside_and_the_user_is_told_where(
    make_app: MakeApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    _two_saves(data)
    (data / "annotations.toml").write_bytes(b"schema_version = 2\n[packs\n")
    saved_at = datetime.fromtimestamp((data / "annotations.toml.bak").stat().st_mtime)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        [aside] = data.glob("annotations.toml.corrupt-*")
        assert isinstance(app.screen, NoticeScreen)  # not a toast that fades: it waits
        text = notice_text(app)
        assert f"{data / 'annotations.toml'} could not be read: it is not valid TOML" in text
        assert f"it was moved to {aside}" in text
        assert "restored from the backup" in text and "(1 note)" in text
        assert f"saved {saved_at.astimezone():%Y-%m-%d %H:%M}" in text
        assert f"Anything written after that time is only in {aside}." in text
        assert "could not be read" not in told_text(app)  # said once, in the dialog
        assert screen.store is not None and not screen.store.read_only
        assert "Read-only" not in told_text(app)
        await pilot.pause(1)
        assert isinstance(app.screen, NoticeScreen)  # still there
        await pilot.press("escape")  # closes the notice, nothing else
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert aside.read_bytes() == b"schema_version = 2\n[packs\n"


async def test_with_both_files_damaged_a_dialog_says_so_until_enter(
    make_app: MakeApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    _two_saves(data)
    (data / "annotations.toml").write_bytes(b"[")
    (data / "annotations.toml.bak").write_bytes(b"schema_version = [")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, NoticeScreen)
        text = notice_text(app)
        [aside] = data.glob("annotations.toml.corrupt-*")
        [bak_aside] = data.glob("annotations.toml.bak.corrupt-*")
        assert f"it was moved to {aside}" in text and f"it was moved to {bak_aside}" in text
        assert "Starting with no annotations; no file was deleted." in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


def notice_text(app: GppApp) -> str:
    """The notice dialog's whole text, unwrapped."""
    return str(app.screen.query_one("#confirm-question", Static).render())


async def test_a_newer_file_is_read_only_and_every_change_says_not_saved(
    make_app: MakeApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    newer = b'schema_version = 99\n[packs.wigj-gpp."B.2"]\nstatus = "reviewed"\n'
    (data / "annotations.toml").write_bytes(newer)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, NoticeScreen)
        text = notice_text(app)
        assert "was written by a newer gpp-tui (schema_version 99" in text
        assert "update gpp-tui to make changes" in text
        await pilot.press("enter")
        await pilot.pause()
        assert (
            "warning",
            f"Read-only: {data / 'annotations.toml'} was written by a newer gpp-tui",
        ) in (told(app))
        await go(pilot, "B.2")
        await pilot.press("b")
        await saved(pilot)
        assert any(m.startswith("Not saved: ") and "newer gpp-tui" in m for _, m in told(app))
        assert isinstance(app.screen, MainScreen)
    assert (data / "annotations.toml").read_bytes() == newer
    assert sorted(p.name for p in data.iterdir() if p.name.startswith("annotations")) == [
        "annotations.toml",
        "annotations.toml.lock",
    ]


async def test_a_save_that_fails_is_shown_and_the_change_is_kept_for_the_next_save(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        store = screen.store
        assert store is not None
        real_replace = os.replace

        def refused(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
            raise PermissionError(errno.EACCES, "Permission denied", str(dst))

        monkeypatch.setattr(os, "replace", refused)
        await go(pilot, "B.2")
        await pilot.press("b")
        await saved(pilot)
        errors = [m for severity, m in told(app) if severity == "error"]
        assert errors == [
            f"not saved: no permission to write in {store.folder}; {store.path} is unchanged"
        ]
        assert store.dirty and store.annotations.node(PACK, "B.2").bookmark is not None
        monkeypatch.setattr(os, "replace", real_replace)
        await go(pilot, "A.1")
        await pilot.press("b")
        await saved(pilot)
        assert not store.dirty
    with AnnotationStore(tmp_path / "data") as again:
        assert sorted(node for node, _ in again.annotations.bookmarks(PACK)) == ["A.1", "B.2"]


async def test_a_draft_thrown_away_is_deleted_and_not_offered_again(
    make_app: MakeApp, tmp_path: Path
) -> None:
    with AnnotationStore(tmp_path / "data") as store:
        draft = store.save_draft(PACK, "D.3", None, "typed before the crash")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        await pilot.press("t")  # its own key: neither n nor the default
        await saved(pilot)
        assert isinstance(app.screen, MainScreen)
        assert not isinstance(app.screen, NoteEditor)
    assert not draft.path.exists()
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.pause()
        assert isinstance(again.screen, MainScreen)


async def test_ctrl_l_locks_over_the_repair_notice_and_it_comes_back(
    make_app: MakeApp, tmp_path: Path
) -> None:
    from .conftest import screen_text

    data = tmp_path / "data"
    _two_saves(data)
    (data / "annotations.toml").write_bytes(b"[")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, NoticeScreen)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert type(app.screen).__name__ == "LockScreen"
        assert "annotations.toml" not in screen_text(app)
        await pilot.press("enter")  # not encrypted: enter unlocks
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)  # still to be read
