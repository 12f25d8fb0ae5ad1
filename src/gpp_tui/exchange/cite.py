"""Citations of nodes, for the clipboard (`c` in the app) and `gpp cite ID`."""

from __future__ import annotations

from gpp_tui.content.models import Library, Node, NodeKind

_KIND_WORDS = {
    NodeKind.RECOMMENDATION: "recommendation",
    NodeKind.AREA: "focus area",
    NodeKind.SECTION: "section",
    NodeKind.TERM: "Glossary entry",
}
_ADDED_BY_APP = (NodeKind.GLOSSARY, NodeKind.TERM)


def citation(library: Library, node: Node) -> str:
    """A one-line citation: source, pack title, the node's id and title, pack id and version.

    `Women's Initiatives for Gender Justice, "Gender Persecution Principles",
    recommendation B.2 "Anti-Retaliation Safeguards" (pack wigj-gpp, version 2026.1).`
    """
    pack = library.pack(node.pack_id)
    if pack is None:
        return f'"{node.title}" (pack {node.pack_id}).'
    info = pack.pack
    where = f"pack {info.id}, version {info.version}" if info.version else f"pack {info.id}"
    if node.kind in _ADDED_BY_APP:
        # The glossary is gpp-tui's own context: citing it as the source's words would mislead.
        return f'{_node_part(node)}, added by gpp-tui to "{info.title}" ({where}).'
    parts = [info.source, f'"{info.title}"'] if info.source else [f'"{info.title}"']
    if node.kind is not NodeKind.PACK:
        parts.append(_node_part(node))
    return f"{', '.join(parts)} ({where})."


def _node_part(node: Node) -> str:
    word = _KIND_WORDS.get(node.kind)
    if word is None:
        return f'"{node.title}"'
    if node.kind in (NodeKind.RECOMMENDATION, NodeKind.AREA):
        return f'{word} {node.id} "{node.title}"'
    return f'{word} "{node.title}"'
