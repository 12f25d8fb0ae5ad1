"""Small app state kept between runs: the last highlighted node and how the principles are shown."""

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
    """Where the user was (pack and node id of the last highlighted node) and how it was shown.

    `language` is the content language chosen in the app ("" until one is chosen);
    `side_by_side` whether the original and its translation were shown together.
    """

    pack_id: str = ""
    node_id: str = ""
    language: str = ""
    side_by_side: bool = False


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
    content = raw.get("content", {})
    content = content if isinstance(content, dict) else {}
    language, side_by_side = content.get("language", ""), content.get("side_by_side", False)
    return AppState(
        pack_id,
        node_id,
        language if isinstance(language, str) else "",
        side_by_side if isinstance(side_by_side, bool) else False,
    )


def save_state(folder: Path, state: AppState) -> None:
    """Write the state atomically."""
    ensure_private_dir(folder)
    raw: dict[str, object] = {
        "schema_version": STATE_SCHEMA,
        "last": {"pack": state.pack_id, "node": state.node_id},
    }
    if state.language or state.side_by_side:
        raw["content"] = {"language": state.language, "side_by_side": state.side_by_side}
    text = tomli_w.dumps(raw)
    atomic_write_bytes(folder / STATE_FILE, text.encode("utf-8"), check=_parses)


def _parses(data: bytes) -> None:
    tomllib.loads(data.decode("utf-8"))
