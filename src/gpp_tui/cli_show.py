"""`gpp list` and `gpp show`: the packs' ids and one node, as wrapped text or as JSON."""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any

from gpp_tui.cli_output import join, wrap, wrap_block
from gpp_tui.content.models import BACKGROUND_ID, GLOSSARY_ID
from gpp_tui.display import safe_json
from gpp_tui.i18n import N_, _

if TYPE_CHECKING:
    from gpp_tui.content import Library, Node, Pack

LIST_ALL_HINT = N_("`gpp list --all` shows every id")
"""Where an unknown-id error sends the user: the one command that lists sections and terms."""


def list_json(library: Library, *, everything: bool) -> str:
    """The packs as JSON: areas and recommendations; with `everything`, sections and terms too."""
    data: list[dict[str, Any]] = []
    for pack in library.packs:
        entry: dict[str, Any] = {
            "id": pack.pack.id,
            "title": pack.pack.title,
            "source": pack.pack.source,
            "version": pack.pack.version,
            "areas": [
                {
                    "id": area.id,
                    "title": area.title,
                    "summary": area.summary,
                    "recommendations": [
                        {"id": rec.id, "title": rec.title, "summary": rec.summary}
                        for rec in area.recommendations
                    ],
                }
                for area in pack.areas
            ],
        }
        if everything:
            entry["sections"] = [{"id": s.id, "title": s.title} for s in pack.sections]
            entry["glossary"] = [{"id": g.id, "term": g.term} for g in pack.glossary]
        data.append(entry)
    return safe_json(json.dumps({"packs": data}, ensure_ascii=False, indent=2))


def list_text(library: Library, width: int, *, everything: bool) -> str:
    """The packs as an indented outline of ids and titles, each entry wrapped under its title."""
    lines: list[str] = []
    for pack in library.packs:
        lines += wrap(f"{pack.pack.title} ({pack.pack.id}) - {pack.pack.source}", width, "", "  ")
        if everything:
            lines += _group(pack, BACKGROUND_ID, width)
        for area in pack.areas:
            lines += _entry("  ", area.id, area.title, width)
            for rec in area.recommendations:
                lines += _entry("    ", rec.id, f"{rec.title}: {rec.summary}", width)
        if everything:
            lines += _group(pack, GLOSSARY_ID, width)
    return join(lines)


def _group(pack: Pack, group_id: str, width: int) -> list[str]:
    """The background sections or the glossary terms under their heading, as the tree has them."""
    group = pack.nodes.get(group_id)
    if group is None:
        return []
    lines = wrap(group.title, width, "  ")
    # Titles line up after the longest id, unless that would leave them too little room.
    column = max((len(child) for child in group.children), default=0)
    column = column if 4 + column + 2 <= width // 2 else 0
    for child_id in group.children:
        lines += _entry("    ", child_id.ljust(column), pack.nodes[child_id].title, width)
    return lines


def _entry(indent: str, node_id: str, text: str, width: int) -> list[str]:
    first = f"{indent}{node_id}  "
    return wrap(text, width, first, " " * len(first))


def node_json(library: Library, node: Node) -> dict[str, Any]:
    """A node as JSON-ready data: the source text apart from the added context."""
    from gpp_tui.content import NodeKind, Recommendation
    from gpp_tui.exchange.provenance import (
        APP_NAME,
        attribution,
        provenance_json,
        source_of,
        translation_authority,
    )

    pack = library.pack(node.pack_id)
    assert pack is not None
    area = pack.area_of(node.id)
    data: dict[str, Any] = {
        "pack": node.pack_id,
        "id": node.id,
        "kind": node.kind.value,
        "title": node.title,
        "area": {"id": area.id, "title": area.title} if area else None,
        "text": node.text,
        # The author of `text` when it is the source's words; null for gpp-tui's own.
        # (a translation is gpp-tui's words too: its authority is under "translation").
        "source": None if pack.pack.is_translation else source_of(pack, node),
        "attribution": attribution(pack, node),
        "language": pack.pack.language,
    }
    if pack.pack.is_translation:
        # The text above is a translation: say of what, and which text is authoritative.
        original = library.original(node.pack_id)
        data["translation"] = {
            "of_language": original.pack.language if original else "",
            "authority": translation_authority(pack.pack),
        }
    if node.kind is NodeKind.TERM:
        data["added_by"] = APP_NAME
    if node.kind is NodeKind.PACK:
        data["provenance"] = provenance_json(pack.pack)
    if isinstance(node.item, Recommendation):
        rec = node.item
        data["context"] = {
            "text": rec.context,
            "tags": list(rec.tags),
            "related": list(rec.related),
            "references": [dataclasses.asdict(ref) for ref in rec.references],
        }
    return data


def node_text(library: Library, node: Node, width: int) -> str:
    """A node as plain text for the terminal, wrapped to `width` with hanging indents."""
    data = node_json(library, node)
    lines = wrap(node.label, width, "", " " * (len(node.id) + 1))
    if data["area"] and node.kind.value == "recommendation":
        area = _("Focus area: {id} {title}").format(**data["area"])
        lines += wrap(area, width, "", "  ")
    if data["text"]:
        if node.kind.value == "term":
            lines += ["", *wrap(_("{attribution}:").format(attribution=data["attribution"]), width)]
        lines += ["", *wrap_block(data["text"].strip(), width)]
        if data["source"] or ("translation" in data and node.kind.value != "term"):
            lines += wrap(f"\u2014 {data['attribution']}", width, "  ", "    ")
    if node.kind.value == "pack":
        lines += ["", *_provenance_lines(library, node, width)]
    context = data.get("context")
    if context:
        heading = _("Context (added by gpp-tui, not part of the principle):")
        lines += ["", *wrap(heading, width)]
        if context["text"]:
            lines += wrap_block(context["text"].strip(), width)
        for ref in context["references"]:
            flag = "" if ref["verified"] else " [" + _("to verify") + "]"
            note = f": {ref['note']}" if ref["note"] else ""
            lines += wrap(f"* {ref['label']}{flag}{note}", width, "  ", "    ")
        if context["related"]:
            related = _("Related: {ids}").format(ids=", ".join(context["related"]))
            lines += wrap(related, width, "", "  ")
        if context["tags"]:
            tags = _("Tags: {tags}").format(tags=", ".join(context["tags"]))
            lines += wrap(tags, width, "", "  ")
    return join(lines)


def _provenance_lines(library: Library, node: Node, width: int) -> list[str]:
    """The pack's provenance, shown with the pack itself (under "About this pack" in the app)."""
    from gpp_tui.exchange.provenance import provenance

    pack = library.pack(node.pack_id)
    assert pack is not None
    lines: list[str] = []
    for label, value in provenance(pack.pack):
        lines += wrap(_("{label}: {value}").format(label=label, value=value), width, "", "  ")
    return lines
