"""Create, join and leave a team: the one core operation `gpp team` and the app's palette call."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pyrage import x25519
from team_helpers import PACK, join, texts

from gpp_tui.store.models import Annotations
from gpp_tui.team import membership
from gpp_tui.team.layout import DESCRIPTION_FILE, TeamFolder
from gpp_tui.team.link import LINK_FILE, load_link
from gpp_tui.team.membership import enter_team, leave
from gpp_tui.team.review import TeamError, TeamReview


def test_create_makes_the_folder_joins_it_and_publishes_the_notes(tmp_path: Path) -> None:
    amina = join(tmp_path, TeamFolder.create(tmp_path / "other", "x", encrypted=False).path, "a")
    amina.add("B.2", "checkpoint at the bridge")
    local = amina.store.annotations
    amina.close()
    data = tmp_path / "amina"
    entered = enter_team(data, tmp_path / "new" / "team", "  Amina   K. ", local, create="Herat")
    team = tmp_path / "new" / "team"
    assert (team / DESCRIPTION_FILE).is_file()
    assert entered.lines[0] == (
        f"Created the team 'Herat' in {team} (plain: anyone who can read the folder reads "
        "the notes)."
    )
    assert entered.lines[1].startswith("Joined 'Herat' as Amina K. (device d")
    assert len(entered.lines) == 2
    link = load_link(data)
    assert link.team_path == team.resolve() and link.team_id == entered.review.team.info.team_id
    assert DESCRIPTION_FILE in link.written  # made by this device: its own file
    assert entered.review.team.device_file(link.device_id).is_file()
    again = TeamReview.open(data, "Amina K.")
    assert again is not None and again.team.info.name == "Herat"


def test_a_second_data_folder_joins_and_reads_the_first_ones_notes(tmp_path: Path) -> None:
    team = tmp_path / "team"
    amina = join(tmp_path, TeamFolder.create(team, "Herat", encrypted=False).path, "amina")
    amina.add("B.2", "checkpoint at the bridge")
    entered = enter_team(tmp_path / "bruno", team, "Bruno", Annotations())
    assert entered.lines == [
        f"Joined 'Herat' as Bruno (device {entered.review.device_id}); your notes are "
        "written there after each save."
    ]
    assert texts(entered.review.view(Annotations())) == {
        ("B.2", "amina", "checkpoint at the bridge")
    }
    amina.review.refresh()
    assert "Bruno" in {member.name for member in amina.review.members.values()}
    amina.close()


def test_joining_the_same_team_again_is_fine_another_one_is_refused(tmp_path: Path) -> None:
    first = TeamFolder.create(tmp_path / "first", "First", encrypted=False).path
    second = TeamFolder.create(tmp_path / "second", "Second", encrypted=False).path
    data = tmp_path / "data"
    device = enter_team(data, first, "Amina", Annotations()).review.device_id
    assert enter_team(data, first, "Amina", Annotations()).review.device_id == device
    before = (data / LINK_FILE).read_bytes()
    with pytest.raises(TeamError, match=r"already in the team in .*first; leave it first"):
        enter_team(data, second, "Amina", Annotations())
    with pytest.raises(TeamError, match="already in the team"):
        enter_team(data, tmp_path / "third", "Amina", Annotations(), create="Third")
    assert not (tmp_path / "third").exists()  # refused before anything was made
    assert (data / LINK_FILE).read_bytes() == before


@pytest.mark.parametrize("name", ["", "   "])
def test_a_name_is_needed(tmp_path: Path, name: str) -> None:
    with pytest.raises(TeamError, match="a name is needed to join a team; nothing was changed"):
        enter_team(tmp_path / "data", tmp_path / "team", name, Annotations(), create="Herat")
    assert not (tmp_path / "team").exists() and not (tmp_path / "data").exists()


def test_bad_folders_are_refused_in_one_line_with_nothing_changed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    newer = tmp_path / "newer"
    newer.mkdir()
    (newer / DESCRIPTION_FILE).write_text('schema_version = 99\n[team]\nid = "x"\nname = "N"\n')
    cases = {
        a_file: "is not a folder",
        tmp_path / "missing": "is not a folder",
        tmp_path: "holds no team",
        newer: "made by a newer gpp-tui",
    }
    for path, words in cases.items():
        with pytest.raises(TeamError, match=words) as caught:
            enter_team(data, path, "Amina", Annotations())
        assert "\n" not in str(caught.value)
    with pytest.raises(TeamError, match="is a file, not a folder"):
        enter_team(data, a_file, "Amina", Annotations(), create="Herat")
    with pytest.raises(TeamError, match="already holds a team"):
        enter_team(data, newer, "Amina", Annotations(), create="Herat")
    assert not (data / LINK_FILE).exists()


def test_a_team_folder_that_cannot_be_written_is_refused_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team = TeamFolder.create(tmp_path / "team", "Herat", encrypted=False).path
    data = tmp_path / "data"
    monkeypatch.setattr(membership.os, "access", lambda path, mode: Path(path) != team / "devices")
    with pytest.raises(TeamError, match="devices cannot be written"):
        enter_team(data, team, "Amina", Annotations())
    assert not (data / LINK_FILE).exists()
    assert list((team / "members").iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_team_folder_for_real(tmp_path: Path) -> None:
    team = TeamFolder.create(tmp_path / "team", "Herat", encrypted=False).path
    (team / "devices").chmod(0o500)
    try:
        with pytest.raises(TeamError, match="cannot be written"):
            enter_team(tmp_path / "data", team, "Amina", Annotations())
    finally:
        (team / "devices").chmod(0o700)


def test_a_join_that_fails_half_way_is_not_left_joined(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team = TeamFolder.create(tmp_path / "team", "Herat", encrypted=False).path
    data = tmp_path / "data"

    def refuse(self: TeamReview, local: Annotations, *, force: bool = False) -> bool:
        raise TeamError("not written to the team folder: disk full")

    monkeypatch.setattr(TeamReview, "publish", refuse)
    with pytest.raises(TeamError, match="disk full"):
        enter_team(data, team, "Amina", Annotations())
    link = load_link(data)
    assert not link.joined
    assert any(path.startswith("members/") for path in link.written)  # what it wrote: its own
    monkeypatch.undo()
    again = enter_team(data, team, "Amina", Annotations())  # and joins later with the same id
    assert again.review.device_id == link.device_id


def test_encrypted_create_and_join_publish_a_request(tmp_path: Path) -> None:
    amina_key, bruno_key = x25519.Identity.generate(), x25519.Identity.generate()
    team = tmp_path / "team"
    made = enter_team(tmp_path / "amina", team, "Amina", Annotations(), amina_key, create="H")
    assert "(encrypted)" in made.lines[0]
    assert TeamFolder.open(team).info.encrypted
    with pytest.raises(TeamError, match="turn on encryption for your notes first"):
        enter_team(tmp_path / "plain", team, "Carla", Annotations())
    assert not (tmp_path / "plain" / LINK_FILE).exists()
    joined = enter_team(tmp_path / "bruno", team, "Bruno", Annotations(), bruno_key)
    assert joined.lines[-1].startswith("The team is encrypted: you read a member's notes once")
    made.review.refresh()
    (asking,) = made.review.requests()
    assert asking.name == "Bruno" and asking.recipient == str(bruno_key.to_public())
    assert made.review.asks(asking).endswith("asks to join")
    device = joined.review.team.device_file(joined.review.device_id)
    assert device.suffix == ".age" and b"Bruno" not in device.read_bytes()


def test_leave_says_where_the_files_stay_and_a_second_leave_is_refused(tmp_path: Path) -> None:
    team = TeamFolder.create(tmp_path / "team", "Herat", encrypted=False).path
    data = tmp_path / "data"
    joined = enter_team(data, team, "Amina", Annotations())
    device_file = joined.review.team.device_file(joined.review.device_id)
    assert leave(data) == f"Left the team in {team.resolve()}; your files there stay."
    assert device_file.is_file()  # left as it was, for the others
    assert not load_link(data).joined
    assert TeamReview.open(data) is None
    with pytest.raises(TeamError, match="not in a team"):
        leave(data)


def test_notes_published_on_join_are_the_local_ones(tmp_path: Path) -> None:
    team = TeamFolder.create(tmp_path / "team", "Herat", encrypted=False).path
    amina = join(tmp_path, team, "amina")
    scratch = join(tmp_path, TeamFolder.create(tmp_path / "t2", "x", encrypted=False).path, "s")
    scratch.add("C.1", "shelter in Herat")
    local = scratch.store.annotations
    scratch.close()
    enter_team(tmp_path / "bruno", team, "Bruno", local)
    assert ("C.1", "s", "shelter in Herat") in texts(amina.view)
    assert amina.view.notes_for(PACK, "C.1")
    amina.close()


def test_the_sessions_team_switches_view_on_enter_and_back_on_leave(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gpp_tui.session.teamwork import Teamwork
    from gpp_tui.store.annotation_store import AnnotationStore

    team = TeamFolder.create(tmp_path / "team", "Herat", encrypted=False).path
    bruno = join(tmp_path, team, "bruno")
    bruno.add("B.2", "checkpoint at the bridge")
    store = AnnotationStore(tmp_path / "amina", author="Amina")
    with store.update() as edit:
        edit.add_note(PACK, "C.1", "shelter in Herat")
    work = Teamwork()
    lines = work.enter(store, team, "Amina", None, None)
    assert lines[0].startswith("Joined 'Herat' as Amina")
    assert work.joined and work.name == "Herat" and work.folder == team.resolve()
    assert texts(work.view(store)) == {
        ("B.2", "bruno", "checkpoint at the bridge"),
        ("C.1", "Amina", "shelter in Herat"),
    }
    assert store.after_save is not None  # each save now writes this device's file too
    with store.update() as edit:
        edit.add_note(PACK, "D.1", "clinic visit")
    assert ("D.1", "Amina", "clinic visit") in texts(bruno.view)

    def refused(data_folder: Path) -> str:
        raise TeamError("cannot write the data folder (Permission denied)")

    monkeypatch.setattr(membership, "leave_team", refused)
    with pytest.raises(TeamError, match="Permission denied"):
        work.leave(store)
    assert work.joined and store.after_save is not None  # nothing changed
    monkeypatch.undo()
    assert work.leave(store).startswith("Left the team in")
    assert not work.joined and work.live is None and store.after_save is None
    assert texts(work.view(store)) == {
        ("C.1", "Amina", "shelter in Herat"),
        ("D.1", "Amina", "clinic visit"),
    }
    with store.update() as edit:
        edit.add_note(PACK, "D.2", "not for the team")
    assert ("D.2", "Amina", "not for the team") not in texts(bruno.view)
    store.close()
    bruno.close()
