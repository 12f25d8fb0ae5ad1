"""In a real terminal (tmux): a colleague's OSC 52 and OSC 2 set neither clipboard nor title."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from gpp_tui.exchange.portable import FORMAT

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

CANARY_B64 = "Y2FuYXJ5"  # "canary"
NOTE = (
    "pwned clipboard \x1b]52;c;ZWNobyBwd25lZAo=\x07 and title \x1b]2;PWNED-TITLE\x07 "
    "and \x1b]52;c;ZWNobyBwd25lZAo=\x1b\\ again"
)


class Tmux:
    """A private tmux server with one 80x24 pane that accepts OSC 52 and OSC 2."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def __call__(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            timeout=30,
            check=check,
        )
        return result.stdout

    def run(self, command: str, timeout: float = 60) -> None:
        """Type `command` in the pane and wait until it has finished."""
        signal = f"done-{uuid.uuid4().hex[:8]}"
        self("send-keys", "-t", "t", f"{command}; tmux wait-for -S {signal}", "Enter")
        subprocess.run(["tmux", "-L", self.socket, "wait-for", signal], timeout=timeout, check=True)

    def buffers(self) -> str:
        return self("list-buffers", "-F", "#{buffer_sample}", check=False)

    def title(self) -> str:
        return self("display-message", "-p", "-t", "t", "#{pane_title}").strip()

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "t")

    def wait_for(self, text: str, timeout: float = 60, *, gone: str = "\0") -> str:
        """The screen once `text` is on it (and `gone` is not)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            shown = self.screen()
            if text in shown and gone not in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared:\n{self.screen()}")


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    server = Tmux(f"gpp-hostile-{os.getpid()}-{uuid.uuid4().hex[:6]}")
    env = {
        "GPP_TUI_DATA_DIR": str(tmp_path / "data"),
        "GPP_TUI_CACHE_DIR": str(tmp_path / "cache"),
        "GPP_TUI_CONFIG": str(tmp_path / "no-config.toml"),
        "TERM": "xterm-256color",
    }
    exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
    server("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "80", "-y", "24", "sh")
    try:
        server("set-option", "-g", "set-clipboard", "on")
        server("set-option", "-g", "allow-rename", "on")
        server.run(f"export {exports}; PS1='$ '")
        yield server
    finally:
        server("kill-server", check=False)


def test_osc52_and_osc2_from_an_import_reach_neither_clipboard_nor_title(
    tmux: Tmux, tmp_path: Path
) -> None:
    # The pane does honour both sequences: a program that writes them raw succeeds.
    tmux.run(f"printf '\\033]52;c;{CANARY_B64}\\a\\033]2;canary-title\\a'")
    assert "canary" in tmux.buffers()
    assert tmux.title() == "canary-title"
    tmux("delete-buffer", check=False)
    tmux("select-pane", "-t", "t", "-T", "before")
    assert (tmux.buffers(), tmux.title()) == ("", "before")

    export = tmp_path / "from-a-colleague.json"
    stamp = "2026-01-01T00:00:00Z"
    note = {"id": "n1", "text": NOTE, "created": stamp, "updated": stamp, "author": NOTE}
    document = {
        "format": FORMAT,
        "schema_version": 2,
        "author": NOTE,
        "packs": {"wigj-gpp": {"B.2": {"notes": [note]}}},
        "totals": {"nodes": 1, "notes": 1},
    }
    export.write_text(json.dumps(document), encoding="utf-8")
    gpp = f"{shlex.quote(sys.executable)} -m gpp_tui"
    for command in (
        f"import --dry-run {export}",
        f"import {export}",
        "search pwned",
        "search --json pwned",
        "export --format md",
        "export --format json",
        "export --format toml",
    ):
        tmux.run(f"{gpp} {command}")
    assert (tmux.buffers(), tmux.title()) == ("", "before")
    tmux.run("clear")

    tmux("send-keys", "-t", "t", f"{gpp}", "Enter")
    tmux.wait_for("Reviewed")
    tmux("send-keys", "-t", "t", "/")
    tmux.wait_for("search principles")  # keys typed before the search opens go elsewhere
    tmux("send-keys", "-t", "t", "-l", "pwned")
    tmux.wait_for("note on B.2")
    tmux("send-keys", "-t", "t", "Enter")  # one enter opens the top result
    shown = tmux.wait_for("Your notes (1)", gone="1 result")  # B.2's detail pane
    assert "␛]52" in shown or "\\x1b]52" in shown
    tmux("send-keys", "-t", "t", "q")
    tmux.wait_for("$ ")

    assert tmux.buffers() == ""
    assert tmux.title() == "before"
