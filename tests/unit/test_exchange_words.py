"""Imports and exports word for word, and the branches mutation testing found unchecked.

Import refusals and headers as the user reads them, the change lines in French,
what a merge counts as unchanged, conflict copies of one text reached twice, the
Word review's right-to-left runs and reviewer, times in a zone without a name.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

import pytest

from gpp_tui import i18n
from gpp_tui.content import Library, load_library
from gpp_tui.exchange.cite import citation
from gpp_tui.exchange.export import render
from gpp_tui.exchange.io import (
    ImportRefusedError,
    describe_change,
    import_header,
    read_export,
)
from gpp_tui.exchange.merge import Change, ChangeKind, merge
from gpp_tui.exchange.portable import ExportInfo
from gpp_tui.exchange.provenance import provenance
from gpp_tui.exchange.review import local_time
from gpp_tui.exchange.word import is_rtl
from gpp_tui.store import edits
from gpp_tui.store.models import Annotations, Bookmark, NodeAnnotations, Note, ReviewStatus

P = "wigj-gpp"
T0 = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def french() -> Iterator[None]:
    assert i18n.use_language("fr")
    try:
        yield
    finally:
        i18n.use_language("en")


def exported(library: Library, annotations: Annotations, path: Path, **info: str) -> Path:
    path.write_bytes(render(library, annotations, "json", info=ExportInfo(**info)))
    return path


def one_note() -> Annotations:
    annotations, _ = edits.add_note(Annotations(), P, "A.1", "a note", now=T0)
    return annotations


def refusal(path: Path, library: Library) -> str:
    with pytest.raises(ImportRefusedError) as refused:
        read_export(path, library)
    return str(refused.value)


def test_an_import_says_who_made_it_when_and_with_what(library: Library, tmp_path: Path) -> None:
    path = exported(library, one_note(), tmp_path / "n.json", author="Amina Kamara")
    incoming = read_export(path, library)
    assert incoming.author == "Amina Kamara"
    assert incoming.generator.startswith("gpp-tui ")
    assert incoming.exported is not None
    (first,) = import_header(library, incoming)
    assert first.startswith("Importing 1 note exported on ") and first.endswith(" by Amina Kamara.")


def test_a_name_ending_in_a_full_stop_ends_the_import_sentence(
    library: Library, tmp_path: Path
) -> None:
    path = exported(library, one_note(), tmp_path / "n.json", author="Amina K.")
    (first,) = import_header(library, read_export(path, library))
    assert first.endswith(" by Amina K.") and not first.endswith("..")


def test_an_import_made_with_another_version_of_the_pack_says_so(
    library: Library, tmp_path: Path
) -> None:
    path = exported(library, one_note(), tmp_path / "n.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["exported_from"][P]["version"] = "2025.9"
    path.write_text(json.dumps(raw), encoding="utf-8")
    lines = import_header(library, read_export(path, library))
    version = library.packs[0].pack.version
    assert lines[1] == (
        f"It was made with version 2025.9 of pack {P}; you have {version}. "
        "Notes on changed text are flagged."
    )


def test_a_cut_short_import_says_what_it_should_hold(library: Library, tmp_path: Path) -> None:
    path = exported(library, one_note(), tmp_path / "n.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["totals"]["notes"] = 2
    path.write_text(json.dumps(raw), encoding="utf-8")
    assert refusal(path, library).endswith(
        "it is incomplete: it should hold 2 notes on 1 nodes but holds 1 on 1; was it cut short?"
    )


def test_an_import_nested_too_deeply_or_with_a_huge_number_says_so(
    library: Library, tmp_path: Path
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"a": ' + "[" * 200_000 + "]" * 200_000 + "}", encoding="utf-8")
    assert refusal(deep, library).endswith("it is nested too deeply to be an export")
    huge = tmp_path / "huge.json"
    huge.write_text('{"a": 1' + "0" * 5000 + "}", encoding="utf-8")
    assert refusal(huge, library).endswith("it holds a number too long to read (over 4,300 digits)")


def test_import_change_lines_are_in_the_interface_language(library: Library, french: None) -> None:
    def line(kind: ChangeKind, item: str) -> str:
        return describe_change(library, Change(kind, P, "B.2", item, ""))

    assert line(ChangeKind.ADDED, "note") == "note ajoutée sur B.2"
    assert line(ChangeKind.UPDATED, "note") == "note mise à jour sur B.2"
    assert line(ChangeKind.ADDED, "status") == "statut ajouté sur B.2"
    assert line(ChangeKind.UPDATED, "status") == "statut mis à jour sur B.2"
    assert line(ChangeKind.ADDED, "bookmark") == "signet ajouté sur B.2"
    assert line(ChangeKind.UPDATED, "bookmark") == "signet mis à jour sur B.2"


def test_an_added_status_is_described(library: Library) -> None:
    change = Change(ChangeKind.ADDED, P, "B.2", "status", "unreviewed → reviewed")
    assert describe_change(library, change) == "added status on B.2: unreviewed → reviewed"


def test_the_provenance_note_is_labelled_in_the_interface_language(
    library: Library, french: None
) -> None:
    labels = [label for label, _ in provenance(library.packs[0].pack)]
    assert "Remarque" in labels and "Note" not in labels


def test_merging_the_same_node_again_counts_each_item_unchanged() -> None:
    node = NodeAnnotations(
        status=ReviewStatus.REVIEWED,
        status_changed=T0,
        bookmark=Bookmark(label="witness", created=T0),
        notes=(Note(id="n1", text="a note", created=T0, updated=T0),),
    )
    annotations = Annotations(packs={P: {"A.1": node}})
    summary = merge(annotations, annotations).report.summary()
    assert summary == "0 added, 0 updated, 0 kept as conflict copies, 3 unchanged"


def test_an_update_of_a_note_with_an_old_conflict_copy_is_reported() -> None:
    shared = Note(id="n1", text="shared", created=T0, updated=T0)
    mine = edit(shared, "mine", 1)
    theirs = edit(shared, "theirs", 2)
    me = merge(annotated(mine), annotated(theirs)).annotations
    assert len(me.notes_for(P, "A.1")) == 2  # their text and a copy of mine
    later = edit(theirs, "theirs, later", 3)
    report = merge(me, annotated(later)).report
    assert [(c.kind, c.item, c.note_id) for c in report.changes] == [
        (ChangeKind.UPDATED, "note", "n1")
    ]


def edit(note: Note, text: str, minutes: int) -> Note:
    update = {
        "text": text,
        "updated": T0 + timedelta(minutes=minutes),
        "supersedes": tuple(sorted(note.history())),
    }
    return note.model_copy(update=update)


def annotated(note: Note) -> Annotations:
    return Annotations(packs={P: {"A.1": NodeAnnotations(notes=(note,))}})


def test_one_text_reached_by_two_edit_paths_makes_two_copies_with_stable_ids() -> None:
    shared = Note(id="n1", text="shared", created=T0, updated=T0)
    winner = edit(shared, "w", 5)
    direct = edit(shared, "same", 1)
    roundabout = edit(edit(shared, "y", 1), "same", 2)
    orders = [(winner, direct, roundabout), (roundabout, winner, direct)]
    for first, second, third in orders:
        merged = merge(merge(annotated(first), annotated(second)).annotations, annotated(third))
        notes = merged.annotations.notes_for(P, "A.1")
        # The ids are the same on every device and in every version of the app.
        assert [(n.id, n.text, n.conflict_of) for n in notes] == [
            ("n1", "w", ""),
            ("n1~c621dd10c492", "same", "n1"),
            ("n1~c621dd10c492-e9d618", "same", "n1"),
        ]


def test_the_word_review_names_the_reviewer_and_keeps_right_to_left_runs(
    library: Library,
) -> None:
    data = render(library, one_note(), "docx", info=ExportInfo(author="أمينة"))
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert "أمينة" in document
    run = document[: document.index("أمينة")].rsplit("<w:r>", 1)[-1]
    assert "<w:rtl/>" in run


def test_hebrew_and_arabic_read_right_to_left() -> None:
    assert is_rtl("שלום")
    assert is_rtl("  سلام")
    assert not is_rtl("Amina")


class Unnamed(tzinfo):
    """A zone that has an offset but no name (tzname gives None)."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(hours=4, minutes=30)

    def tzname(self, dt: datetime | None) -> None:
        return None

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)


