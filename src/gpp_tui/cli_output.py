"""Plain-text output of the `gpp` command, wrapped to the terminal's width at word boundaries."""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Iterable

DEFAULT_WIDTH = 80
"""The width when stdout is not a terminal (a pipe, a file) and $COLUMNS is not set."""

MIN_WIDTH = 20
"""Narrower than this, wrapping would only cut the text into crumbs."""

_BULLET = re.compile(r"^(\s*(?:[-*•]|\d+[.)]|\([a-z0-9]+\))\s+)")


def output_width() -> int:
    """Columns to fill: $COLUMNS, else the terminal's width, else 80."""
    return max(shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns, MIN_WIDTH)


def wrap(text: str, width: int, indent: str = "", hanging: str | None = None) -> list[str]:
    """One line of text filled to `width`: first line after `indent`, the rest after `hanging`.

    Lines break only at spaces: ids, references and hyphenated words stay whole (a
    single word wider than the line is left to overflow rather than cut).
    """
    later = indent if hanging is None else hanging
    lines = textwrap.wrap(
        text,
        width,
        initial_indent=indent,
        subsequent_indent=later,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return lines or [indent.rstrip()]


def wrap_block(text: str, width: int, indent: str = "") -> list[str]:
    """Multi-line text (paragraphs, list items) filled to `width`, its line breaks kept.

    Blank lines stay; a line that starts a list item ("- ", "1. ", "(a) ") continues
    under the item's text, not under its marker.
    """
    lines: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            lines.append("")
            continue
        leading = line[: len(line) - len(line.lstrip())]
        marker = _BULLET.match(line)
        hanging = " " * len(marker.group(1)) if marker else leading
        lines += wrap(line.strip(), width, indent + leading, indent + hanging)
    return lines


def join(lines: Iterable[str]) -> str:
    """The lines as one text, trailing spaces dropped."""
    return "\n".join(line.rstrip() for line in lines)
