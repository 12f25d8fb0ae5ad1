"""Citations of nodes a lawyer can paste: OSCOLA or plain, for `c` in the app and `gpp cite ID`.

A citation names the source's author, its title, the part cited (recommendation
B.2 and its title), whom the source was submitted to, its date, address and the
day its text was taken ("accessed") as far as the pack records them; nothing
about gpp-tui's own packaging (pack ids, versions). OSCOLA (4th edn, 3.4 "Other
secondary sources" and 3.3 websites): Author, 'Title' (additional information,
year) pinpoint <URL> accessed day Month year. A translation is cited through its
original, whose English text is authoritative.
"""

from __future__ import annotations

from enum import StrEnum

from gpp_tui import __version__
from gpp_tui.content.models import Library, Node, NodeKind, Pack, PackInfo
from gpp_tui.exchange.provenance import APP_NAME, long_date, translation_authority


class CitationStyle(StrEnum):
    """The citation styles offered."""

    OSCOLA = "oscola"
    PLAIN = "plain"


DEFAULT_STYLE = CitationStyle.OSCOLA

_ADDED_BY_APP = (NodeKind.GLOSSARY, NodeKind.TERM)


def citation(library: Library, node: Node, style: CitationStyle | str = DEFAULT_STYLE) -> str:
    """A one-line citation of a node in the given style.

    OSCOLA: `Women's Initiatives for Gender Justice, 'Gender Persecution Principles'
    (submission to the Office of the Prosecutor of the International Criminal Court)
    recommendation B.2, 'Anti-Retaliation Safeguards' <https://…> accessed 28 November 2026.`
    """
    style = CitationStyle(style)
    pack = library.original(node.pack_id) or library.pack(node.pack_id)
    if pack is None:
        return f"'{node.title}'." if style is CitationStyle.OSCOLA else f'"{node.title}".'
    shown = library.pack(node.pack_id)
    node = pack.nodes.get(node.id, node)
    if node.kind in _ADDED_BY_APP:
        text = _app_citation(pack, node, style)
    elif style is CitationStyle.OSCOLA:
        text = _oscola(pack.pack, _pinpoint(node, "'", "'"))
    else:
        text = _plain(pack.pack, _pinpoint(node, '"', '"'))
    # Read in a translation, the citation still names the original and says it is the
    # authoritative text.
    authority = translation_authority(shown.pack) if shown is not None else ""
    return f"{text} {authority}" if authority else text


def _pinpoint(node: Node, left: str, right: str) -> str:
    """The part cited: "recommendation B.2, 'Anti-Retaliation Safeguards'" ("" for the whole)."""
    if node.kind is NodeKind.RECOMMENDATION:
        return f"recommendation {node.id}, {left}{node.title}{right}"
    if node.kind is NodeKind.AREA:
        return f"focus area {node.id}, {left}{node.title}{right}"
    if node.kind is NodeKind.SECTION:
        return f"section {left}{node.title}{right}"
    return ""


def _oscola(info: PackInfo, pinpoint: str) -> str:
    parts = [f"{info.source}, '{info.title}'"] if info.source else [f"'{info.title}'"]
    details = [f"submission to {info.submitted_to}"] if info.submitted_to else []
    details += [info.published] if info.published else []
    if details:
        parts.append(f"({', '.join(details)})")
    if pinpoint:
        parts.append(pinpoint)
    if info.source_url:
        parts.append(f"<{info.source_url}>")
        if info.retrieved:
            parts.append(f"accessed {long_date(info.retrieved)}")
    return " ".join(parts) + "."


def _plain(info: PackInfo, pinpoint: str) -> str:
    head = [info.source] if info.source else []
    head.append(f'"{info.title}"')
    if pinpoint:
        head.append(pinpoint)
    sentences = [", ".join(head)]
    if info.submitted_to:
        submitted = f"Submitted to {info.submitted_to}"
        sentences.append(f"{submitted}, {info.published}" if info.published else submitted)
    elif info.published:
        sentences.append(f"Published {info.published}")
    if info.source_url:
        accessed = f" (accessed {long_date(info.retrieved)})" if info.retrieved else ""
        sentences.append(f"Available at {info.source_url}{accessed}")
    return ". ".join(sentences) + "."


def _app_citation(pack: Pack, node: Node, style: CitationStyle) -> str:
    """The glossary is gpp-tui's own context: citing it as the source's words would mislead."""
    info = pack.pack
    work = f"{info.source}, " if info.source else ""
    if style is CitationStyle.OSCOLA:
        what = "glossary" if node.kind is NodeKind.GLOSSARY else "glossary entry"
        return (
            f"{APP_NAME}, '{node.title}' ({what} added by {APP_NAME} {__version__} to "
            f"{work}'{info.title}'; not part of that text)."
        )
    what = "Glossary" if node.kind is NodeKind.GLOSSARY else f'"{node.title}", glossary entry'
    return (
        f'{what} added by {APP_NAME} {__version__} to {work}"{info.title}"; not part of that text.'
    )
