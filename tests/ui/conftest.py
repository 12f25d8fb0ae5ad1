"""Fixtures for Pilot tests: an app on a private data folder."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.widget import Widget
from textual.widgets import OptionList, Static

from gpp_tui.content import Library, load_library
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.widgets.detail import DetailPane


@pytest.fixture(scope="session")
def library() -> Library:
    """The bundled pack (loaded once)."""
    return load_library()


READY_SECONDS = 20.0
"""How long a test waits for the app to settle at start (a loaded two-core machine is slow)."""


def _settled(app: GppApp) -> bool:
    """The first node is highlighted and the notes are loaded, or a dialog asks something."""
    from gpp_tui.ui.screens.main import MainScreen

    try:
        main = app.main_screen
    except Exception:
        return False
    if main.current is None:
        return False
    return main.session.store is not None or not isinstance(app.screen, MainScreen)


@pytest.fixture(autouse=True)
def app_settles_before_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """`run_test` hands over the pilot once the app has settled, as a person would wait.

    Without it a test that acts at once races the first cursor move and the store's
    load, which a busy machine delays by more than one `pilot.pause()`.
    """
    run_test = GppApp.run_test

    @asynccontextmanager
    async def settled_run_test(self: GppApp, *args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        async with run_test(self, *args, **kwargs) as pilot:
            deadline = time.monotonic() + READY_SECONDS
            while not _settled(self) and time.monotonic() < deadline:
                await pilot.pause(0.02)
            await pilot.pause()
            yield pilot

    monkeypatch.setattr(GppApp, "run_test", settled_run_test)


NOTICE_SECONDS = 600.0
"""How long a notice stays in a test: longer than any test, so what was said can be read."""


@pytest.fixture(autouse=True)
def notices_outlast_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every notice stays up until the test ends, however slow the machine.

    Notices go after a few seconds of wall time; a test that reads `app._notifications`
    after a search and an import on a loaded machine found the notice already gone.
    """
    notify = GppApp.notify

    def lasting_notify(self: GppApp, message: str, **kwargs: Any) -> None:
        kwargs["timeout"] = NOTICE_SECONDS
        notify(self, message, **kwargs)

    monkeypatch.setattr(GppApp, "notify", lasting_notify)


@pytest.fixture(autouse=True)
def no_welcome(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts on an empty data folder: the first-start welcome is left out.

    tests/ui/test_welcome.py puts it back.
    """
    monkeypatch.setattr("gpp_tui.ui.screens.welcome.is_first_start", lambda folder: False)


@pytest.fixture
def make_app(library: Library, tmp_path: Path) -> Callable[..., GppApp]:
    """Build an app on a data folder inside tmp_path (the same folder on every call)."""

    def make(lib: Library | None = None, **kwargs: object) -> GppApp:
        return GppApp(lib or library, tmp_path / "data", environ={"TERM": "xterm"}, **kwargs)  # type: ignore[arg-type]

    return make


async def until(pilot: Any, condition: Callable[[], object]) -> None:
    """Let the app run until `condition()` is true (at most READY_SECONDS); the test asserts.

    For what the app does in its own time (workers, timers, refreshes): a fixed pause is
    too short on a loaded machine and too long on an idle one.
    """
    deadline = time.monotonic() + READY_SECONDS
    while not condition() and time.monotonic() < deadline:
        await pilot.pause(0.02)
    await pilot.pause()


async def palette_offers(pilot: Any, text: str) -> None:
    """Wait until the command palette has finished searching and highlights a hit with `text`.

    The palette gathers its hits in a worker and shows them in batches: `enter` pressed
    before they are in selects nothing, or a hit of what was typed so far.
    """
    from textual.command import CommandList, CommandPalette

    app = pilot.app
    deadline = time.monotonic() + READY_SECONDS
    prompt = ""
    while time.monotonic() < deadline:
        screen = app.screen
        if isinstance(screen, CommandPalette):
            gathering = any(
                worker.group == CommandPalette._GATHER_COMMANDS_GROUP and not worker.is_finished
                for worker in app.workers
            )
            hits = screen.query_one(CommandList)
            if not gathering and hits.highlighted is not None:
                prompt = str(hits.get_option_at_index(hits.highlighted).prompt)
                if text in prompt:
                    return
        await pilot.pause(0.02)
    raise AssertionError(f"the palette never highlighted {text!r} (last: {prompt!r})")


def detail_text(app: GppApp) -> str:
    """The text the detail pane shows, part by part, links and notes included."""
    pane = app.main_screen.query_one(DetailPane)
    parts: list[str] = []
    for widget in pane.query("Static, OptionList"):
        # Hidden itself or inside a hidden part (the side-by-side columns): not shown.
        if not widget.display or not _parts_shown(widget, pane):
            continue
        if isinstance(widget, OptionList):
            parts.extend(str(option.prompt) for option in widget.options)
        elif isinstance(widget, Static):
            parts.append(str(widget.content))
    return "\n".join(parts)


def _parts_shown(widget: Widget, pane: Widget) -> bool:
    """Whether every container between the widget and the pane is shown."""
    node = widget.parent
    while node is not None and node is not pane:
        if isinstance(node, Widget) and not node.display:
            return False
        node = node.parent
    return True


def screen_text(app: GppApp) -> str:
    """What the terminal shows now, as plain text: the top screen over what shows through."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    return console.export_text()
