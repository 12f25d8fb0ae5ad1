"""The byte path of annotations: model → dict → TOML text → bytes (through a codec) and back.

`ByteCodec` is the one seam where a later encrypted-at-rest mode wraps the bytes;
nothing above it knows what happens to them.
"""

from __future__ import annotations

import hashlib
import threading
import tomllib
from typing import Any, Protocol

from pydantic import ValidationError

from gpp_tui.filereader import ParseError, loads_toml
from gpp_tui.i18n import _
from gpp_tui.store.crypto import AGE_HEADER
from gpp_tui.store.errors import EncryptedFileError, SaveError, UnreadableFileError
from gpp_tui.store.migrations import RawDict, migrate
from gpp_tui.store.models import Annotations, NodeAnnotations, Note, ReviewStatus
from gpp_tui.store.tomltext import dumps


class ByteCodec(Protocol):
    """Turns file bytes into stored bytes and back (identity now; encryption later)."""

    def encode(self, data: bytes) -> bytes:
        """The bytes to put on disk for `data`."""
        ...

    def decode(self, data: bytes) -> bytes:
        """The original bytes for what was read from disk."""
        ...


class PlainCodec:
    """Stores the UTF-8 TOML text as is, so a person can open the file in an editor."""

    def encode(self, data: bytes) -> bytes:
        """The bytes unchanged."""
        return data

    def decode(self, data: bytes) -> bytes:
        """The bytes unchanged; an encrypted file is refused, never taken for a damaged one."""
        if data.startswith(AGE_HEADER):
            raise EncryptedFileError(_("it is encrypted: unlock it with your passphrase"))
        return data


PLAIN = PlainCodec()


def note_to_raw(note: Note) -> RawDict:
    """A note as a plain dict; empty optional fields are left out, the text goes last."""
    raw: RawDict = {"id": note.id, "created": note.created, "updated": note.updated}
    if note.author:
        raw["author"] = note.author
    if note.tags:
        raw["tags"] = list(note.tags)
    if note.text_hash:
        raw["text_hash"] = note.text_hash
    if note.conflict_of:
        raw["conflict_of"] = note.conflict_of
    if note.supersedes:
        raw["supersedes"] = list(note.supersedes)
    raw["text"] = note.text
    return raw


def node_head_to_raw(node: NodeAnnotations) -> RawDict:
    """A node's status and bookmark as a plain dict (its notes are written separately)."""
    raw: RawDict = {}
    if node.status is not ReviewStatus.UNREVIEWED or node.status_changed is not None:
        raw["status"] = node.status.value
    if node.status_changed is not None:
        raw["status_changed"] = node.status_changed
    if node.deleted:
        raw["deleted"] = {note_id: list(node.deleted[note_id]) for note_id in sorted(node.deleted)}
    if node.bookmark is not None:
        bookmark: RawDict = {"created": node.bookmark.created}
        if node.bookmark.label:
            bookmark["label"] = node.bookmark.label
        raw["bookmark"] = bookmark
    return raw


def annotations_to_raw(annotations: Annotations) -> RawDict:
    """The whole of the annotations as the plain dict stored in the TOML file."""
    packs: RawDict = {}
    for pack_id, nodes in annotations.packs.items():
        packs[pack_id] = {
            node_id: {**node_head_to_raw(node), "notes": [note_to_raw(n) for n in node.notes]}
            if node.notes
            else node_head_to_raw(node)
            for node_id, node in nodes.items()
        }
    if not packs:
        return {"schema_version": annotations.schema_version}
    return {"schema_version": annotations.schema_version, "packs": packs}


