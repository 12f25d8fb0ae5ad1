"""Pilot tests: an export never replaces a file without a yes; its default is a free name."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import platformdirs
import pytest
from textual.widgets import Input, Static

from gpp_tui.store.crypto import encrypt_folder
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens.confirm import ConfirmScreen
from gpp_tui.ui.screens.prompt import PromptScreen

from .test_annotations import ready, saved

MakeApp = Callable[..., GppApp]
MINE = b"# Yesterday's review, edited by hand\n"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder with no Documents folder: where exports go by default."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setattr(platformdirs, "user_documents_path", lambda: folder / "Documents")
    return folder


def question(app: GppApp) -> str:
    assert isinstance(app.screen, ConfirmScreen)
    return str(app.screen.query_one("#confirm-question", Static).content)


async def markdown_to(pilot: object, app: GppApp, target: Path) -> None:
    """x, Markdown, Everything, then `target` typed over the suggested path."""
    await pilot.press("x", "down", "enter", "enter")  # type: ignore[attr-defined]
    assert isinstance(app.screen, PromptScreen)
    app.screen.query_one(Input).value = str(target)
    await pilot.press("enter")  # type: ignore[attr-defined]


async def test_the_suggested_path_is_a_free_name_outside_the_data_folder(
    make_app: MakeApp, home: Path, tmp_path: Path
) -> None:
    today = f"{datetime.now().astimezone():%Y-%m-%d}"
    yesterday_edited = home / f"gpp-review-{today}.md"
    yesterday_edited.write_bytes(MINE)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("x", "down", "enter", "enter")
        field = app.screen.query_one(Input)
        assert field.value == str(home / f"gpp-review-{today}-2.md")
        await pilot.press("enter")  # a free name: nothing to ask
        await saved(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
    assert yesterday_edited.read_bytes() == MINE
    assert (home / f"gpp-review-{today}-2.md").read_text().startswith("# Gender Persecution")
    assert not list((tmp_path / "data").glob("*.md"))


@pytest.mark.parametrize("key", ["n", "escape"])
async def test_keep_leaves_the_file_and_offers_a_free_name(
    make_app: MakeApp, tmp_path: Path, key: str
) -> None:
    target = tmp_path / "review.md"
    target.write_bytes(MINE)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await markdown_to(pilot, app, target)
        asked = question(app)
        assert asked.startswith("review.md exists (modified ") and asked.endswith("Replace it?")
        await pilot.press(key)
        await saved(pilot)
        assert target.read_bytes() == MINE
        assert isinstance(app.screen, PromptScreen)  # back to the path, a free name offered
        assert app.screen.query_one(Input).value == str(tmp_path / "review-2.md")
        assert "review.md is kept" in str(app.screen.query_one("#prompt-question", Static).content)
        await pilot.press("escape")
        await saved(pilot)
    assert target.read_bytes() == MINE
    assert not (tmp_path / "review-2.md").exists()


async def test_replace_writes_over_the_file(make_app: MakeApp, tmp_path: Path) -> None:
    target = tmp_path / "review.md"
    target.write_bytes(MINE)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await markdown_to(pilot, app, target)
        assert "Replace it?" in question(app)
        await pilot.press("y")
        await saved(pilot)
        assert f"Written to {target}" in [str(n.message) for n in app._notifications]
    assert target.read_text(encoding="utf-8").startswith("# Gender Persecution Principles")


async def test_encrypted_notes_over_a_file_ask_one_question(
    make_app: MakeApp, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    encrypt_folder(folder, "correct horse battery")
    target = tmp_path / "review.md"
    target.write_bytes(MINE)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"correct horse battery", "enter")
        await ready(pilot)
        await markdown_to(pilot, app, target)
        asked = question(app)
        assert "review.md exists" in asked and "an export is plain text" in asked
        await pilot.press("y")
        await saved(pilot)
        assert not isinstance(app.screen, ConfirmScreen)  # no second dialog
    assert target.read_text(encoding="utf-8").startswith("# Gender Persecution Principles")
