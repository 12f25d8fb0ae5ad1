"""What the team view's caches notice: a device file rewritten to the same size and time,
a new file, a gone one; each look reads only what changed, and what is kept is the join
made from scratch."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from team_helpers import PACK, join, make_team, texts

from gpp_tui.team import device_file, view
from gpp_tui.team.join import join as join_all
from gpp_tui.team.review import TeamReview


def reopened(folder: Path, author: str) -> TeamReview:
    review = TeamReview.open(folder, author)
    assert review is not None
    review.refresh()
    return review


def test_a_file_rewritten_in_place_to_the_same_size_and_mtime_is_read_again(
    tmp_path: Path,
) -> None:
    team = make_team(tmp_path)
    amina, bruno = join(tmp_path, team, "amina"), join(tmp_path, team, "bruno")
    bruno.add("B.2", "apple")
    assert ("B.2", "bruno", "apple") in texts(amina.view)
    path = team / "devices" / f"{bruno.review.device_id}.json"
    before = os.lstat(path)
    data = path.read_bytes()
    while os.lstat(path).st_ctime_ns == before.st_ctime_ns and time.sleep(0.005) is None:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # until the clock ticks
    with path.open("r+b") as file:  # same inode, same size; the mtime put back
        file.write(data.replace(b'"apple"', b'"mango"'))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.lstat(path)
    assert (after.st_mtime_ns, after.st_size, after.st_ino) == (
        before.st_mtime_ns,
        before.st_size,
        before.st_ino,
    )
    refresh = amina.review.refresh()
    assert refresh.read == (path.name,)
    seen = texts(amina.review.view(amina.store.annotations))
    assert ("B.2", "bruno", "mango") in seen
    assert ("B.2", "bruno", "apple") not in seen
    assert ("B.2", "bruno", "mango") in texts(
        reopened(tmp_path / "amina", "amina").view(amina.store.annotations)
    )


def test_each_look_reads_only_the_new_the_changed_and_forgets_the_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team = make_team(tmp_path)
    amina, bruno = join(tmp_path, team, "amina"), join(tmp_path, team, "bruno")
    bruno.add("B.2", "bruno's")
    review = amina.review
    review.refresh()
    parsed: list[int] = []
    real = view.parse
    monkeypatch.setattr(view, "parse", lambda data: parsed.append(1) or real(data))

    chen = join(tmp_path, team, "chen")  # a new device: its file appears
    chen.add("C.1", "chen's")
    chen_file = f"{chen.review.device_id}.json"
    refresh = review.refresh()
    assert refresh.read == (chen_file,)
    assert len(parsed) == 1
    assert ("C.1", "chen", "chen's") in texts(review.view(amina.store.annotations))

    idle = review.refresh()
    assert idle.read == () and not idle.changed and len(parsed) == 1

    bruno.add("B.2", "bruno's second")
    refresh = review.refresh()
    assert refresh.read == (f"{bruno.review.device_id}.json",)
    assert refresh.nodes == frozenset({(PACK, "B.2")})
    assert len(parsed) == 2

    (team / "devices" / chen_file).unlink()
    refresh = review.refresh()
    assert refresh.read == () and refresh.gone == (chen_file,)
    assert refresh.nodes == frozenset({(PACK, "C.1")})
    assert len(parsed) == 2
    shown = review.view(amina.store.annotations)
    assert ("C.1", "chen", "chen's") not in texts(shown)
    assert shown == join_all([amina.store.annotations, *review.files.sources()])


def test_the_view_is_kept_while_nothing_changed_and_made_again_when_anything_did(
    tmp_path: Path,
) -> None:
    team = make_team(tmp_path)
    amina, bruno = join(tmp_path, team, "amina"), join(tmp_path, team, "bruno")
    amina.add("A.1", "amina's")
    bruno.add("A.1", "bruno's")
    first = amina.view
    assert amina.view is first  # nothing changed: the same view
    assert reopened(tmp_path / "amina", "amina").view(amina.store.annotations) is first
    amina.add("A.1", "amina's second")  # this device's notes changed
    second = amina.view
    assert second is not first
    assert second == join_all([amina.store.annotations, *amina.review.files.sources()])
    bruno.add("A.1", "bruno's second")  # another device's did
    third = amina.view
    assert ("A.1", "bruno", "bruno's second") in texts(third)
    assert third == join_all([amina.store.annotations, *amina.review.files.sources()])


def test_a_team_opened_again_writes_the_same_file_as_a_fresh_writer(tmp_path: Path) -> None:
    team = make_team(tmp_path)
    amina = join(tmp_path, team, "amina")
    amina.add("A.1", "one")
    amina.add("A.2", "two")
    path = team / "devices" / f"{amina.review.device_id}.json"
    again = reopened(tmp_path / "amina", "amina")  # takes over the first one's writer
    amina.store.after_save = again.publish_after_save
    first = amina.store.annotations.notes_for(PACK, "A.1")[0]
    with amina.store.update() as edit:
        edit.edit_note(PACK, "A.1", first.id, text="uno")
        edit.add_note(PACK, "B.1", "three")
    assert not again.publish_problem
    assert not again.publish(amina.store.annotations)  # written by the save
    fresh = device_file.render(
        again.team.info.team_id, again.device_id, "amina", amina.store.annotations
    )
    assert path.read_bytes() == fresh
    assert {text for _, _, text in texts(device_file.parse(fresh).annotations)} == {
        "uno",
        "two",
        "three",
    }
