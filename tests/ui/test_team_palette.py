"""Pilot: make, join and leave a team from the palette, without a restart; leaving says what it
does first and escape changes nothing; a bad folder gets one line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pyrage import x25519
from textual.widgets import Input, Static

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.config import load_config
from gpp_tui.store.crypto import encrypt_folder, unlock
from gpp_tui.team.layout import DESCRIPTION_FILE, TeamFolder
from gpp_tui.team.link import LINK_FILE, load_link
from gpp_tui.team.review import TeamReview, join_team
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens.confirm import ConfirmScreen
from gpp_tui.ui.screens.main import MainScreen
from gpp_tui.ui.screens.prompt import PromptScreen
from gpp_tui.ui.widgets.principles_tree import PrinciplesTree

from .conftest import detail_text, palette_offers, until
from .test_annotations import PACK, go, ready
from .test_lock import PASSPHRASE

MakeApp = Callable[..., GppApp]
NOTE = "Checkpoint commander named by two witnesses"


async def palette(pilot: Any, title: str) -> None:
    """Run a palette command by typing its title."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*title)
    await palette_offers(pilot, title)
    await pilot.press("enter")
    await until(pilot, lambda: not _palette_open(pilot.app))


def _palette_open(app: GppApp) -> bool:
    from textual.command import CommandPalette

    return isinstance(app.screen, CommandPalette)


async def answer(pilot: Any, text: str) -> str:
    """Type the answer to the prompt in front (replacing what it offers); its question."""
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, PromptScreen))
    assert isinstance(app.screen, PromptScreen)
    question = str(app.screen.query_one("#prompt-question", Static).render())
    app.screen.query_one(Input).value = text
    await pilot.press("enter")
    await pilot.pause()
    return question


def titles(app: GppApp) -> list[str]:
    return [str(command.title) for command in app.get_system_commands(app.main_screen)]


def messages(app: GppApp) -> list[str]:
    return [str(notice.message) for notice in app._notifications]


def colleague(root: Path, team: Path, name: str, identity: Any = None) -> AnnotationStore:
    """A colleague's data folder in the team, writing its file after each save."""
    from gpp_tui.store.crypto import AgeCodec

    review = join_team(root / name, team, name, identity)
    codec = AgeCodec(str(identity)) if identity is not None else None
    store = (
        AnnotationStore(root / name, author=name, codec=codec)
        if codec
        else AnnotationStore(root / name, author=name)
    )
    store.after_save = review.publish_after_save
    return store


async def test_create_a_team_from_the_palette_asks_folder_name_and_your_name(
    make_app: MakeApp, tmp_path: Path
) -> None:
    team = tmp_path / "shared" / "herat"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert "Create a team folder" in titles(app) and "Leave the team" not in titles(app)
        await palette(pilot, "Create a team folder")
        question = await answer(pilot, str(team))
        assert question.startswith("Where to make the team folder")
        assert (await answer(pilot, "Herat team")).startswith("The team's name")
        assert (await answer(pilot, "Amina K.")).startswith("Your name, shown with your notes")
        await until(pilot, lambda: screen.session.team.name == "Herat team")
        assert "Herat team" in app.sub_title
        assert (team / DESCRIPTION_FILE).is_file()
        link = load_link(tmp_path / "data")
        assert link.team_path == team.resolve()
        assert any(line.startswith("Created the team 'Herat team'") for line in messages(app))
        assert load_config()[0].author == "Amina K."  # kept, as the welcome screen does
        assert screen.team_timer is not None  # the live look at the folder runs
        assert "Leave the team" in titles(app) and "Create a team folder" not in titles(app)
        assert "Join a team folder" not in titles(app)
        assert "Team sync" in titles(app)
        await go(pilot, "B.2")
        await pilot.press("n")
        await until(pilot, lambda: not isinstance(app.screen, MainScreen))
        await pilot.press(*"seen at the bridge", "ctrl+s")
        await until(pilot, lambda: "seen at the bridge" in detail_text(app))
        await app.workers.wait_for_complete()
    other = TeamReview.open(tmp_path / "bruno", "Bruno")
    assert other is None
    review = join_team(tmp_path / "bruno", team, "Bruno")
    review.refresh()
    (note,) = review.view(AnnotationStore(tmp_path / "bruno").annotations).notes_for(PACK, "B.2")
    assert (note.text, note.author) == ("seen at the bridge", "Amina K.")


