"""The commit message of `gpp team sync`: what this device changed, a colleague's notes too."""

from __future__ import annotations

from pathlib import Path

from team_helpers import join, make_team

from gpp_tui.team.git import describe_changes


def test_the_message_counts_own_and_colleagues_notes_as_what_happened_to_them(
    tmp_path: Path,
) -> None:
    team = make_team(tmp_path)
    amina, bruno = join(tmp_path, team, "Amina"), join(tmp_path, team, "Bruno")
    first = amina.add("B.2", "checkpoint at the bridge")
    second = amina.add("C.1", "shelter in Herat")
    start = bruno.store.annotations
    assert describe_changes(None, start, "Bruno") == "no change to notes"
    own = bruno.add("D.1", "clinic visit")
    assert describe_changes(start, bruno.store.annotations, "Bruno") == "1 note added"
    before = bruno.store.annotations
    bruno.edit("B.2", first.id, "checkpoint at the bridge, confirmed")
    assert describe_changes(before, bruno.store.annotations, "Bruno") == "1 note changed"
    before = bruno.store.annotations
    bruno.delete("C.1", second.id)
    assert describe_changes(before, bruno.store.annotations, "Bruno") == "1 note deleted"
    before = bruno.store.annotations
    bruno.delete("D.1", own.id)
    assert describe_changes(before, bruno.store.annotations, "Bruno") == "1 note deleted"
    assert describe_changes(start, bruno.store.annotations, "Bruno") == (
        "1 note changed, 2 notes deleted"
    )
    amina.close()
    bruno.close()
