"""Read a JSON or TOML export back, refusing anything that is not one, with one clear line."""

from __future__ import annotations

import json
import tomllib
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gpp_tui.content.models import Library
from gpp_tui.exchange.portable import ENVELOPE_KEYS, FORMAT, ExportFile, PackVersion, Totals
from gpp_tui.filereader import NotRegularFileError, TooLargeError, beyond_limits, read_bytes
from gpp_tui.i18n import _, ngettext
from gpp_tui.store.errors import NewerSchemaError, UnreadableFileError
from gpp_tui.store.migrations import migrate
from gpp_tui.store.models import Annotations
from gpp_tui.store.serialize import validate

if TYPE_CHECKING:
    from gpp_tui.exchange.merge import Change, MergeResult

MAX_IMPORT_BYTES = 20_000_000
"""Larger files are refused unread: real exports are far smaller (10,000 notes ≈ 5 MB)."""


class ImportRefusedError(Exception):
    """A file that cannot be imported; the message is one line: "cannot import PATH: why"."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(_("cannot import {path}: {reason}").format(path=path, reason=reason))
        self.path = path
        self.reason = reason


class NotAnExportError(ImportRefusedError):
    """Not a gpp-tui export: another format, garbage, or damaged."""


class IncompleteExportError(ImportRefusedError):
    """An export that was cut short (truncated copy, full USB stick)."""


class NewerExportError(ImportRefusedError):
    """An export from a newer gpp-tui, with a schema this version does not know."""


class OtherPackError(ImportRefusedError):
    """An export for packs the user has not loaded."""


class ExportTooLargeError(ImportRefusedError):
    """A file over `MAX_IMPORT_BYTES`."""


def read_export(path: Path, library: Library, *, limit: int = MAX_IMPORT_BYTES) -> ExportFile:
    """Read an export file made by `gpp export --format json|toml` (the format is sniffed).

    Raises an `ImportRefusedError` subclass; nothing is written anywhere.
    """
    data = _read_bytes(path, limit)
    raw = _parse(path, data)
    if raw.get("format") != FORMAT:
        hint = (
            _(" (it looks like an annotations.toml; export it with `gpp export --format toml`)")
            if "schema_version" in raw and "format" not in raw
            else ""
        )
        raise NotAnExportError(
            path,
            _('it is not a gpp-tui export (no format = "{FORMAT}"){hint}').format(
                FORMAT=FORMAT, hint=hint
            ),
        )
    annotations_raw = {key: value for key, value in raw.items() if key not in ENVELOPE_KEYS}
    try:
        annotations = validate(migrate(annotations_raw))
    except NewerSchemaError as error:
        raise NewerExportError(
            path,
            _(
                "it was made by a newer gpp-tui (schema_version {found}; this version "
                "reads up to {supported}); update gpp-tui to import it"
            ).format(found=error.found, supported=error.supported),
        ) from None
    except UnreadableFileError as error:
        if not isinstance(raw.get("totals"), dict):
            raise _cut_short(path) from None
        raise NotAnExportError(path, str(error)) from None
    _check_totals(path, raw.get("totals"), annotations)
    _check_unique_notes(path, annotations)
    exported_from = _exported_from(path, raw.get("exported_from"))
    _check_packs(path, library, set(annotations.packs) or set(exported_from), exported_from)
    exported = raw.get("exported")
    return ExportFile(
        annotations=annotations,
        exported_from=exported_from,
        exported=_moment(exported),
        author=str(raw.get("author", "")),
        generator=str(raw.get("generator", "")),
    )


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        data = read_bytes(path, limit=limit)
    except TooLargeError as error:
        raise ExportTooLargeError(
            path,
            _("it is {size}; an export is at most {limit}").format(
                size=_mb(error.size), limit=_mb(limit)
            ),
        ) from None
    except NotRegularFileError as error:
        what = _("an export file") if error.kind == "a folder" else _("a regular file")
        raise ImportRefusedError(
            path, _("it is {kind}, not {what}").format(kind=_(error.kind), what=what)
        ) from None
    except FileNotFoundError:
        raise ImportRefusedError(path, _("no such file")) from None
    except OSError as error:
        raise ImportRefusedError(path, error.strerror or str(error)) from None
    if not data.strip():
        raise NotAnExportError(path, _("it is empty"))
    return data


def _parse(path: Path, data: bytes) -> dict[str, Any]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NotAnExportError(
            path, _("it is not a text export (not UTF-8 at byte {start})").format(start=error.start)
        ) from None
    is_json = text.lstrip().startswith("{")
    try:
        parsed = json.loads(text) if is_json else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as error:
        kind = "JSON" if is_json else "TOML"
        if FORMAT in text[:500]:
            raise IncompleteExportError(
                path,
                _("it is damaged or was cut short (not valid {kind}: {reason})").format(
                    kind=kind, reason=_one_line(error)
                ),
            ) from None
        raise NotAnExportError(
            path,
            _("it is not a gpp-tui export (not JSON or TOML: {reason})").format(
                reason=_one_line(error)
            ),
        ) from None
    except RecursionError:
        raise NotAnExportError(path, _("it is nested too deeply to be an export")) from None
    except (ValueError, MemoryError) as error:
        # An integer over Python's 4,300-digit limit, and the like.
        raise NotAnExportError(path, beyond_limits(error)) from None
    # A text that starts with "{" parses to a dict as JSON, and TOML always gives one.
    result: dict[str, Any] = parsed
    return result


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def _cut_short(path: Path) -> IncompleteExportError:
    return IncompleteExportError(path, _("it is incomplete: the file was cut short"))


def _check_totals(path: Path, totals: object, annotations: Annotations) -> None:
    if not isinstance(totals, dict):
        raise _cut_short(path)
    nodes, notes = totals.get("nodes"), totals.get("notes")
    if not isinstance(nodes, int) or not isinstance(notes, int):
        raise _cut_short(path)
    found = Totals.of(annotations)
    if (nodes, notes) != (found.nodes, found.notes):
        raise IncompleteExportError(
            path,
            _(
                "it is incomplete: it should hold {notes} notes on {nodes} nodes but "
                "holds {notes2} on {nodes2}; was it cut short?"
            ).format(notes=notes, nodes=nodes, notes2=found.notes, nodes2=found.nodes),
        )


def _check_unique_notes(path: Path, annotations: Annotations) -> None:
    """Refuse two notes with one id on a node: editing one would overwrite the other."""
    for pack_id, nodes in annotations.packs.items():
        for node_id, node in nodes.items():
            seen: set[str] = set()
            for note in node.notes:
                if note.id in seen:
                    raise NotAnExportError(
                        path,
                        _(
                            "it holds two notes with the id {id!r} on {pack_id}/{node_id}; gpp-tui "
                            "never writes that, so the file was changed by hand or damaged"
                        ).format(id=note.id, pack_id=pack_id, node_id=node_id),
                    )
                seen.add(note.id)


def _exported_from(path: Path, raw: object) -> dict[str, PackVersion]:
    if not isinstance(raw, dict):
        return {}
    packs: dict[str, PackVersion] = {}
    for pack_id, info in raw.items():
        if not isinstance(info, dict):
            raise NotAnExportError(
                path, _("exported_from.{pack_id} is not a table").format(pack_id=pack_id)
            )
        packs[str(pack_id)] = PackVersion(
            title=str(info.get("title", "")), version=str(info.get("version", ""))
        )
    return packs


def _check_packs(
    path: Path, library: Library, pack_ids: set[str], exported_from: dict[str, PackVersion]
) -> None:
    """Refuse a file whose annotations belong only to packs the user has not loaded."""
    if not pack_ids or any(library.pack(pack_id) for pack_id in pack_ids):
        return
    names = ", ".join(
        f"{pack_id!r}" + (f" ({exported_from[pack_id].title})" if pack_id in exported_from else "")
        for pack_id in sorted(pack_ids)
    )
    loaded = ", ".join(repr(pack.pack.id) for pack in library.packs)
    raise OtherPackError(
        path,
        _(
            "it holds annotations for pack {names}, which is not loaded here "
            "(loaded: {loaded}); load that pack with --content to import it"
        ).format(names=names, loaded=loaded),
    )


def _moment(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def describe_import(library: Library, incoming: ExportFile, result: MergeResult) -> list[str]:
    """What an import changes: where it comes from, one line per change, then the totals."""
    changes = [f"  {describe_change(library, change)}" for change in result.report.changes]
    return [*import_header(library, incoming), *changes, result.report.summary() + "."]


def import_header(library: Library, incoming: ExportFile) -> list[str]:
    """Where an export comes from, and what about it the user should know first."""
    from gpp_tui.exchange.review import local_time

    made = _(" on {time}").format(time=local_time(incoming.exported)) if incoming.exported else ""
    by = _(" by {author}").format(author=incoming.author) if incoming.author else ""
    total = incoming.annotations.note_total
    first = ngettext(
        "Importing {count} note exported{made}{by}.",
        "Importing {count} notes exported{made}{by}.",
        total,
    ).format(count=total, made=made, by=by)
    if first.endswith("..") and not first.endswith("..."):
        first = first[:-1]  # a name ending in a full stop ("Amina K.") ends the sentence
    lines = [first]
    for pack_id, info in incoming.exported_from.items():
        pack = library.pack(pack_id)
        if pack is not None and info.version and pack.pack.version != info.version:
            lines.append(
                _(
                    "It was made with version {version} of pack {pack}; you have {yours}. "
                    "Notes on changed text are flagged."
                ).format(
                    version=info.version,
                    pack=pack_id,
                    yours=pack.pack.version or _("an unversioned copy"),
                )
            )
    for pack_id in incoming.annotations.packs:
        if library.pack(pack_id) is None:
            lines.append(
                _("Annotations on pack {pack_id!r}, which is not loaded, are kept too.").format(
                    pack_id=pack_id
                )
            )
    return lines


def describe_change(library: Library, change: Change) -> str:
    """One change of an import, as a line: "added note on B.2: “…”"."""
    from gpp_tui.exchange.merge import ChangeKind

    where = change.node_id if len(library.packs) == 1 else f"{change.pack_id}/{change.node_id}"
    detail = f": {change.detail}" if change.detail else ""
    said = {
        (ChangeKind.DELETED, "note"): _("deleted note on {where}, deleted on the other side"),
        (ChangeKind.RESOLVED, "note"): _(
            "removed a conflict copy on {where}, replaced by a later version"
        ),
        (ChangeKind.CONFLICT, "note"): _("kept both versions of note on {where}"),
        (ChangeKind.ADDED, "note"): _("added note on {where}"),
        (ChangeKind.UPDATED, "note"): _("updated note on {where}"),
        (ChangeKind.ADDED, "status"): _("added status on {where}"),
        (ChangeKind.UPDATED, "status"): _("updated status on {where}"),
        (ChangeKind.ADDED, "bookmark"): _("added bookmark on {where}"),
        (ChangeKind.UPDATED, "bookmark"): _("updated bookmark on {where}"),
    }.get((change.kind, change.item))
    if said is None:
        kind = "kept both versions of" if change.kind is ChangeKind.CONFLICT else change.kind.value
        said = f"{kind} {change.item} on {{where}}"
    return said.format(where=where) + detail
