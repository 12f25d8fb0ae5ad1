"""The plain mode's first start and its name, import and not-found answers, through a pipe."""

from __future__ import annotations

from pathlib import Path

import pytest
from plain_helpers import assert_plain, run_plain, stored

from gpp_tui.plain.shell import UNKNOWN

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: Patch) -> Path:
    """A settings file of the test's own (none yet)."""
    path = tmp_path / "settings" / "config.toml"
    monkeypatch.setenv("GPP_TUI_CONFIG", str(path))
    return path


def test_a_first_start_welcomes_once_and_says_how_to_sign(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, settings: Path
) -> None:
    folder = tmp_path / "data"
    status, out = run_plain(capsys, monkeypatch, folder, "open B.2\nquit\n")

    assert status == 0
    assert_plain(out)
    lines = out.splitlines()
    assert lines[0] == "Welcome to gpp-tui."
    assert f"they stay in {folder}. They are not encrypted: for a passphrase" in lines[2]
    assert lines[3] == "To sign your notes with your name, type: name YOUR NAME."
    assert lines[4] == "gpp-tui plain mode. Type help for the commands, quit to leave."
    assert "B.2 Anti-Retaliation Safeguards, recommendation 5 of 11" in out, (
        "on a pipe the first line is a command, never taken for a name"
    )
    assert (folder / "state.toml").exists(), "the welcome is marked seen as the app marks it"

    status, out = run_plain(capsys, monkeypatch, folder, "quit\n")

    assert "Welcome" not in out
    assert out.startswith("gpp-tui plain mode.")


def test_a_first_start_with_a_name_in_the_settings_says_it(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, settings: Path
) -> None:
    settings.parent.mkdir()
    settings.write_text('author = "Amina K."\n', "utf-8")

    _status, out = run_plain(capsys, monkeypatch, tmp_path / "data", "quit\n")

    assert "Your notes are signed “Amina K.”. To change it: name NEW NAME." in out.splitlines()


def test_name_shows_sets_and_signs_the_notes_written_after(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, settings: Path
) -> None:
    folder = tmp_path / "data"
    typed = "name\nopen B.2\nnote\nunsigned\n.\nname   Amina   K.  \nnote\nsigned\n.\nname\n"

    status, out = run_plain(capsys, monkeypatch, folder, typed)

    assert status == 0
    assert_plain(out)
    lines = out.splitlines()
    assert "No name: your notes are not signed. To sign them, type: name YOUR NAME." in lines
    assert "Your notes will be signed “Amina K.” from now on." in lines
    assert lines[-2] == "Your notes are signed “Amina K.”. To change it: name NEW NAME."
    notes = stored(folder)["B.2"]["notes"]
    assert [(n["text"], n.get("author", "")) for n in notes] == [
        ("unsigned", ""),
        ("signed", "Amina K."),
    ]
    assert settings.read_text("utf-8") == 'author = "Amina K."\n'
    assert (
        "name, or name YOUR NAME (short: nm): "
        in run_plain(capsys, monkeypatch, folder, "help\n")[1]
    )


def test_a_name_too_long_or_unwritable_settings_get_one_line(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", "utf-8")
    monkeypatch.setenv("GPP_TUI_CONFIG", str(blocker / "config.toml"))
    typed = f"name {'x' * 81}\nname Amina\nopen B.2\nnote\nsigned\n.\n"

    status, out = run_plain(capsys, monkeypatch, tmp_path / "data", typed)

    assert status == 0
    assert "A name is at most 80 characters." in out
    assert "Your notes will be signed “Amina” from now on." in out
    assert "Your name is not kept for next time: " in out
    assert stored(tmp_path / "data")["B.2"]["notes"][0]["author"] == "Amina", (
        "the name still signs this session's notes"
    )


def test_name_in_a_team_tells_the_team_as_the_app_does(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, settings: Path
) -> None:
    from gpp_tui.team.layout import TeamFolder
    from gpp_tui.team.members import read_members
    from gpp_tui.team.review import join_team

    TeamFolder.create(tmp_path / "team", "Herat team", encrypted=False)
    join_team(tmp_path / "data", tmp_path / "team", "Amina")

    status, out = run_plain(capsys, monkeypatch, tmp_path / "data", "name Amina K.\n")

    assert status == 0, out
    members, _problems = read_members(TeamFolder.open(tmp_path / "team").members)
    assert [member.name for member in members.values()] == ["Amina K."]


def test_an_id_no_pack_has_and_a_word_that_is_no_command(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    typed = "open Z.9\nZ.9\nfrobnicate\nopen frobnicate\nwigj-gpp/Q.1\n"

    _status, out = run_plain(capsys, monkeypatch, tmp_path, typed)

    lines = out.splitlines()
    no_z9 = (
        "No node Z.9 in this pack: type list all for every id, or search WORDS to find a node "
        "by its words."
    )
    assert lines.count(no_z9) == 2
    assert "'frobnicate' is not a command. " + UNKNOWN in lines
    assert (
        "'frobnicate' is not an id such as B.2: type search frobnicate to find a node by its "
        "words." in lines
    )
    assert any(line.startswith("No node wigj-gpp/Q.1 in this pack") for line in lines)


def _exported(tmp_path: Path, capsys: Capsys, monkeypatch: Patch) -> Path:
    """A colleague's JSON export with a note on B.2."""
    colleague = tmp_path / "colleague"
    path = tmp_path / "from-colleague.json"
    typed = f"open B.2\nnote\nfrom the field\n.\nexport json {path}\n"
    run_plain(capsys, monkeypatch, colleague, typed)
    assert path.exists()
    return path


def test_import_says_what_it_adds_and_asks(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    path = _exported(tmp_path, capsys, monkeypatch)
    mine = tmp_path / "mine"

    _status, out = run_plain(capsys, monkeypatch, mine, f"import {path}\nno\n")

    assert "Type yes to import them; anything else imports nothing." in out
    assert "Nothing was imported." in out
    assert "B.2" not in stored(mine)

    status, out = run_plain(capsys, monkeypatch, mine, f"import {path}\nyes\nundo\nredo\n")

    assert status == 0
    assert_plain(out)
    assert "- " in out, "the changes are listed before the question"
    assert f"Imported {path.name}: " in out
    assert [note["text"] for note in stored(mine)["B.2"]["notes"]] == ["from the field"]

    _status, out = run_plain(capsys, monkeypatch, mine, f"import {path}\nimport\nimport {path}.x")

    lines = out.splitlines()
    assert f"Nothing to import from {path.name}: your notes already hold all of it." in lines
    assert "Type import and the .json or .toml file a colleague exported." in lines
    assert "Traceback" not in out


def test_french_related_nodes_and_the_translation_heading(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, settings: Path
) -> None:
    _status, out = run_plain(capsys, monkeypatch, tmp_path, "open B.2\nread\n", "--lang", "fr")

    lines = out.splitlines()
    nbsp = "\u00a0"
    assert f"Recommandations liées{nbsp}: B.1 Cadres globaux{nbsp}; C.1 " in out
    authority = next(i for i, line in enumerate(lines) if line.startswith("Traduction non off"))
    assert lines[authority + 1] == f"Texte{nbsp}:"
    assert "Bienvenue dans gpp-tui." in lines