class AnnotationsWriter:
    """Renders annotations to TOML text, each piece checked to parse back to what it holds.

    Models are frozen, so a note's text can be reused while the same note object
    is still there; a save after one edit renders and checks only what changed.
    Not thread-safe: the store calls it under its save lock.
    """

    def __init__(self) -> None:
        self._chunks: dict[int, tuple[object, tuple[str, ...], str]] = {}

    def render(self, annotations: Annotations) -> str:
        """The TOML text of the annotations (raises SaveError if a piece would not read back)."""
        previous, self._chunks = self._chunks, {}
        sections = [f"schema_version = {annotations.schema_version}\n"]
        for pack_id, nodes in annotations.packs.items():
            for node_id, node in nodes.items():
                path = ("packs", pack_id, node_id)
                head = self._chunk(previous, node, path, node_head_to_raw)
                if head:
                    sections.append(head)
                sections.extend(self._chunk(previous, n, path, note_to_raw) for n in node.notes)
        return "\n".join(sections)

    def _chunk(
        self,
        previous: dict[int, tuple[object, tuple[str, ...], str]],
        item: Any,
        path: tuple[str, ...],
        to_raw: Any,
    ) -> str:
        cached = previous.get(id(item))
        if cached is not None and cached[0] is item and cached[1] == path:
            self._chunks[id(item)] = cached
            return cached[2]
        raw = to_raw(item)
        if isinstance(item, Note):
            expected: RawDict = {"notes": [raw]}
            text = dumps(expected, path)
        else:
            expected = raw
            text = dumps(raw, path) if raw else ""
        if text:
            _check_reads_back(text, path, expected)
        self._chunks[id(item)] = (item, path, text)
        return text


def _check_reads_back(text: str, path: tuple[str, ...], expected: RawDict) -> None:
    parsed: Any = tomllib.loads(text)
    for key in path:
        parsed = parsed.get(key, {})
    if parsed != expected:
        where = "/".join(path[1:])
        raise SaveError(
            _("not saved: {where} would not read back exactly (a gpp-tui bug)").format(where=where)
        )


def encode(annotations: Annotations, writer: AnnotationsWriter, codec: ByteCodec = PLAIN) -> bytes:
    """The bytes to store for the annotations."""
    return codec.encode(writer.render(annotations).encode("utf-8"))


def parse(data: bytes, codec: ByteCodec = PLAIN) -> RawDict:
    """The raw dict in stored bytes (UnreadableFileError for bad UTF-8 or bad TOML)."""
    return _parse_plain(codec.decode(data))


def _parse_plain(plain: bytes) -> RawDict:
    try:
        text = plain.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnreadableFileError(
            _("it is not valid UTF-8 text (byte {start})").format(start=error.start)
        ) from error
    try:
        return loads_toml(text)
    except ParseError as error:
        raise UnreadableFileError(str(error)) from error


_DECODED: dict[bytes, Annotations] = {}
"""SHA-256 of plain bytes → the annotations `decode` made of them, the last few in this
process: a store opened again on the same bytes (a reload, the app's store opened after
a CLI step, a team view built again) skips the TOML parse, most of the cost of opening
it. Decoding is a function of the plain bytes alone and the models are frozen, so every
store can share the result; bytes that differ in any way are parsed."""
_DECODED_MAX = 4
_DECODED_LOCK = threading.Lock()


def decode(data: bytes, codec: ByteCodec = PLAIN) -> Annotations:
    """Annotations from stored bytes: parse, migrate, validate.

    Raises UnreadableFileError (with a reason a person can act on) or NewerSchemaError.
    """
    plain = codec.decode(data)  # decrypted every time: the key is checked every time
    key = hashlib.sha256(plain).digest()
    with _DECODED_LOCK:
        found = _DECODED.get(key)
    if found is not None:
        return found
    annotations = validate(migrate(_parse_plain(plain)))
    with _DECODED_LOCK:
        _DECODED.pop(key, None)
        while len(_DECODED) >= _DECODED_MAX:
            del _DECODED[next(iter(_DECODED))]
        _DECODED[key] = annotations
    return annotations


def validate(raw: RawDict) -> Annotations:
    """Annotations from a current-schema raw dict (UnreadableFileError on wrong types)."""
    try:
        return Annotations.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise UnreadableFileError(
            _("it holds a value of the wrong type at {where} ({reason})").format(
                where=where, reason=first["msg"]
            )
        ) from error
