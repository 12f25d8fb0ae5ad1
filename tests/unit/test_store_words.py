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
