"""Fixtures for Pilot tests: an app on a private data folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Static

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
    """The text the detail pane shows, part by part."""
    pane = app.screen.query_one(DetailPane)
    parts = [str(w.content) for w in pane.query(Static) if w.display]
    return "\n".join(parts)
