"""Completing file paths in the export and import prompts (tab or → takes the completion)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input

from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens.prompt import PromptScreen
from gpp_tui.ui.widgets.path_suggester import complete_path

from .test_annotations import ready, saved

MakeApp = Callable[..., GppApp]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "reviews").mkdir()
    (tmp_path / "ben-notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / "ben-review.html").write_text("", encoding="utf-8")
    (tmp_path / ".hidden.json").write_text("{}", encoding="utf-8")
    return tmp_path


def test_a_unique_prefix_completes_the_name(folder: Path) -> None:
    assert complete_path(f"{folder}/ben-n") == f"{folder}/ben-notes.json"


def test_a_folder_completes_with_a_separator(folder: Path) -> None:
    assert complete_path(f"{folder}/rev") == f"{folder}/reviews{os.sep}"


def test_the_first_of_several_matches_in_name_order(folder: Path) -> None:
    assert complete_path(f"{folder}/ben") == f"{folder}/ben-notes.json"


def test_hidden_files_only_when_asked_for(folder: Path) -> None:
    assert complete_path(f"{folder}/") == f"{folder}/ben-notes.json"
    assert complete_path(f"{folder}/.h") == f"{folder}/.hidden.json"


def test_nothing_to_complete(folder: Path) -> None:
    assert complete_path(f"{folder}/zzz") is None
    assert complete_path(f"{folder}/ben-notes.json") is None  # already whole
    assert complete_path(f"{folder}/missing/x") is None
    assert complete_path("") is None


def test_home_is_expanded_but_kept_as_typed(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(folder))
    assert complete_path("~/ben-n") == "~/ben-notes.json"


async def test_tab_takes_the_completion_in_the_import_prompt(
    make_app: MakeApp, folder: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("I")
        assert isinstance(app.screen, PromptScreen)
        field = app.screen.query_one(Input)
        field.value = f"{folder}/ben-"  # the path in one go: this test is about tab
        field.cursor_position = len(field.value)
        await pilot.press("n")
        await saved(pilot)
        await pilot.press("tab")
        assert field.value == f"{folder}/ben-notes.json"
        await pilot.press("escape", "q")
