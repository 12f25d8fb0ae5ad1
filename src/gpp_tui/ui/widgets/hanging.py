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


def _text(part: Text | str) -> Text:
    return part if isinstance(part, Text) else Text(part)
