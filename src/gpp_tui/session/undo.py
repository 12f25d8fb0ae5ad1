"""The undo stack: each change keeps every node it touched as it was before and after."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gpp_tui.session.history import Place

if TYPE_CHECKING:
    from gpp_tui.store.models import Annotations, NodeAnnotations

UNDO_LIMIT = 100
"""Changes kept for undo in one session (the oldest go first)."""


@dataclass(frozen=True, slots=True)
class NodeChange:
    """One node's annotations before and after a change."""

    place: Place
    before: NodeAnnotations
    after: NodeAnnotations


@dataclass(frozen=True, slots=True)
class Command:
    """A change the user made, and how to take it back (restore every `before`)."""

    description: str
    """What was done, as a user would say it: "deleted a note on A.1"."""
    nodes: tuple[NodeChange, ...]
    old: Annotations
    new: Annotations

    @property
    def places(self) -> tuple[Place, ...]:
        """The nodes this change touched."""
        return tuple(change.place for change in self.nodes)

    @classmethod
    def between(cls, description: str, old: Annotations, new: Annotations) -> Command:
        """The change that turns `old` into `new` (only the nodes that differ)."""
        return cls(description, tuple(_differences(old, new)), old, new)

    def applies_to(self, annotations: Annotations) -> bool:
        """True when every node it touched still holds what this change left there."""
        return all(annotations.node(*c.place) == c.after for c in self.nodes)

    def undo(self, annotations: Annotations) -> Annotations:
        """The annotations with every touched node back to its value before the change."""
        if annotations is self.new:
            return self.old  # nothing else happened since: exactly what was there, in order
        return _put(annotations, ((c.place, c.before) for c in self.nodes))

    def redo(self, annotations: Annotations) -> Annotations:
        """The annotations with the change made again."""
        if annotations is self.old:
            return self.new
        return _put(annotations, ((c.place, c.after) for c in self.nodes))


class UndoStack:
    """The session's changes, newest last; undone ones wait on a redo stack."""

    def __init__(self, limit: int = UNDO_LIMIT) -> None:
        self.limit = limit
        self._done: list[Command] = []
        self._undone: list[Command] = []

    def __len__(self) -> int:
        return len(self._done)

    @property
    def can_redo(self) -> bool:
        """True when an undone change can be made again."""
        return bool(self._undone)

    def push(self, command: Command) -> None:
        """Record a new change (a new change cannot redo what was undone before it)."""
        self._done.append(command)
        del self._done[: -self.limit]
        self._undone.clear()

    def peek(self) -> Command | None:
        """The change `u` would take back."""
        return self._done[-1] if self._done else None

    def pop(self) -> Command | None:
        """Take the newest change off, to undo it; it can be redone afterwards."""
        if not self._done:
            return None
        command = self._done.pop()
        self._undone.append(command)
        return command

    def pop_redo(self) -> Command | None:
        """Take the newest undone change, to make it again."""
        if not self._undone:
            return None
        command = self._undone.pop()
        self._done.append(command)
        return command

    def forget(self, command: Command) -> None:
        """Drop a change that can no longer be undone (its nodes changed since)."""
        for stack in (self._done, self._undone):
            if command in stack:
                stack.remove(command)


def _differences(old: Annotations, new: Annotations) -> Iterator[NodeChange]:
    for pack_id in sorted({*old.packs, *new.packs}):
        old_nodes, new_nodes = old.packs.get(pack_id, {}), new.packs.get(pack_id, {})
        if old_nodes is new_nodes:
            continue
        for node_id in sorted({*old_nodes, *new_nodes}):
            before, after = old.node(pack_id, node_id), new.node(pack_id, node_id)
            if before != after:
                yield NodeChange((pack_id, node_id), before, after)


def _put(annotations: Annotations, values: Iterator[tuple[Place, NodeAnnotations]]) -> Annotations:
    from gpp_tui.store.edits import replace_node

    for (pack_id, node_id), value in values:
        annotations = replace_node(annotations, pack_id, node_id, value)
    return annotations
