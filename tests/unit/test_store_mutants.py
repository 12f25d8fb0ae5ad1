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
        assert store.messages == [
            f"{store.path} was missing. Your annotations were restored from the backup "
            f"{store.backup_path} (1 note)."
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
