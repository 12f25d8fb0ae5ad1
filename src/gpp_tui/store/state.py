"""Small app state kept between runs: the last highlighted node."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from gpp_tui.filereader import UnreadableError, read_toml
from gpp_tui.store.atomic import atomic_write_bytes
from gpp_tui.store.locations import ensure_private_dir

STATE_FILE = "state.toml"
STATE_SCHEMA = 1
MAX_STATE_BYTES = 64_000


@dataclass(frozen=True)
class AppState:
    """Where the user was: pack id and node id of the last highlighted node."""

    pack_id: str = ""
    node_id: str = ""


def load_state(folder: Path) -> AppState:
    """The saved state, or the default when there is none or it cannot be read.

    This file only remembers a position, so a damaged one is ignored, not reported.
    """
    try:
        raw = read_toml(folder / STATE_FILE, limit=MAX_STATE_BYTES)
    except (OSError, UnreadableError):
        return AppState()
    last = raw.get("last", {})
    if not isinstance(last, dict):
        return AppState()
    pack_id, node_id = last.get("pack", ""), last.get("node", "")
    if not (isinstance(pack_id, str) and isinstance(node_id, str)):
        return AppState()
    return AppState(pack_id, node_id)


def save_state(folder: Path, state: AppState) -> None:
    """Write the state atomically."""
    ensure_private_dir(folder)
    text = tomli_w.dumps(
        {"schema_version": STATE_SCHEMA, "last": {"pack": state.pack_id, "node": state.node_id}}
    )
    atomic_write_bytes(folder / STATE_FILE, text.encode("utf-8"), check=_parses)


def _parses(data: bytes) -> None:
    tomllib.loads(data.decode("utf-8"))
