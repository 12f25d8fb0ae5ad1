"""What `gpp` has imported by its first paint: nothing that only later screens or the notes need.

Each probe starts `gpp` as the `gpp` script does (`gpp_tui.cli.main`) in a fresh
interpreter, headless at 80x24, and stops it when the first frame is on screen
(`GppApp.on_ready`, before the app loads the notes). An eager import re-added at
the top of a module on the start path shows up here; benchmarks/startup.py has
the timings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gpp_tui.cli import APP_DEFAULTS, build_parser

NOT_BEFORE_FIRST_PAINT = (
    # Exports: python-docx and lxml are the heaviest imports gpp-tui has.
    "docx",
    "lxml",
    "gpp_tui.exchange.word",
    "gpp_tui.exchange.html",
    "gpp_tui.exchange.markdown",
    "gpp_tui.exchange.export",
    "gpp_tui.exchange.review",
    "gpp_tui.exchange.io",
    "gpp_tui.exchange.merge",
    # Dates and numbers in the user's locale: Babel is for later screens only.
    "babel",
    # Encryption (age) and team folders.
    "pyrage",
    "gpp_tui.team",
    # The notes themselves: read (and validated) off the UI thread after the paint.
    "pydantic",
    "filelock",
    "gpp_tui.store.annotation_store",
    "gpp_tui.store.models",
    # The search index is built after the paint too.
    "gpp_tui.search.index",
    "gpp_tui.ui.screens.search",
    "gpp_tui.ui.screens.note_editor",
    "gpp_tui.ui.screens.help",
    "gpp_tui.ui.screens.annotating",
    "gpp_tui.ui.screens.finding",
    "gpp_tui.ui.screens.sharing",
    "gpp_tui.session.sharing",
)
"""Modules (and their submodules) the first screen must not wait for."""

PROBE = """
import gc, json, sys
from textual.app import App
import gpp_tui.cli
from gpp_tui import i18n
from gpp_tui.ui.app import GppApp

seen = {}
original_on_ready = GppApp.on_ready

def on_ready(self):
    seen["collector_on_at_paint"] = gc.isenabled()
    seen["modules"] = sorted(sys.modules)
    seen["catalog"] = type(i18n._catalog).__name__
    self._open_store = lambda codec: None  # the notes are not what is measured here
    original_on_ready(self)
    seen["collector_on_once_painted"] = gc.isenabled()
    self.exit()

GppApp.on_ready = on_ready
GppApp.run = lambda self, **kw: App.run(self, headless=True, size=(80, 24))
seen["status"] = gpp_tui.cli.main(sys.argv[1:])
print(json.dumps(seen))
"""


def first_paint(tmp_path: Path, *argv: str, language: str = "") -> dict[str, object]:
    """Start `gpp` until its first frame; what was imported then and the collector's state."""
    config = tmp_path / "config.toml"
    config.write_text(f'language = "{language}"\n' if language else "", encoding="utf-8")
    env = {
        **os.environ,
        "GPP_TUI_DATA_DIR": str(tmp_path / "data"),
        "GPP_TUI_CACHE_DIR": str(tmp_path / "cache"),
        "GPP_TUI_CONFIG": str(config),
        "LANG": "C.UTF-8",
    }
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    report: dict[str, object] = {}
    # The first start parses and validates the pack (pydantic); later ones use the cache.
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", PROBE, *argv],
            capture_output=True,
            text=True,
            check=False,
            env=env,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout.splitlines()[-1])
    return report


def too_early(modules: object) -> list[str]:
    assert isinstance(modules, list)
    return sorted(
        name
        for name in modules
        if any(name == heavy or name.startswith(heavy + ".") for heavy in NOT_BEFORE_FIRST_PAINT)
    )


@pytest.mark.parametrize("language", ["", "fr"])
def test_first_paint_waits_for_no_later_module(tmp_path: Path, language: str) -> None:
    report = first_paint(tmp_path, language=language)

    assert report["status"] == 0
    assert too_early(report["modules"]) == []
    # The probe does see the start path (it is not vacuous).
    assert "gpp_tui.ui.screens.main" in report["modules"]
    assert report["catalog"] == ("GNUTranslations" if language else "_Source")
    assert "argparse" not in report["modules"]  # nothing to parse


def test_the_collector_is_off_until_the_first_paint_and_on_after(tmp_path: Path) -> None:
    report = first_paint(tmp_path)

    assert report["collector_on_at_paint"] is False
    assert report["collector_on_once_painted"] is True


def test_gpp_alone_starts_with_what_the_parser_would_give() -> None:
    # `gpp` without arguments skips building the parser; its defaults must not drift.
    assert vars(build_parser().parse_args([])) == APP_DEFAULTS
