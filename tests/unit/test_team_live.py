"""The live team view of a running app: colleagues' notes arrive without a restart."""

from __future__ import annotations

from pathlib import Path

from team_helpers import PACK, join, make_team

from gpp_tui.team.live import Authorship, LiveTeam


def test_a_colleagues_note_arrives_with_its_author_and_an_edit_goes_back(tmp_path: Path) -> None:
    team = make_team(tmp_path)
    amina, bruno = join(tmp_path, team, "amina"), join(tmp_path, team, "bruno")
    live = LiveTeam(amina.review, lambda: amina.store.annotations)
    assert live.name == "Herat team"
    assert live.view.note_total == 0
    assert live.poll() == (frozenset(), [])  # nothing changed: nothing to redraw
    note = bruno.add("B.2", "seen at the checkpoint")
    nodes, problems = live.poll()
    assert nodes == {(PACK, "B.2")} and problems == []
    (seen,) = live.view.notes_for(PACK, "B.2")
    assert (seen.text, live.author_of(seen), live.is_mine(seen)) == (
        "seen at the checkpoint",
        "bruno",
        False,
    )
    assert live.nodes_with_others_notes(PACK) == {"B.2"}
    with amina.store.update() as edit:
        edit.annotations = live.adopt(edit.annotations, PACK, "B.2", note.id)
        edit.edit_note(PACK, "B.2", note.id, text="seen at the checkpoint, twice")
        mine = edit.add_note(PACK, "A.1", "amina's own")
    live.local_changed({(PACK, "B.2"), (PACK, "A.1")})
    assert [n.text for n in live.view.notes_for(PACK, "B.2")] == ["seen at the checkpoint, twice"]
    assert live.author_of(mine) == "" and live.is_mine(mine)
    assert live.matching(PACK, ["A.1", "B.2", "C.1"], Authorship.MINE) == ["A.1"]
    assert live.matching(PACK, ["A.1", "B.2", "C.1"], Authorship.OTHERS) == ["B.2"]
    bruno.review.refresh()
    (back,) = bruno.review.view(bruno.store.annotations).notes_for(PACK, "B.2")
    assert back.text == "seen at the checkpoint, twice" and back.author == "bruno"


def test_a_problem_file_is_told_once(tmp_path: Path) -> None:
    team = make_team(tmp_path)
    amina = join(tmp_path, team, "amina")
    live = LiveTeam(amina.review, lambda: amina.store.annotations)
    (team / "devices" / "dbroken000000.json").write_text('{"format": "gpp-tui-team-device"')
    _, problems = live.poll()
    assert len(problems) == 1 and "dbroken000000.json" in problems[0]
    assert live.poll() == (frozenset(), [])


def test_attach_hooks_the_store_so_each_save_writes_the_device_file(tmp_path: Path) -> None:
    from gpp_tui.store.annotation_store import AnnotationStore
    from gpp_tui.team.live import attach

    team = make_team(tmp_path)
    bruno = join(tmp_path, team, "bruno")
    join(tmp_path, team, "amina").close()
    with AnnotationStore(tmp_path / "amina", author="amina") as store:
        live, messages = attach(store, "amina")
        assert live is not None and messages == []
        with store.update() as edit:
            edit.add_note(PACK, "D.1", "from the app")
    bruno.review.refresh()
    assert [n.text for n in bruno.review.view(bruno.store.annotations).notes_for(PACK, "D.1")] == [
        "from the app"
    ]
    with AnnotationStore(tmp_path / "alone") as store:
        assert attach(store, "x") == (None, [])


def test_unsigned_notes_are_mine_only_when_written_on_this_device(tmp_path: Path) -> None:
    """Written here before the user set a name: theirs; a colleague's unsigned note is not."""
    team = make_team(tmp_path)
    amina, bruno = join(tmp_path, team, "amina"), join(tmp_path, team, "bruno")
    amina.store.author = ""
    before_the_name = amina.add("A.1", "written before I set my name")
    amina.store.author = "amina"
    bruno.store.author = ""
    theirs = bruno.add("B.2", "a colleague who set no name")
    live = LiveTeam(amina.review, lambda: amina.store.annotations)
    live.poll()
    (mine,) = live.view.notes_for(PACK, "A.1")
    (other,) = live.view.notes_for(PACK, "B.2")
    assert mine.id == before_the_name.id and other.id == theirs.id
    assert (live.is_mine(mine), live.author_of(mine)) == (True, "")
    assert (live.is_mine(other), live.author_of(other)) == (False, "a colleague")
    assert live.matching(PACK, ["A.1", "B.2"], Authorship.MINE) == ["A.1"]
    assert live.nodes_with_others_notes(PACK) == {"B.2"}
