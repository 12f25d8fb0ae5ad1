"""Odd folders, full and read-only disks, damaged keys: one line, exit 2, nothing touched."""

from __future__ import annotations

import contextlib
import io
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyrage import passphrase as age_passphrase

from gpp_tui import cli_lock
from gpp_tui.cli import main
from gpp_tui.store import edits
from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.crypto import KEY_FILE, encrypt_folder, unlock
from gpp_tui.store.errors import DamagedKeyError
from gpp_tui.store.models import Annotations

PASSPHRASE = "correct horse"


def gpp(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = main(list(argv))
    return status, out.getvalue()


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every passphrase prompt gets PASSPHRASE."""
    monkeypatch.setattr(cli_lock, "ask_passphrase", lambda prompt: PASSPHRASE)


def with_note(folder: Path, text: str = "a note") -> None:
    annotations, _ = edits.add_note(Annotations(), "wigj-gpp", "B.2", text)
    with AnnotationStore(folder) as store, store.update() as editor:
        editor.annotations = annotations


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("kind", ["file", "dev-null", "under-a-file"])
@pytest.mark.parametrize("command", ["encrypt", "decrypt", "import", "search", "export"])
def test_a_data_dir_that_cannot_be_a_folder_is_one_line(
    tmp_path: Path, kind: str, command: str, typed: None
) -> None:
    (tmp_path / "file").write_text("not a folder")
    folder = {
        "file": tmp_path / "file",
        "dev-null": Path("/dev/null"),
        "under-a-file": tmp_path / "file" / "data",
    }[kind]
    export = tmp_path / "export.json"
    export.write_text('{"format": "gpp-tui-annotations", "schema_version": 2, "packs": {}}')
    argv = {
        "encrypt": ["encrypt"],
        "decrypt": ["decrypt"],
        "import": ["import", str(export)],
        "search": ["search", "x"],
        "export": ["export", "--format", "md"],
    }[command]

    status, output = gpp("--data-dir", str(folder), *argv)

    assert status == 2
    assert output.count("\n") == 1 and output.startswith("gpp: "), output
    assert (tmp_path / "file").read_text() == "not a folder"


@pytest.fixture
def sealed_junk() -> dict[str, bytes]:
    """key.age files that are valid age files with the wrong content.

    Sealed through the memoised key derivation (tests/conftest.py): scrypt once per run.
    """
    return {
        "junk": bytes(age_passphrase.encrypt(b"not a key at all", PASSPHRASE)),
        "not-utf8": bytes(age_passphrase.encrypt(b"\xff\xfe\x00AGE-SECRET", PASSPHRASE)),
    }


@pytest.mark.parametrize("case", ["junk", "not-utf8", "cut-short", "not-age"])
def test_a_damaged_key_file_says_so_and_touches_nothing(
    tmp_path: Path, sealed_junk: dict[str, bytes], case: str, typed: None
) -> None:
    with_note(tmp_path)
    good = sealed_junk["junk"]
    key = {
        "junk": good,
        "not-utf8": sealed_junk["not-utf8"],
        "cut-short": good[:-8],
        "not-age": b"AGE-SECRET-KEY-1 pasted by hand\n",
    }[case]
    (tmp_path / KEY_FILE).write_bytes(key)
    before = snapshot(tmp_path)

    with pytest.raises(DamagedKeyError, match="is damaged"):
        unlock(tmp_path, PASSPHRASE)
    for argv in (["search", "note"], ["encrypt"], ["decrypt"], ["export", "--format", "json"]):
        status, output = gpp("--data-dir", str(tmp_path), *argv)
        assert status == 2, argv
        assert output.count("\n") == 1 and "key file" in output and "is damaged" in output

    assert snapshot(tmp_path) == before


def test_encrypt_refuses_to_make_a_new_key_over_files_the_old_one_encrypted(
    tmp_path: Path, typed: None
) -> None:
    with_note(tmp_path)
    encrypt_folder(tmp_path, PASSPHRASE)
    (tmp_path / KEY_FILE).unlink()
    before = snapshot(tmp_path)

    status, output = gpp("--data-dir", str(tmp_path), "encrypt")

    assert status == 2 and output.count("\n") == 1
    assert "key.age is missing" in output and "annotations.toml" in output
    assert snapshot(tmp_path) == before


def test_an_import_never_changes_the_mode_of_an_existing_folder(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with_note(folder)
    folder.chmod(0o500)
    export = tmp_path / "export.json"
    assert gpp("--data-dir", str(folder), "export", "-o", str(export))[0] == 0
    try:
        status, output = gpp("--data-dir", str(tmp_path / "data"), "import", str(export))
        assert stat.S_IMODE(folder.stat().st_mode) == 0o500
        if os.geteuid() != 0:  # root may write anyway; others get one line
            assert status == 2 and output.count("\n") == 1
    finally:
        folder.chmod(0o700)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 kB tmpfs (needs root and mount); skipped with the reason otherwise."""
    point = tmp_path / "disk"
    point.mkdir()
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", str(point)],
            check=True,
            capture_output=True,
            timeout=20,
        )
    except (OSError, subprocess.SubprocessError) as error:
        pytest.skip(f"cannot mount a small tmpfs here (needs root and mount): {error}")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False, capture_output=True)


def test_encrypt_on_a_full_disk_is_one_line(small_disk: Path, typed: None) -> None:
    folder = small_disk / "data"
    with_note(folder, "x" * 100_000)
    (folder / "annotations.toml.bak").unlink(missing_ok=True)
    filler = small_disk / "filler"
    with contextlib.suppress(OSError), filler.open("wb") as file:
        while True:  # fill the disk until only a few kB are left
            file.write(b"\0" * 4096)
            file.flush()
    filler.write_bytes(filler.read_bytes()[:-16384])
    before = (folder / "annotations.toml").read_bytes()

    status, output = gpp("--data-dir", str(folder), "encrypt")

    assert status == 2
    assert output.count("\n") == 1 and "No space left on device" in output, output
    assert (folder / "annotations.toml").read_bytes() == before


def test_encrypt_on_a_read_only_disk_is_one_line(small_disk: Path, typed: None) -> None:
    folder = small_disk / "data"
    with_note(folder)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    before = snapshot(folder)

    for argv in (["encrypt"], ["import", str(folder / "annotations.toml")]):
        status, output = gpp("--data-dir", str(folder), *argv)
        assert status == 2
        assert output.count("\n") <= 2 and "Traceback" not in output, output
    assert snapshot(folder) == before
