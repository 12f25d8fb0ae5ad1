"""The note text area: a TextArea that also takes typed format characters such as ZWNJ."""

from __future__ import annotations

import unicodedata

from textual import events
from textual.widgets import TextArea


def is_typed_format_character(character: str | None) -> bool:
    """True for invisible format characters users type on purpose.

    Persian and Dari keyboards type ZERO WIDTH NON-JOINER (U+200C) inside words,
    emoji sequences use ZERO WIDTH JOINER, and right-to-left writers type direction
    marks. Python counts them as unprintable, so TextArea would drop them.
    """
    return character is not None and len(character) == 1 and unicodedata.category(character) == "Cf"


class NoteTextArea(TextArea):
    """Multi-line note text that keeps every character the user types."""

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        """Claim format characters as well as printable keys."""
        if not self.read_only and is_typed_format_character(character):
            return True
        return super().check_consume_key(key, character)

    async def _on_key(self, event: events.Key) -> None:
        if not self.read_only and is_typed_format_character(event.character):
            event.stop()
            event.prevent_default()
            assert event.character is not None
            start, end = self.selection
            self.replace(event.character, start, end, maintain_selection_offset=False)
            return
        await super()._on_key(event)
