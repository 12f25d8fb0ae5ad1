"""The user's notes on the shown node: enter edits one, delete removes it (after asking)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from gpp_tui.ui.glyphs import Glyphs

if TYPE_CHECKING:
    from gpp_tui.store.models import Note


def local_time(note_time: object) -> str:
    """A stored UTC time shown in the user's local time zone."""
    from datetime import datetime

    assert isinstance(note_time, datetime)
    return note_time.astimezone().strftime("%Y-%m-%d %H:%M")


def note_prompt(note: Note, changed: bool, glyphs: Glyphs) -> Text:
    """A note as shown in the list: a header line, its text, a flag if its node changed."""
    prompt = Text()
    header = f"{glyphs.note} {local_time(note.updated)}"
    if note.author:
        header += f" {glyphs.separator} {note.author}"
    prompt.append(header, style="bold")
    if note.tags:
        prompt.append(f" {glyphs.separator} tags: {', '.join(note.tags)}", style="italic")
    if note.conflict_of:
        prompt.append(" [conflict copy]", style="reverse")
    if changed:
        prompt.append(
            f"\n  text changed since this note ({local_time(note.updated)})", style="reverse"
        )
    for line in note.text.splitlines() or [""]:
        prompt.append("\n  ")
        prompt.append(line)
    return prompt


class NotesList(OptionList):
    """The notes of one node, oldest first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete,d", "delete_note", "Delete note", id="notes.delete"),
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
        """Replace the shown notes, keeping the highlight where it was when possible."""
        previous = self.highlighted
        self.clear_options()
        self.add_options(
            Option(note_prompt(note, note.id in changed, glyphs), id=note.id) for note in notes
        )
        self.display = bool(notes)
        if notes:
            self.highlighted = min(previous or 0, len(notes) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a note asks to edit it."""
        event.stop()
        if event.option.id is not None:
            self.post_message(self.EditRequested(event.option.id))

    def action_delete_note(self) -> None:
        """Ask to delete the highlighted note."""
        if self.highlighted is None:
            return
        option = self.get_option_at_index(self.highlighted)
        if option.id is not None:
            self.post_message(self.DeleteRequested(option.id))
