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
    ellipsis: str
    """Ends a title cut to fit its column."""
    guides: tuple[str, str, str, str]
    """Tree guides: space, vertical, last child, other child (Textual's `Tree.LINES` order)."""
    count_notes: bool = False
    """The tree's note mark is a count (`[2]`) rather than the note symbol."""
    others: str = "+"
    """After the note mark, in a team: some of the notes are by colleagues."""

    def notes_mark(self, count: int, by_colleagues: bool) -> str:
        """The tree's mark for a node with `count` notes (some by colleagues, in a team)."""
        others = self.others if by_colleagues else ""
        if self.count_notes:
            return f"[{count}{others}]"
        return self.note + others


UNICODE = Glyphs(
    collapsed="▶ ",
    expanded="▼ ",
    bullet="•",
    separator="·",
    verified="✓",
    to_verify="to verify",  # English: translated where shown
    attribution="—",
    reviewed="✓",
    follow_up="!",
    bookmark="★",
    note="✎",
    ellipsis="…",
    guides=("  ", "│ ", "└─", "├─"),
)
ASCII = Glyphs(
    collapsed="+ ",
    expanded="- ",
    bullet="*",
    separator="-",  # not "|": that is the pane divider
    verified="ok",
    to_verify="to verify",
    attribution="--",
    reviewed="[v]",
    follow_up="[!]",
    bookmark="*",
    note="n",
    ellipsis="...",
    guides=("  ", "| ", "`-", "|-"),
    count_notes=True,
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
