"""Store pieces the app leans on: the remembered position, bookmark order, note counts,
notes written against text that changed, and the read-only guards on drafts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gpp_tui.store import edits
from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.errors import ReadOnlyError, StoreError
from gpp_tui.store.models import Annotations
from gpp_tui.store.state import STATE_FILE, AppState, load_state, save_state

P = "wigj-gpp"
T0 = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


def test_the_position_is_saved_and_read_back(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "data"
    save_state(folder, AppState(P, "B.2"))
    assert load_state(folder) == AppState(P, "B.2")
    text = (folder / STATE_FILE).read_text(encoding="utf-8")
    assert "schema_version = 1" in text and 'pack = "wigj-gpp"' in text
    assert 'node = "B.2"' in text
    save_state(folder, AppState(P, "D.3"))
    assert load_state(folder) == AppState(P, "D.3")
    assert sorted(p.name for p in folder.iterdir()) == [STATE_FILE]


@pytest.mark.parametrize(
    "content",
    [
        b"not [ toml",
        b"\xff\xfe",
        b'last = "B.2"\n',
        b'[last]\npack = 3\nnode = "B.2"\n',
        b'[last]\npack = "wigj-gpp"\nnode = ["B.2"]\n',
        b"x" * 70_000,
    ],
    ids=["bad-toml", "bad-utf8", "last-not-a-table", "pack-not-text", "node-not-text", "huge"],
)
def test_a_damaged_position_file_is_ignored(tmp_path: Path, content: bytes) -> None:
    (tmp_path / STATE_FILE).write_bytes(content)
    assert load_state(tmp_path) == AppState()


def test_no_position_file_is_the_start(tmp_path: Path) -> None:
    assert load_state(tmp_path) == AppState()
    (tmp_path / STATE_FILE).write_text("[last]\n", encoding="utf-8")
    assert load_state(tmp_path) == AppState("", "")
    (tmp_path / STATE_FILE).write_text('[last]\nnode = "B.2"\n', encoding="utf-8")
    assert load_state(tmp_path) == AppState("", "B.2")


def test_bookmarks_come_in_the_order_they_were_made() -> None:
    marks = Annotations()
    for minutes, node in ((3, "A.1"), (1, "D.3"), (2, "B.2")):
        marks = edits.set_bookmark(marks, P, node, now=T0 + timedelta(minutes=minutes))
    marks = edits.set_status(marks, P, "C.1", edits.ReviewStatus.REVIEWED, now=T0)
    assert [node for node, _ in marks.bookmarks(P)] == ["D.3", "B.2", "A.1"]
    assert marks.bookmarks("other") == []


def test_note_counts_only_nodes_with_notes() -> None:
    notes = edits.set_bookmark(Annotations(), P, "A.1", now=T0)
    for node in ("B.2", "B.2", "D.3"):
        notes, _ = edits.add_note(notes, P, node, f"on {node}", now=T0)
    assert notes.note_counts(P) == {"B.2": 2, "D.3": 1}
    assert notes.note_counts("other") == {}


def test_notes_written_against_text_that_changed_are_listed() -> None:
    notes, old = edits.add_note(Annotations(), P, "B.2", "about the old text", node_text="v1")
    notes, same = edits.add_note(notes, P, "B.2", "about this text", node_text="v2")
    notes, unknown = edits.add_note(notes, P, "D.3", "written with no text known")
    notes, orphan = edits.add_note(notes, P, "Z.9", "on a node the pack lost", node_text="x")
    changed = notes.changed_notes(P, {"B.2": "v2", "D.3": "anything"})
    assert changed == [("B.2", old)]
    assert notes.changed_notes(P, {"B.2": "v1\r\n"}) == [("B.2", same)]  # line endings even out
    assert notes.changed_notes("other", {"B.2": "v2"}) == []
    assert {same.id, unknown.id, orphan.id}.isdisjoint({note.id for _, note in changed})


def test_the_editor_removes_a_bookmark(tmp_path: Path) -> None:
    with AnnotationStore(tmp_path) as store:
        with store.update() as edit:
            edit.toggle_bookmark(P, "B.2", "keep an eye")
            edit.toggle_bookmark(P, "A.1")
        with store.update() as edit:
            edit.remove_bookmark(P, "B.2")
            edit.remove_bookmark(P, "C.1")  # none there: nothing happens
        assert [node for node, _ in store.annotations.bookmarks(P)] == ["A.1"]
    with AnnotationStore(tmp_path) as again:
        assert [node for node, _ in again.annotations.bookmarks(P)] == ["A.1"]


def test_a_read_only_copy_leaves_drafts_alone_and_reloads_once_free(tmp_path: Path) -> None:
    first = AnnotationStore(tmp_path)
    draft = first.save_draft(P, "D.3", None, "typed in the first copy")
    second = AnnotationStore(tmp_path)
    assert second.read_only
    with pytest.raises(ReadOnlyError, match=r"^draft not removed: another copy"):
        second.discard_draft(P, "D.3", None)
    assert draft.path.exists()
    with first.update() as edit:
        edit.add_note(P, "D.3", "saved by the first copy")
    first.discard_draft(P, "D.3", None)
    assert not draft.path.exists()
    first.discard_draft(P, "D.3", None)  # already gone: no error
    first.close()
    second.reload()
    assert not second.read_only and second.messages == []
    with second.update() as edit:
        edit.add_note(P, "D.3", "now the second copy writes")
    with pytest.raises(StoreError, match=r"^not reloaded: there are unsaved changes"):
        with second.update(save=False) as edit:
            edit.add_note(P, "D.3", "not saved yet")
        second.reload()
    assert second.dirty
    second.close()


def test_a_newer_file_shows_what_it_can_even_when_it_is_also_broken(tmp_path: Path) -> None:
    (tmp_path / "annotations.toml").write_bytes(
        b'schema_version = 9\n[packs.p."A.1"]\nstatus = 3\n'
    )
    with AnnotationStore(tmp_path) as store:
        assert store.read_only
        assert store.annotations == Annotations()
    (tmp_path / "annotations.toml").write_bytes(
        b'schema_version = 9\n[packs.p."A.1"]\nstatus = "reviewed"\n'
    )
    with AnnotationStore(tmp_path) as store:
        assert store.annotations.status_of("p", "A.1") is edits.ReviewStatus.REVIEWED
