"""`gpp search`: the app's ranked search, printed without starting the UI."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from gpp_tui.display import safe_json
from gpp_tui.i18n import _

if TYPE_CHECKING:
    from gpp_tui.content import Library
    from gpp_tui.search import Hit
    from gpp_tui.store.models import Annotations


def search(library: Library, annotations: Annotations, query: str, limit: int) -> list[Hit]:
    """Hits over the packs and the user's notes and bookmark labels, best first."""
    from gpp_tui.search import SearchIndex, UserDoc

    docs: list[UserDoc] = []
    for pack_id, nodes in annotations.packs.items():
        for node_id, mine in nodes.items():
            docs += [UserDoc(pack_id, node_id, "note", n.text, n.tags, n.id) for n in mine.notes]
            if mine.bookmark is not None and mine.bookmark.label:
                docs.append(UserDoc(pack_id, node_id, "bookmark", mine.bookmark.label))
    return SearchIndex.build(library, docs).search(query, limit)


def hits_json(hits: list[Hit]) -> str:
    """Hits as JSON."""
    data: list[dict[str, Any]] = [
        {
            "pack": hit.pack_id,
            "id": hit.node_id,
            "note": hit.note_id,
            "title": hit.label,
            "heading": hit.heading,
            "field": hit.field.value,
            "snippet": hit.snippet,
            "language": hit.language or None,
            "score": round(hit.score, 3),
        }
        for hit in hits
    ]
    return safe_json(json.dumps({"results": data}, ensure_ascii=False, indent=2))


def hits_text(hits: list[Hit], width: int) -> str:
    """Hits as lines for the terminal: heading and field, then the snippet indented under it."""
    from gpp_tui.cli_output import join, wrap
    from gpp_tui.session.finding import where_found

    lines: list[str] = []
    for hit in hits:
        where = f" ({hit.label})" if hit.note_id else ""
        field = where_found(hit)
        lines += wrap(f"{hit.heading}{where}  [{field}]", width, "", "    ")
        if hit.snippet.strip("… ") not in hit.label:
            lines += wrap(hit.snippet, width, "    ")
    return join(lines) if lines else _("No results.")
