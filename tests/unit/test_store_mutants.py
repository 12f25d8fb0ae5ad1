"""Store promises that mutation testing found unchecked: reload, flagged notes, the position."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from gpp_tui.store import edits
from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.models import Annotations
from gpp_tui.store.state import STATE_FILE, AppState, load_state

P = "wigj-gpp"
T0 = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


def test_a_clean_store_reloads_what_another_program_wrote(tmp_path: Path) -> None:
    with AnnotationStore(tmp_path) as store:
        with store.update() as edit:
            edit.add_note(P, "B.2", "first")
        text = store.path.read_text(encoding="utf-8")
        store.path.write_text(text.replace("first", "changed on disk"), encoding="utf-8")
        store.reload()
        assert not store.read_only and store.read_only_reason == ""
        assert [note.text for note in store.annotations.notes_for(P, "B.2")] == ["changed on disk"]
        with store.update() as edit:  # still writable after the reload
            edit.add_note(P, "B.2", "second")
    with AnnotationStore(tmp_path) as again:
        texts = [note.text for note in again.annotations.notes_for(P, "B.2")]
        assert texts == ["changed on disk", "second"]


def test_a_store_freed_by_the_other_copy_has_no_reason_left(tmp_path: Path) -> None:
    first = AnnotationStore(tmp_path)
    second = AnnotationStore(tmp_path)
    assert second.read_only_reason.startswith("another copy")
    first.close()
    second.reload()
    assert second.read_only_reason == ""
    second.close()


def test_a_bookmark_toggled_without_a_label_has_none() -> None:
    marked = edits.toggle_bookmark(Annotations(), P, "B.2", now=T0)
    bookmark = marked.node(P, "B.2").bookmark
    assert bookmark is not None and bookmark.label == ""
    assert edits.toggle_bookmark(marked, P, "B.2").node(P, "B.2").bookmark is None


def test_changed_text_is_flagged_after_a_node_without_notes() -> None:
    notes = edits.set_bookmark(Annotations(), P, "A.1", now=T0)  # first node: no notes
    notes, old = edits.add_note(notes, P, "B.2", "about the old text", node_text="v1", now=T0)
    assert notes.changed_notes(P, {"A.1": "a", "B.2": "v2"}) == [("B.2", old)]
    notes = edits.set_bookmark(Annotations(), P, "Z.9", now=T0)  # a node the pack lost first
    notes, old = edits.add_note(notes, P, "B.2", "about the old text", node_text="v1", now=T0)
    assert notes.changed_notes(P, {"B.2": "v2"}) == [("B.2", old)]


def test_a_position_with_a_pack_and_no_node_keeps_the_pack(tmp_path: Path) -> None:
    (tmp_path / STATE_FILE).write_text(f'[last]\npack = "{P}"\n', encoding="utf-8")
    assert load_state(tmp_path) == AppState(P, "")


def _store_with_backup(folder: Path) -> None:
    with AnnotationStore(folder) as store:
        with store.update() as edit:
            edit.add_note(P, "D.3", "kept in the backup")
        with store.update() as edit:
            edit.set_bookmark(P, "B.2", "second save")


def test_a_missing_file_is_restored_from_the_backup_and_said_so_exactly(tmp_path: Path) -> None:
    _store_with_backup(tmp_path)
    (tmp_path / "annotations.toml").unlink()
    with AnnotationStore(tmp_path) as store:
        saved = datetime.fromtimestamp(store.backup_path.stat().st_mtime).astimezone()
        assert store.messages == [
            f"{store.path} was missing. Your annotations were restored from the backup "
            f"{store.backup_path} (1 note), saved {saved:%Y-%m-%d %H:%M %Z}."
        ]
        assert [n.text for n in store.annotations.notes_for(P, "D.3")] == ["kept in the backup"]


def test_an_unreadable_file_and_no_backup_says_both_exactly(tmp_path: Path) -> None:
    (tmp_path / "annotations.toml").write_bytes(b"not [ toml")
    with AnnotationStore(tmp_path) as store:
        (message,) = store.messages
        (aside,) = tmp_path.glob("annotations.toml.corrupt-*")
        assert message.startswith(f"{store.path} could not be read: ")
        assert message.endswith(
            f"; it was moved to {aside}. The backup {store.backup_path} could not be used "
            "either (No such file or directory). Starting with no annotations; "
            "no file was deleted."
        )
        assert not store.read_only


def test_an_unreadable_backup_is_named_with_its_reason_and_moved_aside(tmp_path: Path) -> None:
    (tmp_path / "annotations.toml.bak").write_bytes(b"\xff not text")
    with AnnotationStore(tmp_path) as store:
        (message,) = store.messages
        (aside,) = tmp_path.glob("annotations.toml.bak.corrupt-*")
        assert message == (
            f"{store.path} was missing. The backup {store.backup_path} could not be used "
            f"either (it is not valid UTF-8 text (byte 0)); it was moved to {aside}. "
            "Starting with no annotations; no file was deleted."
        )
        assert aside.read_bytes() == b"\xff not text"


def test_a_read_only_copy_never_moves_a_bad_backup(tmp_path: Path) -> None:
    first = AnnotationStore(tmp_path)  # holds the lock: the next copy is read-only
    (tmp_path / "annotations.toml.bak").write_bytes(b"\xff not text")
    with AnnotationStore(tmp_path) as second:
        assert second.read_only
        assert second.messages[-1] == (
            f"{second.path} was missing. The backup {second.backup_path} could not be used "
            "either (it is not valid UTF-8 text (byte 0)). Starting with no annotations; "
            "no file was deleted."
        )
    assert sorted(p.name for p in tmp_path.iterdir() if "annotations" in p.name) == [
        "annotations.toml.bak",
        "annotations.toml.lock",
    ]
    first.close()


def test_an_encrypted_folder_is_restored_from_its_encrypted_backup(tmp_path: Path) -> None:
    from pyrage import x25519

    from gpp_tui.store.crypto import AgeCodec

    codec = AgeCodec(str(x25519.Identity.generate()))
    with AnnotationStore(tmp_path, codec=codec) as store:
        with store.update() as edit:
            edit.add_note(P, "D.3", "sealed")
        with store.update() as edit:
            edit.set_bookmark(P, "B.2")
    (tmp_path / "annotations.toml").write_bytes(b"damaged")
    with AnnotationStore(tmp_path, codec=codec) as store:
        assert [n.text for n in store.annotations.notes_for(P, "D.3")] == ["sealed"]
        assert "were restored from the backup" in store.messages[0]
    assert b"sealed" not in (tmp_path / "annotations.toml").read_bytes()


def test_a_restore_that_does_not_read_back_is_written_again_at_the_next_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store_with_backup(tmp_path)
    (tmp_path / "annotations.toml").unlink()
    real_read = Path.read_bytes

    def flipping_disk(self: Path) -> bytes:
        data = real_read(self)
        return b"\xff" + data[1:] if self.name.endswith(".tmp") else data

    with monkeypatch.context() as patch:
        patch.setattr(Path, "read_bytes", flipping_disk)
        store = AnnotationStore(tmp_path)
    assert "were restored from the backup" in store.messages[0]
    assert store.dirty  # the restore is not on disk yet: the next save writes it
    assert not (tmp_path / "annotations.toml").exists()
    assert store.save()
    store.close()
    with AnnotationStore(tmp_path) as again:
        assert [n.text for n in again.annotations.notes_for(P, "D.3")] == ["kept in the backup"]


def test_without_hard_links_a_damaged_file_never_replaces_an_earlier_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from gpp_tui.store import annotation_store

    def no_links(source: object, target: object) -> None:  # a FAT USB stick
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    monkeypatch.setattr(annotation_store, "utc_now", lambda: T0)  # two opens in one second
    for damage in (b"first damage", b"second damage"):
        (tmp_path / "annotations.toml").write_bytes(damage)
        AnnotationStore(tmp_path).close()
    stamp = T0.strftime("%Y%m%dT%H%M%SZ")
    first = tmp_path / f"annotations.toml.corrupt-{stamp}"
    second = tmp_path / f"annotations.toml.corrupt-{stamp}-1"
    assert (first.read_bytes(), second.read_bytes()) == (b"first damage", b"second damage")


def test_editing_a_note_changes_its_tags_and_clears_the_changed_text_flag(
    tmp_path: Path,
) -> None:
    with AnnotationStore(tmp_path) as store:
        with store.update() as edit:
            note = edit.add_note(P, "B.2", "on the first text", tags=("old",), node_text="v1")
        assert store.annotations.changed_notes(P, {"B.2": "v2"}) == [
            ("B.2", store.annotations.notes_for(P, "B.2")[0])
        ]
        with store.update() as edit:
            edit.edit_note(P, "B.2", note.id, tags=("new", "tag"), node_text="v2")
        (edited,) = store.annotations.notes_for(P, "B.2")
        assert edited.tags == ("new", "tag") and edited.text == "on the first text"
        assert store.annotations.changed_notes(P, {"B.2": "v2"}) == []


def test_a_missing_note_is_named_in_the_error() -> None:
    from gpp_tui.store.edits import NoteNotFoundError

    with pytest.raises(NoteNotFoundError, match=r"no note n1 on wigj-gpp/B\.2"):
        edits.edit_note(Annotations(), P, "B.2", "n1", text="x")
    with pytest.raises(NoteNotFoundError, match=r"no note n1 on wigj-gpp/B\.2"):
        edits.delete_note(Annotations(), P, "B.2", "n1")


def test_deleting_both_versions_of_a_conflict_keeps_both_out_of_a_later_merge() -> None:
    from gpp_tui.exchange.merge import merge

    base, note = edits.add_note(Annotations(), P, "B.2", "base", now=T0)
    later = T0.replace(hour=10)
    mine, _ = edits.edit_note(base, P, "B.2", note.id, text="mine", now=later)
    theirs, _ = edits.edit_note(base, P, "B.2", note.id, text="theirs", now=later)
    both = merge(mine, theirs).annotations
    copy = next(n for n in both.notes_for(P, "B.2") if n.conflict_of)
    cleared = edits.delete_note(both, P, "B.2", copy.id)
    cleared = edits.delete_note(cleared, P, "B.2", note.id)
    assert cleared.notes_for(P, "B.2") == ()
    for other in (mine, theirs, both):
        assert merge(cleared, other).annotations.notes_for(P, "B.2") == ()


def test_a_bad_backup_that_cannot_be_moved_is_left_and_not_said_moved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    def refused(source: object, target: object) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    (tmp_path / "annotations.toml.bak").write_bytes(b"\xff not text")
    monkeypatch.setattr(os, "link", refused)
    monkeypatch.setattr(os, "rename", refused)
    with AnnotationStore(tmp_path) as store:
        assert store.messages == [
            f"{store.path} was missing. The backup {store.backup_path} could not be used "
            "either (it is not valid UTF-8 text (byte 0)). Starting with no annotations; "
            "no file was deleted."
        ]
    assert (tmp_path / "annotations.toml.bak").read_bytes() == b"\xff not text"


def test_an_unreadable_file_that_cannot_be_moved_makes_the_store_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    def refused(source: object, target: object) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    (tmp_path / "annotations.toml").write_bytes(b"not [ toml")
    monkeypatch.setattr(os, "link", refused)
    monkeypatch.setattr(os, "rename", refused)
    with AnnotationStore(tmp_path) as store:
        assert store.read_only
        assert store.read_only_reason == f"{store.path} cannot be read or moved aside"
        (message,) = store.messages
        assert message.startswith(f"{store.path} cannot be read: ")
        assert message.endswith(
            "; it could not be moved aside (Permission denied), so it was left untouched "
            "and nothing will be written."
        )
    assert (tmp_path / "annotations.toml").read_bytes() == b"not [ toml"


# Fingerprints stored in users' files: a note's text_hash, the history of its versions
# (supersedes) and conflict copy ids. Were they computed differently, every note would
# be flagged as written on changed text, and every edit would merge as a conflict.
def test_stored_fingerprints_stay_the_same_from_one_run_to_the_next() -> None:
    from gpp_tui.exchange.merge import conflict_copy_id
    from gpp_tui.store.kinds import text_hash
    from gpp_tui.store.models import Note

    note = Note(
        id="n1", text="Témoin à Goma — دروازه", tags=("confidentiel",), created=T0, updated=T0
    )
    assert note.version_hash() == "5d327beddf751722"
    assert text_hash("Une ligne\nune autre — é") == "acada8e937fa0141"
    assert text_hash("Une ligne\r\nune autre — é") == "acada8e937fa0141"  # CRLF evened out
    assert conflict_copy_id("n1", "Témoin", ("é",)) == "n1~e45939448551"


def test_a_pack_saved_with_windows_line_endings_flags_no_note() -> None:
    text = "First line of the recommendation.\nSecond line."
    notes, _ = edits.add_note(Annotations(), P, "B.2", "a note", node_text=text, now=T0)
    assert notes.changed_notes(P, {"B.2": text.replace("\n", "\r\n")}) == []


def test_the_editor_bookmarks_without_a_label(tmp_path: Path) -> None:
    with AnnotationStore(tmp_path) as store:
        with store.update() as edit:
            edit.set_bookmark(P, "B.2")
        bookmark = store.annotations.node(P, "B.2").bookmark
        assert bookmark is not None and bookmark.label == ""


def test_a_draft_reads_back_whole_and_a_wrong_one_is_named(tmp_path: Path) -> None:
    from gpp_tui.store.drafts import Drafts

    drafts = Drafts(tmp_path)
    drafts.save(P, "B.2", "n1", "being typed")
    wrong = tmp_path / "drafts" / "wrong.toml"
    wrong.write_text(
        f'schema_version = 1\npack = "{P}"\nnode = "B.2"\nnote = ""\n'
        'saved = "yesterday"\ntext = "saved is not a time"\n',
        encoding="utf-8",
    )
    found, problems = drafts.all()
    assert [(d.pack_id, d.node_id, d.note_id, d.text) for d in found] == [
        (P, "B.2", "n1", "being typed")
    ]
    assert problems == [
        f"A note draft could not be read and was left in place: {wrong} "
        "(it is missing a field or has one of the wrong type)"
    ]
    assert wrong.exists()


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_setting_the_author_replaces_only_the_top_level_author_line(tmp_path: Path) -> None:
    import tomllib

    from gpp_tui.store.config import load_config, set_author

    before = (
        "# my settings\n"
        'theme = "textual-light"\n'
        'author="Old = name"\n'
        "ascii = true\n"
        "  [keys]\n"
        '"notes.bookmark" = "ctrl+b"\n'
    )
    path = _config(tmp_path, before)
    assert set_author("Amina K.", path) == path
    after = path.read_text(encoding="utf-8")
    assert after == before.replace('author="Old = name"\n', 'author = "Amina K."\n')
    assert tomllib.loads(after)["author"] == "Amina K."
    config, problems = load_config(path)
    assert (config.author, config.theme, config.ascii, problems) == (
        "Amina K.",
        "textual-light",
        True,
        [],
    )


def test_setting_the_author_goes_first_when_there_is_none(tmp_path: Path) -> None:
    from gpp_tui.store.config import set_author

    for before in ('[keys]\nauthor = "a binding, not the author"\n', "  [keys]\nauthor = 'x'\n"):
        path = _config(tmp_path, before)
        assert set_author("Amina", path) == path
        assert path.read_text(encoding="utf-8") == 'author = "Amina"\n' + before
    path = _config(tmp_path, '# nothing yet\ntheme = "t"\n')
    set_author("Amina", path)
    assert path.read_text(encoding="utf-8") == 'author = "Amina"\n# nothing yet\ntheme = "t"\n'


def test_setting_the_author_makes_the_config_folders(tmp_path: Path) -> None:
    from gpp_tui.store.config import set_author

    path = tmp_path / "new" / "gpp-tui" / "config.toml"
    assert set_author("Amina", path) == path
    assert path.read_text(encoding="utf-8") == 'author = "Amina"\n'


def test_a_settings_file_too_large_is_never_rewritten(tmp_path: Path) -> None:
    import errno

    from gpp_tui.store.config import MAX_CONFIG_BYTES, set_author

    path = tmp_path / "config.toml"
    with path.open("wb") as file:
        file.truncate(MAX_CONFIG_BYTES + 1)
    with pytest.raises(OSError) as caught:
        set_author("Amina", path)
    assert caught.value.errno == errno.EINVAL and caught.value.filename == str(path)
    assert caught.value.strerror.endswith("; not changed")
    assert "at most 1.0 MB" in caught.value.strerror
    assert path.stat().st_size == MAX_CONFIG_BYTES + 1


def test_a_file_sealed_with_another_key_is_left_untouched_and_said_so(tmp_path: Path) -> None:
    from pyrage import x25519

    from gpp_tui.store.crypto import AgeCodec

    first = AgeCodec(str(x25519.Identity.generate()))
    with AnnotationStore(tmp_path, codec=first) as store, store.update() as edit:
        edit.add_note(P, "D.3", "sealed with the first key")
    sealed = (tmp_path / "annotations.toml").read_bytes()
    with AnnotationStore(tmp_path, codec=AgeCodec(str(x25519.Identity.generate()))) as other:
        assert other.read_only
        assert other.messages == [
            f"{other.path} cannot be read: it is encrypted with another key than this "
            "folder's key.age. It was left untouched; nothing will be written."
        ]
    assert (tmp_path / "annotations.toml").read_bytes() == sealed


def test_encrypt_stops_at_a_data_file_that_is_not_a_regular_file(tmp_path: Path) -> None:
    import os

    from gpp_tui.store.crypto import encrypt_folder
    from gpp_tui.store.errors import StoreError

    pipe = tmp_path / "annotations.toml.corrupt-20260101T090000Z"
    os.mkfifo(pipe)
    with pytest.raises(StoreError) as caught:
        encrypt_folder(tmp_path, "correct horse battery")
    assert str(caught.value).startswith(f"{pipe} was left as it is: it is a named pipe")
    assert str(caught.value).endswith("; stopped there")


def test_a_draft_file_is_versioned_and_what_save_returns_is_what_is_read_back(
    tmp_path: Path,
) -> None:
    import tomllib

    from gpp_tui.store.drafts import Drafts

    drafts = Drafts(tmp_path)
    for note_id in ("n1", None):
        saved = drafts.save(P, "B.2", note_id, f"typed for {note_id}")
        assert tomllib.loads(saved.path.read_text(encoding="utf-8"))["schema_version"] == 1
        (found,) = [d for d in drafts.all()[0] if d.note_id == note_id]
        assert saved == found
        assert (saved.pack_id, saved.node_id, saved.note_id, saved.text) == (
            P,
            "B.2",
            note_id,
            f"typed for {note_id}",
        )


def test_a_draft_that_does_not_read_back_is_not_saved_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gpp_tui.store.errors import SaveError

    real_read = Path.read_bytes

    def flipping_disk(self: Path) -> bytes:
        data = real_read(self)
        return b"\xff" + data[1:] if self.name.endswith(".tmp") else data

    with AnnotationStore(tmp_path) as store:
        monkeypatch.setattr(Path, "read_bytes", flipping_disk)
        with pytest.raises(SaveError, match=r"^draft not saved: .*did not read back"):
            store.save_draft(P, "B.2", None, "being typed")
        monkeypatch.undo()
        assert list((tmp_path / "drafts").iterdir()) == []


def test_decrypting_a_folder_without_a_key_names_the_key_file(tmp_path: Path) -> None:
    from gpp_tui.store.crypto import KEY_FILE, decrypt_folder
    from gpp_tui.store.errors import DamagedKeyError, StoreError

    key = tmp_path / KEY_FILE
    with pytest.raises(StoreError) as caught:
        decrypt_folder(tmp_path, "correct horse battery")
    assert str(caught.value) == f"cannot read {key} (No such file or directory)"
    key.mkdir()
    with pytest.raises(DamagedKeyError) as damaged:
        decrypt_folder(tmp_path, "correct horse battery")
    assert str(damaged.value).startswith(f"the key file {key} is damaged (it is a folder")
    assert str(damaged.value).endswith("); nothing was changed")


def test_the_editor_keeps_the_tags_and_the_source_text_of_a_new_note(tmp_path: Path) -> None:
    with AnnotationStore(tmp_path) as store:
        with store.update() as edit:
            edit.add_note(P, "B.2", "a note", tags=("witness", "Goma"), node_text="v1")
        (note,) = store.annotations.notes_for(P, "B.2")
        assert note.tags == ("witness", "Goma")
        assert store.annotations.changed_notes(P, {"B.2": "v1"}) == []
        assert store.annotations.changed_notes(P, {"B.2": "v2"}) == [("B.2", note)]
