"""Store details mutation testing found unchecked: where the settings live, and the wrong
passphrase's message word for word."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.config import CONFIG_ENV, CONFIG_FILE, config_path
from gpp_tui.store.crypto import encrypt_folder, unlock
from gpp_tui.store.errors import WrongPassphraseError


def test_the_settings_file_is_in_the_apps_config_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CONFIG_ENV, raising=False)
    path = config_path()
    assert (path.parent.name, path.name) == ("gpp-tui", CONFIG_FILE)
    monkeypatch.setenv(CONFIG_ENV, "~/elsewhere.toml")
    assert config_path() == Path("~/elsewhere.toml").expanduser()


def test_a_wrong_passphrase_says_so_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with AnnotationStore(folder) as store, store.update() as edit:
        edit.add_note("wigj-gpp", "A.1", "sealed")
    encrypt_folder(folder, "correct horse battery")
    with pytest.raises(WrongPassphraseError) as wrong:
        unlock(folder, "not the passphrase")
    assert str(wrong.value) == "wrong passphrase; nothing was changed"


def test_encrypt_without_the_key_of_encrypted_files_names_them(tmp_path: Path) -> None:
    from gpp_tui.store.crypto import KEY_FILE
    from gpp_tui.store.errors import StoreError

    folder = tmp_path / "data"
    with AnnotationStore(folder) as store, store.update() as edit:
        edit.add_note("wigj-gpp", "A.1", "sealed")
    encrypt_folder(folder, "correct horse battery")
    (folder / KEY_FILE).unlink()
    key, notes = folder / KEY_FILE, folder / "annotations.toml"
    with pytest.raises(StoreError) as one:
        encrypt_folder(folder, "correct horse battery")
    assert str(one.value) == (
        f"{key} is missing but {notes} is encrypted with it; a new key could never open it. "
        "Put key.age back (from a backup) and run gpp encrypt again; nothing was changed"
    )
    (folder / "annotations.toml.bak").write_bytes(notes.read_bytes())
    with pytest.raises(StoreError) as two:
        encrypt_folder(folder, "correct horse battery")
    assert str(two.value) == (
        f"{key} is missing but {notes}, {notes}.bak are encrypted with it; a new key could "
        "never open them. Put key.age back (from a backup) and run gpp encrypt again; "
        "nothing was changed"
    )


def test_settings_problems_word_for_word(tmp_path: Path) -> None:
    from gpp_tui.store.config import load_config

    path = tmp_path / "config.toml"
    path.write_bytes(b'author = "\xff"\n')
    assert load_config(path)[1] == [
        f"{path}: cannot be read: it is not UTF-8 text (byte 0xff on line 1); using defaults"
    ]
    path.write_text('keys.x = 5\nlock_after_minutes = -1\nplain = "yes"\n', encoding="utf-8")
    config, problems = load_config(path)
    assert problems == [
        f"{path}: plain must be true or false; ignored",
        f"{path}: keys.x must be a key such as 'ctrl+b'",
        f"{path}: lock_after_minutes must be a number of minutes from 0 (never) to 10080; ignored",
    ]
    assert config.plain is None and config.lock_after_minutes == 0


def test_settings_at_their_limits_are_taken(tmp_path: Path) -> None:
    from gpp_tui.store.config import MAX_KEYS, MAX_LOCK_MINUTES, load_config

    path = tmp_path / "config.toml"
    keys = "".join(f'keys.binding{i} = "ctrl+{i}"\n' for i in range(MAX_KEYS))
    path.write_text(f"lock_after_minutes = {MAX_LOCK_MINUTES}\n{keys}", encoding="utf-8")
    config, problems = load_config(path)
    assert problems == []
    assert config.lock_after_minutes == MAX_LOCK_MINUTES and len(config.keys) == MAX_KEYS


def test_a_note_written_without_an_author_names_none(tmp_path: Path) -> None:
    with AnnotationStore(tmp_path / "data") as store, store.update() as edit:
        note = edit.add_note("wigj-gpp", "A.1", "anonymous")
    assert note.author == ""


def test_a_lock_that_fails_otherwise_is_told_and_the_store_still_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from gpp_tui.store import annotation_store

    def no_locks(self: object, *args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(annotation_store.FileLock, "acquire", no_locks)
    folder = tmp_path / "data"
    with AnnotationStore(folder) as store:
        assert store.messages == [
            f"Could not lock {store.lock_path} (No locks available); do not run two copies "
            "of gpp-tui on this folder at once."
        ]
        assert not store.read_only


def test_a_node_that_would_not_read_back_is_named_in_the_refusal() -> None:
    from gpp_tui.store.errors import SaveError
    from gpp_tui.store.serialize import _check_reads_back

    with pytest.raises(SaveError) as refused:
        _check_reads_back('[packs.wigj-gpp."B.2"]\nx = 1\n', ("packs", "wigj-gpp", "B.2"), {"x": 2})
    assert str(refused.value) == (
        "not saved: wigj-gpp/B.2 would not read back exactly (a gpp-tui bug)"
    )


def test_a_notes_file_too_large_or_unreadable_is_told_word_for_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gpp_tui.store import annotation_store

    folder = tmp_path / "data"
    folder.mkdir()
    notes = folder / "annotations.toml"
    with notes.open("wb") as file:
        file.truncate(annotation_store.MAX_STORE_BYTES + 1)  # sparse
    with AnnotationStore(folder) as store:
        (message,) = store.messages
        assert message.startswith(f"{notes} was not opened: ")
        assert message.endswith(". It was left untouched; nothing will be written.")
    notes.write_text("", encoding="utf-8")

    def unreadable(path: Path, limit: int) -> bytes:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(annotation_store, "read_bytes", unreadable)
    with AnnotationStore(folder) as store:
        assert store.messages == [
            f"Could not read {notes} (Input/output error); opened read-only, nothing will be "
            "written."
        ]
