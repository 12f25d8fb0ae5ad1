"""Translations of a pack: checked against their original and attached to it."""

from __future__ import annotations

import dataclasses

from gpp_tui.content.models import Pack, Recommendation, Reference

MAX_LISTED = 5
"""How many differing ids a one-line error names before saying "and N more"."""


_OWN_INFO = frozenset(
    {"id", "title", "language", "description", "translation_of", "translation_note"}
)
"""[pack] keys a translation never takes from its original."""


class TranslationProblem(ValueError):
    """A translation does not match its original; str() is one line."""


def check_translation(original: Pack, translation: Pack) -> None:
    """Raise TranslationProblem unless `translation` has exactly the original's nodes.

    Same ids (sections, areas, recommendations, glossary terms), each under the same
    parent, the same number of references per recommendation, a language of its own
    and, where it lists them, the same related ids.
    """
    info = translation.pack
    where = f"translation of {original.pack.id!r}"
    if info.language == original.pack.language:
        raise TranslationProblem(
            f"pack.language: a {where} needs its own language, not {info.language!r} "
            f'(the original\'s); e.g. language = "fr"'
        )
    mine, theirs = translation.nodes, original.nodes
    missing = [node_id for node_id in theirs if node_id not in mine]
    extra = [node_id for node_id in mine if node_id not in theirs]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"missing {_listed(missing)}")
        if extra:
            parts.append(f"ids not in the original: {_listed(extra)}")
        raise TranslationProblem(f"ids differ from {original.pack.id!r}: {'; '.join(parts)}")
    for node_id, node in mine.items():
        parent = theirs[node_id].parent_id
        if node.parent_id != parent:
            raise TranslationProblem(
                f"{node_id} is under {node.parent_id!r} but under {parent!r} in "
                f"{original.pack.id!r}"
            )
    originals = {rec.id: rec for rec in original.recommendations}
    for rec in translation.recommendations:
        source = originals[rec.id]
        if len(rec.references) != len(source.references):
            raise TranslationProblem(
                f"{rec.id}: {len(rec.references)} references, but {len(source.references)} "
                f"in {original.pack.id!r} (translate each one, in the same order)"
            )
        if rec.related and rec.related != source.related:
            raise TranslationProblem(
                f"{rec.id}.related: {list(rec.related)} differs from {original.pack.id!r}'s "
                f"{list(source.related)} (leave it out: the original's are used)"
            )


def attach(original: Pack, translation: Pack) -> Pack:
    """The translation as a version of the original: its pack id, related ids and flags.

    The result carries the original's pack id, so annotations keyed by pack and node id
    are shared by both; `translation_of` still marks it as a translation. What is not
    text (related ids, `verified`, and tags the translation leaves out) comes from the
    original, so a translation cannot mark as verified what the original does not.
    """
    check_translation(original, translation)
    recs = {rec.id: rec for rec in original.recommendations}
    areas = tuple(
        dataclasses.replace(
            area,
            recommendations=tuple(_attach_rec(rec, recs[rec.id]) for rec in area.recommendations),
        )
        for area in translation.areas
    )
    given = translation.pack
    # Facts about the text (version, provenance) the translation leaves out are the original's.
    inherited = {
        f.name: getattr(original.pack, f.name)
        for f in dataclasses.fields(given)
        if f.name not in _OWN_INFO and getattr(given, f.name) == f.default
    }
    info = dataclasses.replace(
        given, **inherited, id=original.pack.id, translation_of=original.pack.id
    )
    return dataclasses.replace(translation, pack=info, areas=areas)


def _attach_rec(rec: Recommendation, source: Recommendation) -> Recommendation:
    references = tuple(
        Reference(label=mine.label, note=mine.note, verified=theirs.verified)
        for mine, theirs in zip(rec.references, source.references, strict=True)
    )
    return dataclasses.replace(
        rec, related=source.related, tags=rec.tags or source.tags, references=references
    )


def _listed(ids: list[str]) -> str:
    shown = ", ".join(ids[:MAX_LISTED])
    return shown + (f" and {len(ids) - MAX_LISTED} more" if len(ids) > MAX_LISTED else "")
