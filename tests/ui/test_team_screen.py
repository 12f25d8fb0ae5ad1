"""Pilot: the team screen lists members, progress and problems, answers requests to join
(accept, refuse, each confirmed first), closes with escape, locks, and fits 80x24 and 60x18."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from pyrage import x25519
from textual.widgets import Static

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.crypto import encrypt_folder, unlock
from gpp_tui.store.models import ReviewStatus
from gpp_tui.team.layout import TeamFolder
from gpp_tui.team.review import TeamReview, join_team
from gpp_tui.team.seal import AgeSeal, NotForUsError
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens.confirm import ConfirmScreen
from gpp_tui.ui.screens.lock import LockScreen
from gpp_tui.ui.screens.main import MainScreen
from gpp_tui.ui.screens.team import TeamScreen
from gpp_tui.ui.widgets.lists import StraightOptionList

from .conftest import screen_text
from .test_annotations import PACK, ready
from .test_lock import PASSPHRASE

MakeApp = Callable[..., GppApp]


def colleague(root: Path, team: Path, name: str, identity: object = None) -> TeamReview:
    """A colleague's data folder joined to the team, writing its file after each save."""
    from gpp_tui.store.crypto import AgeCodec

    review = join_team(root / name, team, name, identity)
    codec = AgeCodec(str(identity)) if identity is not None else None
    store = (
        AnnotationStore(root / name, author=name, codec=codec)
        if codec
        else AnnotationStore(root / name, author=name)
    )
    store.after_save = review.publish_after_save
    review.publish(store.annotations)
    if name == "bruno":
        with store.update() as edit:
            edit.add_note(PACK, "B.2", "Checkpoint commander named by two witnesses")
            edit.add_note(PACK, "B.3", "Second interview planned")
            edit.set_status(PACK, "B.2", ReviewStatus.REVIEWED)
            edit.set_status(PACK, "B.3", ReviewStatus.FOLLOW_UP)
    store.close()
    return review


def files(folder: Path) -> dict[Path, tuple[bytes, int, int]]:
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            info = os.lstat(path)
            found[path] = (path.read_bytes(), info.st_mtime_ns, info.st_ino)
    return found


def team_lines(app: GppApp) -> list[str]:
    listing = app.screen.query_one(StraightOptionList)
    return [str(option.prompt) for option in listing.options]


@pytest.mark.parametrize("size", [(80, 24), (60, 18)])
async def test_members_progress_and_problems_then_escape(
    make_app: MakeApp, tmp_path: Path, size: tuple[int, int]
) -> None:
    team = TeamFolder.create(tmp_path / "team", "Herat team", encrypted=False)
    join_team(tmp_path / "data", team.path, "Amina")
    colleague(tmp_path, team.path, "bruno")
    colleague(tmp_path, team.path, "chen")
    (team.devices / "dhalfwritten0.json").write_text('{"format": "gpp-tui-team-device", "te')
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Team  T" in titles and "Team sync" in titles
        await pilot.press("T")
        assert isinstance(app.screen, TeamScreen)
        lines = team_lines(app)
        assert lines[0] == "Members (3)"
        assert any(
            line.startswith("  bruno: 2 notes, 1 reviewed, 1 follow-up, last change ")
            for line in lines
        ), lines
        assert "  chen: 0 notes, 0 reviewed, 0 follow-up" in lines
        assert any("this device: 0 notes" in line for line in lines)
        assert "Problems (1)" in lines
        assert any("dhalfwritten0.json: it is incomplete" in line for line in lines)
        shown = screen_text(app)
        assert "Team: Herat team" in shown and "This device:" in shown
        assert "escape close" in shown and "Members (3)" in shown
        assert all(len(line.rstrip()) <= size[0] for line in shown.splitlines())
        # j/k move over members and problems; headings are skipped.
        listing = app.screen.query_one(StraightOptionList)
        assert listing.highlighted == 1
        await pilot.press("j", "j", "j")
        assert listing.highlighted == 5  # past the "Problems" heading
        await pilot.press("g")
        assert listing.highlighted == 1
        await pilot.press("a")
        result = str(app.screen.query_one("#team-result", Static).render())
        assert result == "No one asks to join."
        await pilot.press("s")  # git sync: this folder is in no git work tree
        await app.workers.wait_for_complete()
        await pilot.pause()
        result = str(app.screen.query_one("#team-result", Static).render())
        assert result.endswith("nothing was synced"), result  # no work tree (or no git)
        assert "\n" not in result
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, LockScreen)
        assert "bruno" not in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, TeamScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


