"""The tree's marker column: review status, bookmark and notes, each in its own fixed slot."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

from rich.cells import cell_len

from gpp_tui.store.kinds import ReviewStatus
from gpp_tui.ui.glyphs import Glyphs

if TYPE_CHECKING:
    from gpp_tui.store.models import NodeAnnotations, Note


class Marks(NamedTuple):
    """What a node's row shows before its id: one string per slot ("" for none)."""

    status: str = ""
    bookmark: str = ""
    notes: str = ""


NO_MARKS = Marks()
Widths = tuple[int, int, int]


def marks_for(
    mine: NodeAnnotations | None, glyphs: Glyphs, by_colleague: Callable[[Note], bool]
) -> Marks:
    """The marks of a node's annotations (a colleague's note adds the team mark)."""
    if mine is None:
        return NO_MARKS
    status = ""
    if mine.status is ReviewStatus.REVIEWED:
        status = glyphs.reviewed
    elif mine.status is ReviewStatus.FOLLOW_UP:
        status = glyphs.follow_up
    bookmark = glyphs.bookmark if mine.bookmark is not None else ""
    notes = ""
    if mine.notes:
        notes = glyphs.notes_mark(len(mine.notes), any(by_colleague(n) for n in mine.notes))
    return Marks(status, bookmark, notes)


def column_widths(all_marks: Iterable[Marks]) -> Widths:
    """The width of each slot: the widest mark any node has in it (0: the slot is left out)."""
    status = bookmark = notes = 0
    for marks in all_marks:
        status = max(status, cell_len(marks.status))
        bookmark = max(bookmark, cell_len(marks.bookmark))
        notes = max(notes, cell_len(marks.notes))
    return (status, bookmark, notes)


def column(marks: Marks, widths: Widths) -> str:
    """The marker column of one row, padded so every row's id starts in the same column.

    Empty when no node has any mark; otherwise the slots and one space before the id.
    """
    if not any(widths):
        return ""
    cells = "".join(
        mark + " " * (width - cell_len(mark)) for mark, width in zip(marks, widths, strict=True)
    )
    return cells + " "
