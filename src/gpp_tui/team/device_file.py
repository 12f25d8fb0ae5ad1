"""A device file: one device's annotations with who wrote them, as TOML (age-encrypted in an
encrypted team).

    format = "gpp-tui-team-device"
    team = "<team id>"
    device = "<device id>"
    author = "Amina K."
    written = 2026-12-01T21:30:00Z
    schema_version = 2           # the annotations schema, as in annotations.toml
    [packs...]                   # exactly as in annotations.toml
    [totals]                     # written last: a file cut short is noticed
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from gpp_tui.exchange.portable import Totals
from gpp_tui.store.errors import NewerSchemaError, UnreadableFileError
from gpp_tui.store.migrations import migrate
from gpp_tui.store.models import Annotations, utc_now
from gpp_tui.store.serialize import AnnotationsWriter, validate
from gpp_tui.store.tomltext import dumps, format_pairs

FORMAT = "gpp-tui-team-device"
_ENVELOPE = ("format", "team", "device", "author", "written", "totals")


class DeviceFileError(Exception):
    """A device file that cannot be joined now; the message is one line."""


class NewerDeviceFileError(DeviceFileError):
    """A device file from a newer gpp-tui: skipped until this one is updated."""


@dataclass(frozen=True, slots=True)
class Contribution:
    """What one device file holds."""

    team_id: str
    device_id: str
    author: str
    written: datetime | None
    annotations: Annotations


def render(
    team_id: str,
    device_id: str,
    author: str,
    annotations: Annotations,
    writer: AnnotationsWriter,
    *,
    written: datetime | None = None,
) -> bytes:
    """The plain bytes of this device's file (the writer reuses what did not change)."""
    header = format_pairs(
        {
            "format": FORMAT,
            "team": team_id,
            "device": device_id,
            "author": author,
            "written": written or utc_now(),
        }
    )
    totals = Totals.of(annotations)
    tail = dumps({"totals": {"nodes": totals.nodes, "notes": totals.notes}})
    return f"{header}{writer.render(annotations)}\n{tail}".encode()


def parse(data: bytes) -> Contribution:
    """A device file's contents (DeviceFileError, NewerDeviceFileError: one line why)."""
    try:
        raw: dict[str, Any] = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise DeviceFileError(f"it is not UTF-8 text (byte {error.start})") from None
    except tomllib.TOMLDecodeError as error:
        reason = " ".join(str(error).split())
        raise DeviceFileError(f"it is incomplete or damaged (not valid TOML: {reason})") from None
    except RecursionError:
        raise DeviceFileError("it is nested too deeply") from None
    if raw.get("format") != FORMAT:
        raise DeviceFileError("it is not a gpp-tui device file")
    body = {key: value for key, value in raw.items() if key not in _ENVELOPE}
    try:
        annotations = validate(migrate(body))
    except NewerSchemaError as error:
        raise NewerDeviceFileError(str(error)) from None
    except UnreadableFileError as error:
        raise DeviceFileError(str(error)) from None
    totals = raw.get("totals")
    found = Totals.of(annotations)
    if not isinstance(totals, dict) or (totals.get("nodes"), totals.get("notes")) != (
        found.nodes,
        found.notes,
    ):
        raise DeviceFileError("it is incomplete (cut short, or still arriving)")
    written = raw.get("written")
    return Contribution(
        team_id=str(raw.get("team", "")),
        device_id=str(raw.get("device", "")),
        author=str(raw.get("author", "")),
        written=written if isinstance(written, datetime) else None,
        annotations=annotations,
    )
