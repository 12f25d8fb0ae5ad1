"""Team folders: device files joined into one view, and what sync engines leave behind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from team_helpers import PACK, join, make_team, snapshot, texts

from gpp_tui.team.layout import TeamFolder, TeamFolderError, is_conflict_copy, is_ignored
from gpp_tui.team.link import load_link
from gpp_tui.team.review import NotOurFileError, TeamReview, leave_team


def test_three_devices_see_each_others_notes_with_their_authors(tmp_path: Path) -> None:
    team = make_team(tmp_path)
    devices = [join(tmp_path, team, name) for name in ("amina", "bruno", "chiara")]
    for device in devices:
        device.add("B.2", f"seen by {device.review.author}")
    expected = {("B.2", name, f"seen by {name}") for name in ("amina", "bruno", "chiara")}
    for device in devices:
        assert texts(device.view) == expected
    ids = {load_link(tmp_path / name).device_id for name in ("amina", "bruno", "chiara")}
    assert len(ids) == 3
    assert sorted(p.name for p in (team / "devices").iterdir()) == sorted(f"{i}.json" for i in ids)


def test_an_edit_of_a_colleagues_note_travels_back(tmp_path: Path) -> None:
    team = make_team(tmp_path)
    amina, bruno = join(tmp_path, team, "amina"), join(tmp_path, team, "bruno")
    note = amina.add("C.1", "first words")
    bruno.edit("C.1", note.id, "first words, corrected by Bruno")
    (seen,) = amina.view.notes_for(PACK, "C.1")
    assert (seen.id, seen.text, seen.author) == (
        note.id,
        "first words, corrected by Bruno",
        "amina",
    )
    bruno.delete("C.1", note.id)
    assert amina.view.notes_for(PACK, "C.1") == ()
    # Amina's own store still holds her version: the deletion wins in the view, by the merge rules.
    assert amina.store.annotations.notes_for(PACK, "C.1")


def test_a_refresh_after_one_file_changes_reads_only_that_file(tmp_path: Path) -> None:
    team = make_team(tmp_path)
    devices = [join(tmp_path, team, name) for name in ("amina", "bruno", "chiara")]
    for device in devices:
        device.add("A.1", "hello")
    amina = devices[0]
    amina.review.refresh()
    assert amina.review.refresh().read == ()  # nothing changed: nothing read
    devices[2].add("D.3", "new from chiara")
    refresh = amina.review.refresh()
    assert refresh.read == (f"{devices[2].review.device_id}.json",)
    assert refresh.nodes == {(PACK, "D.3")}


def test_conflict_copies_are_joined_and_never_deleted(tmp_path: Path) -> None:
    team = make_team(tmp_path)
    amina, bruno = join(tmp_path, team, "amina"), join(tmp_path, team, "bruno")
    bruno.add("B.1", "kept in a conflict copy")
    own = team / "devices" / f"{bruno.review.device_id}.json"
    copies = [
        own.with_name(f"{bruno.review.device_id}.sync-conflict-20261201-101500-ABCDEFG.json"),
        own.with_name(f"{bruno.review.device_id} (conflicted copy 2026-12-01 101500).json"),
        own.with_name(f"{bruno.review.device_id} (Bruno's conflicted copy 2026-12-01).json"),
    ]
    for copy in copies:
        assert is_conflict_copy(copy.name)
        shutil.copy(own, copy)
    bruno.edit("B.1", bruno.store.annotations.notes_for(PACK, "B.1")[0].id, "newer text")
    before = snapshot(team, skip={own})
    bruno.add("B.1", "another")
    amina.add("B.1", "amina's")
    assert texts(amina.view) == {
        ("B.1", "bruno", "newer text"),
        ("B.1", "bruno", "another"),
        ("B.1", "amina", "amina's"),
    }
    assert {p for p in snapshot(team) if p in before and p.parent.name == "devices"} >= set(copies)
    for copy in copies:
        assert snapshot(team)[copy] == before[copy]
    # A conflict copy that holds text the newer file lacks keeps it in the view.
    copies[0].write_text(copies[0].read_text().replace("kept in a conflict copy", "only here"))
    assert ("B.1", "bruno", "only here") in texts(amina.view)


@pytest.mark.parametrize(
    "name",
    [
        ".syncthing.dabc.toml.tmp",
        "~syncthing~dabc.toml.tmp",
        "dabc.toml.part",
        "~$dabc.json",
        ".~lock.dabc.toml#",
        ".dabc.toml.x1y2.tmp",
    ],
)
def test_temporary_and_partial_files_are_ignored(tmp_path: Path, name: str) -> None:
    team = make_team(tmp_path)
    amina = join(tmp_path, team, "amina")
    (team / "devices" / name).write_bytes(b"format = 'gpp-tui-team-device'\n[packs")
    assert is_ignored(name)
    refresh = amina.review.refresh()
    assert refresh.read == () and refresh.problems == ()
    assert amina.review.problems() == []
    assert (team / "devices" / name).exists()


def test_a_half_written_file_is_skipped_once_and_read_when_complete(tmp_path: Path) -> None:
    team = make_team(tmp_path)
    amina, bruno = join(tmp_path, team, "amina"), join(tmp_path, team, "bruno")
    for number in range(20):
        bruno.add("A.2", f"note {number} " + "x" * 50)
    amina.review.refresh()
    bruno.add("A.2", "the last one")
    path = team / "devices" / f"{bruno.review.device_id}.json"
    whole = path.read_bytes()
    bruno.close()
    path.write_bytes(whole[: len(whole) // 2])  # a sync engine still writing it in place
    (problem,) = amina.review.refresh().problems
    assert "incomplete" in problem and path.name in problem and "\n" not in problem
    assert amina.review.refresh().problems == ()  # told once, not at every look
    for cut in (len(whole) - 40, 10, 0):
        path.write_bytes(whole[:cut])
        amina.review.refresh()
        (problem,) = amina.review.problems()
        assert path.name in problem
        # What the file held before stays in the view meanwhile.
        assert len(amina.view.notes_for(PACK, "A.2")) == 20
    path.write_bytes(whole)
    assert amina.review.refresh().problems == ()
    assert amina.review.problems() == []
    assert ("A.2", "bruno", "the last one") in texts(amina.view)


def test_a_file_from_a_newer_gpp_tui_is_skipped_with_a_message(tmp_path: Path) -> None:
    team = make_team(tmp_path)
    amina, bruno = join(tmp_path, team, "amina"), join(tmp_path, team, "bruno")
    bruno.add("A.3", "from the future")
    path = team / "devices" / f"{bruno.review.device_id}.json"
    path.write_text(path.read_text().replace('"schema_version": 2', '"schema_version": 99'))
    refresh = amina.review.refresh()
    (problem,) = refresh.problems
    assert "newer gpp-tui" in problem and "schema_version 99" in problem
    assert texts(amina.view) == set()
    assert amina.store.annotations.note_total == 0


def test_other_files_are_never_written_renamed_or_deleted(tmp_path: Path) -> None:
    team = make_team(tmp_path)
    amina = join(tmp_path, team, "amina")
    bruno = join(tmp_path, team, "bruno")
    bruno.add("B.2", "bruno's")
    stranger = {
        team / "devices" / "dzzzzzzzzzzzz.json": b"not even toml [",
        team / "devices" / ".syncthing.x.tmp": b"partial",
        team / "devices" / "x (conflicted copy 2026-12-01).json": b"garbage",
        team / "members" / "dzzzzzzzzzzzz.toml": b"schema_version = 1\ndevice = 'dzzzzzzzzzzzz'",
        team / "notes.txt": b"a colleague's own file",
        team / ".stfolder" / "marker": b"",
    }
    for path, data in stranger.items():
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
    amina_own = {
        team / "devices" / f"{amina.review.device_id}.json",
        team / "members" / f"{amina.review.device_id}.toml",
    }
    before = snapshot(team, skip=amina_own)
    for number in range(3):
        amina.add("A.1", f"amina {number}")
        amina.edit("B.2", bruno.store.annotations.notes_for(PACK, "B.2")[0].id, f"edit {number}")
        amina.review.refresh()
    amina.review.write_member()
    amina.close()
    leave_team(tmp_path / "amina")
    assert snapshot(team, skip=amina_own) == before
    assert {p for p in team.rglob("*") if p.is_file()} == set(before) | amina_own


def test_a_copied_data_folder_does_not_overwrite_the_original_devices_file(
    tmp_path: Path,
) -> None:
    team = make_team(tmp_path)
    amina = join(tmp_path, team, "amina")
    amina.add("A.1", "original")
    amina.close()
    shutil.copytree(tmp_path / "amina", tmp_path / "amina-copy")
    copy = TeamReview.open(tmp_path / "amina-copy", "amina")
    assert copy is not None
    original = TeamReview.open(tmp_path / "amina", "amina")
    assert original is not None
    from gpp_tui.store.annotation_store import AnnotationStore
    from gpp_tui.store.models import Annotations

    copy.publish(Annotations())
    path = team / "devices" / f"{copy.device_id}.json"
    written = path.read_bytes()
    with AnnotationStore(tmp_path / "amina") as store:
        annotations = store.annotations
    with pytest.raises(NotOurFileError, match="not written by this device"):
        original.publish(annotations)
    assert path.read_bytes() == written


def test_a_folder_with_no_team_or_a_newer_one_is_refused_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(TeamFolderError, match="holds no team"):
        TeamFolder.open(tmp_path)
    team = make_team(tmp_path)
    description = team / "gpp-team.toml"
    description.write_text(
        description.read_text().replace("schema_version = 1", "schema_version = 7")
    )
    with pytest.raises(TeamFolderError, match="newer gpp-tui"):
        TeamFolder.open(team)
    with pytest.raises(TeamFolderError, match="already holds a team"):
        TeamFolder.create(team, "again", encrypted=False)


def test_a_symlink_or_a_pipe_in_the_folder_is_skipped_not_followed(tmp_path: Path) -> None:
    import os

    team = make_team(tmp_path)
    amina, bruno = join(tmp_path, team, "amina"), join(tmp_path, team, "bruno")
    bruno.add("B.2", "real")
    secret = tmp_path / "private.json"
    secret.write_bytes((team / "devices" / f"{bruno.review.device_id}.json").read_bytes())
    (team / "devices" / "dlink00000000.json").symlink_to(secret)
    os.mkfifo(team / "devices" / "dpipe00000000.json")
    problems = sorted(amina.review.refresh().problems)
    assert len(problems) == 2
    assert "dlink00000000.json: it is a symbolic link" in problems[0]
    assert "dpipe00000000.json: it is a named pipe" in problems[1]
    assert texts(amina.view) == {("B.2", "bruno", "real")}
