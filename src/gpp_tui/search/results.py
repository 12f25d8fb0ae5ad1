"""Search hits and the highlighted snippet each one shows."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from gpp_tui.search.documents import MatchField
from gpp_tui.search.text import source_words

SNIPPET_WIDTH = 80
_LEAD = SNIPPET_WIDTH // 4
_ELLIPSIS = "…"
_FLATTEN = str.maketrans("\n\r\t\v\f", "     ")

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: a node, or one note on a node.

    `snippet` is about 80 characters of the field that matched best, and
    `spans` are (start, end) offsets into `snippet` of the words to highlight.
    """

    pack_id: str
    node_id: str
    note_id: str | None
    label: str
    ref: str
    field: MatchField
    snippet: str
    spans: tuple[Span, ...]
    score: float
    language: str = ""
    """The language of the snippet's text when it comes from another language version of
    the pack than the one shown (a translation, or the original), else ""."""

    @property
    def heading(self) -> str:
        """What the result list shows first: "note on B.2" for a note, else the node's label."""
        if self.note_id is None:
            return self.label
        from gpp_tui.i18n import _

        return _("note on {node}").format(node=self.ref)


def make_snippet(text: str, matched: Set[str]) -> tuple[str, tuple[Span, ...]]:
    """About SNIPPET_WIDTH characters of text around its first matched word, with spans.

    `matched` holds folded words; every word of text that folds to one of them
    is highlighted.
    """
    spans = [
        (start, end)
        for start, end, folded in source_words(text)
        if any(word in matched for word in folded)
    ]
    begin = first = len(text) - len(text.lstrip())
    size = len(text.rstrip())
    if spans and spans[0][0] - first > _LEAD and size - first > SNIPPET_WIDTH:
        start = max(first, min(spans[0][0] - _LEAD, size - SNIPPET_WIDTH))
        space = text.find(" ", start, spans[0][0])
        first = space + 1 if space != -1 else start
    end = size
    if end - first > SNIPPET_WIDTH:
        end = first + SNIPPET_WIDTH
        space = text.rfind(" ", first + SNIPPET_WIDTH // 2, end)
        end = space if space != -1 else end
    lead = _ELLIPSIS if first > begin else ""
    snippet = lead + text[first:end].translate(_FLATTEN) + (_ELLIPSIS if end < size else "")
    shift = len(lead) - first
    shown = tuple(
        (max(s, first) + shift, min(e, end) + shift) for s, e in spans if s < end and e > first
    )
    return snippet, shown
