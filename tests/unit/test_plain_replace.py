"""Plain mode: `export` asks before replacing a file, and asks once when notes are encrypted."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import platformdirs
import pytest
from plain_helpers import assert_plain, run_plain

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch
MINE = b"Yesterday's review, edited by hand"


@pytest.mark.parametrize("answer", ["no", "", "n"])
def test_export_over_an_existing_file_asks_and_keeps_it_unless_yes(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, answer: str
) -> None:
    target = tmp_path / "review.docx"
    target.write_bytes(MINE)

    status, out = run_plain(
        capsys, monkeypatch, tmp_path / "data", f"export docx {target}\n{answer}\n"
    )

    assert status == 0
    assert_plain(out)
    assert "review.docx exists (modified " in out and "Type yes to replace it." in out
    assert "Nothing was written: review.docx is kept as it was." in out
    assert target.read_bytes() == MINE


def test_yes_replaces_the_file(capsys: Capsys, monkeypatch: Patch, tmp_path: Path) -> None:
    target = tmp_path / "review.md"
    target.write_bytes(MINE)

    status, out = run_plain(capsys, monkeypatch, tmp_path / "data", f"export md {target}\nyes\n")

    assert status == 0
    assert f"Written to {target}." in out
    assert target.read_text(encoding="utf-8").startswith("# Gender Persecution Principles")


def test_the_default_file_is_a_free_name_in_the_home_folder(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(platformdirs, "user_documents_path", lambda: home / "Documents")
    today = f"{datetime.now().astimezone():%Y-%m-%d}"
    (home / f"gpp-review-{today}.md").write_bytes(MINE)

    status, out = run_plain(capsys, monkeypatch, tmp_path / "data", "export md\n")

    assert status == 0 and "exists" not in out  # nothing to ask: the name is free
    assert f"Written to {home / f'gpp-review-{today}-2.md'}." in out
    assert (home / f"gpp-review-{today}.md").read_bytes() == MINE
    assert not [p for p in (tmp_path / "data").iterdir() if p.suffix == ".md"]


def test_encrypted_notes_and_an_existing_file_ask_one_question(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    from gpp_tui import cli_lock
    from gpp_tui.store.crypto import encrypt_folder

    folder = tmp_path / "data"
    folder.mkdir()
    encrypt_folder(folder, "correct horse")
    monkeypatch.setattr(cli_lock, "ask_passphrase", lambda prompt: "correct horse")
    target = tmp_path / "review.md"
    target.write_bytes(MINE)

    status, out = run_plain(capsys, monkeypatch, folder, f"export md {target}\nyes\n")

    assert status == 0
    assert out.count("Type yes") == 1
    assert "review.md exists (modified " in out and "an export is plain text" in out
    assert f"Written to {target}." in out
    assert target.read_bytes() != MINE
