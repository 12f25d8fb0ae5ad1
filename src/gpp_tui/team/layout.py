"""The team folder: its description file, where each device's files go, and which names to read.

    TEAM/gpp-team.toml          schema_version, team id and name (written once, by `create`)
    TEAM/devices/<device>.json  one device's notes (`.age` when the team is encrypted)
    TEAM/members/<device>.toml  who that device's user is, their public key, whom they accepted

Sync engines add their own files beside these: conflict copies are read like any
device file; temporary, partial and lock files are never read.
"""

from __future__ import annotations

import re
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path

from gpp_tui.filereader import ParseError, decode_text, loads_toml
from gpp_tui.i18n import _
from gpp_tui.store.atomic import atomic_write_bytes
from gpp_tui.store.tomltext import format_pairs
from gpp_tui.team.guarded import GuardedReadError, read_guarded

DESCRIPTION_FILE = "gpp-team.toml"
DEVICES_DIR = "devices"
MEMBERS_DIR = "members"
TEAM_SCHEMA_VERSION = 1
"""The newest team folder layout this version understands."""

_IGNORED = re.compile(
    r"""^(?:
        \..*                    # hidden: .syncthing.*.tmp, .~lock.*#, our own temporary files
      | ~.*                     # ~syncthing~*, office lock files ~$*
      | .*\.(?:part|partial|tmp|temp|crdownload|swp|lock)
      | .*~                     # editor backups
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
_CONFLICT = re.compile(
    r"\.sync-conflict-\d{8}-\d{6}|\bconflicted copy\b|\(conflict\b", re.IGNORECASE
)
_DEVICE_ID = re.compile(r"^d[0-9a-z]{12}$")


class TeamFolderError(Exception):
    """The team folder cannot be used; one line saying why."""


def is_ignored(name: str) -> bool:
    """True for files sync engines and editors leave while they work: never read."""
    return bool(_IGNORED.match(name))


def is_conflict_copy(name: str) -> bool:
    """True for a conflict copy (Syncthing, Nextcloud, Dropbox): read, never deleted."""
    return bool(_CONFLICT.search(name))


def new_device_id() -> str:
    """A random device id: 'd' and 12 base-36 characters (62 bits), safe in any file name."""
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"
    return "d" + "".join(secrets.choice(alphabet) for _ in range(12))


def is_device_id(text: str) -> bool:
    """True for a well-formed device id."""
    return bool(_DEVICE_ID.match(text))


@dataclass(frozen=True, slots=True)
class TeamInfo:
    """What the description file says: the team's id, name and whether it is encrypted."""

    team_id: str
    name: str
    encrypted: bool = False


class TeamFolder:
    """A team folder on disk (created by `create`, opened by `open`)."""

    def __init__(self, path: Path, info: TeamInfo) -> None:
        self.path = path
        self.info = info

    @property
    def devices(self) -> Path:
        """The folder of device files."""
        return self.path / DEVICES_DIR

    @property
    def members(self) -> Path:
        """The folder of member files."""
        return self.path / MEMBERS_DIR

    def device_file(self, device_id: str) -> Path:
        """Where this device's notes go."""
        return self.devices / f"{device_id}{'.age' if self.info.encrypted else '.json'}"

    def member_file(self, device_id: str) -> Path:
        """Where this device's member file goes."""
        return self.members / f"{device_id}.toml"

    @classmethod
    def create(cls, path: Path, name: str, *, encrypted: bool) -> TeamFolder:
        """Make a new team folder (it may exist, but must not hold a team already)."""
        name = " ".join(name.split())
        if not name:
            raise TeamFolderError(_("the team needs a name (--name)"))
        description = path / DESCRIPTION_FILE
        if description.exists():
            raise TeamFolderError(
                _("{path} already holds a team; join it with `gpp team join`").format(path=path)
            )
        if path.exists() and not path.is_dir():
            raise TeamFolderError(_("{path} is a file, not a folder").format(path=path))
        info = TeamInfo(str(uuid.uuid4()), name, encrypted)
        try:
            for folder in (path, path / DEVICES_DIR, path / MEMBERS_DIR):
                folder.mkdir(parents=True, exist_ok=True)
            text = format_pairs({"schema_version": TEAM_SCHEMA_VERSION})
            text += "\n[team]\n" + format_pairs(
                {"id": info.team_id, "name": info.name, "encrypted": info.encrypted}
            )
            atomic_write_bytes(description, text.encode("utf-8"))
        except OSError as error:
            raise TeamFolderError(
                _("cannot create the team in {path} ({strerror})").format(
                    path=path, strerror=error.strerror
                )
            ) from None
        return cls(path, info)

    @classmethod
    def open(cls, path: Path) -> TeamFolder:
        """The team in an existing folder (TeamFolderError when it holds none or a newer one)."""
        description = path / DESCRIPTION_FILE
        if not path.is_dir():
            raise TeamFolderError(_("{path} is not a folder").format(path=path))
        try:
            raw = loads_toml(decode_text(read_guarded(description, 1_000_000)))
        except GuardedReadError as error:
            if not description.exists():
                raise TeamFolderError(
                    _(
                        "{path} holds no team ({file} is missing); make one with `gpp team create`"
                    ).format(path=path, file=DESCRIPTION_FILE)
                ) from None
            raise TeamFolderError(
                _("cannot read {description}: {error}").format(description=description, error=error)
            ) from None
        except ParseError as error:
            raise TeamFolderError(
                _("cannot read {description}: {error}").format(description=description, error=error)
            ) from None
        version = raw.get("schema_version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise TeamFolderError(
                _("cannot read {description}: it has no schema_version").format(
                    description=description
                )
            )
        if version > TEAM_SCHEMA_VERSION:
            raise TeamFolderError(
                _(
                    "{path} was made by a newer gpp-tui (team schema_version {version}; "
                    "this version reads up to {supported}); update gpp-tui to "
                    "join it"
                ).format(path=path, version=version, supported=TEAM_SCHEMA_VERSION)
            )
        team = raw.get("team")
        if not isinstance(team, dict) or not isinstance(team.get("id"), str):
            raise TeamFolderError(
                _("cannot read {description}: it has no [team] id").format(description=description)
            )
        name = team.get("name")
        encrypted = team.get("encrypted", False)
        info = TeamInfo(team["id"], name if isinstance(name, str) else "", encrypted is True)
        return cls(path, info)
