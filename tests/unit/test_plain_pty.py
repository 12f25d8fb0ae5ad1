"""The plain mode in a pseudo-terminal, as a screen reader user meets it: readline, ctrl+d."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pexpect
import pytest
from plain_helpers import PERSIAN, assert_plain, stored

PROMPT = "gpp> "
NAME_PROMPT = "Your name: "
TERMS = ["xterm-256color", "linux", "dumb"]


def spawn(folder: Path, term: str, log: io.StringIO) -> pexpect.spawn:
    """`gpp --plain` on a pseudo-terminal of the given kind; everything it writes goes to `log`."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(folder),
        "TERM": term,
        "LANG": "C.UTF-8",
        "GPP_TUI_CONFIG": str(folder / "none.toml"),
        "GPP_TUI_CACHE_DIR": str(folder / "cache"),
    }
    child = pexpect.spawn(
        sys.executable,
        ["-m", "gpp_tui", "--plain", "--data-dir", str(folder / "data")],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(24, 80),
    )
    child.logfile_read = log
    if child.expect_exact([NAME_PROMPT, PROMPT]) == 0:  # the welcome of a first start
        child.sendline("")
        child.expect_exact(PROMPT)
    return child


def say(child: pexpect.spawn, line: str, until: str = PROMPT) -> str:
    """Type a line and return what came back before the next prompt."""
    child.sendline(line)
    child.expect_exact(until)
    return str(child.before)


@pytest.mark.parametrize("term", TERMS)
def test_a_whole_session_on_a_terminal_is_plain_lines(tmp_path: Path, term: str) -> None:
    log = io.StringIO()
    child = spawn(tmp_path, term, log)

    assert "B.2 Anti-Retaliation" in say(child, "search retaliation")
    answer = say(child, "open 1")
    assert "B.2 Anti-Retaliation Safeguards, recommendation 5 of 11, unreviewed, no notes" in answer
    say(child, "mark reviewed")
    say(child, "b check with the unit")
    say(child, "note", until="> ")
    say(child, PERSIAN, until="> ")
    say(child, "second line", until="> ")
    assert "Note 1 of 1 on B.2." in say(child, ".")
    say(child, "delete 1", until="Delete? ")
    assert "Note deleted." in say(child, "yes")
    assert "Undone: deleted a note on B.2." in say(child, "undo")
    assert "Written to" in say(child, f"export html {tmp_path / 'review.html'}")
    child.sendline("quit")
    child.expect(pexpect.EOF)
    child.close()

    assert child.exitstatus == 0
    assert_plain(log.getvalue())
    b2 = stored(tmp_path / "data")["B.2"]
    assert b2["status"] == "reviewed"
    assert b2["bookmark"]["label"] == "check with the unit"
    assert [note["text"] for note in b2["notes"]] == [f"{PERSIAN}\nsecond line"]
    assert PERSIAN in (tmp_path / "review.html").read_text("utf-8")


def test_ctrl_d_mid_note_keeps_the_draft_and_ctrl_d_at_the_prompt_quits(tmp_path: Path) -> None:
    log = io.StringIO()
    child = spawn(tmp_path, "xterm-256color", log)

    say(child, "open B.2")
    say(child, "note", until="> ")
    say(child, "half a thought", until="> ")
    child.sendcontrol("d")
    child.expect_exact(PROMPT)
    assert "kept as a draft" in str(child.before)
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    child.close()

    assert child.exitstatus == 0
    assert "Saved. Goodbye." in log.getvalue()
    assert_plain(log.getvalue())
    assert "notes" not in stored(tmp_path / "data").get("B.2", {})
    (draft,) = (tmp_path / "data" / "drafts").glob("*.toml")
    assert "half a thought" in draft.read_text("utf-8")


def test_bad_input_and_ctrl_c_never_end_the_session(tmp_path: Path) -> None:
    log = io.StringIO()
    child = spawn(tmp_path, "xterm-256color", log)

    assert "'zzz' is not a command" in say(child, "zzz")
    say(child, "list")
    assert "42 is not a number from 1 to 6: try open 1." in say(child, "open 42")
    child.sendcontrol("c")
    child.expect_exact(PROMPT)
    assert "Type quit to leave" in str(child.before)
    say(child, "note", until="> ")
    assert "Empty note: nothing was saved." in say(child, ".")
    child.sendline("quit")
    child.expect(pexpect.EOF)
    child.close()

    assert child.exitstatus == 0
    assert "Traceback" not in log.getvalue()
    assert_plain(log.getvalue())


def test_the_passphrase_is_not_echoed(tmp_path: Path) -> None:
    from gpp_tui.store.crypto import encrypt_folder

    encrypt_folder(tmp_path / "data", "a long passphrase")
    log = io.StringIO()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "TERM": "dumb",
        "LANG": "C.UTF-8",
        "GPP_TUI_CONFIG": str(tmp_path / "none.toml"),
    }
    child = pexpect.spawn(
        sys.executable,
        ["-m", "gpp_tui", "--data-dir", str(tmp_path / "data")],
        env=env,
        encoding="utf-8",
        timeout=60,
    )
    child.logfile_read = log
    child.expect_exact("Passphrase for your notes")
    child.sendline("a long passphrase")
    child.expect_exact(PROMPT)
    child.sendline("quit")
    child.expect(pexpect.EOF)

    assert "a long passphrase" not in log.getvalue()
    assert "gpp-tui plain mode" in log.getvalue(), "TERM=dumb starts the plain mode"
    assert_plain(log.getvalue())


