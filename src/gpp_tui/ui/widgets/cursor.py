"""The terminal's own cursor on the highlighted row, for screen readers and braille displays.

Textual hides the terminal cursor and draws its own highlight; a screen reader's
review cursor and a braille display follow the terminal cursor, which would stay
in a corner. Each list puts it (`App.cursor_position`, applied after every
frame) on its highlighted row while it has the focus.
"""

from __future__ import annotations

from textual.geometry import Offset
from textual.widget import Widget


def place_cursor(widget: Widget, line: int | None) -> None:
    """Put the terminal cursor at the start of content line `line`, if focused and in view."""
    # The focused widget of the screen in front: a list under a dialog keeps has_focus.
    if line is None or line < 0 or widget.app.focused is not widget:
        return
    region = widget.content_region
    y = region.y + line - round(widget.scroll_offset.y)
    if region.y <= y < region.bottom:
        widget.app.cursor_position = Offset(region.x, y)
