"""A device file: one device's annotations with who wrote them, as JSON (age-encrypted in an
encrypted team). JSON, not TOML like annotations.toml: 2,500 notes parse in milliseconds,
and a team view joins twenty such files.

    {"format": "gpp-tui-team-device", "team": "<team id>", "device": "<device id>",
     "author": "Amina K.", "written": "2026-12-01T21:30:00Z",
     "schema_version": 2,              the annotations schema, as in annotations.toml
     "packs": {...},                   exactly the annotations.toml tables, as JSON
     "totals": {"nodes": 3, "notes": 12}}   last: a file cut short is noticed
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from gpp_tui.exchange.portable import Totals
from gpp_tui.filereader import ParseError, decode_text, loads_json
from gpp_tui.i18n import _
from gpp_tui.store.errors import NewerSchemaError, UnreadableFileError
from gpp_tui.store.migrations import migrate
from gpp_tui.store.models import SCHEMA_VERSION, Annotations, NodeAnnotations, Note
from gpp_tui.store.serialize import node_head_to_raw, note_to_raw, validate
from gpp_tui.store.tomltext import format_datetime

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


@dataclass
class DeviceFileWriter:
    """Renders device files, reusing the JSON of notes that did not change (models are frozen)."""

    _notes: dict[int, tuple[Note, str]] = field(default_factory=dict)

    @classmethod
    def after(cls, previous: DeviceFileWriter | None) -> DeviceFileWriter:
        """A writer that starts with what `previous` rendered last (any thread: its notes
        are checked by identity, so a stale entry is never used)."""
        return cls(dict(previous._notes) if previous is not None else {})

    def render(
        self,
        team_id: str,
        device_id: str,
        author: str,
        annotations: Annotations,
        *,
        written: datetime | None = None,
    ) -> bytes:
        """The plain bytes of this device's file."""
        previous, self._notes = self._notes, {}
        header = {
            "format": FORMAT,
            "team": team_id,
            "device": device_id,
            "author": author,
            "written": written or last_change(annotations),
            "schema_version": annotations.schema_version,
        }
        parts = [_dumps(header)[:-1], ',\n"packs": {']
        for pack_index, (pack_id, nodes) in enumerate(annotations.packs.items()):
            parts.append(("," if pack_index else "") + f"\n{_dumps(pack_id)}: {{")
            for node_index, (node_id, node) in enumerate(nodes.items()):
                head = _dumps(node_head_to_raw(node))
                notes = ",\n ".join(self._note(previous, note) for note in node.notes)
                body = head[:-1] + (", " if head != "{}" else "") + f'"notes": [\n {notes}]}}'
                parts.append(("," if node_index else "") + f"\n{_dumps(node_id)}: {body}")
            parts.append("}")
        totals = Totals.of(annotations)
        parts.append(f'}},\n"totals": {_dumps({"nodes": totals.nodes, "notes": totals.notes})}}}\n')
        return "".join(parts).encode("utf-8")

    def _note(self, previous: dict[int, tuple[Note, str]], note: Note) -> str:
        cached = previous.get(id(note))
        text = cached[1] if cached is not None and cached[0] is note else _dumps(note_to_raw(note))
        self._notes[id(note)] = (note, text)
        return text


def last_change(annotations: Annotations) -> datetime | None:
    """When these annotations last changed, as far as their times tell (None: no time).

    The device file's `written`: the same annotations always give the same bytes, so
    a file is not rewritten, nor a git commit made, when nothing changed.
    """
    moments = [
        moment
        for nodes in annotations.packs.values()
        for node in nodes.values()
        for moment in (
            node.status_changed,
            node.bookmark.created if node.bookmark else None,
            *(note.updated for note in node.notes),
        )
        if moment is not None
    ]
    return max(moments, default=None)


def render(
    team_id: str,
    device_id: str,
    author: str,
    annotations: Annotations,
    writer: DeviceFileWriter | None = None,
    *,
    written: datetime | None = None,
) -> bytes:
    """The plain bytes of a device file."""
    return (writer or DeviceFileWriter()).render(
        team_id, device_id, author, annotations, written=written
    )


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_value)


def _json_value(value: object) -> str:
    if isinstance(value, datetime):
        return format_datetime(value)
    raise TypeError(f"cannot store a {type(value).__name__} in JSON")


class _CurrentFile(BaseModel):
    """A device file of the current schema, validated straight from JSON (the quick path)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    format: Literal["gpp-tui-team-device"]
    team: str
    device: str
    author: str
    written: AwareDatetime | None = None
    schema_version: Literal[2]
    packs: dict[str, dict[str, NodeAnnotations]] = Field(default_factory=dict)
    totals: dict[str, int]


def parse(data: bytes) -> Contribution:
    """A device file's contents (DeviceFileError, NewerDeviceFileError: one line why)."""
    if SCHEMA_VERSION == 2:  # when the schema moves on, this quick path must follow it
        try:
            quick = _CurrentFile.model_validate_json(data)
        except (ValidationError, ValueError, RecursionError):
            pass  # the careful path below says what is wrong
        else:
            annotations = Annotations.model_construct(schema_version=2, packs=quick.packs)
            found = Totals.of(annotations)
            if quick.totals == {"nodes": found.nodes, "notes": found.notes}:
                written = quick.written.astimezone(UTC) if quick.written else None
                return Contribution(quick.team, quick.device, quick.author, written, annotations)
    return parse_carefully(data)


def parse_carefully(data: bytes) -> Contribution:
    """`parse` step by step (migrations included), with one line for what is wrong."""
    try:
        raw: Any = loads_json(decode_text(data))
    except ParseError as error:
        raise DeviceFileError(
            _("it is incomplete or damaged: {error}").format(error=error)
        ) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise DeviceFileError(_("it is not a gpp-tui device file"))
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
        raise DeviceFileError(_("it is incomplete (cut short, or still arriving)"))
    written = _moment(raw.get("written"))
    return Contribution(
        team_id=str(raw.get("team", "")),
        device_id=str(raw.get("device", "")),
        author=str(raw.get("author", "")),
        written=written,
        annotations=annotations,
    )


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
