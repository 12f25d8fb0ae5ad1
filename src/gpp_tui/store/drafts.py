"""Drafts of notes being typed: one small file each, so a crash loses seconds, not a note."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from gpp_tui.filereader import UnreadableError as FileReadError
from gpp_tui.filereader import read_bytes
from gpp_tui.i18n import _
from gpp_tui.store.atomic import atomic_write_bytes
from gpp_tui.store.errors import UnreadableFileError
from gpp_tui.store.locations import ensure_private_dir
from gpp_tui.store.models import utc_now
from gpp_tui.store.serialize import PLAIN, ByteCodec, parse
from gpp_tui.store.tomltext import dumps

DRAFTS_DIR = "drafts"
DRAFT_SCHEMA = 1
MAX_DRAFT_BYTES = 50_000_000


@dataclass(frozen=True, slots=True)
class Draft:
    """Unsaved text of a note: a new one (`note_id` None) or an edit of an existing one."""

    pack_id: str
    node_id: str
    note_id: str | None
    text: str
    saved: datetime
    path: Path


class Drafts:
    """The drafts folder inside the data folder."""

    def __init__(self, data_folder: Path, codec: ByteCodec = PLAIN) -> None:
        self.folder = data_folder / DRAFTS_DIR
        self._codec = codec

    def path_for(self, pack_id: str, node_id: str, note_id: str | None) -> Path:
        """The file of the draft for this note (one per note, one new note per node)."""
        key = "\x1f".join((pack_id, node_id, note_id or ""))
        return self.folder / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:20]}.toml"

    def save(self, pack_id: str, node_id: str, note_id: str | None, text: str) -> Draft:
        """Write (or overwrite) the draft atomically; raises OSError when it cannot."""
        ensure_private_dir(self.folder)
        saved = utc_now()
        raw = {
            "schema_version": DRAFT_SCHEMA,
            "pack": pack_id,
            "node": node_id,
            "note": note_id or "",
            "saved": saved,
            "text": text,
        }
        data = self._codec.encode(dumps(raw).encode("utf-8"))
        path = self.path_for(pack_id, node_id, note_id)
        atomic_write_bytes(path, data, check=lambda written: self._read(written, path))
        return Draft(pack_id, node_id, note_id, text, saved, path)

    def all(self) -> tuple[list[Draft], list[str]]:
        """Every pending draft, oldest first, and a message for each file that cannot be read.

        A draft that cannot be read is left where it is, never deleted.
        """
        drafts: list[Draft] = []
        problems: list[str] = []
        if not self.folder.is_dir():
            return drafts, problems
        for path in sorted(self.folder.glob("*.toml")):
            try:
                drafts.append(self._read(read_bytes(path, limit=MAX_DRAFT_BYTES), path))
            except (OSError, UnreadableFileError, FileReadError) as error:
                problems.append(
                    _(
                        "A note draft could not be read and was left in place: {path} ({error})"
                    ).format(path=path, error=error)
                )
        drafts.sort(key=lambda draft: draft.saved)
        return drafts, problems

    def discard(self, pack_id: str, node_id: str, note_id: str | None) -> None:
        """Remove the draft once its note is saved or the user threw it away."""
        self.path_for(pack_id, node_id, note_id).unlink(missing_ok=True)

    def _read(self, data: bytes, path: Path) -> Draft:
        raw = parse(data, self._codec)
        fields = (raw.get("pack"), raw.get("node"), raw.get("note"), raw.get("text"))
        saved = raw.get("saved")
        if not all(isinstance(value, str) for value in fields) or not isinstance(saved, datetime):
            raise UnreadableFileError(_("it is missing a field or has one of the wrong type"))
        pack_id, node_id, note_id, text = (str(value) for value in fields)
        return Draft(pack_id, node_id, note_id or None, text, saved, path)
