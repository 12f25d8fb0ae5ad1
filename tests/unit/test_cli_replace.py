"""`gpp export/cite --output` never replace a file without --force; `gpp encrypt` names exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpp_tui import cli_lock
from gpp_tui.cli import main
from gpp_tui.store.annotation_store import AnnotationStore

MINE = b"# My review, edited yesterday\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--format", "md", "--output"],
        ["export", "--output"],  # the format from the file name
        ["cite", "B.2", "--output"],
    ],
)
def test_an_existing_output_file_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    target = tmp_path / "existing.md"
    target.write_bytes(MINE)

    status, out, err = run(capsys, *command, str(target))

    assert (status, out) == (2, "")
    assert err == f"gpp: {target} exists; nothing was written (add --force to replace it)\n"
    assert target.read_bytes() == MINE


@pytest.mark.parametrize(
    "command", [["export", "--format", "md", "--output"], ["cite", "B.2", "--output"]]
)
def test_force_replaces_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    target = tmp_path / "existing.md"
    target.write_bytes(MINE)

    status, _out, err = run(capsys, *command, str(target), "--force")

    assert status == 0 and f"written to {target}" in err
    assert target.read_bytes() != MINE and b"B.2" in target.read_bytes()


def test_a_new_output_file_needs_no_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "new.html"
    status, _out, _err = run(capsys, "export", "--output", str(target))
    assert status == 0 and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_encrypt_names_the_plain_text_exports_left_in_the_data_folder_and_keeps_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    with AnnotationStore(folder) as store, store.update() as edit:
        edit.add_note("wigj-gpp", "B.2", "Witness safety plan")
    exports = {
        "gpp-review-2026-12-01.md": b"Witness safety plan",
        "gpp-review-2026-12-01.html": b"<p>Witness safety plan</p>",
        "gpp-notes-2026-12-01.toml": b"note = 'Witness safety plan'",
        "for-ben.json": b"{}",
    }
    for name, data in exports.items():
        (folder / name).write_bytes(data)
    monkeypatch.setattr(cli_lock, "ask_passphrase", lambda prompt: "correct horse battery")

    status, out, _err = run(capsys, "--data-dir", str(folder), "encrypt")

    assert status == 0
    assert out.splitlines()[2] == (
        f"4 exports in {folder} are plain text: for-ben.json, gpp-notes-2026-12-01.toml, "
        "gpp-review-2026-12-01.html and 1 more; move or delete them yourself"
    )
    for name, data in exports.items():  # listed, never moved, deleted or encrypted
        assert (folder / name).read_bytes() == data
    assert b"Witness" not in (folder / "annotations.toml").read_bytes()


def test_encrypt_names_one_export_then_none(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    with AnnotationStore(folder) as store, store.update() as edit:
        edit.add_note("wigj-gpp", "B.2", "Witness safety plan")
    (folder / "gpp-review-2026-12-01.md").write_text("one")
    monkeypatch.setattr(cli_lock, "ask_passphrase", lambda prompt: "correct horse battery")
    status, out, _err = run(capsys, "--data-dir", str(folder), "encrypt")
    assert status == 0
    assert out.splitlines()[2] == (
        f"1 export in {folder} is plain text: gpp-review-2026-12-01.md; move or delete it yourself"
    )
    (folder / "gpp-review-2026-12-01.md").unlink()
    status, out, _err = run(capsys, "--data-dir", str(folder), "encrypt")
    assert status == 0 and len(out.splitlines()) == 2
