"""Glyph sets: Unicode where the terminal can show it, ASCII on a Linux console."""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Glyphs:
    """Symbols used in labels, markers and headings."""

    collapsed: str
    expanded: str
    bullet: str
    separator: str
    verified: str
    to_verify: str
    attribution: str
    reviewed: str
    follow_up: str
    bookmark: str
    note: str
    others: str = "+"
    """After the note mark, in a team: some of the notes are by colleagues."""


UNICODE = Glyphs(
    collapsed="▶ ",
    expanded="▼ ",
    bullet="•",
    separator="·",
    verified="✓",
    to_verify="to verify",
    attribution="—",
    reviewed="✓",
    follow_up="!",
    bookmark="★",
    note="✎",
)
ASCII = Glyphs(
    collapsed="+ ",
    expanded="- ",
    bullet="*",
    separator="-",  # not "|": that is the pane divider
    verified="ok",
    to_verify="to verify",
    attribution="--",
    reviewed="v",
    follow_up="!",
    bookmark="*",
    note="n",
)


def wants_ascii(environ: dict[str, str] | None = None) -> bool:
    """True on a Linux console (its fonts lack many symbols) or a non-UTF-8 locale."""
    env = os.environ if environ is None else environ
    if env.get("GPP_TUI_ASCII", "") not in ("", "0"):
        return True
    if env.get("TERM", "") == "linux":
        return True
    encoding = locale.getpreferredencoding(False).lower().replace("-", "")
    return encoding not in ("utf8", "utf16")


def pick(ascii_only: bool) -> Glyphs:
    """The glyph set to use."""
    return ASCII if ascii_only else UNICODE
