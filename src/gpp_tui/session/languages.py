"""The language the principles are shown in: the original or a translation, switched in place."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from gpp_tui.content import Library, Node, PackInfo
from gpp_tui.content.models import language_tag
from gpp_tui.i18n import N_, _

LANGUAGE_NAMES = {"en": N_("English"), "fr": N_("French")}
"""Content languages by name, for the messages and the side-by-side headings."""


def language_name(language: str) -> str:
    """The language's name in the interface language ("English", "French"; else the tag)."""
    name = LANGUAGE_NAMES.get(language_tag(language)[0])
    return _(name) if name else language


def shown_language(library: Library) -> str:
    """The language the principles are shown in (that of the first pack)."""
    return library.packs[0].pack.language if library.packs else ""


def original_language(library: Library) -> str:
    """The language of the first pack's original (authoritative) text."""
    if not library.packs:
        return ""
    first = library.packs[0]
    return (library.original(first.pack.id) or first).pack.language


def next_language(library: Library, preferred: str = "") -> str | None:
    """The language a switch shows: a translation after the original, the original after one.

    From the original it goes to the translation in `preferred` (the interface
    language) where there is one, else to the first translation; None when the
    packs come in one language only.
    """
    shown, original = shown_language(library), original_language(library)
    if shown != original:
        return original
    others = [lang for lang in library.languages if lang != shown]
    if not others:
        return None
    wanted = language_tag(preferred)[0]
    return next((lang for lang in others if language_tag(lang)[0] == wanted), others[0])


@dataclass(frozen=True, slots=True)
class Parallel:
    """One node in its original and in a translation, with the pack of each."""

    original: Node
    original_pack: PackInfo
    translation: Node
    translation_pack: PackInfo


def parallel(library: Library, node: Node, preferred: str = "") -> Parallel | None:
    """The node's original and its translation, to show side by side (None without one).

    The translation shown when one is shown, else the one in `preferred`, else the first.
    """
    pack = library.pack(node.pack_id)
    original = library.original(node.pack_id)
    if pack is None or original is None or node.id not in original.nodes:
        return None
    if pack.pack.is_translation:
        return Parallel(original.nodes[node.id], original.pack, node, pack.pack)
    wanted = language_tag(preferred)[0]
    translations = [
        p for p in library.versions(node.pack_id) if p.pack.is_translation and node.id in p.nodes
    ]
    if not translations:
        return None
    chosen = next(
        (p for p in translations if language_tag(p.pack.language)[0] == wanted), translations[0]
    )
    return Parallel(original.nodes[node.id], original.pack, chosen.nodes[node.id], chosen.pack)


def switch_message(library: Library) -> str:
    """What the user is told after a switch: the language, and which text is authoritative."""
    from gpp_tui.exchange.provenance import translation_authority

    name = language_name(shown_language(library))
    first = library.packs[0].pack if library.packs else None
    if first is not None and first.is_translation:
        return _("Principles in {language}: {authority}").format(
            language=name, authority=translation_authority(first)
        )
    return _("Principles in {language}, the original text").format(language=name)


class ContentLanguages:
    """The packs in every language they come in, read the first time they are wanted."""

    def __init__(self, load: Callable[[Library], Library]) -> None:
        self._load = load
        self._everything: Library | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        """True once the translations have been read."""
        return self._everything is not None

    def everything(self, library: Library) -> Library:
        """`library` with every bundled translation attached (reads them once; any thread)."""
        with self._lock:
            if self._everything is None:
                self._everything = self._load(library)
            return self._everything


def load_translations(library: Library) -> Library:
    """The bundled translations of the library's packs, attached (through the pack cache)."""
    from gpp_tui.content.loader import with_bundled_translations
    from gpp_tui.store.locations import cache_dir

    return with_bundled_translations(library, cache_dir=cache_dir() / "packs")
