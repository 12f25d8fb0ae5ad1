"""The session's answers word for word, and the paths mutation testing found unchecked.

What the user is told after each change and each undo, refusals and whether they
are warnings, filters that show exactly the right nodes, an import applied after
the notes changed, drafts that a late write cannot bring back.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from gpp_tui.content import Library, Node, load_library
from gpp_tui.session import Refused, Session
from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.errors import StoreError
from gpp_tui.store.kinds import NodeFilter, ReviewStatus

P = "wigj-gpp"
RECOMMENDATIONS = {"A.1", "A.2", "A.3", "B.1", "B.2", "B.3", "C.1", "C.2", "D.1", "D.2", "D.3"}


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


def undone(session: Session) -> str:
    changed = session.undo()
    assert changed is not None
    return changed.message


def test_bookmark_messages_and_what_undo_says(session: Session) -> None:
    b2 = node(session, "B.2")
    session.toggle_bookmark(b2)
    assert undone(session) == "Undone: bookmarked B.2"
    session.toggle_bookmark(b2)
    removed = session.toggle_bookmark(b2)
    assert removed.message == "Bookmark removed" and removed.undoable
    assert undone(session) == "Undone: removed the bookmark of B.2"


def test_label_messages_and_what_undo_says(session: Session) -> None:
    c1 = node(session, "C.1")
    labelled = session.label_bookmark("witness list", c1)
    assert labelled.message == "Bookmark labelled 'witness list'"
    assert labelled.undoable and labelled.places == ((P, "C.1"),)
    cleared = session.label_bookmark("", c1)
    assert cleared.message == "Bookmark label removed" and cleared.undoable
    assert undone(session) == "Undone: labelled the bookmark of C.1"


def test_status_note_and_delete_messages_and_what_undo_says(session: Session) -> None:
    a2 = node(session, "A.2")
    assert session.set_status(ReviewStatus.REVIEWED, a2).message == "A.2: reviewed"
    assert undone(session) == "Undone: marked A.2 reviewed"
    note_id = session.save_note("first words", ("safety",), node=a2).note_id
    assert note_id is not None
    assert [n.tags for n in session.notes(a2)] == [("safety",)]
    assert undone(session) == "Undone: added a note on A.2"
    session.redo()
    session.save_note("better words", ("safety",), note_id, a2)
    assert undone(session) == "Undone: edited a note on A.2"
    deleted = session.delete_note(note_id, a2)
    assert deleted.message == "Note deleted" and deleted.undoable
    assert undone(session) == "Undone: deleted a note on A.2"
    session.delete_note(note_id, a2)
    with pytest.raises(Refused) as refused:
        session.delete_note(note_id, a2)
    assert refused.value.message == "That note is already gone"


def test_undo_and_redo_refused_word_for_word_when_the_node_changed(session: Session) -> None:
    a1 = node(session, "A.1")
    store = session.store
    assert store is not None
    session.toggle_bookmark(a1)
    with store.update(save=False) as edit:  # as if another tool had changed it
        edit.set_bookmark(P, "A.1", "changed elsewhere")
    with pytest.raises(Refused) as refused:
        session.undo()
    assert refused.value.message == "Not undone: the notes it touched changed since"
    assert refused.value.warning

    session.toggle_bookmark(node(session, "A.3"))
    session.undo()
    with store.update(save=False) as edit:
        edit.toggle_bookmark(P, "A.3")
    with pytest.raises(Refused) as refused:
        session.redo()
    assert refused.value.message == "Not redone: the notes it touched changed since"
    assert refused.value.warning


def test_undo_and_redo_keep_a_change_made_meanwhile_on_another_node(session: Session) -> None:
    store = session.store
    assert store is not None
    session.toggle_bookmark(node(session, "B.1"))
    with store.update(save=False) as edit:  # another node, changed outside the undo stack
        edit.set_status(P, "D.1", ReviewStatus.FOLLOW_UP)
    session.undo()
    annotations = session.annotations
    assert annotations is not None
    assert annotations.node(P, "B.1").bookmark is None
    assert annotations.status_of(P, "D.1") is ReviewStatus.FOLLOW_UP
    with store.update(save=False) as edit:
        edit.set_status(P, "D.2", ReviewStatus.REVIEWED)
    session.redo()
    annotations = session.annotations
    assert annotations is not None
    assert annotations.node(P, "B.1").bookmark is not None
    assert annotations.status_of(P, "D.1") is ReviewStatus.FOLLOW_UP
    assert annotations.status_of(P, "D.2") is ReviewStatus.REVIEWED


def test_refusals_before_loading_say_so(library: Library, tmp_path: Path) -> None:
    fresh = Session(library, tmp_path / "data")
    for operation in (
        lambda: fresh.toggle_bookmark(node(fresh, "A.1")),
        lambda: fresh.export("md", tmp_path / "review.md"),
    ):
        with pytest.raises(Refused) as refused:
            operation()
        assert refused.value.message == "Your notes are still loading"


def test_export_and_import_refusals_are_warnings(session: Session, tmp_path: Path) -> None:
    with pytest.raises(Refused) as refused:
        session.export("html", tmp_path / "no-such-folder" / "x" / "review.html")
    assert refused.value.warning
    with pytest.raises(Refused) as refused:
        session.read_import(tmp_path / "missing.json")
    assert refused.value.warning


def test_an_export_without_an_author_names_none(library: Library, tmp_path: Path) -> None:
    anonymous = Session(library, tmp_path / "data")
    anonymous.load()
    try:
        anonymous.save_note("a note", node=node(anonymous, "A.1"))
        path = tmp_path / "notes.json"
        anonymous.export("json", path)
        assert "author" not in json.loads(path.read_text(encoding="utf-8"))
    finally:
        anonymous.close()


def test_an_export_of_bookmarked_parts_only_leaves_the_rest_out(
    session: Session, tmp_path: Path
) -> None:
    session.toggle_bookmark(node(session, "B.2"))
    session.save_note("not bookmarked", node=node(session, "C.2"))
    path = tmp_path / "review.md"
    session.export("md", path, only="bookmarked")
    text = path.read_text(encoding="utf-8")
    assert "B.2" in text and "not bookmarked" not in text


def test_an_import_applied_after_the_notes_changed_keeps_both(
    session: Session, library: Library, tmp_path: Path
) -> None:
    colleague = Session(library, tmp_path / "colleague")
    colleague.load()
    try:
        colleague.save_note("from a colleague", node=node(colleague, "A.3"))
        path = tmp_path / "colleague.json"
        colleague.export("json", path)
    finally:
        colleague.close()
    preview = session.read_import(path)
    session.save_note("written while the preview was open", node=node(session, "B.3"))
    session.apply_import(preview)
    assert [n.text for n in session.notes(node(session, "A.3"))] == ["from a colleague"]
    assert [n.text for n in session.notes(node(session, "B.3"))] == [
        "written while the preview was open"
    ]
    assert undone(session) == "Undone: imported colleague.json"


def test_an_import_preview_lists_room_changes_then_counts_the_rest(
    session: Session, library: Library, tmp_path: Path
) -> None:
    colleague = Session(library, tmp_path / "colleague")
    colleague.load()
    try:
        for node_id in ("A.1", "A.2", "A.3", "B.1"):
            colleague.save_note(f"note on {node_id}", node=node(colleague, node_id))
        path = tmp_path / "colleague.json"
        colleague.export("json", path)
    finally:
        colleague.close()
    preview = session.read_import(path)
    assert preview.lines(library, 3)[-2] == "... and 1 more"
    lines = preview.lines(library, 2)
    assert lines[-2] == "... and 2 more"
    assert lines[-1].endswith(" unchanged.") and not lines[-1].endswith("..")
    assert sum(line.startswith("- ") for line in lines) == 2


def test_start_up_messages_word_for_word(library: Library, tmp_path: Path) -> None:
    with AnnotationStore(tmp_path / "data") as store, store.update() as edit:
        edit.add_note("elsewhere", "X.1", "on a pack not loaded")
        edit.add_note("twice", "X.1", "one")
        edit.add_note("twice", "X.2", "two")
    holder = AnnotationStore(tmp_path / "data")
    second = Session(library, tmp_path / "data")
    second.load()
    try:
        messages = second.startup_messages()
        assert (
            "Your notes on 1 node of pack 'elsewhere' are kept, but that pack is not loaded: "
            "start with --content and its file to see them"
        ) in messages
        assert (
            "Your notes on 2 nodes of pack 'twice' are kept, but that pack is not loaded: "
            "start with --content and its file to see them"
        ) in messages
        store = second.store
        assert store is not None and store.read_only
        assert f"Read-only: {store.read_only_reason}" in messages
        assert second.save() is False
    finally:
        second.close()
        holder.close()


def test_closing_lets_another_copy_write(library: Library, tmp_path: Path) -> None:
    first = Session(library, tmp_path / "data")
    first.load()
    first.close()
    second = Session(library, tmp_path / "data")
    second.load()
    try:
        assert second.store is not None and not second.store.read_only
    finally:
        second.close()


def test_a_draft_that_cannot_be_written_says_so_and_the_note_is_kept(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = session.store
    assert store is not None

    def full(*args: object) -> None:
        raise StoreError("the disk is full")

    monkeypatch.setattr(store, "save_draft", full)
    changed = session.save_note("kept in memory", node=node(session, "D.3"))
    assert changed.message == "Kept, but not on disk yet: the disk is full"
    assert [n.text for n in session.notes(node(session, "D.3"))] == ["kept in memory"]


def test_a_late_draft_write_after_saving_does_not_bring_the_draft_back(session: Session) -> None:
    session.save_note("done", node=node(session, "C.2"))
    session.save()
    session.drafts.keep((P, "C.2", None), "a keystroke that arrived late")
    assert session.drafts.pending() == []


def test_next_unreviewed_with_nothing_open_starts_at_the_first(session: Session) -> None:
    assert session.current is None
    assert session.next_unreviewed() == (P, "A.1")


def test_unreviewed_and_bookmarked_filters_show_exactly_those_nodes(session: Session) -> None:
    finder = session.finder
    assert finder.text_filter == "" and finder.summary("·") == ""
    finder.node_filter = NodeFilter.UNREVIEWED
    assert finder.visible() == {(P, r) for r in RECOMMENDATIONS}
    session.toggle_bookmark(node(session, "B"))  # an area, not a recommendation
    finder.node_filter = NodeFilter.BOOKMARKED
    assert finder.visible() == {(P, "B")}


def test_the_author_filter_asks_the_team_about_every_node(session: Session) -> None:
    finder = session.finder
    asked: list[tuple[str, list[str], str]] = []

    def authored(pack_id: str, node_ids: list[str], wanted: str) -> list[str]:
        asked.append((pack_id, node_ids, wanted))
        return ["A.1"] if wanted == "mine" else []

    finder.authored = authored
    finder.author_filter = "mine"
    assert finder.visible() == {(P, "A.1")}
    pack = session.library.pack(P)
    assert pack is not None
    assert asked == [(P, [*pack.nodes], "mine")]
    assert finder.summary("·") == " · filter: mine"


def test_search_keeps_to_its_limit_and_finds_notes_saved_before_the_index(
    session: Session,
) -> None:
    session.save_note("zanzibar hearing notes", node=node(session, "D.2"))
    hits = session.finder.search("zanzibar", 5)  # the index is built now, with the note in it
    assert [(h.node_id, h.note_id is not None) for h in hits] == [("D.2", True)]
    assert len(session.finder.search("women", 1)) == 1


def with_spanish(library: Library) -> Library:
    """The packs with two translations: the bundled French, and a 'Spanish' copy of it."""
    (french,) = library.alternates
    spanish = dataclasses.replace(french, pack=dataclasses.replace(french.pack, language="es"))
    return Library(library.packs, (french, spanish))


def test_the_switch_goes_to_the_translation_in_the_interface_language(library: Library) -> None:
    from gpp_tui.session.languages import next_language, parallel

    two = with_spanish(library)
    assert next_language(two) == "fr"  # the first translation, without a preference
    assert next_language(two, "es_MX.UTF-8") == "es"
    pair = parallel(two, two.packs[0].nodes["B.2"], "es_MX.UTF-8")
    assert pair is not None and pair.translation_pack.language == "es"


def test_a_translation_loaded_without_its_original(library: Library, tmp_path: Path) -> None:
    from gpp_tui.session.languages import parallel

    (french,) = library.alternates
    alone = Library((french,))
    b2 = french.nodes["B.2"]
    assert parallel(alone, b2) is None
    assert Session(alone, tmp_path / "data").source_text(b2) == b2.text


def test_peek_shows_the_change_u_would_take_back(session: Session) -> None:
    for node_id in ("A.1", "A.2", "A.3"):
        session.toggle_bookmark(node(session, node_id))
    newest = session.undo_stack.peek()
    assert newest is not None and newest.description == "bookmarked A.3"


def test_an_encrypted_folder_loads_with_its_key(library: Library, tmp_path: Path) -> None:
    from gpp_tui.store.crypto import encrypt_folder, unlock

    folder = tmp_path / "data"
    with AnnotationStore(folder) as store, store.update() as edit:
        edit.add_note(P, "A.1", "sealed words")
    encrypt_folder(folder, "correct horse battery")
    sealed = Session(library, folder)
    sealed.load(unlock(folder, "correct horse battery"))
    try:
        assert [n.text for n in sealed.notes(node(sealed, "A.1"))] == ["sealed words"]
    finally:
        sealed.close()


def test_out_of_a_team_every_note_is_the_users_own(session: Session) -> None:
    session.save_note("mine", node=node(session, "A.1"))
    (note,) = session.notes(node(session, "A.1"))
    assert session.team.author_of(note) == ""


def test_the_stores_own_messages_are_among_the_start_up_messages(
    library: Library, tmp_path: Path
) -> None:
    from gpp_tui.session.teamwork import Teamwork

    assert Teamwork().messages == []
    holder = AnnotationStore(tmp_path / "data")
    second = Session(library, tmp_path / "data")
    second.load()
    try:
        store = second.store
        assert store is not None and store.messages
        for message in store.messages:
            assert message in second.startup_messages()
    finally:
        second.close()
        holder.close()


def test_an_export_refused_says_why(session: Session, tmp_path: Path) -> None:
    with pytest.raises(Refused) as refused:
        session.export("html", tmp_path)
    assert refused.value.message == f"not written: {tmp_path} is a folder"


def test_warming_up_builds_the_index_and_keeps_a_save_problem_for_the_save(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = session.store
    assert store is not None

    def broken() -> None:
        raise StoreError("not saved: the disk is full")

    monkeypatch.setattr(store, "prepare_save", broken)
    session.warm_up()  # no error here: the save reports it, when there is something to save
    assert session.finder.search("retaliation", 1)[0].node_id == "B.2"


def test_nothing_open_nothing_shown(library: Library, session: Session) -> None:
    from gpp_tui.session.languages import shown_language

    with pytest.raises(Refused) as refused:
        session.toggle_bookmark()
    assert refused.value.message == "Nothing is selected"
    assert shown_language(Library(())) == ""


def test_a_saved_note_redraws_its_node_and_a_label_is_found(session: Session) -> None:
    changed = session.save_note("words", node=node(session, "A.2"))
    assert changed.places == ((P, "A.2"),)
    session.label_bookmark("zanzibar", node(session, "C.2"))
    hits = session.finder.search("zanzibar", 5)
    assert [(h.node_id, h.note_id) for h in hits] == [("C.2", None)]