def test_a_time_in_a_zone_without_a_name_shows_its_offset() -> None:
    assert local_time(T0, Unnamed()) == "2026-01-01 13:30 UTC+04:30"


def test_a_node_of_a_pack_not_loaded_is_cited_by_its_title(library: Library) -> None:
    node = library.packs[0].nodes["B.2"]
    empty = Library(packs=())
    assert citation(empty, node, "oscola") == f"'{node.title}'."
    assert citation(empty, node, "plain") == f'"{node.title}".'


def test_notes_on_nodes_the_pack_lost_are_not_flagged_as_on_changed_text(
    library: Library,
) -> None:
    annotations = Annotations()
    for pack_id, node_id in ((P, "Z.9"), ("elsewhere", "X.1")):
        annotations, _ = edits.add_note(
            annotations, pack_id, node_id, "written on text now gone", node_text="old text", now=T0
        )
    review = render(library, annotations, "md").decode("utf-8")
    assert review.count("written on text now gone") == 2
    assert "The source text has changed" not in review


def test_a_file_without_the_format_key_is_refused_word_for_word(
    library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"packs": {}}', encoding="utf-8")
    assert 'it is not a gpp-tui export (no format = "gpp-tui-annotations")' in refusal(
        path, library
    )


def test_a_note_deleted_on_the_other_side_is_reported_with_its_text_and_id() -> None:
    base, note = edits.add_note(Annotations(), P, "B.2", "shared words", now=T0)
    theirs = edits.delete_note(base, P, "B.2", note.id)
    (change,) = merge(base, theirs).report.changes
    assert (change.kind, change.item, change.note_id) == (ChangeKind.DELETED, "note", note.id)
    assert "shared words" in change.detail
