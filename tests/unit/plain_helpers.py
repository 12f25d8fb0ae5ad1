"""Running the plain mode in tests, reading what it stored, and checking its output is plain."""

from __future__ import annotations

import io
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from gpp_tui.cli import main

PACK = "wigj-gpp"
PERSIAN = "حمایت از شاهدان\u200cها در برابر انتقام"  # noqa: RUF001 (Persian letters)
"""Persian with a zero-width non-joiner, which Persian keyboards type inside words."""

# Escape sequences, other control characters (tab and line ends are fine), box drawing and
# block elements, geometric shapes, symbols and dingbats (no "✓" for "reviewed"), and
# private-use characters (icon fonts).
NOT_PLAIN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2500-\u25ff\u2600-\u27bf\ue000-\uf8ff"
    "\U000f0000-\U0010ffff]"
)


def run_plain(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    folder: Path,
    typed: str,
    *argv: str,
) -> tuple[int, str]:
    """Run `gpp --plain --data-dir FOLDER` in-process with `typed` on a pipe; (status, output)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    status = main(["--plain", "--data-dir", str(folder), *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out + err


def assert_plain(output: str) -> None:
    """Every line holds only plain text: no escape sequence, no drawing, no symbol for a word."""
    for line in output.replace("\r\n", "\n").split("\n"):
        found = NOT_PLAIN.search(line)
        assert found is None, f"{found.group()!r} in {line!r}"


def stored(folder: Path) -> dict[str, Any]:
    """The annotations of the bundled pack in FOLDER/annotations.toml, by node id."""
    path = folder / "annotations.toml"
    if not path.exists():
        return {}
    nodes: dict[str, Any] = tomllib.loads(path.read_text("utf-8"))["packs"].get(PACK, {})
    return nodes
