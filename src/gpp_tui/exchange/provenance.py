"""Who wrote what: the attribution of a node's text and a pack's provenance, for every view.

The app, `gpp show`, citations and exports all ask here, so a glossary definition
(gpp-tui's own words) is never credited to the source's author anywhere.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from gpp_tui.content.models import Node, NodeKind, Pack, PackInfo
from gpp_tui.i18n import N_, _, format_long_date, pgettext

APP_NAME = "gpp-tui"

SOURCE_KINDS = frozenset({NodeKind.PACK, NodeKind.SECTION, NodeKind.AREA, NodeKind.RECOMMENDATION})
"""Nodes whose text is the source's own words."""

ADDED_BY_APP = N_("added by gpp-tui, not part of the source")
"""What a glossary definition is, wherever it is shown."""


def source_of(pack: Pack, node: Node) -> str | None:
    """The author of the node's text when that text is the source's own words, else None.

    A translation's text is not the source's own words: for it, the line saying that
    the translation is unofficial and whose original is authoritative.
    """
    if node.kind in SOURCE_KINDS and node.text.strip():
        return translation_authority(pack.pack) or pack.pack.source
    return None


def translation_authority(info: PackInfo) -> str:
    """For a translation, that it is one and which text is authoritative ("" for an original)."""
    if not info.is_translation:
        return ""
    return info.translation_note or _(
        "Unofficial translation; the original text by {source} is authoritative."
    ).format(source=info.source)


def attribution(pack: Pack, node: Node) -> str:
    """The line under a node's text: the source's author, or that gpp-tui added it ("": none)."""
    if node.kind is NodeKind.TERM:
        return _("Definition {what}").format(what=_(ADDED_BY_APP))
    return source_of(pack, node) or ""


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """A day as an English citation writes it, whatever the locale: "28 November 2026"."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def provenance(info: PackInfo) -> list[tuple[str, str]]:
    """What the pack records about its source, as (label, value) lines for people to read."""
    lines = [(_("Source"), info.source)]
    if info.submitted_to:
        lines.append((_("Submitted to"), info.submitted_to))
    if info.published:
        lines.append((_("Published"), info.published))
    if info.source_url:
        lines.append((_("Address"), info.source_url))
    if info.retrieved:
        lines.append((_("Text taken on"), format_long_date(info.retrieved)))
    if info.rights:
        lines.append((_("Rights"), info.rights))
    if info.note:
        lines.append((pgettext("provenance", "Note"), info.note))
    if info.is_translation:
        lines.append((_("Translation"), translation_authority(info)))
    return lines


def provenance_json(info: PackInfo) -> dict[str, Any]:
    """The pack's provenance keys as JSON-ready data (absent keys left out)."""
    data: dict[str, Any] = {"source": info.source}
    for key in ("source_url", "published", "submitted_to", "rights", "note"):
        value = getattr(info, key)
        if value:
            data[key] = value
    if info.retrieved:
        data["retrieved"] = info.retrieved.isoformat()
    return data
