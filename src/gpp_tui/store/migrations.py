"""Schema migrations: a chain of functions over the raw dict, run before validation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gpp_tui.i18n import _
from gpp_tui.store.errors import NewerSchemaError, UnreadableFileError
from gpp_tui.store.models import SCHEMA_VERSION

RawDict = dict[str, Any]
Migration = Callable[[RawDict], RawDict]


def _to_2(raw: RawDict) -> RawDict:
    """1 → 2: notes may carry `supersedes` and nodes `deleted`; version 1 has neither."""
    return raw


MIGRATIONS: dict[int, Migration] = {1: _to_2}
"""`MIGRATIONS[n]` turns a schema_version n dict into a schema_version n + 1 dict."""


def migrate(
    raw: RawDict,
    *,
    current: int = SCHEMA_VERSION,
    migrations: dict[int, Migration] | None = None,
) -> RawDict:
    """Bring a raw annotations dict up to the current schema, one step at a time.

    Raises NewerSchemaError for a file from a newer gpp-tui and UnreadableFileError
    when the version is missing or no migration path exists.
    """
    steps = MIGRATIONS if migrations is None else migrations
    version = raw.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise UnreadableFileError(_("it has no whole-number schema_version"))
    if version > current:
        raise NewerSchemaError(version, current)
    while version < current:
        step = steps.get(version)
        if step is None:
            raise UnreadableFileError(
                _("no migration from schema_version {version}").format(version=version)
            )
        raw = step(dict(raw))
        version += 1
        raw["schema_version"] = version
    return raw
