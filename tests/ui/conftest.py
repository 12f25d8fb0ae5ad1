"""Fixtures for Pilot tests: an app on a private data folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from gpp_tui.content import Library, load_library
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.widgets.detail import DetailPane


@pytest.fixture(scope="session")
def library() -> Library:
    """The bundled pack (loaded once)."""
    return load_library()


@pytest.fixture
def make_app(library: Library, tmp_path: Path) -> Callable[..., GppApp]:
    """Build an app on a data folder inside tmp_path (the same folder on every call)."""

    def make(lib: Library | None = None, **kwargs: object) -> GppApp:
        return GppApp(lib or library, tmp_path / "data", environ={"TERM": "xterm"}, **kwargs)  # type: ignore[arg-type]

    return make


def detail_text(app: GppApp) -> str:
    """The text the detail pane shows, part by part, links and notes included."""
    pane = app.main_screen.query_one(DetailPane)
    parts: list[str] = []
    for widget in pane.query("Static, OptionList"):
        if not widget.display:
            continue
        if isinstance(widget, OptionList):
            parts.extend(str(option.prompt) for option in widget.options)
        elif isinstance(widget, Static):
            parts.append(str(widget.content))
    return "\n".join(parts)


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