@pytest.mark.parametrize("accept", [True, False])
async def test_a_request_to_join_is_accepted_or_refused_in_the_app(
    make_app: MakeApp, tmp_path: Path, accept: bool
) -> None:
    folder = tmp_path / "data"
    AnnotationStore(folder).close()
    encrypt_folder(folder, PASSPHRASE)
    identity = unlock(folder, PASSPHRASE).identity
    team = TeamFolder.create(tmp_path / "team", "Herat team", encrypted=True)
    amina = join_team(folder, team.path, "Amina", identity)
    bruno_key = x25519.Identity.generate()
    colleague(tmp_path, team.path, "bruno", bruno_key)
    own = {team.device_file(amina.device_id), team.member_file(amina.device_id)}
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*PASSPHRASE, "enter")
        await ready(pilot)
        assert app.main_screen.session.team.name == "Herat team"
        mine = team.device_file(amina.device_id)
        assert mine.exists()
        with pytest.raises(NotForUsError):
            AgeSeal(bruno_key).open(mine.read_bytes())
        others = {path: seen for path, seen in files(team.path).items() if path not in own}
        await pilot.press("T")
        key = str(bruno_key.to_public())
        asks = f"  bruno (age1…{key[-8:]}) asks to join"
        lines = team_lines(app)
        assert "Asking to join (1)" in lines and asks in lines
        listing = app.screen.query_one(StraightOptionList)
        assert listing.highlighted == lines.index(asks)  # the request is what needs an answer
        await pilot.press("a" if accept else "r")
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#confirm-question", Static).render())
        if accept:
            assert question.startswith(f"Accept bruno (age1…{key[-8:]})? Your file in the team")
            assert "they can read all your notes there" in question
        else:
            assert question.startswith(f"Refuse bruno (age1…{key[-8:]})? Your file in the team")
            assert "they cannot read what you write from now on" in question
        await pilot.press("n")  # no: nothing happens
        assert isinstance(app.screen, TeamScreen)
        assert str(app.screen.query_one("#team-result", Static).render()) == "Nothing was changed."
        await pilot.press("a" if accept else "r", "y")
        await pilot.pause()
        assert isinstance(app.screen, TeamScreen)
        result = str(app.screen.query_one("#team-result", Static).render())
        verb = "Accepted" if accept else "Refused"
        assert result.startswith(f"{verb} bruno (age1…{key[-8:]}):")
        assert "Asking to join (1)" not in team_lines(app)
        await pilot.press("escape")
    opened = None
    with contextlib.suppress(NotForUsError):
        opened = AgeSeal(bruno_key).open(mine.read_bytes())
    assert (opened is not None) is accept
    # Only this device's own files were written; the colleague's are as they were.
    assert {path: seen for path, seen in files(team.path).items() if path not in own} == others


async def test_t_says_why_when_the_team_folder_cannot_be_used(
    make_app: MakeApp, tmp_path: Path
) -> None:
    import shutil

    team = TeamFolder.create(tmp_path / "team", "Herat team", encrypted=False)
    join_team(tmp_path / "data", team.path, "Amina")
    shutil.rmtree(team.path)  # a USB stick not plugged in
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.clear_notifications()
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        (shown,) = [str(n.message) for n in app._notifications]
        assert shown.startswith("Team folder not used: the team folder cannot be used:"), shown


async def test_a_team_name_that_looks_like_markup_is_shown_as_written(
    make_app: MakeApp, tmp_path: Path
) -> None:
    """The name comes from the team folder (anyone who can write there): never markup."""
    name = "[b]Herat[/i] team [/]"
    team = TeamFolder.create(tmp_path / "team", name, encrypted=False)
    join_team(tmp_path / "data", team.path, "Amina")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, TeamScreen)
        assert f"Team: {name}" in screen_text(app)
