"""Where exports go: never the data folder, never over a file without a yes, one question."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import platformdirs
import pytest

from gpp_tui.exchange import destination
from gpp_tui.exchange.destination import (
    default_export_folder,
    existing_file,
    free_path,
    plain_exports,
    suggested_export_path,
)
from gpp_tui.exchange.export import ExportExistsError, write_export
from gpp_tui.session.sharing import export_question

MOMENT = datetime(2026, 12, 2, 9, 30, tzinfo=UTC)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own, with no Documents folder yet."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setattr(platformdirs, "user_documents_path", lambda: folder / "Documents")
    return folder


def test_exports_go_to_documents_when_there_is_one(home: Path) -> None:
    (home / "Documents").mkdir()
    assert default_export_folder() == home / "Documents"


def test_without_documents_exports_go_home_not_to_the_data_folder(
    home: Path, private_data_dir: Path
) -> None:
    assert default_export_folder() == home
    assert suggested_export_path("md", MOMENT) == home / "gpp-review-2026-12-02.md"
    assert private_data_dir not in suggested_export_path("html", MOMENT).parents


def test_a_home_that_cannot_be_written_sends_exports_to_the_current_folder(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    real_access = os.access
    monkeypatch.setattr(
        destination.os, "access", lambda p, mode: Path(p) != home and real_access(p, mode)
    )
    assert default_export_folder() == here


def test_the_suggested_name_is_always_free(home: Path) -> None:
    (home / "gpp-review-2026-12-02.md").write_text("yesterday's edited review")
    assert suggested_export_path("md", MOMENT) == home / "gpp-review-2026-12-02-2.md"
    (home / "gpp-review-2026-12-02-2.md").write_text("another")
    (home / "gpp-review-2026-12-02-3.md").symlink_to(home / "gone.md")  # dangling: taken too
    assert suggested_export_path("md", MOMENT) == home / "gpp-review-2026-12-02-4.md"
    assert free_path(home / "new.docx") == home / "new.docx"


def test_an_existing_file_is_never_replaced_without_being_asked(tmp_path: Path) -> None:
    target = tmp_path / "review.md"
    target.write_bytes(b"my edits")
    with pytest.raises(ExportExistsError, match=r"review\.md exists"):
        write_export(target, "the export")
    assert target.read_bytes() == b"my edits"
    write_export(target, "the export", replace=True)
    assert target.read_text() == "the export"


def test_no_question_for_a_new_file_of_plain_notes(tmp_path: Path) -> None:
    assert export_question(tmp_path / "new.md", encrypted=False) is None
    assert existing_file(tmp_path) is None  # a folder is refused when written, not replaced


def test_an_existing_file_asks_to_replace_it_naming_its_local_time(tmp_path: Path) -> None:
    target = tmp_path / "review.md"
    target.write_text("mine")
    moment = datetime(2026, 12, 1, 17, 5, tzinfo=UTC).timestamp()
    os.utime(target, (moment, moment))
    asked = export_question(target, encrypted=False)
    assert asked is not None and asked.replaces
    local = datetime.fromtimestamp(moment).astimezone()
    assert asked.text.startswith(f"review.md exists (modified {local:%Y-%m-%d %H:%M} ")
    assert asked.text.endswith("). Replace it?")


def test_encryption_and_an_existing_file_make_one_question(tmp_path: Path) -> None:
    new = export_question(tmp_path / "new.md", encrypted=True)
    assert new is not None and not new.replaces
    assert "an export is plain text" in new.text and "Write" in new.text
    target = tmp_path / "review.md"
    target.write_text("mine")
    both = export_question(target, encrypted=True)
    assert both is not None and both.replaces
    assert both.text.startswith("review.md exists (modified ")
    assert "Replace it?" in both.text and "an export is plain text" in both.text


def test_plain_exports_in_the_data_folder_are_found_and_the_notes_files_are_not(
    tmp_path: Path,
) -> None:
    for name in (
        "annotations.toml",
        "annotations.toml.bak",
        "state.toml",
        "team.toml",
        "key.age",
        "gpp-review-2026-12-01.md",
        "gpp-review-2026-12-01.html",
        "Review.DOCX",
        "gpp-notes-2026-12-01.toml",
        "for-ben.json",
    ):
        (tmp_path / name).write_text("x")
    (tmp_path / "drafts").mkdir()
    assert [path.name for path in plain_exports(tmp_path)] == [
        "Review.DOCX",
        "for-ben.json",
        "gpp-notes-2026-12-01.toml",
        "gpp-review-2026-12-01.html",
        "gpp-review-2026-12-01.md",
    ]
    assert plain_exports(tmp_path / "missing") == []
