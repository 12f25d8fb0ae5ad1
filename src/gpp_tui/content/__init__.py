"""Content packs: the principles, their context and the glossary (no textual here)."""

from gpp_tui.content.loader import PackError, bundled_pack_path, load_library, load_pack
from gpp_tui.content.models import (
    FocusArea,
    GlossaryEntry,
    Library,
    Node,
    NodeKind,
    Pack,
    PackInfo,
    Recommendation,
    Reference,
    Section,
)

__all__ = [
    "FocusArea",
    "GlossaryEntry",
    "Library",
    "Node",
    "NodeKind",
    "Pack",
    "PackError",
    "PackInfo",
    "Recommendation",
    "Reference",
    "Section",
    "bundled_pack_path",
    "load_library",
    "load_pack",
]
