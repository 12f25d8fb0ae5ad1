"""Bad files are refused with one clear line, and the user's annotations stay byte for byte."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gpp_tui.cli import main
from gpp_tui.content import Library, load_library
from gpp_tui.exchange.export import export
from gpp_tui.exchange.io import (
    ExportTooLargeError,
    ImportRefusedError,
    IncompleteExportError,
    NewerExportError,
    NotAnExportError,
    OtherPackError,
    read_export,
)
from gpp_tui.exchange.portable import ExportInfo
from gpp_tui.store import edits
from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.models import SCHEMA_VERSION, Annotations

PACK = "wigj-gpp"
T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
EXTRA_PACK = """\
schema_version = 1

[pack]
id = "extra"
title = "Extra pack"
source = "Test source"

[[areas]]
id = "X"
title = "Extra area"

[[areas.recommendations]]
id = "X.1"
title = "Extra recommendation"
summary = "An extra summary."
"""


def sample(pack_id: str = PACK) -> Annotations:
    a, _ = edits.add_note(Annotations(), pack_id, "B.2", "a colleague's note", now=T0)
    a, _ = edits.add_note(a, pack_id, "A.1", "another\r\nnote", tags=["t"], now=T0)
    return edits.set_bookmark(a, pack_id, "A.1", "label", now=T0)


def exported(
    fmt: str, annotations: Annotations | None = None, library: Library | None = None
) -> str:
    library = library or load_library()
    return export(library, annotations or sample(), fmt, info=ExportInfo(generated_at=T0))


def _write(name: str, content: str | bytes) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return build


def _other_pack(folder: Path) -> Path:
    pack = folder / "extra.toml"
    pack.write_text(EXTRA_PACK)
    extra_only = load_library(pack, include_bundled=False)
    return _write("extra.json", exported("json", sample("extra"), extra_only))(folder)


def _sparse(folder: Path) -> Path:
    path = folder / "huge.toml"
    with path.open("wb") as file:
        file.truncate(50_000_000)  # 50 MB on paper, nothing written to disk
    return path


def _store_file(folder: Path) -> Path:
    with AnnotationStore(folder / "theirs") as store, store.update() as editor:
        editor.annotations = sample()
    return folder / "theirs" / "annotations.toml"


def _half(fmt: str) -> Callable[[Path], Path]:
    text = exported(fmt)
    return _write(f"half.{fmt}", text[: len(text) // 2])


BAD_FILES: dict[str, tuple[Callable[[Path], Path], type[ImportRefusedError], str]] = {
    "markdown-review": (
        _write("review.md", exported("md")),
        NotAnExportError,
        "it is not a gpp-tui export (not JSON or TOML",
    ),
    "plain-json": (_write("x.json", '{"a": 1}'), NotAnExportError, "it is not a gpp-tui export"),
    "json-array": (_write("x.json", "[1, 2]"), NotAnExportError, "it is not a gpp-tui export"),
    "annotations-file": (_store_file, NotAnExportError, "it looks like an annotations.toml"),
    "other-pack": (
        _other_pack,
        OtherPackError,
        "pack 'extra' (Extra pack), which is not loaded here (loaded: 'wigj-gpp')",
    ),
    "newer-schema": (
        _write(
            "new.toml",
            exported("toml").replace(f"schema_version = {SCHEMA_VERSION}", "schema_version = 7"),
        ),
        NewerExportError,
        "it was made by a newer gpp-tui "
        f"(schema_version 7; this version reads up to {SCHEMA_VERSION})",
    ),
    "too-big": (_sparse, ExportTooLargeError, "it is 50.0 MB; an export is at most 20.0 MB"),
    "truncated-toml": (_half("toml"), IncompleteExportError, "cut short"),
    "truncated-json": (_half("json"), IncompleteExportError, "cut short"),
    "binary-junk": (_write("junk.toml", bytes(range(256)) * 64), NotAnExportError, "not UTF-8"),
    "empty": (_write("empty.json", " \n"), NotAnExportError, "it is empty"),
    "wrong-type": (
        _write("bad.json", exported("json").replace('"label": "label"', '"label": 3')),
        NotAnExportError,
        "wrong type at packs.wigj-gpp.A.1.bookmark.label",
    ),
    "folder": (lambda folder: folder, ImportRefusedError, "it is a folder"),
    "missing": (lambda folder: folder / "nowhere.json", ImportRefusedError, "no such file"),
}


@pytest.fixture(params=sorted(BAD_FILES))
def bad_file(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, type, str]:
    build, error, message = BAD_FILES[request.param]
    folder = tmp_path / "files"
    folder.mkdir()
    return build(folder), error, message


def test_a_bad_file_is_refused_with_its_reason(bad_file: tuple[Path, type, str]) -> None:
    path, error, message = bad_file

    with pytest.raises(error) as raised:
        read_export(path, load_library())

    assert str(raised.value) == f"cannot import {path}: {raised.value.reason}"
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_bad_file_leaves_the_annotations_untouched(
    bad_file: tuple[Path, type, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, _, message = bad_file
    data = tmp_path / "mine"
    with AnnotationStore(data) as store, store.update() as editor:
        editor.annotations = edits.add_note(Annotations(), PACK, "C.1", "mine", now=T0)[0]
    before = sorted((p.name, p.read_bytes()) for p in data.iterdir())

    status = main(["--data-dir", str(data), "import", str(path)])

    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert err.startswith(f"gpp: cannot import {path}: ") and err.count("\n") == 1
    assert message in err
    assert sorted((p.name, p.read_bytes()) for p in data.iterdir()) == before


def test_every_cut_of_an_export_is_refused(tmp_path: Path) -> None:
    library = load_library()
    for fmt in ("toml", "json"):
        text = exported(fmt)
        path = tmp_path / f"cut.{fmt}"
        cuts = {i for i, char in enumerate(text) if char == "\n"} | set(range(1, len(text), 7))
        for cut in sorted(cuts):
            if not text[cut:].strip():
                continue
            path.write_text(text[:cut])
            with pytest.raises(ImportRefusedError):
                read_export(path, library)


def test_a_byte_order_mark_and_an_extra_unloaded_pack_are_accepted(tmp_path: Path) -> None:
    both = Annotations(packs={**sample().packs, **sample("extra").packs})
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + exported("json", both).encode())

    incoming = read_export(path, load_library())

    assert incoming.annotations == both
    assert json.loads(path.read_bytes()[3:])["totals"] == {"nodes": 4, "notes": 4}
