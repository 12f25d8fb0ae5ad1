"""The notes on the shown node, each in full: enter edits one, d deletes it (after asking)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from gpp_tui.i18n import N_, _, format_time
from gpp_tui.ui.glyphs import Glyphs
from gpp_tui.ui.widgets.hanging import Hanging, Row
from gpp_tui.ui.widgets.lists import StraightOptionList

if TYPE_CHECKING:
    from gpp_tui.store.models import Note

NOTE_INDENT = "  "
"""A note's text starts here, under its header; every line it wraps to starts here too."""


def local_time(note_time: object) -> str:
    """A stored UTC time shown in the user's local time zone, as the language writes it."""
    from datetime import datetime

    assert isinstance(note_time, datetime)
    return format_time(note_time)


def note_prompt(note: Note, changed: bool, glyphs: Glyphs) -> Hanging:
    """A note as shown in the list: a header line, its text indented (wrapped lines too)."""
    header = Text(f"{glyphs.note} {local_time(note.updated)}", style="bold")
    if note.author:
        header.append(f" {glyphs.separator} {note.author}", style="bold")
    if note.tags:
        tags = _("tags: {tags}").format(tags=", ".join(note.tags))
        header.append(f" {glyphs.separator} {tags}", style="italic")
    if note.conflict_of:
        header.append(" [" + _("conflict copy") + "]", style="reverse")
    rows: list[Row] = [("", header)]
    if changed:
        changed_line = _("text changed since this note ({time})").format(
            time=local_time(note.updated)
        )
        rows.append(("", Text(changed_line, style="reverse")))
    rows.append((NOTE_INDENT, note.text.rstrip("\n") or " "))
    return Hanging(rows)


class NotesList(StraightOptionList):
    """The notes of one node, oldest first, each shown in full.

    The list is as tall as its notes and scrolls with the pane around it: moving
    the highlight scrolls the pane so the highlighted note is in view, and a note
    taller than the pane is read line by line (up/down scroll through it before
    moving to the next note).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete,d", "delete_note", N_("Delete note"), id="notes.delete"),
    ]

    @dataclass
    class EditRequested(Message):
        """The user wants to edit the note `note_id`."""

        note_id: str

    @dataclass
    class DeleteRequested(Message):
        """The user wants to delete the note `note_id`."""

        note_id: str

    def show_notes(self, notes: Sequence[Note], changed: set[str], glyphs: Glyphs) -> None:
        """Replace the shown notes, keeping the highlight on the same note when possible."""
        previous = self.highlighted_note_id
        index = self.highlighted
        self.clear_options()
        options: list[Option | None] = []
        for note in notes:
            if options:
                options.append(None)  # a rule between two notes
            options.append(Option(note_prompt(note, note.id in changed, glyphs), id=note.id))
        self.add_options(options)
        self.display = bool(notes)
        if not notes:
            return
        ids = [note.id for note in notes]
        self.highlighted = ids.index(previous) if previous in ids else min(index or 0, len(ids) - 1)

    @property
    def highlighted_note_id(self) -> str | None:
        """The id of the highlighted note (None when there is none)."""
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._reveal_end = False

    def select_note(self, note_id: str, *, focus: bool = True) -> bool:
        """Highlight the note `note_id` and scroll it into view; False if it is not shown."""
        for index, option in enumerate(self.options):
            if option.id == note_id:
                self.highlighted = index
                if focus:
                    self.focus()
                # The pane may not have laid out new notes yet: scroll once it has.
                self.call_after_refresh(self.reveal_highlight)
                return True
        return False

    @property
    def virtual_region_with_margin(self) -> Region:
        """Where Textual scrolls to show this list (on focus): the highlighted note.

        So tab, a search hit or the notes key bring the note itself into view,
        not the top of a list that may be taller than the pane.
        """
        region = self._highlight_region()
        return region if region is not None else super().virtual_region_with_margin

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Keep the highlighted note in view while the user moves through the list.

        When the list is not focused (the user is browsing), the pane is left alone.
        """
        if self.has_focus:
            self.reveal_highlight(top=top)

    def reveal_highlight(self, *, top: bool = False) -> None:
        """Scroll the pane around the list so the highlighted note is in view.

        A note taller than the pane shows its first line, or its last when the
        user came to it from below.
        """
        region, pane = self._highlight_region(), self.parent
        from_end, self._reveal_end = self._reveal_end, False
        if region is None or not isinstance(pane, Widget):
            return
        window = pane.scrollable_content_region.height
        if from_end and region.height > window > 0:
            region = Region(region.x, region.bottom - window, region.width, window)
        pane.scroll_to_region(
            region, animate=False, force=True, top=top, origin_visible=True, immediate=True
        )

    def _highlight_region(self) -> Region | None:
        """The highlighted note's lines, in the coordinates of the pane's content."""
        if self.highlighted is None or not self.is_mounted or not self.option_count:
            return None
        lines = self._index_to_line.get(self.highlighted)
        height = self._heights.get(self.highlighted)
        if lines is None or height is None:
            return None
        own = self.virtual_region
        gutter = self.styles.gutter
        return Region(own.x, own.y + gutter.top + lines, own.width, height)

    def action_cursor_down(self) -> None:
        """Scroll on through a note taller than the pane, then go to the next note."""
        if not self._scroll_within_note(1, 1):
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        """Scroll back through a note taller than the pane, then go to the previous one."""
        if not self._scroll_within_note(-1, 1):
            self._reveal_end = True
            super().action_cursor_up()
            self._reveal_end = False

    def action_page_down(self) -> None:
        """A page further in a long note, else the next note."""
        if not self._scroll_within_note(1, self._page()):
            super().action_cursor_down()

    def action_page_up(self) -> None:
        """A page back in a long note, else the previous note."""
        if not self._scroll_within_note(-1, self._page()):
            self._reveal_end = True
            super().action_cursor_up()
            self._reveal_end = False

    def action_half_page(self, direction: int) -> None:
        """Half a page on in a long note, else about half a page of notes."""
        if not self._scroll_within_note(direction, self._half_height()):
            super().action_half_page(direction)

    def _half_height(self) -> int:
        """Half of the pane this list scrolls in (the list itself is as tall as its notes)."""
        return max(1, self._page() // 2)

    def _page(self) -> int:
        pane = self.parent
        height = pane.scrollable_content_region.height if isinstance(pane, Widget) else 1
        return max(1, height - 1)

    def _scroll_within_note(self, direction: int, lines: int) -> bool:
        """Scroll the pane up to `lines` towards the hidden part of the highlighted note.

        Returns False when that end of the note is already in view.
        """
        region, pane = self._highlight_region(), self.parent
        if region is None or not isinstance(pane, Widget):
            return False
        top = pane.scroll_offset.y
        bottom = top + pane.scrollable_content_region.height
        hidden = region.bottom - bottom if direction > 0 else top - region.y
        if hidden <= 0:
            return False
        pane.scroll_to(
            y=top + direction * min(lines, hidden), animate=False, force=True, immediate=True
        )
        return True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a note asks to edit it."""
        event.stop()
        if event.option.id is not None:
            self.post_message(self.EditRequested(event.option.id))

    def action_delete_note(self) -> None:
        """Ask to delete the highlighted note."""
        note_id = self.highlighted_note_id
        if note_id is not None:
            self.post_message(self.DeleteRequested(note_id))
