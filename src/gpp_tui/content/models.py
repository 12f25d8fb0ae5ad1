"""The principles pack as plain dataclasses, and the flat node view the app browses."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import ClassVar

from gpp_tui.i18n import _

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
    """A glossary term and its plain definition.

    Its node id is derived from the term ("Do no harm" -> "term:do-no-harm") unless
    the pack gives one: a translation names the original's id, since its term differs.
    """

    __pydantic_config__: ClassVar = _STRICT
    term: str
    definition: str = ""
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", TERM_PREFIX + slugify(self.term))


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
    translation_of: str = ""
    """The id of the pack this one translates (same ids); empty for an original."""
    translation_note: str = ""
    """What a translation says about itself wherever it is shown (e.g. that it is unofficial)."""
    source_url: str = ""
    """Where the source text was taken from (an http or https address)."""
    published: str = ""
    """When the source was published, as a citation gives it: "2024", "8 March 2024"."""
    submitted_to: str = ""
    """Whom the source was addressed to: "the Office of the Prosecutor of ..."."""
    retrieved: date | None = None
    """The day the text was taken from the source (a citation's "accessed" date)."""
    rights: str = ""
    """A licence or rights statement for the source text."""
    note: str = ""
    """What the pack says about itself: e.g. an unofficial compilation, not endorsed."""

    @property
    def is_translation(self) -> bool:
        """Whether this pack translates another one."""
        return bool(self.translation_of)


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
                _("Background"),
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
                _("Glossary"),
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
    """The packs the app shows: the bundled one first, then any extra packs.

    `alternates` holds the same packs in other languages: translations attached to
    their original (content/translation.py), with the original's pack id, so notes,
    bookmarks and status keyed by pack and node id are the same whatever is shown.
    """

    packs: tuple[Pack, ...]
    alternates: tuple[Pack, ...] = ()

    def pack(self, pack_id: str) -> Pack | None:
        """The pack with this id, if loaded."""
        return next((p for p in self.packs if p.pack.id == pack_id), None)

    def versions(self, pack_id: str) -> tuple[Pack, ...]:
        """Every language version of a pack: the one shown first."""
        return tuple(p for p in (*self.packs, *self.alternates) if p.pack.id == pack_id)

    def original(self, pack_id: str) -> Pack | None:
        """The version of a pack that is not a translation (the authoritative text)."""
        return next((p for p in self.versions(pack_id) if not p.pack.is_translation), None)

    @property
    def languages(self) -> tuple[str, ...]:
        """The content languages some pack is available in, those shown first."""
        found = (p.pack.language for p in (*self.packs, *self.alternates))
        return tuple(dict.fromkeys(found))

    def in_language(self, language: str) -> Library:
        """The same library with each pack shown in `language` where it has that version.

        "fr", "fr-CA" and "fr_FR.UTF-8" all choose a French version; a pack without
        one stays as it is.
        """
        shown: list[Pack] = []
        for pack in self.packs:
            versions = self.versions(pack.pack.id)
            shown.append(_best_language(versions, language) or pack)
        if all(a is b for a, b in zip(shown, self.packs, strict=True)):
            return self
        chosen = {id(p) for p in shown}
        others = tuple(p for p in (*self.packs, *self.alternates) if id(p) not in chosen)
        return Library(tuple(shown), others)

    def counterparts(self, node: Node) -> tuple[Node, ...]:
        """The same node in the pack's other language versions."""
        found = []
        for pack in self.alternates:
            if pack.pack.id == node.pack_id:
                other = pack.nodes.get(node.id)
                if other is not None:
                    found.append(other)
        return tuple(found)

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


def language_tag(language: str) -> tuple[str, str]:
    """A language tag or locale name as (language, region), lower case.

    "fr_FR.UTF-8" -> ("fr", "fr"); "fr" -> ("fr", "").
    """
    base = language.split(".", 1)[0].split("@", 1)[0].replace("_", "-").lower()
    primary, _, region = base.partition("-")
    return primary, region


def _best_language(versions: tuple[Pack, ...], language: str) -> Pack | None:
    """The version in exactly this language, else one in the same primary language."""
    wanted = language_tag(language)
    tags = [(language_tag(p.pack.language), p) for p in versions]
    exact = next((p for tag, p in tags if tag == wanted), None)
    return exact or next((p for tag, p in tags if tag[0] == wanted[0]), None)


def slugify(text: str) -> str:
    """A lower-case ASCII slug: "Do no harm" -> "do-no-harm"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "term"
