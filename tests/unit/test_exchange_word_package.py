"""A Word export says it is this review, made now by this user with gpp-tui: no template."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime, timedelta, timezone

import docx
import pytest

from gpp_tui.content import Library, load_library
from gpp_tui.exchange.export import render
from gpp_tui.exchange.portable import ExportInfo
from gpp_tui.store import edits
from gpp_tui.store.models import Annotations

KABUL = timezone(timedelta(hours=4, minutes=30))
MOMENT = datetime(2026, 12, 2, 9, 15, 42, tzinfo=KABUL)
"""04:45:42 UTC."""


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def word(library: Library, author: str) -> bytes:
    notes, _ = edits.add_note(Annotations(), "wigj-gpp", "B.2", "Ask counsel", author="Ben")
    return render(library, notes, "docx", info=ExportInfo(author, MOMENT, KABUL))


def test_core_properties_are_this_export(library: Library) -> None:
    properties = docx.Document(io.BytesIO(word(library, "Amina K."))).core_properties
    assert properties.title == "Gender Persecution Principles: annotated review"
    assert (properties.author, properties.last_modified_by) == ("Amina K.", "Amina K.")
    expected = datetime(2026, 12, 2, 4, 45, 42, tzinfo=UTC)  # the export time in UTC
    assert (properties.created, properties.modified) == (expected, expected)
    assert properties.comments == "" and properties.revision == 1
    core = zipfile.ZipFile(io.BytesIO(word(library, "Amina K."))).read("docProps/core.xml")
    assert b"python-docx" not in core and b"2013" not in core
    assert b"2026-12-02T04:45:42Z" in core


def test_no_name_set_leaves_no_name_of_the_template(library: Library) -> None:
    properties = docx.Document(io.BytesIO(word(library, ""))).core_properties
    assert properties.author == "Ben"  # the reviewer the document names: the notes' author
    assert properties.last_modified_by == ""


def test_gpp_tui_is_the_application_and_the_template_thumbnail_is_gone(library: Library) -> None:
    data = word(library, "Amina K.")
    package = zipfile.ZipFile(io.BytesIO(data))
    names = package.namelist()
    assert not [name for name in names if "thumbnail" in name]
    assert b"thumbnail" not in package.read("_rels/.rels")
    assert b"jpeg" not in package.read("[Content_Types].xml")
    app = package.read("docProps/app.xml")
    assert b"<Application>gpp-tui</Application>" in app
    assert b"Microsoft" not in app and b"Normal.dotm" not in app
    assert b"docProps/app.xml" in package.read("_rels/.rels")
    assert names.count("docProps/app.xml") == 1
    assert docx.Document(io.BytesIO(data)).paragraphs  # python-docx still opens it


def test_a_very_long_reviewer_list_still_exports(library: Library) -> None:
    many = ", ".join(f"Reviewer number {n}" for n in range(40))
    properties = docx.Document(io.BytesIO(word(library, many))).core_properties
    assert len(properties.author) <= 255 and properties.author.startswith("Reviewer number 0")
