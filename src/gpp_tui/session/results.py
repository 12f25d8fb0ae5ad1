"""What session operations give back: what changed, or why it could not be done."""

from __future__ import annotations

from dataclasses import dataclass

from gpp_tui.session.history import Place


class Refused(Exception):
    """An operation that cannot be done now; the message says why, in one line."""

    def __init__(self, message: str, *, warning: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.warning = warning


@dataclass(frozen=True, slots=True)
class Changed:
    """What an operation changed: the UI redraws these nodes, saves, and says `message`."""

    message: str
    places: tuple[Place, ...] = ()
    everything: bool = False
    """Many nodes changed at once (an import or its undo): redraw everything."""
    note_id: str | None = None
    """The note just written, to select and show."""
    undoable: bool = False
    """True when `undo()` takes this change back (the UI says which key does)."""

    @property
    def needs_save(self) -> bool:
        """True when the annotations changed and should be written."""
        return self.everything or bool(self.places)
