"""Merging annotations: commutative, idempotent, and no note text is lost unless replaced."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TypeVar

from hypothesis import given, settings
from hypothesis import strategies as st

from gpp_tui.exchange.merge import ChangeKind, conflict_copy_id, merge
from gpp_tui.store import edits
from gpp_tui.store.models import Annotations, Bookmark, NodeAnnotations, Note, ReviewStatus

V = TypeVar("V")
T0 = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
PACK = "wigj-gpp"

# Few ids, texts and times, so that the two sides often share notes, edit the same
# note differently, or tie on times.
times = st.sampled_from([T0 + timedelta(minutes=m) for m in range(4)])
# Fingerprints of versions the strategy below can make, so that histories overlap.
VERSION_HASHES = [
    Note(text=text, created=T0, updated=T0 + timedelta(minutes=m)).version_hash()
    for text in ("", "a", "b")
    for m in range(2)
]
NOTE_IDS = ["n1", "n2", "n3", "n4"]


def keyed(keys: list[str], values: st.SearchStrategy[V]) -> st.SearchStrategy[dict[str, V]]:
    """Dicts over some of `keys`, in any order (like st.dictionaries with sampled keys,
    without drawing whole values only to throw them away for a repeated key)."""
    pairs = st.tuples(st.permutations(keys), st.lists(values, max_size=len(keys)))
    return pairs.map(lambda drawn: dict(zip(*drawn, strict=False)))


def distinct_ids(
    ids: list[str], notes: st.SearchStrategy[Note]
) -> st.SearchStrategy[tuple[Note, ...]]:
    """Up to len(ids) notes with distinct ids from `ids`, in any order."""
    return keyed(ids, notes).map(
        lambda by_id: tuple(note.model_copy(update={"id": i}) for i, note in by_id.items())
    )


texts = st.sampled_from(["", "a", "b", "a\r\nb", "ß", "دری", "<script>"]) | st.text(max_size=6)
tags = st.lists(st.sampled_from(["x", "y", "z"]), max_size=2, unique=True).map(tuple)
notes = st.builds(
    Note,
    id=st.sampled_from(NOTE_IDS),
    text=texts,
    tags=tags,
    created=times,
    updated=times,
    author=st.sampled_from(["", "Alice", "Bob"]),
    text_hash=st.sampled_from(["", "0123456789abcdef"]),
    conflict_of=st.sampled_from(["", "n1"]),
    # Histories over the same few versions, so that versions replace one another.
    supersedes=st.lists(st.sampled_from(VERSION_HASHES), max_size=3).map(
        lambda hashes: tuple(sorted(set(hashes)))
    ),
)
nodes = st.builds(
    NodeAnnotations,
    status=st.sampled_from(list(ReviewStatus)),
    status_changed=st.none() | times,
    bookmark=st.none() | st.builds(Bookmark, label=st.sampled_from(["", "l", "m"]), created=times),
    notes=distinct_ids(NOTE_IDS, notes),
    deleted=keyed(
        ["n1", "n2"],
        st.sets(st.sampled_from(VERSION_HASHES), min_size=1).map(
            lambda hashes: tuple(sorted(hashes))
        ),
    ),
)
annotation_sets = st.builds(
    Annotations,
    packs=keyed([PACK, "extra"], keyed(["A.1", "B.2", "gone"], nodes)),
)


def all_notes(annotations: Annotations) -> list[tuple[str, str, Note]]:
    return [
        (pack_id, node_id, note)
        for pack_id, pack_nodes in annotations.packs.items()
        for node_id, node in pack_nodes.items()
        for note in node.notes
    ]


def note_texts(annotations: Annotations) -> set[tuple[str, str, str, tuple[str, ...]]]:
    return {
        (pack_id, node_id, note.text, note.tags)
        for pack_id, pack_nodes in annotations.packs.items()
        for node_id, node in pack_nodes.items()
        for note in node.notes
    }


def merge_is_commutative(a: Annotations, b: Annotations) -> None:
    assert merge(a, b).annotations == merge(b, a).annotations


def merging_again_changes_nothing(a: Annotations, b: Annotations) -> None:
    merged = merge(a, b).annotations

    for again in (b, a, merged):
        result = merge(merged, again)
        assert result.annotations == merged
        assert not result.changed
        assert result.report.changes == ()


def no_note_text_is_lost_unless_replaced_or_deleted_and_ids_stay_unique(
    a: Annotations, b: Annotations
) -> None:
    merged = merge(a, b).annotations

    for pack_id, node_id, note in all_notes(a) + all_notes(b):
        node = merged.node(pack_id, node_id)
        family = [n for n in node.notes if n.family == note.family]
        assert (
            any((n.text, n.tags) == (note.text, note.tags) for n in family)
            or any(note.history() < n.history() for n in family)  # a later version has it
            or node.was_deleted(note)  # a user deleted this very version, or a later one
        )
    for pack_nodes in merged.packs.values():
        for node in pack_nodes.values():
            ids = [note.id for note in node.notes]
            assert len(ids) == len(set(ids))


# The three properties share their 300 examples: drawing them is most of the cost.
@settings(max_examples=300)
@given(annotation_sets, annotation_sets)
def test_merge_is_commutative_idempotent_and_loses_no_note(a: Annotations, b: Annotations) -> None:
    merge_is_commutative(a, b)
    merging_again_changes_nothing(a, b)
    no_note_text_is_lost_unless_replaced_or_deleted_and_ids_stay_unique(a, b)


@given(annotation_sets)
def test_merging_into_nothing_gives_the_same_annotations(a: Annotations) -> None:
    assert merge(Annotations(), a).annotations == a
    assert merge(a, Annotations()).annotations == a
    assert merge(a, a).annotations is a


@settings(max_examples=100)
@given(annotation_sets, annotation_sets, annotation_sets)
def test_the_order_of_three_imports_does_not_matter(
    a: Annotations, b: Annotations, c: Annotations
) -> None:
    one = merge(merge(a, b).annotations, c).annotations
    other = merge(merge(a, c).annotations, b).annotations
    assert one == other


def edited_on_both_sides() -> tuple[Annotations, Annotations, str]:
    base, note = edits.add_note(Annotations(), PACK, "B.2", "shared", author="Alice", now=T0)
    mine, _ = edits.edit_note(base, PACK, "B.2", note.id, text="mine", now=T0 + timedelta(hours=1))
    theirs, _ = edits.edit_note(
        base, PACK, "B.2", note.id, text="theirs", now=T0 + timedelta(hours=2)
    )
    return mine, theirs, note.id


def test_a_note_edited_on_both_sides_keeps_both_versions() -> None:
    mine, theirs, note_id = edited_on_both_sides()

    result = merge(mine, theirs)

    kept = result.annotations.notes_for(PACK, "B.2")
    assert [(n.id, n.text, n.conflict_of) for n in kept] == [
        (note_id, "theirs", ""),
        (conflict_copy_id(note_id, "mine", ()), "mine", note_id),
    ]
    (conflict,) = result.report.conflicts
    assert conflict.note_id == conflict_copy_id(note_id, "mine", ())
    assert result.report.updated == [] and result.report.added == []


def test_the_later_status_wins_and_bookmarks_are_a_union() -> None:
    mine = edits.set_status(Annotations(), PACK, "A.1", ReviewStatus.REVIEWED, now=T0)
    mine = edits.set_bookmark(mine, PACK, "A.1", now=T0)
    theirs = edits.set_status(
        Annotations(), PACK, "A.1", ReviewStatus.FOLLOW_UP, now=T0 + timedelta(1)
    )
    theirs = edits.set_bookmark(theirs, PACK, "B.2", "check", now=T0)
    theirs = edits.set_status(theirs, PACK, "B.2", ReviewStatus.REVIEWED, now=T0 - timedelta(1))

    result = merge(mine, theirs)

    merged = result.annotations
    assert merged.status_of(PACK, "A.1") is ReviewStatus.FOLLOW_UP
    assert [node_id for node_id, _ in merged.bookmarks(PACK)] == ["A.1", "B.2"]
    assert merged.node(PACK, "B.2").bookmark == Bookmark(label="check", created=T0)
    kinds = [(c.kind, c.item, c.node_id) for c in result.report.changes]
    assert kinds == [
        (ChangeKind.UPDATED, "status", "A.1"),
        (ChangeKind.ADDED, "status", "B.2"),
        (ChangeKind.ADDED, "bookmark", "B.2"),
    ]
    assert result.report.unchanged == 0


def test_a_later_copy_of_the_same_note_is_an_update_not_a_conflict() -> None:
    mine, note = edits.add_note(Annotations(), PACK, "A.1", "same", now=T0)
    theirs, _ = edits.edit_note(mine, PACK, "A.1", note.id, tags=(), now=T0 + timedelta(1))

    result = merge(mine, theirs)

    assert result.annotations == theirs
    assert [(c.kind, c.item) for c in result.report.changes] == [(ChangeKind.UPDATED, "note")]


def test_the_summary_counts_each_kind() -> None:
    mine, theirs, _ = edited_on_both_sides()
    theirs, _ = edits.add_note(theirs, PACK, "gone.1", "on a node the pack lost", now=T0)

    report = merge(mine, theirs).report

    assert report.summary() == "1 added, 0 updated, 1 kept as conflict copies, 0 unchanged"


def shared_note() -> tuple[Annotations, str]:
    """A note both sides have, as after an earlier exchange."""
    base, note = edits.add_note(Annotations(), PACK, "B.2", "shared", author="Alice", now=T0)
    return base, note.id


def test_a_note_edited_on_one_side_takes_the_newer_text_without_a_copy() -> None:
    base, note_id = shared_note()
    edited, _ = edits.edit_note(base, PACK, "B.2", note_id, text="better", now=T0 + timedelta(1))

    for mine, theirs in ((base, edited), (edited, base)):
        result = merge(mine, theirs)
        assert [(n.id, n.text) for n in result.annotations.notes_for(PACK, "B.2")] == [
            (note_id, "better")
        ]
        assert result.report.conflicts == []
    assert [c.kind for c in merge(base, edited).report.changes] == [ChangeKind.UPDATED]
    assert merge(edited, base).report.changes == ()  # an older version changes nothing


def test_an_older_export_does_not_undo_later_edits_even_when_its_clock_is_ahead() -> None:
    base, note_id = shared_note()
    ahead, _ = edits.edit_note(base, PACK, "B.2", note_id, tags=["x"], now=T0 + timedelta(9))
    later, _ = edits.edit_note(ahead, PACK, "B.2", note_id, text="final", now=T0 + timedelta(1))

    kept = merge(later, ahead).annotations.notes_for(PACK, "B.2")
    assert [(n.text, n.tags) for n in kept] == [("final", ("x",))]


def test_a_note_changed_back_wins_over_the_version_it_left() -> None:
    base, note_id = shared_note()
    changed, _ = edits.edit_note(base, PACK, "B.2", note_id, text="draft", now=T0 + timedelta(1))
    back, _ = edits.edit_note(changed, PACK, "B.2", note_id, text="shared", now=T0 + timedelta(2))

    for mine, theirs in ((changed, back), (back, changed)):
        kept = merge(mine, theirs).annotations.notes_for(PACK, "B.2")
        assert [n.text for n in kept] == ["shared"]


def test_deleting_a_conflict_copy_settles_it_for_good() -> None:
    mine, theirs, note_id = edited_on_both_sides()
    both = merge(mine, theirs).annotations
    copy_id = conflict_copy_id(note_id, "mine", ())
    settled, _ = edits.edit_note(
        both, PACK, "B.2", note_id, text="mine and theirs", now=T0 + timedelta(hours=3)
    )
    settled = edits.delete_note(settled, PACK, "B.2", copy_id)

    # The old exports of either side bring nothing back.
    for old in (mine, theirs):
        assert not merge(settled, old).changed
    # A colleague who still holds both versions takes the settled note, and loses the copy.
    result = merge(both, settled)
    assert [n.text for n in result.annotations.notes_for(PACK, "B.2")] == ["mine and theirs"]
    assert [c.kind for c in result.report.changes] == [ChangeKind.UPDATED, ChangeKind.DELETED]
    assert "1 deleted" in result.report.summary()


def test_a_deletion_travels_but_a_later_edit_elsewhere_survives_it() -> None:
    base, note_id = shared_note()
    deleted = edits.delete_note(base, PACK, "B.2", note_id)
    assert deleted.packs[PACK]["B.2"].notes == ()  # the node stays, holding the deletion

    for mine, theirs in ((deleted, base), (base, deleted)):
        assert merge(mine, theirs).annotations.notes_for(PACK, "B.2") == ()
    result = merge(base, deleted)  # the colleague who still has it imports the deletion
    assert [c.kind for c in result.report.changes] == [ChangeKind.DELETED]
    assert not merge(deleted, base).changed  # an old export does not bring it back

    edited, _ = edits.edit_note(
        base, PACK, "B.2", note_id, text="still needed", now=T0 + timedelta(1)
    )
    for mine, theirs in ((deleted, edited), (edited, deleted)):
        kept = merge(mine, theirs).annotations.notes_for(PACK, "B.2")
        assert [n.text for n in kept] == ["still needed"]


def test_a_node_left_with_only_deletions_is_not_an_orphan() -> None:
    base, note = edits.add_note(Annotations(), PACK, "gone", "on a removed node", now=T0)
    deleted = edits.delete_note(base, PACK, "gone", note.id)
    assert deleted.orphans(PACK, {"A.1"}) == {}
    assert set(base.orphans(PACK, {"A.1"})) == {"gone"}


def test_three_people_and_an_old_version_in_any_order() -> None:
    """Ana and Ben edit the same note; Carol edits on from Ana's version."""
    base, note_id = shared_note()
    ana, _ = edits.edit_note(base, PACK, "B.2", note_id, text="ana", now=T0 + timedelta(1))
    ben, _ = edits.edit_note(base, PACK, "B.2", note_id, text="ben", now=T0 + timedelta(2))
    carol, _ = edits.edit_note(ana, PACK, "B.2", note_id, text="carol", now=T0 + timedelta(3))

    results = [
        merge(merge(first, second).annotations, third).annotations
        for first, second, third in (
            (ana, ben, carol),
            (ana, carol, ben),
            (ben, carol, ana),
            (carol, ana, ben),
        )
    ]
    assert all(result == results[0] for result in results)
    texts = sorted(n.text for n in results[0].notes_for(PACK, "B.2"))
    assert texts == ["ben", "carol"]  # ana's version is replaced by carol's, not a copy


def test_an_edit_records_the_version_it_replaces() -> None:
    base, note_id = shared_note()
    (original,) = base.notes_for(PACK, "B.2")
    resaved, _ = edits.edit_note(base, PACK, "B.2", note_id, text="shared", now=T0 + timedelta(1))
    tagged, _ = edits.edit_note(resaved, PACK, "B.2", note_id, tags=["x"], now=T0 + timedelta(2))

    (first,) = resaved.notes_for(PACK, "B.2")
    (second,) = tagged.notes_for(PACK, "B.2")
    assert first.supersedes == (original.version_hash(),)
    assert set(second.supersedes) == {original.version_hash(), first.version_hash()}
    assert not merge(tagged, base).changed and not merge(tagged, resaved).changed
