"""The JSON and TOML export files: raw annotations plus what they were made against.

Both hold the same fields:
- `format = "gpp-tui-annotations"` and `schema_version` (the annotations schema);
- `exported` (UTC time), `generator`, and `author` when known;
- `packs`: the annotations, exactly as in the user's annotations.toml;
- `exported_from.<pack id>`: title and version of each pack loaded when exporting;
- `totals`: how many nodes and notes the file holds, written last, so a file
  cut short is noticed on import even where what is left still parses.

The TOML is written by the store's own writer, so every string (CRLF, control
characters, right-to-left text) reads back exactly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

from gpp_tui import __version__
from gpp_tui.content.models import Library
from gpp_tui.display import safe_json
from gpp_tui.store.kinds import NodeFilter
from gpp_tui.store.models import Annotations, utc_now
from gpp_tui.store.serialize import AnnotationsWriter, annotations_to_raw
from gpp_tui.store.tomltext import dumps, format_datetime, format_pairs

FORMAT = "gpp-tui-annotations"
"""The value of `format` that marks a gpp-tui annotations export."""

ENVELOPE_KEYS = ("format", "exported", "generator", "author", "exported_from", "totals")
"""Top-level keys of an export that are not part of the annotations themselves."""


@dataclass(frozen=True, slots=True)
class ExportInfo:
    """Who made an export, and when (`generated_at` None: now; `timezone` None: local)."""

    author: str = ""
    generated_at: datetime | None = None
    timezone: tzinfo | None = None

    @property
    def moment(self) -> datetime:
        """When the export was made."""
        return self.generated_at or utc_now()


@dataclass(frozen=True, slots=True)
class PackVersion:
    """A pack an export was made against."""

    title: str
    version: str = ""


@dataclass(frozen=True, slots=True)
class Totals:
    """How many nodes and notes an export holds."""

    nodes: int
    notes: int

    @classmethod
    def of(cls, annotations: Annotations) -> Totals:
        """The totals of a set of annotations."""
        nodes = sum(len(nodes) for nodes in annotations.packs.values())
        return cls(nodes, annotations.note_total)


@dataclass(frozen=True, slots=True)
class ExportFile:
    """An export as read back: the annotations and what they were made against."""

    annotations: Annotations
    exported_from: dict[str, PackVersion] = field(default_factory=dict)
    exported: datetime | None = None
    author: str = ""
    generator: str = ""


def select(annotations: Annotations, only: NodeFilter | None) -> Annotations:
    """The annotations of the nodes that pass a filter (all of them for None)."""
    if only is None:
        return annotations
    packs = {}
    for pack_id, nodes in annotations.packs.items():
        kept = annotations.matching(pack_id, nodes, only)
        if kept:
            packs[pack_id] = {node_id: nodes[node_id] for node_id in kept}
    return annotations.model_copy(update={"packs": packs})


def to_json(library: Library, annotations: Annotations, info: ExportInfo) -> str:
    """The JSON export of the annotations."""
    document: dict[str, Any] = {
        **_header(info),
        "schema_version": annotations.schema_version,
        "exported_from": _exported_from(library),
        "packs": annotations_to_raw(annotations).get("packs", {}),
        "totals": _totals(annotations),
    }
    # safe_json: C1 controls and bidi overrides as \u escapes, so `cat` of the file is harmless.
    text = json.dumps(document, ensure_ascii=False, indent=2, default=_json_value)
    return safe_json(text) + "\n"


def to_toml(library: Library, annotations: Annotations, info: ExportInfo) -> str:
    """The TOML export of the annotations, in the same layout as annotations.toml."""
    header = format_pairs(_header(info))
    body = AnnotationsWriter().render(annotations)
    tail = dumps({"exported_from": _exported_from(library), "totals": _totals(annotations)})
    return f"{header}{body}\n{tail}"


def _header(info: ExportInfo) -> dict[str, Any]:
    header: dict[str, Any] = {
        "format": FORMAT,
        "exported": info.moment,
        "generator": f"gpp-tui {__version__}",
    }
    if info.author:
        header["author"] = info.author
    return header


def _exported_from(library: Library) -> dict[str, dict[str, str]]:
    return {
        pack.pack.id: {"title": pack.pack.title, "version": pack.pack.version}
        for pack in library.packs
    }


def _totals(annotations: Annotations) -> dict[str, int]:
    totals = Totals.of(annotations)
    return {"nodes": totals.nodes, "notes": totals.notes}


def _json_value(value: object) -> str:
    if isinstance(value, datetime):
        return format_datetime(value)
    raise TypeError(f"cannot store a {type(value).__name__} in JSON")
