"""The reviews and export files, byte for byte, for annotations that reach every branch.

What a user hands over (a review to read or print, a file to import elsewhere) is
compared whole with the files in tests/unit/golden/. After an intended change of the
output, rewrite them with `GPP_TUI_UPDATE_GOLDEN=1 pytest tests/unit/test_exchange_golden.py`
and read the diff.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gpp_tui.content import Library, load_library
from gpp_tui.exchange.export import export
from gpp_tui.exchange.merge import merge
from gpp_tui.exchange.portable import ExportInfo
from gpp_tui.store import edits
from gpp_tui.store.models import Annotations, ReviewStatus

GOLDEN = Path(__file__).parent / "golden"
PACK = "gold"
T0 = datetime(2026, 5, 1, 19, 52, tzinfo=UTC)
GOLD_PACK = """\
schema_version = 1

[pack]
id = "gold"
title = "Golden Principles"
source = "A Test Organisation"
language = "en"
version = "1.0"
source_url = "https://example.org/principles/"
submitted_to = "the Office of a Test Court"
retrieved = 2026-04-30
rights = "Quoted for testing."
note = "An unofficial test pack."

[[areas]]
id = "P"
title = "Prevention"
summary = "Acting early."

[[areas.recommendations]]
id = "P.1"
title = "First Principle"
summary = "Recognize what overlaps."
context = "Added context, in the pack authors' words."
tags = ["overlap"]
related = ["P.2"]

[[areas.recommendations.references]]
label = "Statute art. 7"
note = "What it says."
verified = true

[[areas.recommendations.references]]
label = "A report"
verified = false

[[areas.recommendations]]
id = "P.2"
title = "Second Principle"
summary = "Keep witnesses safe & heard."

[[areas]]
id = "Q"
title = "Recovery"
summary = "After the harm."

[[areas.recommendations]]
id = "Q.1"
title = "Third Principle"
summary = "Repair it."
"""
EXTRA_PACK = """\
schema_version = 1

[pack]
id = "extra"
title = "Extra pack"
source = "Test source"
version = "2"

[[areas]]
id = "X"
title = "Extra area"

[[areas.recommendations]]
id = "X.1"
title = "Extra recommendation"
summary = "An extra summary."
"""


@pytest.fixture(scope="module")
def one_pack(tmp_path_factory: pytest.TempPathFactory) -> Library:
    path = tmp_path_factory.mktemp("pack") / "gold.toml"
    path.write_text(GOLD_PACK, encoding="utf-8")
    return load_library(path, include_bundled=False)


@pytest.fixture(scope="module")
def two_packs(tmp_path_factory: pytest.TempPathFactory) -> Library:
    folder = tmp_path_factory.mktemp("packs")
    (folder / "gold.toml").write_text(GOLD_PACK, encoding="utf-8")
    (folder / "extra.toml").write_text(EXTRA_PACK, encoding="utf-8")
    return load_library(folder, include_bundled=False)


def _annotations() -> Annotations:
    later = T0 + timedelta(hours=2)
    a = edits.set_status(Annotations(), PACK, "P.2", ReviewStatus.FOLLOW_UP, now=T0)
    a = edits.set_bookmark(a, PACK, "P.2", "ask counsel <first>", now=T0)
    a, first = edits.add_note(
        a,
        PACK,
        "P.2",
        "first & <b>bold</b>\nsecond line",
        tags=("witness", "Goma"),
        author="Amina",
        node_text="an older text",
        now=T0,
    )
    a, _ = edits.add_note(a, PACK, "P.2", "no author here", now=T0 + timedelta(minutes=1))
    a, _ = edits.edit_note(a, PACK, "P.2", first.id, text="first, edited & <b>bold</b>", now=later)
    a = edits.set_status(a, PACK, "P.1", ReviewStatus.REVIEWED, now=T0)
    a = edits.set_bookmark(a, PACK, "Q.1", now=T0)
    a, base = edits.add_note(a, PACK, "Q.1", "شاهد في غوما", author="Layla", now=T0)
    mine, _ = edits.edit_note(a, PACK, "Q.1", base.id, text="mine: شاهد", now=later)
    theirs, _ = edits.edit_note(a, PACK, "Q.1", base.id, text="theirs: témoin", now=later)
    a = merge(mine, theirs).annotations  # a conflict copy on D.3
    a, _ = edits.add_note(a, "extra", "X.1", "on the extra pack", author="Amina", now=T0)
    a, _ = edits.add_note(a, "unloaded-pack", "Q.1", "kept for later", now=T0)
    a, _ = edits.add_note(a, PACK, "P.9", "on a node the pack lost", now=T0)
    return a


CASES = {
    "one-pack-all.md": ("one", "md", None, "Amina K."),
    "one-pack-all.html": ("one", "html", None, "Amina K."),
    "one-pack-notes.md": ("one", "md", "notes", ""),
    "one-pack-follow-up.html": ("one", "html", "follow-up", ""),
    "two-packs-all.md": ("two", "md", None, "Amina K."),
    "two-packs-all.html": ("two", "html", None, "Amina K."),
    "two-packs-bookmarked.html": ("two", "html", "bookmarked", ""),
    "two-packs-all.json": ("two", "json", None, "Amina K."),
    "two-packs-all.toml": ("two", "toml", None, "Amina K."),
    "empty.md": ("one", "md", None, ""),
    "empty.html": ("one", "html", None, ""),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_export_is_exactly_the_golden_file(
    name: str, one_pack: Library, two_packs: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = iter(f"note-{number}" for number in range(1, 100))
    monkeypatch.setattr("gpp_tui.store.models.uuid4", lambda: next(ids))
    monkeypatch.setattr("gpp_tui.__version__", "0.0.test")
    monkeypatch.setattr("gpp_tui.exchange.portable.__version__", "0.0.test")
    which, fmt, only, author = CASES[name]
    library = one_pack if which == "one" else two_packs
    annotations = Annotations() if name.startswith("empty") else _annotations()
    text = export(library, annotations, fmt, only, ExportInfo(author, T0, UTC))
    golden = GOLDEN / name
    if os.environ.get("GPP_TUI_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


DOCX_CASES = {
    "one-pack-all.docx.xml": ("one", None, "Amina K."),
    "two-packs-notes.docx.xml": ("two", "notes", ""),
    "empty.docx.xml": ("one", None, ""),
}


@pytest.mark.parametrize("name", sorted(DOCX_CASES))
def test_the_word_review_is_exactly_the_golden_document(
    name: str, one_pack: Library, two_packs: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The document's text, styles, bold and italic runs, tables and right-to-left marks."""
    import io

    import docx

    from gpp_tui.exchange.export import render

    ids = iter(f"note-{number}" for number in range(1, 100))
    monkeypatch.setattr("gpp_tui.store.models.uuid4", lambda: next(ids))
    which, only, author = DOCX_CASES[name]
    library = one_pack if which == "one" else two_packs
    annotations = Annotations() if name.startswith("empty") else _annotations()
    data = render(library, annotations, "docx", only, ExportInfo(author, T0, UTC))
    document = docx.Document(io.BytesIO(data))
    properties = document.core_properties
    text = f"title: {properties.title}\nauthor: {properties.author}\n{document.element.body.xml}"
    golden = GOLDEN / name
    if os.environ.get("GPP_TUI_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
