"""This data folder's tie to a team: its device id, the team folder, and the files it wrote there.

Kept in `<data folder>/team.toml`. The device id is random and made once per data
folder: the same person on a laptop and a phone is two devices. `written` records
every file this device created in the team folder and a fingerprint of its last
contents, so gpp-tui never overwrites a file it did not write.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from gpp_tui.filereader import ParseError, decode_text, loads_toml
from gpp_tui.store.atomic import atomic_write_bytes
from gpp_tui.store.tomltext import dumps
from gpp_tui.team.guarded import GuardedReadError, read_guarded
from gpp_tui.team.layout import is_device_id, new_device_id

LINK_FILE = "team.toml"
LINK_SCHEMA_VERSION = 1


class LinkError(Exception):
    """The link file cannot be read or written; one line."""


@dataclass(frozen=True)
class TeamLink:
    """Where this device's team is, and what it wrote there."""

    device_id: str
    team_path: Path | None = None
    team_id: str = ""
    written: dict[str, str] = field(default_factory=dict)
    """Path relative to the team folder → sha256 of the bytes last written."""

    @property
    def joined(self) -> bool:
        """True when this data folder is in a team."""
        return self.team_path is not None

    def wrote(self, relative: str, data: bytes) -> TeamLink:
        """The link after writing `data` to `relative`."""
        return replace(self, written={**self.written, relative: fingerprint(data)})


def fingerprint(data: bytes) -> str:
    """The sha256 of some bytes, as hex."""
    return hashlib.sha256(data).hexdigest()


def load_link(data_folder: Path) -> TeamLink:
    """The link of a data folder; a new device id (not yet saved) when there is no file."""
    path = data_folder / LINK_FILE
    if not path.exists():
        return TeamLink(new_device_id())
    try:
        raw = loads_toml(decode_text(read_guarded(path, 1_000_000)))
    except (GuardedReadError, ParseError) as error:
        raise LinkError(f"cannot read {path}: {error}; it was left untouched") from None
    version = raw.get("schema_version")
    if not isinstance(version, int) or version > LINK_SCHEMA_VERSION:
        raise LinkError(f"{path} was written by a newer gpp-tui; update gpp-tui")
    device = raw.get("device")
    if not isinstance(device, str) or not is_device_id(device):
        raise LinkError(f"{path} has no valid device id; it was left untouched")
    team = raw.get("team", {})
    written = raw.get("written", {})
    if not isinstance(team, dict) or not isinstance(written, dict):
        raise LinkError(f"{path} is damaged ([team] or [written] is not a table)")
    team_path = team.get("path")
    return TeamLink(
        device_id=device,
        team_path=Path(team_path) if isinstance(team_path, str) and team_path else None,
        team_id=str(team.get("id", "")),
        written={str(k): str(v) for k, v in written.items()},
    )


def save_link(data_folder: Path, link: TeamLink) -> None:
    """Write the link file atomically (OSError when the disk refuses)."""
    document: dict[str, object] = {"schema_version": LINK_SCHEMA_VERSION, "device": link.device_id}
    if link.team_path is not None:
        document["team"] = {"path": str(link.team_path), "id": link.team_id}
    if link.written:
        document["written"] = dict(sorted(link.written.items()))
    data_folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    atomic_write_bytes(data_folder / LINK_FILE, dumps(document).encode("utf-8"))