async def test_join_a_colleagues_team_and_see_their_notes_without_a_restart(
    make_app: MakeApp, tmp_path: Path
) -> None:
    team = TeamFolder.create(tmp_path / "team", "Herat team", encrypted=False).path
    bruno = colleague(tmp_path, team, "Bruno")
    with bruno.update() as edit:
        edit.add_note(PACK, "B.2", NOTE)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "B.2")
        assert NOTE not in detail_text(app)
        await palette(pilot, "Join a team folder")
        assert (await answer(pilot, str(team))).startswith("The team folder to join")
        await answer(pilot, "Amina")
        await until(pilot, lambda: NOTE in detail_text(app))
        shown = detail_text(app)
        assert "Bruno" in shown and "Notes (1)" in shown
        assert "Herat team" in app.sub_title
        assert any(line.startswith("Joined 'Herat team' as Amina") for line in messages(app))
        labels = [str(line.label) for line in _tree_lines(app)]
        assert any("✎+ B.2" in label for label in labels), labels
        assert screen.current is not None and screen.current.id == "B.2"  # the place stays
        with bruno.update() as edit:
            edit.add_note(PACK, "B.2", "Second interview planned")
        screen.look_at_team()  # what the timer started by the join does every few seconds
        await until(pilot, lambda: "Second interview planned" in detail_text(app))
        hits = screen.session.finder.search("witnesses", 5)
        assert any(hit.node_id == "B.2" for hit in hits)  # the search sees the team's notes
    bruno.close()


async def test_joining_an_encrypted_team_unlocked_publishes_a_request(
    make_app: MakeApp, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    AnnotationStore(folder).close()
    encrypt_folder(folder, PASSPHRASE)
    mine = unlock(folder, PASSPHRASE).identity
    bruno_key = x25519.Identity.generate()
    team = TeamFolder.create(tmp_path / "team", "Herat team", encrypted=True).path
    bruno = colleague(tmp_path, team, "Bruno", bruno_key)
    with bruno.update() as edit:
        edit.add_note(PACK, "B.2", NOTE)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*PASSPHRASE, "enter")
        screen = await ready(pilot)
        await palette(pilot, "Join a team folder")
        await answer(pilot, str(team))
        await answer(pilot, "Amina")
        await until(pilot, lambda: screen.session.team.name == "Herat team")
        assert any("The team is encrypted" in line for line in messages(app)), messages(app)
        await go(pilot, "B.2")
        assert NOTE not in detail_text(app)  # not accepted yet: nothing of Bruno's is read
    review = TeamReview.open(tmp_path / "Bruno", "Bruno", bruno_key)
    assert review is not None
    (asking,) = review.requests()
    assert (asking.name, asking.recipient) == ("Amina", str(mine.to_public()))
    bruno.close()


async def test_leave_says_what_it_does_escape_cancels_yes_leaves_and_keeps_the_place(
    make_app: MakeApp, tmp_path: Path
) -> None:
    team = TeamFolder.create(tmp_path / "team", "Herat team", encrypted=False).path
    join_team(tmp_path / "data", team, "")
    bruno = colleague(tmp_path, team, "Bruno")
    with bruno.update() as edit:
        edit.add_note(PACK, "B.2", NOTE)
    bruno.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "B.2")
        assert NOTE in detail_text(app)
        link = (tmp_path / "data" / LINK_FILE).read_bytes()
        files = sorted(path for path in team.rglob("*") if path.is_file())
        await palette(pilot, "Leave the team")
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#confirm-question", Static).render())
        assert question.startswith("Leave the team 'Herat team'?")
        assert "Your notes stay in this data folder." in question
        assert f"Your files in {team.resolve()} are left as they are." in question
        assert "Colleagues' notes disappear from your view." in question
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert (tmp_path / "data" / LINK_FILE).read_bytes() == link  # nothing changed
        assert screen.session.team.name == "Herat team" and NOTE in detail_text(app)
        await palette(pilot, "Leave the team")
        await pilot.press("y")
        await until(pilot, lambda: NOTE not in detail_text(app))
        assert not load_link(tmp_path / "data").joined
        assert "Herat team" not in app.sub_title
        assert "Your notes (0)" in detail_text(app) or "Notes (" not in detail_text(app)
        assert sorted(path for path in team.rglob("*") if path.is_file()) == files
        assert screen.current is not None and screen.current.id == "B.2"
        tree = screen.query_one(PrinciplesTree)
        assert tree.cursor_node is not None and tree.cursor_node.parent is not None
        assert tree.cursor_node.parent.is_expanded  # the open nodes stay open
        assert screen.team_timer is not None and not screen.team_timer._active.is_set()  # paused
        assert any(m.startswith("Left the team in") for m in messages(app))
        assert "Join a team folder" in titles(app) and "Leave the team" not in titles(app)


