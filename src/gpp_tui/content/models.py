"""The principles pack as plain dataclasses, and the flat node view the app browses."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import ClassVar

SCHEMA_VERSION = 1
"""The newest pack schema this version of gpp-tui understands."""

ROOT_ID = ":pack"
BACKGROUND_ID = ":background"
GLOSSARY_ID = ":glossary"
ORPHANS_ID = ":orphans"
TERM_PREFIX = "term:"

# Pydantic reads this config when content/schema.py validates a pack; the classes
# themselves are plain dataclasses, so a pack rebuilt from the cache needs no pydantic
# at all and start-up stays fast.
_STRICT = {"extra": "forbid", "str_strip_whitespace": True}


@dataclass(frozen=True, slots=True)
class Reference:
    """A legal or documentary reference given as context for a recommendation."""

    __pydantic_config__: ClassVar = _STRICT
    label: str
    note: str = ""
    verified: bool = True


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One recommendation: the source's own title and summary plus added context."""

    __pydantic_config__: ClassVar = _STRICT
    id: str
    title: str
    summary: str = ""
    context: str = ""
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()


@dataclass(frozen=True, slots=True)
class FocusArea:
    """A focus area (Prevention, Protection, ...) and its recommendations."""

    __pydantic_config__: ClassVar = _STRICT
    id: str
    title: str
    summary: str = ""
    recommendations: tuple[Recommendation, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A background section of the source document."""

    __pydantic_config__: ClassVar = _STRICT
    id: str
    title: str
    body: str = ""


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """A glossary term and its plain definition."""

    __pydantic_config__: ClassVar = _STRICT
    term: str
    definition: str = ""

    @property
    def id(self) -> str:
        """The node id of the term, derived from the term itself."""
        return TERM_PREFIX + slugify(self.term)


@dataclass(frozen=True, slots=True)
class PackInfo:
    """What a pack is and where its text comes from."""

    __pydantic_config__: ClassVar = _STRICT
    id: str
    title: str
    source: str
    language: str = "en"
    version: str = ""
    description: str = ""


class NodeKind(StrEnum):
    """The kinds of node in the browsing tree."""

    PACK = "pack"
    BACKGROUND = "background"
    SECTION = "section"
    AREA = "area"
    RECOMMENDATION = "recommendation"
    GLOSSARY = "glossary"
    TERM = "term"
    ORPHANS = "orphans"
    """Made by the app, not the pack: holds annotations whose node the pack no longer has."""
    ORPHAN = "orphan"


@dataclass(frozen=True, slots=True)
class Node:
    """One browsable node of a pack, flattened for the tree, search and notes."""

    pack_id: str
    id: str
    kind: NodeKind
    title: str
    parent_id: str | None
    item: Pack | Section | FocusArea | Recommendation | GlossaryEntry | None = field(
        default=None, compare=False, repr=False
    )
    children: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """Id and title, as shown in lists: "A.1 Intersectional Prevention Strategies"."""
        if self.kind in (NodeKind.AREA, NodeKind.RECOMMENDATION):
            return f"{self.id} {self.title}"
        return self.title

    @property
    def text(self) -> str:
        """The source text of the node (not its added context)."""
        item = self.item
        if isinstance(item, Recommendation | FocusArea):
            return item.summary
        if isinstance(item, Section):
            return item.body
        if isinstance(item, GlossaryEntry):
            return item.definition
        if isinstance(item, Pack):
            return item.pack.description
        return ""


@dataclass(frozen=True)
class Pack:
    """A whole content pack; content/schema.py validates one (unique ids, related ids)."""

    __pydantic_config__: ClassVar = _STRICT
    schema_version: int
    pack: PackInfo
    sections: tuple[Section, ...] = ()
    areas: tuple[FocusArea, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()

    @cached_property
    def nodes(self) -> dict[str, Node]:
        """Every node of the pack by id, in reading order."""
        return {node.id: node for node in self._walk()}

    def _walk(self) -> Iterator[Node]:
        pid = self.pack.id
        top: list[str] = []
        if self.sections:
            top.append(BACKGROUND_ID)
        top.extend(area.id for area in self.areas)
        if self.glossary:
            top.append(GLOSSARY_ID)
        yield Node(pid, ROOT_ID, NodeKind.PACK, self.pack.title, None, self, tuple(top))
        if self.sections:
            yield Node(
                pid,
                BACKGROUND_ID,
                NodeKind.BACKGROUND,
                "Background",
                ROOT_ID,
                None,
                tuple(s.id for s in self.sections),
            )
            for section in self.sections:
                yield Node(pid, section.id, NodeKind.SECTION, section.title, BACKGROUND_ID, section)
        for area in self.areas:
            yield Node(
                pid,
                area.id,
                NodeKind.AREA,
                area.title,
                ROOT_ID,
                area,
                tuple(r.id for r in area.recommendations),
            )
            for rec in area.recommendations:
                yield Node(pid, rec.id, NodeKind.RECOMMENDATION, rec.title, area.id, rec)
        if self.glossary:
            yield Node(
                pid,
                GLOSSARY_ID,
                NodeKind.GLOSSARY,
                "Glossary",
                ROOT_ID,
                None,
                tuple(e.id for e in self.glossary),
            )
            for entry in self.glossary:
                yield Node(pid, entry.id, NodeKind.TERM, entry.term, GLOSSARY_ID, entry)

    def area_of(self, node_id: str) -> FocusArea | None:
        """The focus area a recommendation belongs to (or the area itself)."""
        node = self.nodes.get(node_id)
        while node is not None and node.kind is not NodeKind.AREA:
            node = self.nodes.get(node.parent_id) if node.parent_id else None
        return node.item if node is not None and isinstance(node.item, FocusArea) else None

    @property
    def recommendations(self) -> Iterator[Recommendation]:
        """All recommendations, in order."""
        for area in self.areas:
            yield from area.recommendations


@dataclass(frozen=True)
class Library:
    """The packs the app shows: the bundled one first, then any extra packs."""

    packs: tuple[Pack, ...]

    def pack(self, pack_id: str) -> Pack | None:
        """The pack with this id, if loaded."""
        return next((p for p in self.packs if p.pack.id == pack_id), None)

    def find(self, ref: str) -> Node | None:
        """Find a node by `ID` (first pack that has it) or `PACK/ID`; exact case first."""
        ref = ref.strip()
        packs = self.packs
        if "/" in ref:
            pack_id, _, ref = ref.partition("/")
            folded_pack = pack_id.casefold()
            packs = tuple(p for p in self.packs if p.pack.id.casefold() == folded_pack)
        for pack in packs:
            if ref in pack.nodes:
                return pack.nodes[ref]
        folded = ref.casefold()
        for pack in packs:
            for node in pack.nodes.values():
                if node.id.casefold() == folded:
                    return node
        return None


def slugify(text: str) -> str:
    """A lower-case ASCII slug: "Do no harm" -> "do-no-harm"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "term"