def test_a_first_start_on_a_terminal_asks_the_name_and_keeps_it(tmp_path: Path) -> None:
    log = io.StringIO()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "GPP_TUI_CONFIG": str(tmp_path / "config.toml"),
        "GPP_TUI_CACHE_DIR": str(tmp_path / "cache"),
    }
    argv = ["-m", "gpp_tui", "--plain", "--data-dir", str(tmp_path / "data")]
    child = pexpect.spawn(sys.executable, argv, env=env, encoding="utf-8", timeout=30)
    child.logfile_read = log
    child.expect_exact(NAME_PROMPT)
    welcome = str(child.before)
    assert "Welcome to gpp-tui." in welcome
    assert "they stay in ~/data. They are not encrypted" in welcome
    assert "Type your name to sign your notes, or press enter to skip." in welcome
    child.sendline("  Amina   K. ")
    child.expect_exact(PROMPT)
    assert "Your notes will be signed “Amina K.” from now on." in str(child.before)
    say(child, "open B.2")
    say(child, "note", until="> ")
    say(child, "signed", until="> ")
    say(child, ".")
    child.sendline("quit")
    child.expect(pexpect.EOF)
    child.close()

    assert child.exitstatus == 0
    assert_plain(log.getvalue())
    assert (tmp_path / "config.toml").read_text("utf-8") == 'author = "Amina K."\n'
    assert stored(tmp_path / "data")["B.2"]["notes"][0]["author"] == "Amina K."
    again = pexpect.spawn(sys.executable, argv, env=env, encoding="utf-8", timeout=30)
    again.expect_exact(PROMPT)
    assert "Welcome" not in str(again.before), "the welcome is shown once"
    again.sendline("quit")
    again.expect(pexpect.EOF)


@pytest.mark.parametrize("typed", ["ctrl+c", "help"])
def test_ctrl_c_or_a_command_at_the_name_prompt_keeps_no_name(tmp_path: Path, typed: str) -> None:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "TERM": "linux",
        "LANG": "C.UTF-8",
        "GPP_TUI_CONFIG": str(tmp_path / "config.toml"),
    }
    argv = ["-m", "gpp_tui", "--plain", "--data-dir", str(tmp_path / "data")]
    child = pexpect.spawn(sys.executable, argv, env=env, encoding="utf-8", timeout=30)
    child.expect_exact(NAME_PROMPT)
    if typed == "ctrl+c":
        child.sendcontrol("c")
        said = "No name: your notes are not signed. Type name YOUR NAME later."
    else:
        child.sendline(typed)
        said = "'help' is a command, not taken for your name. To sign your notes, type: name"
    child.expect_exact(PROMPT)
    assert said in str(child.before)
    child.sendline("quit")
    child.expect(pexpect.EOF)
    child.close()

    assert child.exitstatus == 0
    assert not (tmp_path / "config.toml").exists()


def test_lock_asks_the_passphrase_again_before_the_next_command(tmp_path: Path) -> None:
    from gpp_tui.store.crypto import encrypt_folder

    encrypt_folder(tmp_path / "data", "a long passphrase")
    log = io.StringIO()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "TERM": "linux",
        "LANG": "C.UTF-8",
        "GPP_TUI_CONFIG": str(tmp_path / "none.toml"),
    }
    argv = ["-m", "gpp_tui", "--plain", "--data-dir", str(tmp_path / "data")]
    child = pexpect.spawn(sys.executable, argv, env=env, encoding="utf-8", timeout=60)
    child.logfile_read = log
    child.expect_exact("Passphrase for your notes")
    child.sendline("a long passphrase")
    child.expect_exact(PROMPT)
    assert "Welcome" not in str(child.before)
    child.sendline("lock")
    child.expect_exact("Passphrase to unlock")
    assert "Locked. What is already written on your terminal stays there" in str(child.before)
    assert "Your notes are saved." in str(child.before)
    child.sendcontrol("c")  # does not get past the lock
    child.sendline("wrong one")
    child.expect_exact("Try again.")
    child.expect_exact("Passphrase to unlock")
    child.sendline("a long passphrase")
    child.expect_exact(PROMPT)
    assert "Unlocked." in str(child.before)
    child.sendline("quit")
    child.expect(pexpect.EOF)
    child.close()

    assert child.exitstatus == 0
    assert "a long passphrase" not in log.getvalue()
    assert_plain(log.getvalue())


def test_lock_without_encryption_says_why_it_would_not_protect(tmp_path: Path) -> None:
    log = io.StringIO()
    child = spawn(tmp_path, "dumb", log)

    answer = say(child, "lock")

    assert "Your notes are not encrypted, so a lock would not keep them" in answer
    assert "run: gpp encrypt." in answer
    child.sendline("quit")
    child.expect(pexpect.EOF)
