"""The session core without any UI: every operation, the undo stack, drafts, search, sharing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from gpp_tui.content import Library, Node, load_library
from gpp_tui.session import Changed, Refused, Session
from gpp_tui.session.undo import UndoStack
from gpp_tui.store.annotation_store import ANNOTATIONS_FILE, AnnotationStore
from gpp_tui.store.kinds import NodeFilter, ReviewStatus

P = "wigj-gpp"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def session(library: Library, tmp_path: Path) -> Iterator[Session]:
    one = Session(library, tmp_path / "data", author="Amina K.")
    one.load()
    yield one
    one.close()


def node(session: Session, node_id: str) -> Node:
    found = session.node_at((P, node_id))
    assert found is not None
    return found


def on_disk(session: Session) -> bytes:
    session.save()
    return (session.data_dir / ANNOTATIONS_FILE).read_bytes()


def test_operations_refuse_before_loading(library: Library, tmp_path: Path) -> None:
    fresh = Session(library, tmp_path)
    fresh.open(library.packs[0].nodes["A.1"])
    with pytest.raises(Refused, match="still loading"):
        fresh.toggle_bookmark()
    assert fresh.notes() == ()
    assert fresh.undo_stack.peek() is None


def test_open_and_jump_keep_the_history(session: Session) -> None:
    session.open(node(session, "A.1"))
    session.jump((P, "D.3"))
    session.open(node(session, "D.3"))
    assert session.current is not None and session.current.id == "D.3"
    assert session.history.back() == (P, "A.1")
    assert session.find("B.2") == node(session, "B.2")


def test_bookmark_label_and_their_undo(session: Session) -> None:
    session.open(node(session, "B.2"))
    changed = session.toggle_bookmark()
    assert changed == Changed(
        "Bookmarked B.2 Anti-Retaliation Safeguards", ((P, "B.2"),), undoable=True
    )
    assert changed.needs_save
    session.label_bookmark("witness list")
    mine = session.mine()
    assert mine is not None and mine.bookmark is not None and mine.bookmark.label == "witness list"
    undone = session.undo()
    assert undone is not None and undone.message == "Undone: labelled the bookmark of B.2"
    mine = session.mine()
    assert mine is not None and mine.bookmark is not None and mine.bookmark.label == ""
    session.undo()
    mine = session.mine()
    assert mine is not None and mine.bookmark is None
    assert session.undo() is None


def test_a_change_to_the_same_value_is_not_an_undo_step(session: Session) -> None:
    c2 = node(session, "C.2")
    session.label_bookmark("same", c2)
    session.label_bookmark("same", c2)
    session.set_status(ReviewStatus.UNREVIEWED, c2)
    assert len(session.undo_stack) == 1


def test_status_only_on_recommendations(session: Session) -> None:
    session.open(node(session, "A"))
    with pytest.raises(Refused, match="recommendations"):
        session.set_status(ReviewStatus.REVIEWED)
    session.open(node(session, "A.1"))
    assert session.set_status(None).message == "A.1: reviewed"
    assert session.set_status(None).message == "A.1: follow-up"
    assert session.annotations is not None
    assert session.annotations.status_of(P, "A.1") is ReviewStatus.FOLLOW_UP
    session.undo()
    assert session.annotations.status_of(P, "A.1") is ReviewStatus.REVIEWED


def test_undo_of_delete_edit_and_status_restores_the_file_byte_for_byte(session: Session) -> None:
    d3 = node(session, "D.3")
    first = session.save_note("first note\nsecond line", ("asylum",), node=d3).note_id
    session.save_note("another note", node=d3)
    assert first is not None
    before = on_disk(session)
    session.delete_note(first, d3)
    assert [n.text for n in session.notes(d3)] == ["another note"]
    assert on_disk(session) != before
    session.undo()
    assert on_disk(session) == before
    session.save_note("first note, edited", (), first, d3)
    assert on_disk(session) != before
    session.undo()
    assert on_disk(session) == before
    session.set_status(ReviewStatus.FOLLOW_UP, d3)
    session.undo()
    assert on_disk(session) == before


def test_undo_goes_back_in_order_through_at_least_twenty_changes(session: Session) -> None:
    a1 = node(session, "A.1")
    session.toggle_bookmark(node(session, "B.1"))
    start = on_disk(session)
    states = []
    for _ in range(25):
        states.append(session.annotations)
        session.set_status(None, a1)
    for expected in reversed(states):
        assert session.undo() is not None
        assert session.annotations is expected
    assert on_disk(session) == start


def test_redo_makes_the_change_again_until_a_new_change(session: Session) -> None:
    b1 = node(session, "B.1")
    note_id = session.save_note("kept", node=b1).note_id
    assert note_id is not None
    session.delete_note(note_id, b1)
    session.undo()
    assert [n.text for n in session.notes(b1)] == ["kept"]
    redone = session.redo()
    assert redone is not None and redone.message == "Redone: deleted a note on B.1"
    assert session.notes(b1) == ()
    session.undo()
    session.toggle_bookmark(b1)
    assert session.redo() is None
    assert [n.text for n in session.notes(b1)] == ["kept"]


def test_undo_stack_keeps_a_limited_number_of_changes(session: Session) -> None:
    stack = UndoStack(limit=3)
    a1 = node(session, "A.1")
    session.undo_stack = stack
    for _ in range(5):
        session.set_status(None, a1)
    assert len(stack) == 3
    assert not stack.can_redo
    session.undo()
    assert stack.can_redo and len(stack) == 2


def test_undo_refuses_when_the_node_changed_outside_the_session(session: Session) -> None:
    a2 = node(session, "A.2")
    session.toggle_bookmark(a2)
    assert session.store is not None
    with session.store.update(save=False) as edit:  # as if another tool had changed it
        edit.set_status(P, "A.2", ReviewStatus.REVIEWED)
    with pytest.raises(Refused, match="changed since"):
        session.undo()
    assert session.annotations is not None
    assert session.annotations.node(P, "A.2").bookmark is not None


def test_a_saved_note_is_on_disk_as_a_draft_before_save_runs(session: Session) -> None:
    c1 = node(session, "C.1")
    changed = session.save_note("witness asked for a woman interviewer", ("safety",), node=c1)
    assert changed.message == "Saved" and changed.note_id is not None
    assert [d.text for d in session.drafts.pending()] == ["witness asked for a woman interviewer"]
    annotations_file = session.data_dir / ANNOTATIONS_FILE
    assert not annotations_file.exists()  # only the draft holds it until save() runs
    session.save()
    assert session.drafts.pending() == []
    assert b"woman interviewer" in (session.data_dir / ANNOTATIONS_FILE).read_bytes()


def test_drafts_kept_while_typing_and_thrown_away_only_on_request(session: Session) -> None:
    key = (P, "D.1", None)
    session.drafts.keep(key, "half a sentence")
    (draft,) = session.drafts.pending()
    assert (draft.node_id, draft.text) == ("D.1", "half a sentence")
    session.drafts.discard(key)
    assert session.drafts.pending() == []
    session.drafts.keep(key, "a late write after the editor closed")
    assert session.drafts.pending() == []
    session.drafts.reopen(key)
    session.drafts.keep(key, "editor opened again")
    assert [d.text for d in session.drafts.pending()] == ["editor opened again"]


def test_an_edit_of_a_note_deleted_meanwhile_is_kept_as_a_new_note(session: Session) -> None:
    b3 = node(session, "B.3")
    note_id = session.save_note("first", node=b3).note_id
    assert note_id is not None
    session.delete_note(note_id, b3)
    changed = session.save_note("edited after the delete", (), note_id, b3)
    assert changed.message.startswith("Saved as a new note")
    assert [n.text for n in session.notes(b3)] == ["edited after the delete"]
    session.save()
    assert session.drafts.pending() == []


def test_deleting_a_missing_note_is_refused(session: Session) -> None:
    with pytest.raises(Refused, match="already gone"):
        session.delete_note("no-such-note", node(session, "A.1"))


def test_read_only_refuses_every_change(library: Library, tmp_path: Path) -> None:
    holder = AnnotationStore(tmp_path / "data")
    try:
        second = Session(library, tmp_path / "data")
        second.load()
        assert any("read-only" in m.lower() for m in second.startup_messages())
        with pytest.raises(Refused, match="Not saved") as refused:
            second.toggle_bookmark(node(second, "A.1"))
        assert refused.value.warning
        assert second.drafts.pending() == []
    finally:
        holder.close()


def test_next_unreviewed_skips_reviewed_ones_and_wraps(session: Session) -> None:
    a1, a2 = node(session, "A.1"), node(session, "A.2")
    session.open(a1)
    assert session.next_unreviewed() == (P, "A.2")
    session.set_status(ReviewStatus.REVIEWED, a2)
    assert session.next_unreviewed() == (P, "A.3")
    assert session.next_unreviewed(node(session, "D.3")) == (P, "A.1")
    for pack in session.library.packs:
        for rec in pack.recommendations:
            session.set_status(ReviewStatus.REVIEWED, node(session, rec.id))
    assert session.next_unreviewed() is None


def test_progress_and_filter_summary(session: Session) -> None:
    session.open(node(session, "B.2"))
    session.set_status(ReviewStatus.REVIEWED)
    text = session.progress("·")
    assert "1 of 11" in text and "Protection: 1 of 3" in text
    session.finder.node_filter = NodeFilter.UNREVIEWED
    assert session.progress("·").endswith("· filter: unreviewed")


def test_search_finds_notes_as_they_change(session: Session) -> None:
    d2 = node(session, "D.2")
    session.finder.search("", 1)  # the index exists, so it must be kept in step
    note_id = session.save_note("community reparations hearing", node=d2).note_id
    hits = session.finder.remember("hearing", 10)
    assert any(h.note_id == note_id for h in hits)
    assert session.finder.last_query == "hearing"
    assert note_id is not None
    session.delete_note(note_id, d2)
    assert not any(h.note_id == note_id for h in session.finder.search("hearing", 10))


def test_filters_combine(session: Session) -> None:
    session.toggle_bookmark(node(session, "C.1"))
    session.toggle_bookmark(node(session, "D.3"))
    finder = session.finder
    assert finder.visible() is None
    finder.node_filter = NodeFilter.BOOKMARKED
    assert finder.visible() == {(P, "C.1"), (P, "D.3")}
    finder.text_filter = "cumulative charging"
    assert finder.visible() == {(P, "D.3")}


def test_export_then_import_in_two_steps_and_undo(session: Session, tmp_path: Path) -> None:
    a3 = node(session, "A.3")
    session.save_note("from a colleague", node=a3)
    path = tmp_path / "colleague.json"
    assert session.export("json", path) == f"Written to {path}"
    assert json.loads(path.read_text(encoding="utf-8"))
    other = Session(session.library, tmp_path / "other")
    other.load()
    try:
        preview = other.read_import(path)
        assert preview.changes_anything
        assert any("added note on A.3" in line for line in preview.lines(other.library, 8))
        assert other.notes(a3) == ()  # reading changes nothing
        changed = other.apply_import(preview)
        assert changed.everything and changed.undoable
        assert [n.text for n in other.notes(a3)] == ["from a colleague"]
        other.undo()
        assert other.notes(a3) == ()
    finally:
        other.close()
    with pytest.raises(Refused):
        session.read_import(tmp_path / "missing.json")
    with pytest.raises(Refused):
        session.export("html", tmp_path / "no-such-folder" / "x" / "review.html")


def test_orphans_and_messages_after_loading(library: Library, tmp_path: Path) -> None:
    with AnnotationStore(tmp_path / "data") as store, store.update() as edit:
        edit.add_note(P, "Z.9", "on a removed recommendation")
        edit.add_note("elsewhere", "X.1", "on a pack not loaded")
    one = Session(library, tmp_path / "data")
    one.load()
    try:
        assert one.orphans()[P] == ("Z.9",)
        assert any("pack 'elsewhere' are kept" in m for m in one.startup_messages())
    finally:
        one.close()


def test_short_progress_for_a_narrow_header(session: Session) -> None:
    session.open(node(session, "B.2"))
    session.set_status(ReviewStatus.REVIEWED)
    session.finder.node_filter = NodeFilter.UNREVIEWED
    text = session.progress("·", marks=("✓", "!"))
    assert text.startswith("1/11 ✓ · 0 ! · B 1/3")
    assert text.endswith("· filter: unreviewed")


def test_a_repaired_file_is_an_alarm_and_still_a_start_up_message(
    library: Library, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    with AnnotationStore(data) as store:
        for text in ("kept", "lost"):
            with store.update() as edit:
                edit.add_note("wigj-gpp", "D.3", text)
    (data / ANNOTATIONS_FILE).write_bytes(b"[")
    session = Session(library, data)
    session.load()
    try:
        [alarm] = session.startup_alarms()
        assert "restored from the backup" in alarm
        assert alarm in session.startup_messages()  # the plain mode and the CLI say it too
    finally:
        assert session.store is not None
        session.store.close()


def test_undoing_a_delete_names_the_note_that_came_back(session: Session) -> None:
    a1 = node(session, "A.1")
    written = session.save_note("one", node=a1).note_id
    session.save_note("two", node=a1)
    assert written is not None
    session.delete_note(written, a1)
    undone = session.undo()
    assert undone is not None and undone.note_id == written
    redone = session.redo()  # the delete again: no note came back
    assert redone is not None and redone.note_id is None
