"""Pure edits and queries on annotations: bookmarks, status, notes, progress, orphans."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from gpp_tui.store import edits
from gpp_tui.store.models import Annotations, NodeFilter, ReviewStatus, text_hash

P = "wigj-gpp"
T0 = datetime(2025, 1, 1, tzinfo=UTC)
T1 = datetime(2025, 1, 2, tzinfo=UTC)


def test_toggle_bookmark_adds_then_removes_and_keeps_other_annotations() -> None:
    value = edits.toggle_bookmark(Annotations(), P, "B.2", "read again", now=T0)
    mark = value.node(P, "B.2").bookmark
    assert mark is not None and mark.label == "read again" and mark.created == T0
    value, _ = edits.add_note(value, P, "B.2", "kept")
    value = edits.toggle_bookmark(value, P, "B.2")
    assert value.node(P, "B.2").bookmark is None
    assert [n.text for n in value.notes_for(P, "B.2")] == ["kept"]


def test_relabel_keeps_when_the_bookmark_was_made() -> None:
    value = edits.set_bookmark(Annotations(), P, ":glossary", "one", now=T0)
    value = edits.set_bookmark(value, P, ":glossary", "two", now=T1)
    mark = value.node(P, ":glossary").bookmark
    assert mark is not None and (mark.label, mark.created) == ("two", T0)


def test_empty_nodes_are_removed_and_edits_do_not_touch_the_original() -> None:
    start = Annotations()
    value = edits.toggle_bookmark(start, P, "term:asylum")
    assert start.packs == {}
    assert edits.toggle_bookmark(value, P, "term:asylum").packs == {}


def test_cycle_status_goes_round() -> None:
    value = Annotations()
    seen = []
    for _ in range(4):
        value = edits.cycle_status(value, P, "A.1", now=T1)
        seen.append(value.status_of(P, "A.1"))
    assert seen == ["reviewed", "follow-up", "unreviewed", "reviewed"]
    assert value.node(P, "A.1").status_changed == T1


def test_setting_the_same_status_changes_nothing() -> None:
    value = edits.set_status(Annotations(), P, "A.1", ReviewStatus.REVIEWED, now=T0)
    assert edits.set_status(value, P, "A.1", ReviewStatus.REVIEWED, now=T1) is value


def test_add_edit_delete_note() -> None:
    value, note = edits.add_note(
        Annotations(), P, "D.3", "draft", tags=["asylum"], author="Ana", node_text="v1", now=T0
    )
    assert (note.created, note.updated, note.author, note.tags) == (T0, T0, "Ana", ("asylum",))
    assert note.text_hash == text_hash("v1")
    value, edited = edits.edit_note(value, P, "D.3", note.id, text="final", now=T1)
    assert (edited.id, edited.text, edited.created, edited.updated) == (note.id, "final", T0, T1)
    assert edited.tags == ("asylum",) and edited.text_hash == note.text_hash
    value = edits.delete_note(value, P, "D.3", note.id)
    assert value.notes_for(P, "D.3") == ()
    with pytest.raises(edits.NoteNotFoundError):
        edits.delete_note(value, P, "D.3", note.id)
    with pytest.raises(edits.NoteNotFoundError):
        edits.edit_note(value, P, "D.3", note.id, text="gone")


def test_counts_progress_and_filters() -> None:
    value = Annotations()
    for rec, status in [("A.1", "reviewed"), ("A.2", "reviewed"), ("A.3", "follow-up")]:
        value = edits.set_status(value, P, rec, ReviewStatus(status))
    value = edits.set_status(value, P, "B.1", ReviewStatus.REVIEWED)
    value, _ = edits.add_note(value, P, "A.1", "one")
    value, _ = edits.add_note(value, P, "A.1", "two")
    value = edits.toggle_bookmark(value, P, "A.4")
    area_a = ["A.1", "A.2", "A.3", "A.4"]
    progress = value.progress(P, [*area_a, "B.1", "B.2"])
    assert str(progress) == "Reviewed 3 of 6 · 1 follow-up"
    assert progress.unreviewed == 2
    by_area = value.progress_by_area(P, {"A": area_a, "B": ["B.1", "B.2"]})
    assert (str(by_area["A"]), str(by_area["B"])) == (
        "Reviewed 2 of 4 · 1 follow-up",
        "Reviewed 1 of 2 · 0 follow-up",
    )
    assert value.note_counts(P) == {"A.1": 2}
    assert [node_id for node_id, _ in value.bookmarks(P)] == ["A.4"]
    assert value.matching(P, area_a, NodeFilter.NOTES) == ["A.1"]
    assert value.matching(P, area_a, NodeFilter.BOOKMARKED) == ["A.4"]
    assert value.matching(P, area_a, NodeFilter.FOLLOW_UP) == ["A.3"]
    assert value.matching(P, area_a, NodeFilter.UNREVIEWED) == ["A.4"]


def test_orphans_are_listed_not_dropped() -> None:
    value, _ = edits.add_note(Annotations(), P, "Z.9", "about a removed recommendation")
    value = edits.toggle_bookmark(value, P, "A.1")
    orphans = value.orphans(P, {"A.1", "A.2"})
    assert list(orphans) == ["Z.9"]
    assert orphans["Z.9"].notes[0].text == "about a removed recommendation"
    assert value.note_total == 1


def test_notes_on_changed_text_are_flagged() -> None:
    value, old = edits.add_note(Annotations(), P, "D.3", "on v1", node_text="Original text.")
    value, same = edits.add_note(value, P, "D.4", "on v1", node_text="Unchanged.")
    value, unknown = edits.add_note(value, P, "D.5", "no hash")
    current = {"D.3": "Reworded text.", "D.4": "Unchanged.\r\n", "D.5": "anything"}
    assert value.changed_notes(P, current) == [("D.3", old)]
    value, _ = edits.edit_note(value, P, "D.3", old.id, node_text="Reworded text.")
    assert value.changed_notes(P, current) == []
    assert same.text_hash and not unknown.text_hash
