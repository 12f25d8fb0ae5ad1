"""`gpp team`: create, join, status, leave; export and search read the team view; git sync."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from gpp_tui import cli_team
from gpp_tui.cli import main
from gpp_tui.store.annotation_store import AnnotationStore

PACK = "wigj-gpp"


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    data: Path,
    *args: str,
    name: str = "",
) -> tuple[int, str, str]:
    """`gpp --data-dir DATA ARGS` as the user of `data` (their own settings file)."""
    config = data.parent / f"{data.name}-config.toml"
    monkeypatch.setenv("GPP_TUI_CONFIG", str(config))
    monkeypatch.setattr(cli_team, "ask_line", lambda prompt: name)
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def add_note(data: Path, text: str, node: str = "B.2") -> None:
    from gpp_tui.team.review import TeamReview

    review = TeamReview.open(data, data.name)
    with AnnotationStore(data, author=data.name) as store:
        if review is not None:
            store.after_save = review.publish_after_save
        with store.update() as edit:
            edit.add_note(PACK, node, text)


def test_create_join_status_and_the_team_view_in_export_and_search(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    team, amina, bruno = tmp_path / "team", tmp_path / "amina", tmp_path / "bruno"
    code, out, err = run(
        capsys, monkeypatch, amina, "team", "create", str(team), "--name", "Herat", name="Amina K."
    )
    assert code == 0, err
    assert "Created the team 'Herat'" in out and "Joined 'Herat' as Amina K." in out
    assert 'author = "Amina K."' in (tmp_path / "amina-config.toml").read_text()
    code, out, err = run(capsys, monkeypatch, bruno, "team", "join", str(team), name="Bruno")
    assert code == 0, err
    add_note(amina, "checkpoint at the bridge")
    add_note(bruno, "shelter in Herat", node="C.1")
    code, out, _ = run(capsys, monkeypatch, bruno, "team", "status")
    assert code == 0
    assert "Team 'Herat'" in out
    assert "Bruno — this device: 1 note, 0 reviewed, 0 follow-up" in out
    assert "Amina K.: 1 note" in out
    code, out, _ = run(capsys, monkeypatch, bruno, "search", "checkpoint", "--json")
    assert code == 0
    assert [hit["id"] for hit in json.loads(out)["results"]] == ["B.2"]
    code, out, _ = run(capsys, monkeypatch, bruno, "export", "--format", "md")
    assert "checkpoint at the bridge" in out and "shelter in Herat" in out
    code, out, _ = run(capsys, monkeypatch, bruno, "team", "leave")
    assert code == 0 and "Left the team" in out
    code, out, _ = run(capsys, monkeypatch, bruno, "export", "--format", "md")
    assert "checkpoint" not in out and "shelter in Herat" in out


def test_joining_needs_a_name_and_a_team(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, monkeypatch, tmp_path / "d", "team", "join", str(tmp_path), name="X")
    assert code == 2 and "holds no team" in err and len(err.strip().splitlines()) == 1
    run(capsys, monkeypatch, tmp_path / "d", "team", "create", str(tmp_path / "t"), "--name", "T")
    code, _, err = run(capsys, monkeypatch, tmp_path / "e", "team", "join", str(tmp_path / "t"))
    assert code == 2 and "a name is needed" in err
    code, _, err = run(capsys, monkeypatch, tmp_path / "f", "team", "status")
    assert code == 2 and "in no team" in err


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return result.stdout


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
def test_two_clones_of_a_bare_repository_converge_with_team_sync(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))  # no identity set
    stick = tmp_path / "usb" / "team.git"
    git("init", "--quiet", "--bare", str(stick), cwd=tmp_path)
    git("clone", "--quiet", str(stick), "one", cwd=tmp_path)
    git("clone", "--quiet", str(stick), "two", cwd=tmp_path)
    one, two = tmp_path / "one", tmp_path / "two"
    amina, bruno = tmp_path / "amina", tmp_path / "bruno"
    run(capsys, monkeypatch, amina, "team", "create", str(one), "--name", "Git team", name="Amina")
    add_note(amina, "first from amina")
    code, out, err = run(capsys, monkeypatch, amina, "team", "sync")
    assert code == 0, err
    assert "committed: Amina (device" in out and "pushed" in out
    git("pull", "--quiet", cwd=two)
    code, out, err = run(capsys, monkeypatch, bruno, "team", "join", str(two), name="Bruno")
    assert code == 0, err
    add_note(bruno, "reply from bruno")
    add_note(amina, "second from amina")  # both edited before either syncs
    for data in (bruno, amina, bruno):
        code, out, err = run(capsys, monkeypatch, data, "team", "sync")
        assert code == 0, err
    for data in (amina, bruno):
        code, out, _ = run(capsys, monkeypatch, data, "export", "--format", "md")
        for text in ("first from amina", "second from amina", "reply from bruno"):
            assert text in out
    code, out, _ = run(capsys, monkeypatch, amina, "team", "sync")
    assert code == 0 and "nothing new to commit from this device" in out
    log = git("log", "--format=%an: %s", cwd=one)
    assert "no change" not in log and "review status" not in log
    assert "Amina: Amina (device" in log and "1 note added" in log
    assert "Bruno: Bruno (device" in log
    assert git("status", "--porcelain", cwd=two) == ""


@needs_git
def test_sync_without_a_remote_or_git_is_one_line_and_keeps_everything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    folder, data = tmp_path / "team", tmp_path / "amina"
    run(capsys, monkeypatch, data, "team", "create", str(folder), "--name", "T", name="Amina")
    code, _, err = run(capsys, monkeypatch, data, "team", "sync")
    assert code == 2 and "not in a git work tree" in err and len(err.strip().splitlines()) == 1
    git("init", "--quiet", cwd=folder)
    add_note(data, "kept")
    code, out, err = run(capsys, monkeypatch, data, "team", "sync")
    assert code == 0, err
    assert "no git remote" in out
    git("remote", "add", "origin", str(tmp_path / "nowhere.git"), cwd=folder)
    add_note(data, "kept too")
    code, _, err = run(capsys, monkeypatch, data, "team", "sync")
    assert code == 2 and "failed" in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert "kept too" in git("log", "-p", cwd=folder)
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    code, _, err = run(capsys, monkeypatch, data, "team", "sync")
    assert code == 2
    assert err.strip() == "gpp: git is not installed (not on PATH); nothing was synced"


def test_an_encrypted_team_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from gpp_tui import cli_lock

    monkeypatch.setattr(cli_lock, "ask_passphrase", lambda prompt: "correct horse battery")
    team, amina, bruno = tmp_path / "team", tmp_path / "amina", tmp_path / "bruno"
    for data in (amina, bruno):
        assert run(capsys, monkeypatch, data, "encrypt")[0] == 0
    code, out, err = run(
        capsys, monkeypatch, amina, "team", "create", str(team), "--name", "Sealed", name="Amina"
    )
    assert code == 0, err
    assert "(encrypted)" in out
    code, out, err = run(capsys, monkeypatch, bruno, "team", "join", str(team), name="Bruno")
    assert code == 0, err
    assert "is in the team; accept to share your notes with them: gpp team accept age1" in out
    code, out, _ = run(capsys, monkeypatch, amina, "team", "status")
    assert "Bruno (age1…" in out and "asks to join" in out
    assert "no notes readable here yet" in out
    code, out, err = run(capsys, monkeypatch, amina, "team", "accept", "Bruno")
    assert code == 0, err
    assert out.startswith("Accepted Bruno (age1…")
    code, _, err = run(capsys, monkeypatch, tmp_path / "plain", "team", "join", str(team), name="P")
    assert code == 2 and "is encrypted: turn on encryption" in err


def test_decrypt_is_refused_while_in_an_encrypted_team_and_the_key_is_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from gpp_tui import cli_lock

    monkeypatch.setattr(cli_lock, "ask_passphrase", lambda prompt: "correct horse battery")
    team, amina = tmp_path / "team", tmp_path / "amina"
    assert run(capsys, monkeypatch, amina, "encrypt")[0] == 0
    code, _, err = run(
        capsys, monkeypatch, amina, "team", "create", str(team), "--name", "Sealed", name="Amina"
    )
    assert code == 0, err
    key_before = (amina / "key.age").read_bytes()
    code, out, err = run(capsys, monkeypatch, amina, "decrypt")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "is in an encrypted team" in err and "gpp team leave" in err
    assert (amina / "key.age").read_bytes() == key_before
    assert run(capsys, monkeypatch, amina, "team", "status")[0] == 0  # still in the team
    assert run(capsys, monkeypatch, amina, "team", "leave")[0] == 0
    code, out, err = run(capsys, monkeypatch, amina, "decrypt")
    assert code == 0, err
    assert not (amina / "key.age").exists()


def test_decrypt_in_a_plain_team_is_allowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from gpp_tui import cli_lock

    monkeypatch.setattr(cli_lock, "ask_passphrase", lambda prompt: "correct horse battery")
    team, amina = tmp_path / "team", tmp_path / "amina"
    code, _, err = run(
        capsys, monkeypatch, amina, "team", "create", str(team), "--name", "Open", name="Amina"
    )
    assert code == 0, err
    assert run(capsys, monkeypatch, amina, "encrypt")[0] == 0
    code, _, err = run(capsys, monkeypatch, amina, "decrypt")
    assert code == 0, err
