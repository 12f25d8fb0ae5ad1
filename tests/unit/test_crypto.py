"""Notes under lock: age-encrypted data folders, wrong passphrases, no plaintext on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.crypto import (
    KEY_FILE,
    decrypt_folder,
    encrypt_folder,
    encryption_enabled,
    is_encrypted,
    unlock,
)
from gpp_tui.store.errors import StoreError, WrongPassphraseError

SECRET = "Survivor S-14 spoke of the checkpoint at دروازه 🙂"
PASSPHRASE = "correct horse battery"


def make_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with AnnotationStore(folder) as store:
        with store.update() as edit:
            edit.add_note("wigj-gpp", "D.3", SECRET, tags=("confidential",))
        with store.update() as edit:  # a second save leaves a .bak with the note too
            edit.set_bookmark("wigj-gpp", "B.2", "follow up")
        store.save_draft("wigj-gpp", "A.1", None, SECRET + " (draft)")
    return folder


def plaintext_files(folder: Path, text: str) -> list[Path]:
    needle = text.encode("utf-8")
    return [p for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_encrypt_leaves_no_note_text_in_any_file(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    assert plaintext_files(folder, "checkpoint")  # the test can see plaintext when it is there
    count = encrypt_folder(folder, PASSPHRASE)
    assert count == 3  # annotations, .bak and the draft
    assert encryption_enabled(folder)
    assert plaintext_files(folder, "checkpoint") == []
    assert plaintext_files(folder, "confidential") == []
    assert is_encrypted((folder / "annotations.toml").read_bytes())
    assert encrypt_folder(folder, PASSPHRASE) == 0  # running it again changes nothing


@pytest.mark.real_scrypt  # the one test on the real, unpatched key derivation
def test_wrong_passphrase_touches_nothing_and_right_one_opens(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    encrypt_folder(folder, PASSPHRASE)
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    with pytest.raises(WrongPassphraseError, match="wrong passphrase"):
        unlock(folder, "not the passphrase")
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before
    codec = unlock(folder, PASSPHRASE)
    with AnnotationStore(folder, codec=codec) as store:
        (note,) = store.annotations.notes_for("wigj-gpp", "D.3")
        assert note.text == SECRET
        assert [d.text for d in store.drafts()] == [SECRET + " (draft)"]
        with store.update() as edit:
            edit.add_note("wigj-gpp", "C.1", "second secret: Kandahar shura")
    assert plaintext_files(folder, "Kandahar") == []
    assert plaintext_files(folder, "checkpoint") == []


def test_opening_without_the_passphrase_is_read_only_and_never_moves_the_file(
    tmp_path: Path,
) -> None:
    folder = make_folder(tmp_path)
    encrypt_folder(folder, PASSPHRASE)
    sealed = (folder / "annotations.toml").read_bytes()
    with AnnotationStore(folder) as store:
        assert store.read_only
        assert any("encrypted" in m for m in store.messages)
    assert (folder / "annotations.toml").read_bytes() == sealed
    assert not list(folder.glob("*.corrupt-*"))


def test_decrypt_gives_back_the_same_annotations_as_plain_toml(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    with AnnotationStore(folder) as store:
        original = store.annotations
    encrypt_folder(folder, PASSPHRASE)
    with pytest.raises(WrongPassphraseError):
        decrypt_folder(folder, "wrong passphrase!")
    assert decrypt_folder(folder, PASSPHRASE) == 3
    assert not (folder / KEY_FILE).exists()
    text = (folder / "annotations.toml").read_text(encoding="utf-8")
    assert "checkpoint" in text
    with AnnotationStore(folder) as store:
        assert store.annotations == original


def test_short_passphrases_are_refused(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    with pytest.raises(StoreError, match="at least 8"):
        encrypt_folder(folder, "short")
    assert not encryption_enabled(folder)


def test_encrypt_also_seals_the_quarantined_corrupt_copies(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    broken = (folder / "annotations.toml").read_bytes().replace(b"schema_version", b"[schema", 1)
    (folder / "annotations.toml").write_bytes(broken)
    with AnnotationStore(folder) as store:  # moves the broken file aside, restores the .bak
        assert any("moved to" in m for m in store.messages)
    [aside] = folder.glob("annotations.toml.corrupt-*")
    assert b"checkpoint" in aside.read_bytes()
    assert encrypt_folder(folder, PASSPHRASE) == 4  # annotations, .bak, draft, corrupt copy
    assert is_encrypted(aside.read_bytes())
    assert plaintext_files(folder, "checkpoint") == []
    assert decrypt_folder(folder, PASSPHRASE) == 4
    assert aside.read_bytes() == broken  # still there for the user to rescue, as it was