async def test_a_bad_folder_gets_one_line_and_nothing_changes(
    make_app: MakeApp, tmp_path: Path
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a team")
    newer = tmp_path / "newer"
    newer.mkdir()
    (newer / DESCRIPTION_FILE).write_text('schema_version = 9\n[team]\nid = "x"\nname = "N"\n')
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        cases = [(a_file, "is not a folder"), (newer, "made by a newer gpp-tui")]
        for path, words in cases:
            await palette(pilot, "Join a team folder")
            await answer(pilot, str(path))
            if path == a_file:
                await answer(pilot, "Amina")  # asked once, then kept
            await until(pilot, lambda w=words: any(w in m for m in messages(app)))
            (said,) = [m for m in messages(app) if words in m]
            assert "\n" not in said and "Traceback" not in said
        await palette(pilot, "Create a team folder")
        await answer(pilot, str(a_file))
        await answer(pilot, "Herat")
        await until(pilot, lambda: any("is a file, not a folder" in m for m in messages(app)))
        await palette(pilot, "Create a team folder")
        await answer(pilot, str(tmp_path / "unnamed"))
        await answer(pilot, "   ")
        assert "the team needs a name; nothing was changed" in messages(app)
        assert not screen.session.team.joined and not (tmp_path / "unnamed").exists()
        assert not load_link(tmp_path / "data").joined
        assert isinstance(app.screen, MainScreen)


def _tree_lines(app: GppApp) -> list[Any]:
    tree = app.main_screen.query_one(PrinciplesTree)
    lines = (tree.get_node_at_line(line) for line in range(tree.last_line + 1))
    return [node for node in lines if node is not None]


async def test_a_team_whose_folder_is_gone_can_still_be_left(
    make_app: MakeApp, tmp_path: Path
) -> None:
    team = TeamFolder.create(tmp_path / "team", "Herat team", encrypted=False).path
    join_team(tmp_path / "data", team, "Amina")
    (team / DESCRIPTION_FILE).unlink()  # the sync tool lost it, or the stick is elsewhere
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert screen.session.team.joined and not screen.session.team.name
        assert "Leave the team" in titles(app) and "Join a team folder" not in titles(app)
        await palette(pilot, "Leave the team")
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#confirm-question", Static).render())
        assert question.startswith("Leave the team?")
        assert "Your files in the team folder are left as they are." in question
        await pilot.press("y")
        await until(pilot, lambda: not screen.session.team.joined)
        assert not load_link(tmp_path / "data").joined
        assert "Join a team folder" in titles(app)


async def test_a_new_name_in_a_team_signs_the_users_own_notes_and_tells_the_team(
    make_app: MakeApp, tmp_path: Path
) -> None:
    team = TeamFolder.create(tmp_path / "team", "Herat team", encrypted=False).path
    amina = join_team(tmp_path / "data", team, "Amina")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await palette(pilot, "Your name")
        await answer(pilot, "Amina K.")
        await go(pilot, "B.2")
        changed = screen.session.save_note("seen at the bridge")
        screen.apply(changed)
        await app.workers.wait_for_complete()
        (note,) = screen.session.annotations.notes_for(PACK, "B.2")  # type: ignore[union-attr]
        assert note.author == "Amina K."
        assert screen.session.team.author_of(note) == ""  # the user's own, not a colleague's
    bruno = join_team(tmp_path / "bruno", team, "Bruno")
    assert bruno.members[amina.device_id].name == "Amina K."
