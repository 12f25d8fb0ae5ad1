"""Text with hanging indents: a wrapped line continues under its text, not under its marker."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

Row = tuple[Text | str, Text | str]
"""A marker (a bullet, an indent, "Tags: ") and the text that hangs after it."""


class Hanging:
    """Rows of marker + text; every line a row's text wraps to starts where its text starts.

    Rich wraps a `Text` back to the left edge, so "  • label\\n    note" loses its
    indent on the second screen line of a long note; this keeps it. `str()` gives
    the plain text (markers and texts, not wrapped), for tests and screen readers.
    """

    def __init__(self, rows: Iterable[Row]) -> None:
        self.rows = [(_text(marker), _text(text)) for marker, text in rows]

    def __str__(self) -> str:
        return "\n".join(marker.plain + text.plain for marker, text in self.rows)

    @property
    def plain(self) -> str:
        """The plain text, as `str()`."""
        return str(self)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        for marker, text in self.rows:
            indent = min(marker.cell_len, max(0, width - 1))
            lines = text.wrap(console, max(1, width - indent), overflow="fold")
            for number, line in enumerate(lines):
                if number == 0:
                    yield from marker.render(console)
                else:
                    yield Segment(" " * indent)
                line.rstrip()  # the space a line was broken at
                yield from line.render(console)
                yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = 1
        for marker, text in self.rows:
            for line in text.plain.split("\n"):
                widest = max(widest, marker.cell_len + Text(line).cell_len)
        return Measurement(min(widest, 8), widest).clamp(max_width=options.max_width)


class Fitted:
    """A heading and the key hints after it, on one line: the hints that do not fit are left out.

    "Your notes (2) · n add · enter edit · d delete" wraps in the detail pane of an
    80-column terminal; this keeps the heading whole and as many hints, in order,
    as the width allows (the footer lists every key). `str()` is the whole line.
    """

    def __init__(self, heading: str, hints: Iterable[str], separator: str) -> None:
        self.heading = heading
        self.hints = list(hints)
        self.separator = f" {separator} "

    def __str__(self) -> str:
        return self.separator.join([self.heading, *self.hints])

    @property
    def plain(self) -> str:
        """The whole line, as `str()`."""
        return str(self)

    def line(self, width: int) -> Text:
        """The heading and the hints that fit in `width` cells."""
        text = Text(self.heading)
        for hint in self.hints:
            if text.cell_len + len(self.separator) + Text(hint).cell_len > width:
                break
            text.append(self.separator + hint)
        return text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.line(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(Text(self.heading).cell_len, Text(str(self)).cell_len).clamp(
            max_width=options.max_width
        )


def _text(part: Text | str) -> Text:
    return part if isinstance(part, Text) else Text(part)
