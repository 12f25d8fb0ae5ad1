"""The session in a team: a colleague's notes edited, deleted and filtered as the user sees
them, `r` moving on from the status the user sees, and what the periodic look reports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from team_helpers import PACK, join, make_team

from gpp_tui.content import Library, Node, load_library
from gpp_tui.session import Session
from gpp_tui.store.models import ReviewStatus


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def team(tmp_path: Path) -> Path:
    team = make_team(tmp_path)
    bruno = join(tmp_path, team, "bruno")
    bruno.add("B.2", "bruno's note")
    with bruno.store.update() as edit:
        edit.set_status(PACK, "B.2", ReviewStatus.REVIEWED)
    bruno.close()
    join(tmp_path, team, "amina").close()
    return team


@pytest.fixture
def amina(library: Library, team: Path, tmp_path: Path) -> Iterator[Session]:
    session = Session(library, tmp_path / "amina", author="amina")
    session.load()
    yield session
    session.close()


def node(session: Session, node_id: str) -> Node:
    found = session.node_at((PACK, node_id))
    assert found is not None
    return found


def test_a_colleagues_note_shows_with_their_name(amina: Session) -> None:
    assert amina.team.live is not None
    (note,) = amina.notes(node(amina, "B.2"))
    assert note.text == "bruno's note" and amina.team.author_of(note) == "bruno"
    own = amina.save_note("amina's own", node=node(amina, "A.1")).note_id
    (mine,) = amina.notes(node(amina, "A.1"))
    assert mine.id == own and amina.team.author_of(mine) == ""


def test_a_colleagues_note_edited_here_is_one_note_with_the_new_text(amina: Session) -> None:
    b2 = node(amina, "B.2")
    (note,) = amina.notes(b2)
    changed = amina.save_note("bruno's note, completed", (), note.id, b2)
    assert changed.message == "Saved"
    assert [(n.id, n.text) for n in amina.notes(b2)] == [(note.id, "bruno's note, completed")]


def test_a_colleagues_note_deleted_here_is_gone_from_the_view(amina: Session) -> None:
    b2 = node(amina, "B.2")
    (note,) = amina.notes(b2)
    assert amina.delete_note(note.id, b2).message == "Note deleted"
    assert amina.notes(b2) == ()


def test_r_moves_on_from_the_status_the_user_sees(amina: Session) -> None:
    changed = amina.set_status(None, node(amina, "B.2"))  # bruno marked it reviewed
    assert changed.message == "B.2: follow-up"


def test_the_author_filters_show_whose_notes_are_where(amina: Session) -> None:
    amina.save_note("amina's own", node=node(amina, "A.1"))
    finder = amina.finder
    finder.author_filter = "by others"
    assert finder.visible() == {(PACK, "B.2")}
    finder.author_filter = "mine"
    assert finder.visible() == {(PACK, "A.1")}


def test_the_periodic_look_reports_the_nodes_a_colleague_changed(
    amina: Session, tmp_path: Path, team: Path
) -> None:
    assert amina.team.poll() is None  # nothing changed since the view was built
    bruno = join(tmp_path, team, "bruno-laptop")
    bruno.add("C.1", "from bruno's laptop")
    bruno.close()
    changed = amina.team.poll()
    assert changed is not None and changed.places == ((PACK, "C.1"),)
    assert changed.message == ""


def test_the_periodic_look_says_which_files_it_skipped_in_one_line(
    amina: Session, team: Path
) -> None:
    for name in ("dhalfwritten0", "dhalfwritten1"):
        (team / "devices" / f"{name}.json").write_text('{"format": "gpp-tui-team-device", "te')
    changed = amina.team.poll()
    assert changed is not None
    first, second = changed.message.split("; ")
    assert first.startswith("skipped devices/dhalfwritten0.json: it is incomplete")
    assert second.startswith("skipped devices/dhalfwritten1.json: it is incomplete")


def test_refusing_a_request_says_so_and_is_done(tmp_path: Path) -> None:
    from pyrage import x25519

    from gpp_tui.session.teamwork import Teamwork
    from gpp_tui.team.live import LiveTeam

    team = make_team(tmp_path / "encrypted", encrypted=True)
    amina = join(tmp_path, team, "amina", x25519.Identity.generate())
    join(tmp_path, team, "bruno", x25519.Identity.generate()).close()
    amina.review.refresh()
    work = Teamwork()
    work.live = LiveTeam(amina.review, lambda: amina.store.annotations)
    summary = work.summary()
    assert summary is not None
    (request,) = summary.requests
    line, done = work.decide(request.recipient, accept=False)
    assert (line, done) == (
        f"Refused {request.label}: they cannot read what you write from now on.",
        True,
    )
    assert request.recipient in amina.review.me.refused
    amina.close()


def git(*args: str, cwd: Path) -> None:
    import subprocess

    subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)


def test_a_sync_says_what_it_did_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from gpp_tui.session.teamwork import Teamwork
    from gpp_tui.team.live import LiveTeam

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    stick = tmp_path / "usb" / "team.git"
    git("init", "--quiet", "--bare", str(stick), cwd=tmp_path)
    git("clone", "--quiet", str(stick), "one", cwd=tmp_path)
    one = tmp_path / "one"
    make_team(tmp_path / "x")
    shutil.copytree(tmp_path / "x" / "team", one / "team")
    amina = join(tmp_path, one / "team", "amina")
    git("add", ".", cwd=one)
    git("-c", "user.name=t", "-c", "user.email=t@x", "commit", "-qm", "team", cwd=one)
    git("push", "--quiet", "origin", "HEAD", cwd=one)
    git("clone", "--quiet", str(stick), "two", cwd=tmp_path)
    bruno = join(tmp_path, tmp_path / "two" / "team", "bruno")
    mine, theirs = Teamwork(), Teamwork()
    mine.live = LiveTeam(amina.review, lambda: amina.store.annotations)
    theirs.live = LiveTeam(bruno.review, lambda: bruno.store.annotations)
    _ = mine.live.view
    bruno.add("C.1", "pushed from the second clone")
    bruno.add("C.2", "and another")
    theirs.sync()
    (tmp_path / "one" / "team" / "devices" / "dhalfwritten0.json").write_text("{")
    (tmp_path / "one" / "team" / "devices" / "dhalfwritten1.json").write_text("{")
    line, worked, changed = mine.sync()
    assert worked and changed is not None
    parts = line.split("; ")
    assert parts[-1] == "2 node(s) changed by the others", line
    assert len(parts) >= 2 and all(part and "; " not in part for part in parts)
    assert {(PACK, "C.1"), (PACK, "C.2")} <= set(changed.places)
    problems = changed.message.split("; ")
    assert [p.split(":")[0] for p in problems] == [
        "skipped devices/dhalfwritten0.json",
        "skipped devices/dhalfwritten1.json",
    ], changed.message
    amina.close()
    bruno.close()


def test_accepting_a_request_through_the_session_accepts_it(tmp_path: Path) -> None:
    from pyrage import x25519

    from gpp_tui.session.teamwork import Teamwork
    from gpp_tui.team.live import LiveTeam

    team = make_team(tmp_path / "encrypted", encrypted=True)
    amina = join(tmp_path, team, "amina", x25519.Identity.generate())
    join(tmp_path, team, "bruno", x25519.Identity.generate()).close()
    amina.review.refresh()
    work = Teamwork()
    work.live = LiveTeam(amina.review, lambda: amina.store.annotations)
    summary = work.summary()
    assert summary is not None
    (request,) = summary.requests
    line, done = work.decide(request.recipient, accept=True)
    assert done and line.startswith("Accepted ")
    assert request.recipient in amina.review.me.accepted
    assert request.recipient not in amina.review.me.refused
    amina.close()
