"""gpp-tui never touches the network: a whole Pilot session and the CLI run with it blocked.

The `network_attempts` fixture makes every way to reach a network fail loudly and records
it: creating an internet socket (AF_INET, AF_INET6, or any family but AF_UNIX), connect,
bind, sendto, DNS lookups (getaddrinfo, gethostbyname, ...), socket.create_connection and
socket.create_server. The blocked call raises `NetworkAttempt` (an OSError, as on a machine
with no network); because a library could swallow that error, each test also asserts that
nothing was recorded.

Allowed: AF_UNIX sockets and socket.socketpair(). asyncio's event loop makes a socketpair
for its self-pipe (on Windows socketpair() is built from loopback AF_INET sockets, so
everything socketpair() does internally is allowed too); that never leaves the process.
"""

from __future__ import annotations

import argparse
import socket
import threading
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest
from textual.widgets import OptionList, TextArea

from gpp_tui import cli
from gpp_tui.content.loader import bundled_pack_path
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens.help import HelpScreen
from gpp_tui.ui.screens.main import MainScreen
from gpp_tui.ui.screens.note_editor import NoteEditor
from gpp_tui.ui.screens.search import SearchScreen

from .conftest import palette_offers
from .test_annotations import go, ready, saved

MakeApp = Callable[..., GppApp]
ALLOWED_FAMILIES = {socket.AF_UNIX}  # gpp-tui runs on Linux (and other POSIX systems)
NOTE = "Checked offline: nothing left this laptop"


class NetworkAttempt(OSError):
    """Raised instead of reaching the network (the attempt is also recorded)."""


@pytest.fixture
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Block and record every network access for the test; yields the record."""
    attempts: list[str] = []
    inside_socketpair = threading.local()

    def allowed(family: int) -> bool:
        return family in ALLOWED_FAMILIES or getattr(inside_socketpair, "active", False)

    def refuse(what: str) -> NoReturn:
        attempts.append(what)
        raise NetworkAttempt(f"network access attempted: {what}")

    real_init = socket.socket.__init__

    def init(self: socket.socket, family: int = -1, type: int = -1, proto: int = -1,
             fileno: int | None = None) -> None:  # fmt: skip
        # family -1 means AF_INET; with a fileno the socket already exists (socketpair).
        if fileno is None and not allowed(socket.AF_INET if family == -1 else family):
            refuse(f"socket(family={family!r}, type={type!r})")
        real_init(self, family, type, proto, fileno)

    def guard(name: str) -> None:
        real = getattr(socket.socket, name)

        def method(self: socket.socket, *args: Any, **kwargs: Any) -> Any:
            if not allowed(self.family):
                refuse(f"socket.{name}{args!r}")
            return real(self, *args, **kwargs)

        monkeypatch.setattr(socket.socket, name, method)

    def blocked(name: str) -> None:
        def function(*args: Any, **kwargs: Any) -> NoReturn:
            refuse(f"socket.{name}{args!r}")

        monkeypatch.setattr(socket, name, function)

    real_socketpair = socket.socketpair

    def socketpair(*args: Any, **kwargs: Any) -> tuple[socket.socket, socket.socket]:
        inside_socketpair.active = True
        try:
            return real_socketpair(*args, **kwargs)
        finally:
            inside_socketpair.active = False

    monkeypatch.setattr(socket.socket, "__init__", init)
    for name in ("connect", "connect_ex", "bind", "sendto"):
        guard(name)
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr",
                 "getnameinfo", "create_connection", "create_server"):  # fmt: skip
        blocked(name)
    monkeypatch.setattr(socket, "socketpair", socketpair)
    # Textual's devtools (TEXTUAL=devtools) would connect to a local server: not for users.
    monkeypatch.delenv("TEXTUAL", raising=False)
    yield attempts


def test_the_guard_blocks_and_records_every_way_out(network_attempts: list[str]) -> None:
    with pytest.raises(NetworkAttempt):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    with pytest.raises(NetworkAttempt):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(NetworkAttempt):
        socket.socket()
    with pytest.raises(NetworkAttempt):
        socket.getaddrinfo("example.org", 443)
    with pytest.raises(OSError):  # urllib wraps the error in URLError, an OSError
        urllib.request.urlopen("http://192.0.2.1/", timeout=1)
    assert len(network_attempts) == 5
    # What asyncio needs still works, and is not counted.
    left, right = socket.socketpair()
    with left, right:
        left.sendall(b"x")
        assert right.recv(1) == b"x"
    assert len(network_attempts) == 5


async def test_a_whole_session_opens_no_socket(
    make_app: MakeApp, tmp_path: Path, network_attempts: list[str]
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        # Browse: down to the first focus area, open it, into A.1; mark it reviewed.
        await pilot.press("j", "j", "enter", "j")
        await pilot.pause()
        assert screen.current is not None and screen.current.id == "A.1"
        await pilot.press("r")
        # Bookmark B.2 and write a note on it.
        await go(pilot, "B.2")
        await pilot.press("b")
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*NOTE)
        assert app.screen.query_one(TextArea).text == NOTE
        await pilot.press("ctrl+s")
        await saved(pilot)
        assert isinstance(app.screen, MainScreen)
        # Find a node through the command palette.
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"D.3 Cumul")
        await palette_offers(pilot, "D.3")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current is not None and screen.current.id == "D.3"
        # Full-text search.
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"retaliation")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "B.2" in "\n".join(
            str(option.prompt) for option in app.screen.query_one(OptionList).options
        )
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("q")

    data = tmp_path / "data"
    assert NOTE in (data / "annotations.toml").read_text(encoding="utf-8")
    # The review written from that session, by the CLI, still offline.
    review = tmp_path / "review.md"
    assert cli.main(["--data-dir", str(data), "export", "-o", str(review)]) == 0
    assert NOTE in review.read_text(encoding="utf-8")
    assert "# Gender Persecution Principles: annotated review" in review.read_text(encoding="utf-8")
    assert network_attempts == []


def _commands() -> set[str]:
    parser = cli.build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def test_cli_commands_open_no_socket(
    tmp_path: Path, network_attempts: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    def gpp(*args: str | Path) -> str:
        status = cli.main([str(arg) for arg in args])
        out, err = capsys.readouterr()
        assert status == 0, f"gpp {args}: {err}"
        return out

    listing = gpp("list")
    for area in ("Prevention", "Protection", "Participation", "Relief and Recovery"):
        assert area in listing
    assert "Anti-Retaliation Safeguards" in gpp("show", "B.2")
    assert "B.2" in gpp("show", "--json", "B.2")
    gpp("list", "--json")
    gpp("validate", bundled_pack_path())
    with pytest.raises(SystemExit) as version:
        cli.main(["--version"])
    assert version.value.code == 0
    capsys.readouterr()

    assert {"cite", "export", "import", "search"} <= _commands()
    assert "B.2" in gpp("cite", "B.2")
    data = tmp_path / "data"
    data.mkdir()
    for suffix in ("md", "html", "json", "toml"):
        gpp("--data-dir", data, "export", "-o", tmp_path / f"review.{suffix}")
        assert (tmp_path / f"review.{suffix}").stat().st_size > 0
    gpp("--data-dir", data, "import", "--dry-run", tmp_path / "review.json")
    gpp("--data-dir", data, "import", tmp_path / "review.toml")
    assert "B.2" in gpp("search", "retaliation")
    assert network_attempts == []
