"""CLI: `gpp search`, `gpp encrypt` / `gpp decrypt`, `gpp config --path`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from filelock import FileLock

from gpp_tui import cli_lock
from gpp_tui.cli import main
from gpp_tui.store.annotation_store import AnnotationStore

PASSPHRASE = "correct horse battery"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with AnnotationStore(folder) as store, store.update() as edit:
        edit.add_note("wigj-gpp", "C.2", "Met the Herat women's shura about testimony")
    return folder


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Passphrases 'typed' at the terminal, in order."""
    answers: list[str] = []
    monkeypatch.setattr(cli_lock, "ask_passphrase", lambda prompt: answers.pop(0))
    yield answers


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_ranks_b2_first_for_retaliation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "retaliation")
    assert code == 0
    assert out.splitlines()[0].startswith("B.2 Anti-Retaliation Safeguards")


@pytest.mark.parametrize("query", ["réparations", "reparation", "REPARATIONS"])
def test_search_folds_accents_and_case(capsys: pytest.CaptureFixture[str], query: str) -> None:
    code, out, _ = run(capsys, "search", query, "--json")
    assert code == 0
    ids = [hit["id"] for hit in json.loads(out)["results"]]
    assert ids[0] == "D.2"


def test_search_finds_a_word_only_in_a_note(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    code, out, _ = run(capsys, "--data-dir", str(data), "search", "herat", "--json")
    assert code == 0
    (hit,) = json.loads(out)["results"]
    assert (hit["id"], hit["heading"]) == ("C.2", "note on C.2")
    assert hit["note"]


def test_search_limit_and_no_results(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "survivors", "--limit", "2")
    assert code == 0 and len([line for line in out.splitlines() if "[" in line]) == 2
    code, out, _ = run(capsys, "search", "zzzqqq")
    assert (code, out.strip()) == (0, "No results.")
    code, _, err = run(capsys, "search", "x", "--limit", "0")
    assert code == 2 and err.count("\n") == 1


def test_encrypt_then_decrypt_from_the_command_line(
    capsys: pytest.CaptureFixture[str], data: Path, typed: list[str]
) -> None:
    typed += [PASSPHRASE, PASSPHRASE]
    code, out, _ = run(capsys, "--data-dir", str(data), "encrypt")
    assert code == 0 and "Encrypted" in out
    assert b"Herat" not in (data / "annotations.toml").read_bytes()

    typed += ["wrong passphrase"]
    code, _, err = run(capsys, "--data-dir", str(data), "search", "herat")
    assert code == 2 and "wrong passphrase" in err and "Traceback" not in err

    typed += [PASSPHRASE]
    code, out, _ = run(capsys, "--data-dir", str(data), "search", "herat")
    assert code == 0 and "note on C.2" in out

    typed += [PASSPHRASE]
    code, out, _ = run(capsys, "--data-dir", str(data), "decrypt")
    assert code == 0 and "plain TOML" in out
    assert "Herat" in (data / "annotations.toml").read_text(encoding="utf-8")


def test_encrypt_refuses_differing_passphrases(
    capsys: pytest.CaptureFixture[str], data: Path, typed: list[str]
) -> None:
    before = (data / "annotations.toml").read_bytes()
    typed += [PASSPHRASE, PASSPHRASE + "x"]
    code, _, err = run(capsys, "--data-dir", str(data), "encrypt")
    assert code == 2 and "differ" in err
    assert (data / "annotations.toml").read_bytes() == before


@pytest.mark.parametrize("command", ["encrypt", "decrypt"])
def test_a_running_app_is_named_before_any_passphrase_is_asked(
    capsys: pytest.CaptureFixture[str], data: Path, typed: list[str], command: str
) -> None:
    if command == "decrypt":
        typed += [PASSPHRASE, PASSPHRASE]
        assert run(capsys, "--data-dir", str(data), "encrypt")[0] == 0
    typed += [PASSPHRASE, PASSPHRASE]
    with _held(data):  # a running copy holds the lock
        code, _, err = run(capsys, "--data-dir", str(data), command)
    assert code == 2 and "close it first" in err
    assert typed == [PASSPHRASE, PASSPHRASE]  # not one passphrase was asked for


def _held(folder: Path) -> FileLock:
    """The lock a running app holds on its data folder."""
    return FileLock(folder / "annotations.toml.lock")


@pytest.mark.parametrize("files", [1, 2])
def test_encrypt_and_decrypt_say_how_many_files_in_lines_that_fit(
    capsys: pytest.CaptureFixture[str], data: Path, typed: list[str], files: int
) -> None:
    if files == 2:  # a second save keeps the first as annotations.toml.bak
        with AnnotationStore(data) as store, store.update() as edit:
            edit.add_note("wigj-gpp", "B.2", "A second note")
    typed += [PASSPHRASE, PASSPHRASE, PASSPHRASE]
    code, encrypted, _ = run(capsys, "--data-dir", str(data), "encrypt")
    assert code == 0
    code, decrypted, _ = run(capsys, "--data-dir", str(data), "decrypt")
    assert code == 0
    word = "file" if files == 1 else "files"
    assert encrypted.splitlines() == [
        f"Encrypted {files} {word} in {data}.",
        "Keep your passphrase safe: without it your notes cannot be read.",
    ]
    assert decrypted.splitlines() == [
        f"Decrypted {files} {word} in {data}.",
        "Your notes are plain TOML again.",
    ]


def test_config_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "config", "--path")
    assert code == 0 and out.strip().endswith(".toml")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_encrypt_advice_fits_80_columns(
    capsys: pytest.CaptureFixture[str], data: Path, typed: list[str], lang: str
) -> None:
    typed += [PASSPHRASE, PASSPHRASE]
    code, out, _ = run(capsys, "--lang", lang, "--data-dir", str(data), "encrypt")
    done, advice = out.splitlines()
    assert code == 0 and str(data) in done
    assert len(advice) <= 80 and "file(s)" not in out and "fichier(s)" not in out
