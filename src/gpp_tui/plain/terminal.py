"""Lines in and out for the plain mode: readline on a terminal, plain reads from a pipe."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from types import ModuleType
from typing import TextIO

from gpp_tui.display import safe_line

READLINE_SETTINGS = (
    # Bracketed paste and the meta key make readline send escape sequences of its own.
    "set enable-bracketed-paste off",
    "set enable-meta-key off",
    "set bell-style none",
)


class Terminal:
    """Reads typed lines and writes plain ones (every line made terminal-safe)."""

    def __init__(self, stdin: TextIO | None = None, stdout: TextIO | None = None) -> None:
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.interactive = _is_tty(self.stdin) and _is_tty(self.stdout)
        """A person at a terminal: prompts are shown and readline edits the line."""
        self._readline: ModuleType | None = None
        if self.interactive and self.stdin is sys.stdin and self.stdout is sys.stdout:
            self._readline = _load_readline()

    def say(self, lines: Iterable[str]) -> None:
        """Write lines; text from notes, packs and files cannot send control characters."""
        for text in lines:
            for line in text.split("\n"):
                self.stdout.write(safe_line(line.rstrip()) + "\n")
        self.stdout.flush()

    def ask(self, prompt: str) -> str | None:
        """One typed line without its line end; None at the end of input (ctrl+d)."""
        if self._readline is not None:
            try:
                return input(prompt)
            except EOFError:
                self.stdout.write("\n")
                return None
        if self.interactive:
            self.stdout.write(prompt)
            self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            return None
        return line.removesuffix("\n").removesuffix("\r")

    def history_length(self) -> int:
        """How many lines readline remembers (0 without readline)."""
        readline = self._readline
        return int(readline.get_current_history_length()) if readline is not None else 0

    def forget_since(self, length: int) -> None:
        """Drop the lines typed since `length` from the history (a note's text stays private)."""
        readline = self._readline
        if readline is None:
            return
        while readline.get_current_history_length() > length:
            readline.remove_history_item(readline.get_current_history_length() - 1)


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _load_readline() -> ModuleType | None:
    """GNU readline or libedit when the platform has one (imported only for a terminal)."""
    try:
        import readline
    except ImportError:
        return None
    for setting in READLINE_SETTINGS:
        readline.parse_and_bind(setting)
    return readline
