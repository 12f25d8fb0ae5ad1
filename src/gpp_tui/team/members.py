"""Member files: who a device's user is and, in an encrypted team, their public key and
whom they accepted. Each device writes only its own; everyone reads all of them.

A member file of a newcomer is their request to join: it publishes their age
public key (a recipient, safe to show anyone). In an encrypted team the name is
sealed too (`sealed_name`, an armored age message): a newcomer seals it to the keys
already in the folder, so that the members can see who asks; a member to the
members they accepted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from gpp_tui.filereader import ParseError, decode_text, loads_toml
from gpp_tui.i18n import _
from gpp_tui.store.models import utc_now
from gpp_tui.store.tomltext import dumps
from gpp_tui.team.guarded import GuardedReadError, read_guarded
from gpp_tui.team.layout import TEAM_SCHEMA_VERSION, is_ignored

MAX_MEMBER_BYTES = 1_000_000
_EPOCH = datetime(1, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Member:
    """One device of the team, as its member file describes it."""

    device_id: str
    name: str
    recipient: str = ""
    """The age X25519 public key (age1…), in an encrypted team."""
    accepted: frozenset[str] = field(default_factory=frozenset)
    refused: frozenset[str] = field(default_factory=frozenset)
    written: datetime | None = None
    sealed_name: str = ""
    """The name as an armored age message, in an encrypted team (`name` is then what this
    device could open of it, or "")."""

    @property
    def fingerprint(self) -> str:
        """A short form of the public key to compare aloud: age1 and its last 8 characters."""
        return short_key(self.recipient)

    def label(self) -> str:
        """'Name (age1…abcdefgh)', or the name alone in a plain team."""
        name = self.name or (_("a member, device {device_id}").format(device_id=self.device_id))
        return f"{name} ({self.fingerprint})" if self.recipient else name


def short_key(recipient: str) -> str:
    """age1…abcdefgh: enough to tell keys apart when read aloud over the phone."""
    return f"age1…{recipient[-8:]}" if recipient else ""


def render_member(member: Member) -> bytes:
    """The bytes of a member file."""
    document: dict[str, object] = {
        "schema_version": TEAM_SCHEMA_VERSION,
        "device": member.device_id,
        "written": member.written or utc_now(),
    }
    if member.sealed_name:
        document["sealed_name"] = member.sealed_name
    else:
        document["name"] = member.name
    if member.recipient:
        document["recipient"] = member.recipient
        document["accepted"] = sorted(member.accepted)
        document["refused"] = sorted(member.refused)
    return dumps(document).encode("utf-8")


def parse_member(data: bytes) -> Member:
    """A member file's contents (ValueError with one line when it is not one)."""
    try:
        raw = loads_toml(decode_text(data))
    except ParseError as error:
        raise ValueError(_("it is incomplete or damaged: {error}").format(error=error)) from None
    version = raw.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError(_("it has no schema_version"))
    if version > TEAM_SCHEMA_VERSION:
        raise ValueError(
            _("it was written by a newer gpp-tui (schema_version {version})").format(
                version=version
            )
        )
    device, name = raw.get("device"), raw.get("name", "")
    if not isinstance(device, str) or not isinstance(name, str):
        raise ValueError(_("it has no device id"))
    written = raw.get("written")
    sealed = raw.get("sealed_name", "")
    return Member(
        sealed_name=sealed if isinstance(sealed, str) else "",
        device_id=device,
        name=" ".join(name.split())[:80],
        recipient=_text(raw.get("recipient")),
        accepted=frozenset(_texts(raw.get("accepted"))),
        refused=frozenset(_texts(raw.get("refused"))),
        written=written if isinstance(written, datetime) else None,
    )


def read_members(folder: Path) -> tuple[dict[str, Member], list[str]]:
    """Every member file in `folder` by device id, and one line per file skipped.

    Conflict copies count too: of two files for one device the later-written wins.
    """
    members: dict[str, Member] = {}
    problems: list[str] = []
    try:
        names = sorted(entry.name for entry in folder.iterdir())
    except OSError:
        return members, problems
    for name in names:
        if is_ignored(name) or not name.endswith(".toml"):
            continue
        try:
            member = parse_member(read_guarded(folder / name, MAX_MEMBER_BYTES))
        except (GuardedReadError, ValueError) as error:
            problems.append(
                _("skipped {folder}/{file}: {error}").format(
                    folder=folder.name, file=name, error=error
                )
            )
            continue
        known = members.get(member.device_id)
        if known is None or _later(member, known):
            members[member.device_id] = member
    return members, problems


def _later(one: Member, other: Member) -> bool:
    return (one.written or _EPOCH, one.name) > (other.written or _EPOCH, other.name)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _texts(value: object) -> Iterable[str]:
    if isinstance(value, list):
        yield from (item for item in value if isinstance(item, str))
