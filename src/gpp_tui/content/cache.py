"""A cache of validated packs keyed by the pack file's hash, so a start skips parsing.

tomllib needs about a second for a 3 MB pack on a slow machine and pydantic's import
costs a tenth of one; a pack read before is rebuilt from plain data instead. The cache
is rebuilt whenever the file, the gpp-tui version or the cache format changes, and any
problem with it only means the pack is read the slow way.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import marshal
from datetime import date
from pathlib import Path
from typing import Any

from gpp_tui import __version__
from gpp_tui.content.models import (
    FocusArea,
    GlossaryEntry,
    Pack,
    PackInfo,
    Recommendation,
    Reference,
    Section,
)

CACHE_FORMAT = 3


def cache_key(data: bytes) -> str:
    """The cache file name for a pack file's bytes."""
    digest = hashlib.sha256(data)
    digest.update(f"\0{__version__}\0{CACHE_FORMAT}".encode())
    return digest.hexdigest()[:32] + ".marshal"


def load_cached(folder: Path, data: bytes) -> Pack | None:
    """The validated pack for these bytes, if a good cache entry exists."""
    try:
        raw = marshal.loads((folder / cache_key(data)).read_bytes())
        return _pack_from_plain(raw)
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        return None


def store_cached(folder: Path, data: bytes, pack: Pack) -> None:
    """Remember a validated pack (best effort: a cache that cannot be written is skipped)."""
    target = folder / cache_key(data)
    temp = target.with_suffix(".tmp")
    with contextlib.suppress(OSError, ValueError):
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        plain = dataclasses.asdict(pack)
        retrieved = pack.pack.retrieved
        # marshal knows no dates: the retrieved day travels as its ISO text.
        plain["pack"]["retrieved"] = retrieved.isoformat() if retrieved else None
        temp.write_bytes(marshal.dumps(plain))
        temp.replace(target)  # Readers see a whole entry or none.


def _pack_from_plain(raw: dict[str, Any]) -> Pack:
    """Rebuild the dataclasses from what dataclasses.asdict() produced."""
    return Pack(
        schema_version=raw["schema_version"],
        pack=PackInfo(**{**raw["pack"], "retrieved": _day(raw["pack"]["retrieved"])}),
        sections=tuple(Section(**s) for s in raw["sections"]),
        areas=tuple(
            FocusArea(
                id=a["id"],
                title=a["title"],
                summary=a["summary"],
                recommendations=tuple(
                    Recommendation(
                        id=r["id"],
                        title=r["title"],
                        summary=r["summary"],
                        context=r["context"],
                        tags=tuple(r["tags"]),
                        related=tuple(r["related"]),
                        references=tuple(Reference(**x) for x in r["references"]),
                    )
                    for r in a["recommendations"]
                ),
            )
            for a in raw["areas"]
        ),
        glossary=tuple(GlossaryEntry(**g) for g in raw["glossary"]),
    )


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
