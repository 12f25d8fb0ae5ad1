"""An option list that stops at its ends instead of wrapping around, with j/k as well as arrows."""

from __future__ import annotations

from typing import ClassVar

from textual import _widget_navigation
from textual.binding import BindingType
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import OptionList

from gpp_tui.ui.widgets.cursor import place_cursor
from gpp_tui.ui.widgets.nav_keys import LIST_KEYS


class StraightOptionList(OptionList):
    """An OptionList whose highlight never jumps from the last option to the first.

    Wrapping around moves the highlight to an option that may be off screen, so a
    key meant for the option in view would act on another one.
    """

    BINDINGS: ClassVar[list[BindingType]] = LIST_KEYS

    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw the options, and put the terminal cursor on the highlighted one."""
        lines = super().render_lines(crop)
        if self.highlighted is not None:
            place_cursor(self, self._index_to_line.get(self.highlighted))
        return lines

    def on_focus(self) -> None:
        """Draw again on focus, so the terminal cursor comes here at once."""
        self.refresh()

    def action_cursor_up(self) -> None:
        """Move the highlight up; at the first option stay there."""
        self._step(-1)

    def action_cursor_down(self) -> None:
        """Move the highlight down; at the last option stay there."""
        self._step(1)

    def action_half_page(self, direction: int) -> None:
        """Move the highlight about half a screen down (1) or up (-1)."""
        if self.highlighted is None or not self.option_count:
            self.action_first() if direction > 0 else self.action_last()
            return
        half = self._half_height()
        here = self._index_to_line.get(self.highlighted, 0)
        target = self.highlighted
        end = -1 if direction < 0 else self.option_count
        for index in range(self.highlighted + direction, end, direction):
            if self.options[index].disabled:
                continue
            target = index
            if abs(self._index_to_line.get(index, here) - here) >= half:
                break
        self.highlighted = target

    def _half_height(self) -> int:
        """Half of what the user sees of this list, in lines."""
        return max(1, self.scrollable_content_region.height // 2)

    def _step(self, direction: _widget_navigation.Direction) -> None:
        """Move the highlight one enabled option in `direction`, if there is one."""
        if self.highlighted is None:
            self.action_first() if direction > 0 else self.action_last()
            return
        step = _widget_navigation.find_next_enabled_no_wrap(
            self.options, anchor=self.highlighted, direction=direction
        )
        if step is not None:
            self.highlighted = step
