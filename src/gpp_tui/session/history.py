"""Back/forward navigation history, like a browser's."""

from __future__ import annotations

from dataclasses import dataclass, field

Place = tuple[str, str]
"""A node as (pack id, node id)."""


@dataclass
class History:
    """Jumps push a new entry; moving around in the tree replaces the current one."""

    entries: list[Place] = field(default_factory=list)
    index: int = -1

    @property
    def current(self) -> Place | None:
        """The entry the user is at."""
        return self.entries[self.index] if self.entries else None

    def visit(self, place: Place) -> None:
        """Record that the user moved to `place` without jumping (tree cursor moves)."""
        if not self.entries:
            self.entries, self.index = [place], 0
        else:
            self.entries[self.index] = place

    def jump(self, place: Place) -> None:
        """Record a jump to `place`: forward entries are dropped, as in a browser."""
        if self.current == place:
            return
        del self.entries[self.index + 1 :]
        self.entries.append(place)
        self.index = len(self.entries) - 1

    @property
    def can_go_back(self) -> bool:
        """True when there is an entry before the current one."""
        return self.index > 0

    @property
    def can_go_forward(self) -> bool:
        """True when there is an entry after the current one."""
        return self.index < len(self.entries) - 1

    def back(self) -> Place | None:
        """Step back; the entry to show, or None at the start."""
        if not self.can_go_back:
            return None
        self.index -= 1
        return self.entries[self.index]

    def forward(self) -> Place | None:
        """Step forward; the entry to show, or None at the end."""
        if not self.can_go_forward:
            return None
        self.index += 1
        return self.entries[self.index]
