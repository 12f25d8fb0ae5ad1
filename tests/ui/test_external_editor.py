"""The note editor hands the text to $EDITOR (ctrl+e) and takes it back, safely."""

from __future__ import annotations

import contextlib
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.widgets import TextArea

from gpp_tui.store.crypto import encrypt_folder
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens.confirm import ConfirmScreen
from gpp_tui.ui.screens.note_editor import NoteEditor

from .test_annotations import go, ready

MakeApp = Callable[..., GppApp]


@pytest.fixture
def editor_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$EDITOR: a script that appends a line to the file and notes where the file was."""
    script = tmp_path / "fake-editor"
    seen = tmp_path / "seen.txt"
    script.write_text(
        f'#!/bin/sh\nprintf "%s" "$1" > "{seen}"\nprintf "\\nadded in my editor" >> "$1"\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)
    return seen


@contextlib.contextmanager
def no_suspend() -> Iterator[None]:
    """A headless test terminal cannot be suspended; the editor runs without it."""
    yield


async def test_ctrl_e_takes_the_text_back_and_leaves_no_file(
    make_app: MakeApp, editor_script: Path
) -> None:
    app = make_app()
    app.suspend = no_suspend  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "B.2")
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        app.screen.query_one(TextArea).insert("typed in gpp")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "typed in gpp\nadded in my editor"
        used = Path(editor_script.read_text(encoding="utf-8"))
        assert not used.exists() and not used.parent.exists()  # removed afterwards
        await pilot.press("escape", "y")


async def test_a_missing_editor_is_one_message_and_the_text_stays(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "no-such-editor-anywhere")
    monkeypatch.delenv("VISUAL", raising=False)
    app = make_app()
    app.suspend = no_suspend  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("keep me")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "keep me"
        messages = [str(n.message) for n in app._notifications]
        assert any(m.startswith("Could not start no-such-editor-anywhere") for m in messages)
        await pilot.press("escape", "y")


async def test_with_encrypted_notes_ctrl_e_asks_before_writing_plain_text(
    make_app: MakeApp, editor_script: Path, tmp_path: Path
) -> None:
    encrypt_folder(tmp_path / "data", "correct horse battery")
    app = make_app()
    app.suspend = no_suspend  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"correct horse battery", "enter")
        await ready(pilot)
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("secret")
        await pilot.press("ctrl+e")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert not editor_script.exists()  # the editor never ran
        assert app.screen.query_one(TextArea).text == "secret"
        await pilot.press("ctrl+e", "y")
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "secret\nadded in my editor"
        await pilot.press("escape", "y")
