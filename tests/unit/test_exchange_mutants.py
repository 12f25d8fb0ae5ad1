"""Import refusals word for word, which mutation testing found unchecked."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gpp_tui.content import Library, load_library
from gpp_tui.exchange.export import export
from gpp_tui.exchange.io import IncompleteExportError, NotAnExportError, read_export
from gpp_tui.exchange.portable import ExportInfo
from gpp_tui.store import edits
from gpp_tui.store.models import Annotations

T0 = datetime(2026, 5, 1, 19, 52, tzinfo=UTC)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def test_garbage_is_refused_in_one_line_naming_the_parser_error(
    tmp_path: Path, library: Library
) -> None:
    path = tmp_path / "garbage.toml"
    path.write_text("not an export at all", encoding="utf-8")
    with pytest.raises(NotAnExportError) as caught:
        read_export(path, library)
    assert str(caught.value) == (
        f"cannot import {path}: it is not a gpp-tui export (not JSON or TOML: "
        "Expected '=' after a key in a key/value pair (at line 1, column 5))"
    )
    assert caught.value.path == path


def test_an_export_without_its_totals_is_said_cut_short(tmp_path: Path, library: Library) -> None:
    notes, _ = edits.add_note(Annotations(), "wigj-gpp", "B.2", "a note", now=T0)
    document = json.loads(export(library, notes, "json", info=ExportInfo("", T0, UTC)))
    del document["totals"]
    path = tmp_path / "cut.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(IncompleteExportError) as caught:
        read_export(path, library)
    assert str(caught.value) == f"cannot import {path}: it is incomplete: the file was cut short"
    assert caught.value.path == path
    assert caught.value.reason == "it is incomplete: the file was cut short"


def test_a_file_over_the_limit_gives_its_size_in_megabytes(
    tmp_path: Path, library: Library
) -> None:
    from gpp_tui.exchange.io import ExportTooLargeError

    path = tmp_path / "big.json"
    with path.open("wb") as file:
        file.truncate(1_050_000)
    with pytest.raises(ExportTooLargeError) as caught:
        read_export(path, library, limit=1_000_000)
    assert caught.value.reason == "it is 1.1 MB; an export is at most 1.0 MB"


PUBLISHED_PACK = """\
schema_version = 1

[pack]
id = "pub"
title = "Published Principles"
source = "A Test Organisation"
source_url = "https://example.org/p/"
submitted_to = "a Test Court"
published = "8 March 2024"
retrieved = 2026-04-30

[[areas]]
id = "P"
title = "Prevention"

[[areas.recommendations]]
id = "P.1"
title = "First Principle"
summary = "Recognize what overlaps."
"""


def test_a_citation_gives_the_submission_and_the_publication_date(tmp_path: Path) -> None:
    from gpp_tui.exchange.cite import citation
    from gpp_tui.exchange.provenance import provenance_json

    path = tmp_path / "pub.toml"
    path.write_text(PUBLISHED_PACK, encoding="utf-8")
    library = load_library(path, include_bundled=False)
    (pack,) = library.packs
    node = pack.nodes["P.1"]
    assert citation(library, node, "plain") == (
        'A Test Organisation, "Published Principles", recommendation P.1, "First Principle". '
        "Submitted to a Test Court, 8 March 2024. "
        "Available at https://example.org/p/ (accessed 30 April 2026)."
    )
    assert citation(library, node, "oscola") == (
        "A Test Organisation, 'Published Principles' (submission to a Test Court, 8 March 2024) "
        "recommendation P.1, 'First Principle' <https://example.org/p/> accessed 30 April 2026."
    )
    assert provenance_json(pack.pack) == {
        "source": "A Test Organisation",
        "source_url": "https://example.org/p/",
        "published": "8 March 2024",
        "submitted_to": "a Test Court",
        "retrieved": "2026-04-30",
    }


def test_an_import_says_where_it_comes_from_and_each_kind_of_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from gpp_tui.exchange.io import describe_import
    from gpp_tui.exchange.merge import Change, ChangeKind, MergeReport, MergeResult
    from gpp_tui.exchange.portable import ExportFile, PackVersion

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "pub.toml").write_text(PUBLISHED_PACK, encoding="utf-8")
    (folder / "other.toml").write_text(
        PUBLISHED_PACK.replace('id = "pub"', 'id = "other"\nversion = "3"'), encoding="utf-8"
    )
    library = load_library(folder, include_bundled=False)
    incoming_notes, _ = edits.add_note(Annotations(), "pub", "P.1", "one", now=T0)
    incoming_notes, _ = edits.add_note(incoming_notes, "gone-pack", "Z.1", "two", now=T0)
    incoming = ExportFile(
        annotations=incoming_notes,
        exported_from={"other": PackVersion("Other", "2"), "pub": PackVersion("Pub", "")},
        exported=T0,
        author="Ana",
    )
    changes = tuple(
        Change(kind, "pub", "P.1", item, detail)
        for kind, item, detail in (
            (ChangeKind.ADDED, "note", "“one”"),
            (ChangeKind.UPDATED, "status", "unreviewed → reviewed"),
            (ChangeKind.CONFLICT, "note", "“mine”, a version of note n1"),
            (ChangeKind.DELETED, "note", "“old”"),
            (ChangeKind.RESOLVED, "note", "“copy”"),
            (ChangeKind.ADDED, "bookmark", ""),
        )
    )
    result = MergeResult(Annotations(), MergeReport(changes, unchanged=4), changed=True)
    lines = describe_import(library, incoming, result)
    monkeypatch.undo()
    time.tzset()
    assert lines == [
        "Importing 2 notes exported on 2026-05-01 19:52 UTC by Ana.",
        "It was made with version 2 of pack other; you have 3. Notes on changed text are flagged.",
        "Annotations on pack 'gone-pack', which is not loaded, are kept too.",
        "  added note on pub/P.1: “one”",
        "  updated status on pub/P.1: unreviewed → reviewed",
        "  kept both versions of note on pub/P.1: “mine”, a version of note n1",
        "  deleted note on pub/P.1, deleted on the other side: “old”",
        "  removed a conflict copy on pub/P.1, replaced by a later version: “copy”",
        "  added bookmark on pub/P.1",
        "2 added, 1 updated, 1 deleted, 1 settled conflicts removed, "
        "1 kept as conflict copies, 4 unchanged.",
    ]
