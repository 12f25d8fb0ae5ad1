"""Validation of a raw pack (parsed TOML) with pydantic: types, unknown keys, ids."""

from __future__ import annotations

import contextlib
import re
from datetime import date, datetime
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from gpp_tui.content.models import TERM_PREFIX, Pack

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")  # always fullmatch: "$" passes "X.1\n"
_ID_MAX = 64
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class PackProblem(ValueError):
    """The pack's data is wrong; str() says where and what, in one line."""


@cache
def _adapter() -> TypeAdapter[Pack]:
    return TypeAdapter(Pack)


def validate_pack(raw: dict[str, Any]) -> Pack:
    """A validated Pack, or pydantic's ValidationError / PackProblem."""
    check_retrieved(raw)
    pack = _adapter().validate_python(raw)
    check_values(pack)
    check_ids(pack)
    return pack


def check_retrieved(raw: dict[str, Any]) -> None:
    """`pack.retrieved` is a day: a TOML date or its ISO text (pydantic would take a number)."""
    info = raw.get("pack")
    value = info.get("retrieved") if isinstance(info, dict) else None
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return
    if isinstance(value, str) and _DAY.match(value):
        with contextlib.suppress(ValueError):
            date.fromisoformat(value)
            return
    if isinstance(value, str):
        shown = repr(value)
    elif isinstance(value, datetime):
        shown = "a date with a time of day"
    else:
        shown = {bool: "true or false", int: "a number", float: "a number", list: "a list"}.get(
            type(value), "a table"
        )
    raise PackProblem(f"pack.retrieved: must be a day such as 2026-05-01, not {shown}")


def check_values(pack: Pack) -> None:
    """Titles, terms, labels and the source are not empty; schema_version is at least 1."""
    if pack.schema_version < 1:
        raise PackProblem(f"schema_version: must be 1 or more, not {pack.schema_version}")
    required: list[tuple[str, str]] = [
        ("pack.title", pack.pack.title),
        ("pack.source", pack.pack.source),
    ]
    required += [(f"sections[{i}] ({s.id}).title", s.title) for i, s in enumerate(pack.sections)]
    for i, area in enumerate(pack.areas):
        required.append((f"areas[{i}] ({area.id}).title", area.title))
        for j, rec in enumerate(area.recommendations):
            where = f"areas[{i}] ({area.id}).recommendations[{j}] ({rec.id})"
            required.append((f"{where}.title", rec.title))
            required += [
                (f"{where}.references[{k}].label", ref.label)
                for k, ref in enumerate(rec.references)
            ]
    required += [(f"glossary[{i}].term", entry.term) for i, entry in enumerate(pack.glossary)]
    for where, value in required:
        if not value:
            raise PackProblem(f"{where}: must not be empty")
    url = pack.pack.source_url
    if url and not url.lower().startswith(("https://", "http://")):
        raise PackProblem(f"pack.source_url: must start with https:// or http://, not {url!r}")


def check_ids(pack: Pack) -> None:
    """Ids are well formed and unique, and every related id exists."""
    seen: dict[str, str] = {}

    def claim(node_id: str, where: str, *, derived: bool = False) -> None:
        if not derived and not (_ID.fullmatch(node_id) and len(node_id) <= _ID_MAX):
            raise PackProblem(
                f"{where}.id: {node_id!r} is not a valid id (up to {_ID_MAX} letters, digits, "
                "'.', '_' or '-', starting with a letter or digit)"
            )
        if node_id in seen:
            raise PackProblem(
                f"duplicate id {node_id!r} at {where} (first used at {seen[node_id]})"
            )
        seen[node_id] = where

    claim(pack.pack.id, "pack")
    del seen[pack.pack.id]  # The pack id names the pack, not a node.
    original = pack.pack.translation_of
    if original and not (_ID.fullmatch(original) and len(original) <= _ID_MAX):
        raise PackProblem(f"pack.translation_of: {original!r} is not a valid pack id")
    if original == pack.pack.id:
        raise PackProblem("pack.translation_of: a pack cannot be a translation of itself")
    for i, section in enumerate(pack.sections):
        claim(section.id, f"sections[{i}]")
    for i, area in enumerate(pack.areas):
        claim(area.id, f"areas[{i}]")
        for j, rec in enumerate(area.recommendations):
            claim(rec.id, f"areas[{i}].recommendations[{j}]")
    for i, entry in enumerate(pack.glossary):
        where = f"glossary[{i}] ({entry.term!r})"
        slug = entry.id.removeprefix(TERM_PREFIX)
        if slug == entry.id or not _ID.fullmatch(slug) or len(slug) > _ID_MAX:
            raise PackProblem(
                f"{where}.id: {entry.id!r} is not a valid term id ({TERM_PREFIX!r} and up to "
                f"{_ID_MAX} letters, digits, '.', '_' or '-', e.g. 'term:do-no-harm')"
            )
        claim(entry.id, where, derived=True)
    for i, area in enumerate(pack.areas):
        for j, rec in enumerate(area.recommendations):
            for target in rec.related:
                if target not in seen:
                    raise PackProblem(
                        f"areas[{i}].recommendations[{j}] ({rec.id}) relates to unknown id "
                        f"{target!r}"
                    )
