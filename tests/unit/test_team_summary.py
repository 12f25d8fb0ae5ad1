"""The team summary that `gpp team status` and the team screen share; accepting, refusing and
git sync through the running app's team (LiveTeam, the session's Teamwork)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pyrage import x25519
from team_helpers import PACK, Device, join, make_team, snapshot

from gpp_tui.session.teamwork import Teamwork
from gpp_tui.store.models import ReviewStatus
from gpp_tui.team import device_file
from gpp_tui.team.live import LiveTeam
from gpp_tui.team.seal import AgeSeal, NotForUsError
from gpp_tui.team.status import member_text, status_lines, team_summary


def test_the_summary_lists_members_progress_and_problems(tmp_path: Path) -> None:
    team = make_team(tmp_path)
    amina, bruno, chen = (join(tmp_path, team, name) for name in ("amina", "bruno", "chen"))
    amina.add("A.1", "mine")
    bruno.add("B.2", "one")
    bruno.add("B.3", "two")
    with bruno.store.update() as edit:
        edit.set_status(PACK, "B.2", ReviewStatus.REVIEWED)
        edit.set_status(PACK, "B.3", ReviewStatus.FOLLOW_UP)
    (team / "devices" / "dhalfwritten0.json").write_text('{"format": "gpp-tui-team-device", "te')
    amina.review.refresh()
    summary = team_summary(amina.review, amina.store.annotations)
    assert summary.name == "Herat team" and not summary.encrypted
    assert [row.name for row in summary.members] == ["amina", "bruno", "chen"]
    me, b, c = summary.members
    assert me.this_device and me.device_id == amina.review.device_id and me.notes == 1
    assert (b.notes, b.reviewed, b.follow_up) == (2, 1, 1) and b.last_change is not None
    assert member_text(b).startswith("bruno: 2 notes, 1 reviewed, 1 follow-up, last change ")
    assert member_text(c) == "chen: 0 notes, 0 reviewed, 0 follow-up"
    assert member_text(me).startswith("amina — this device: 1 note,")
    (problem,) = summary.problems
    assert problem.startswith("skipped devices/dhalfwritten0.json: it is incomplete")
    assert summary.requests == ()
    # The command line says the same, line for line.
    lines = status_lines(amina.review, amina.store.annotations)
    assert lines[2:5] == [f"  {member_text(row)}" for row in summary.members]
    assert lines[-2:] == ["Problems:", f"  {problem}"]
    chen.close()


def encrypted_pair(tmp_path: Path) -> tuple[Device, Device, x25519.Identity, Path]:
    team = make_team(tmp_path, encrypted=True)
    amina_key, bruno_key = x25519.Identity.generate(), x25519.Identity.generate()
    amina = join(tmp_path, team, "amina", amina_key)
    amina.add("B.2", "amina's secret")
    bruno = join(tmp_path, team, "bruno", bruno_key)
    amina.review.refresh()
    return amina, bruno, bruno_key, team


def readable_by(path: Path, key: x25519.Identity) -> bool:
    try:
        AgeSeal(key).open(path.read_bytes())
    except NotForUsError:
        return False
    return True


@pytest.mark.parametrize("accept", [True, False])
def test_a_request_accepted_or_refused_through_the_live_team(tmp_path: Path, accept: bool) -> None:
    amina, _bruno, bruno_key, team = encrypted_pair(tmp_path)
    live = LiveTeam(amina.review, lambda: amina.store.annotations)
    (request,) = live.summary().requests
    assert request.text == f"bruno (age1…{str(bruno_key.to_public())[-8:]}) asks to join"
    mine = team / "devices" / f"{amina.review.device_id}.age"
    own = {mine, team / "members" / f"{amina.review.device_id}.toml"}
    others = snapshot(team, skip=own)
    assert not readable_by(mine, bruno_key)
    member = live.decide(request.recipient, accept=accept)
    assert member.name == "bruno"
    assert readable_by(mine, bruno_key) is accept
    assert live.summary().requests == ()
    me = amina.review.me
    assert (request.recipient in me.accepted, request.recipient in me.refused) == (
        accept,
        not accept,
    )
    assert snapshot(team, skip=own) == others  # only amina's own files were written
    if accept:
        data = AgeSeal(bruno_key).open(mine.read_bytes())
        assert device_file.parse(data).annotations.notes_for(PACK, "B.2")[0].text == (
            "amina's secret"
        )


def test_teamwork_says_in_one_line_what_a_decision_did(tmp_path: Path) -> None:
    amina, _bruno, _key, _team = encrypted_pair(tmp_path)
    work = Teamwork()
    assert work.summary() is None
    assert work.decide("age1x", accept=True) == (
        "This data folder is in no team: ctrl+p, then Create a team folder or Join a team "
        "folder (on the command line: gpp team join PATH)",
        False,
    )
    work.live = LiveTeam(amina.review, lambda: amina.store.annotations)
    summary = work.summary()
    assert summary is not None
    (request,) = summary.requests
    line, done = work.decide(request.recipient, accept=True)
    assert done and line == f"Accepted {request.label}: your notes are now encrypted to them too."
    line, done = work.decide("age1nobody", accept=False)
    assert not done and "no member 'age1nobody'" in line


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return result.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_sync_through_the_app_updates_the_live_view_with_what_was_pulled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    stick = tmp_path / "usb" / "team.git"
    git("init", "--quiet", "--bare", str(stick), cwd=tmp_path)
    git("clone", "--quiet", str(stick), "one", cwd=tmp_path)
    one = tmp_path / "one"
    make_team(tmp_path / "x")  # a folder made elsewhere, then committed in the first clone
    shutil.copytree(tmp_path / "x" / "team", one / "team")
    amina = join(tmp_path, one / "team", "amina")
    git("add", ".", cwd=one)
    git("-c", "user.name=t", "-c", "user.email=t@x", "commit", "-qm", "team", cwd=one)
    git("push", "--quiet", "origin", "HEAD", cwd=one)
    git("clone", "--quiet", str(stick), "two", cwd=tmp_path)
    bruno = join(tmp_path, tmp_path / "two" / "team", "bruno")
    work = Teamwork()
    work.live = LiveTeam(amina.review, lambda: amina.store.annotations)
    _ = work.live.view
    bruno.add("C.1", "pushed from the second clone")
    line, worked, changed = Teamwork.sync(_with(bruno))
    assert worked and "pushed" in line
    line, worked, changed = work.sync()
    assert worked and "pulled the others' changes" in line and "pushed" in line
    assert changed is not None and (PACK, "C.1") in changed.places
    assert "\n" not in line
    (note,) = work.view(amina.store).notes_for(PACK, "C.1")
    assert (note.text, note.author) == ("pushed from the second clone", "bruno")
    broken = Teamwork()
    broken.live = LiveTeam(bruno.review, lambda: bruno.store.annotations)
    shutil.rmtree(stick)
    line, worked, changed = broken.sync()
    assert not worked and line.startswith("git pull failed") and "\n" not in line


def _with(device: Device) -> Teamwork:
    work = Teamwork()
    work.live = LiveTeam(device.review, lambda: device.store.annotations)
    return work
