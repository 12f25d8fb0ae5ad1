"""What gets indexed: the searchable fields of pack nodes and of the user's annotations."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from gpp_tui.content.models import (
    FocusArea,
    GlossaryEntry,
    Node,
    NodeKind,
    Pack,
    Recommendation,
    Section,
)
from gpp_tui.i18n import N_, _


class MatchField(StrEnum):
    """Where in a node or annotation a query matched."""

    TITLE = "title"
    SUMMARY = "summary"
    CONTEXT = "context"
    REFERENCE = "reference"
    TAG = "tag"
    GLOSSARY = "glossary"
    BODY = "body"
    NOTE = "note"
    BOOKMARK = "bookmark"


FIELD_NAMES: dict[MatchField, str] = {
    MatchField.TITLE: N_("title"),
    MatchField.SUMMARY: N_("summary"),
    MatchField.CONTEXT: N_("context"),
    MatchField.REFERENCE: N_("reference"),
    MatchField.TAG: N_("tag"),
    MatchField.GLOSSARY: N_("glossary"),
    MatchField.BODY: N_("body"),
    MatchField.NOTE: N_("note"),
    MatchField.BOOKMARK: N_("bookmark"),
}
"""Where a query matched, as a result names it (marked for translation; see field_name)."""


def field_name(field: MatchField) -> str:
    """Where a query matched, in the interface language (the app's results, `gpp search`)."""
    return _(FIELD_NAMES[field])


FIELD_WEIGHTS: dict[MatchField, int] = {
    MatchField.TITLE: 20,
    MatchField.BOOKMARK: 14,
    MatchField.TAG: 12,
    MatchField.NOTE: 10,
    MatchField.SUMMARY: 8,
    MatchField.GLOSSARY: 8,
    MatchField.BODY: 6,
    MatchField.CONTEXT: 6,
    MatchField.REFERENCE: 4,
}
"""How much a match in each field counts: titles above tags above bodies."""

KIND_FACTORS: dict[NodeKind | None, float] = {
    NodeKind.PACK: 0.8,
    NodeKind.BACKGROUND: 0.8,
    NodeKind.GLOSSARY: 0.8,
    NodeKind.TERM: 0.9,
}
"""Recommendations, areas, sections and notes count fully; these a little less."""

WEIGHTS: dict[tuple[MatchField, NodeKind | None], int] = {
    (match_field, kind): round(FIELD_WEIGHTS[match_field] * KIND_FACTORS.get(kind, 1.0))
    for match_field in MatchField
    for kind in (*NodeKind, None)
}
"""The weight of a match by field and kind of node (None: a note)."""

UserDocKind = Literal["note", "bookmark"]


@dataclass(frozen=True, slots=True)
class UserDoc:
    """One piece of the user's own text to search: a note, or a bookmark's label.

    The app builds these from its annotations store; a note needs its `note_id`.
    """

    pack_id: str
    node_id: str
    kind: UserDocKind
    text: str
    tags: tuple[str, ...] = ()
    note_id: str | None = None

    def __post_init__(self) -> None:
        if self.kind == "note" and not self.note_id:
            raise ValueError("a note needs a note_id")
        if self.kind == "bookmark" and self.note_id is not None:
            raise ValueError("a bookmark has no note_id")

    @property
    def key(self) -> tuple[str, str, UserDocKind, str | None]:
        """What identifies this document: a later doc with the same key replaces it."""
        return (self.pack_id, self.node_id, self.kind, self.note_id)


Field = tuple[MatchField, str]
"""One searchable piece of text and the field it came from."""


def node_fields(node: Node) -> Iterator[Field]:
    """The searchable fields of a pack node, lightest first (see FIELD_WEIGHTS): title last."""
    item = node.item
    if isinstance(item, Recommendation):
        for reference in item.references:
            text = f"{reference.label}: {reference.note}" if reference.note else reference.label
            yield MatchField.REFERENCE, text
        yield MatchField.CONTEXT, item.context
        yield MatchField.SUMMARY, item.summary
        for tag in item.tags:
            yield MatchField.TAG, tag
    elif isinstance(item, FocusArea):
        yield MatchField.SUMMARY, item.summary
    elif isinstance(item, Section):
        yield MatchField.BODY, item.body
    elif isinstance(item, GlossaryEntry):
        yield MatchField.GLOSSARY, item.definition
    elif isinstance(item, Pack):
        yield MatchField.SUMMARY, item.pack.description
    yield MatchField.TITLE, node.title


def user_fields(doc: UserDoc) -> Iterator[Field]:
    """The searchable fields of a note or bookmark, lightest first."""
    if doc.kind == "note":
        yield MatchField.NOTE, doc.text
    for tag in doc.tags:
        yield MatchField.TAG, tag
    if doc.kind == "bookmark":
        yield MatchField.BOOKMARK, doc.text


def short_ref(node: Node | None, node_id: str) -> str:
    """How a hit names its node in "note on ...": the id of a recommendation, else a title."""
    if node is None:
        return node_id
    if node.kind in (NodeKind.AREA, NodeKind.RECOMMENDATION):
        return node.id
    return node.title
