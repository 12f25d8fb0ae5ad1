"""Reviews a practitioner hands in: follow-ups first, then progress; Word documents that open."""

from __future__ import annotations

import html
import io
import re
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from gpp_tui.cli import main
from gpp_tui.content import Library, load_library
from gpp_tui.exchange.export import ExportFormat, export, render
from gpp_tui.exchange.portable import ExportInfo
from gpp_tui.exchange.review import local_time
from gpp_tui.store import edits
from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.models import Annotations, ReviewStatus

PACK = "wigj-gpp"
T0 = datetime(2026, 5, 1, 19, 52, tzinfo=UTC)
INFO = ExportInfo(author="Amina K.", generated_at=T0, timezone=UTC)
PERSIAN = "پیگیری با وکیل درباره‌ی شاهد"
WIGJ = "Women's Initiatives for Gender Justice"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def annotated() -> Annotations:
    """A follow-up with a Persian note, a reviewed node and a bookmarked glossary term."""
    a = edits.set_status(Annotations(), PACK, "A.1", ReviewStatus.REVIEWED, now=T0)
    a = edits.set_status(a, PACK, "B.2", ReviewStatus.FOLLOW_UP, now=T0)
    a = edits.set_bookmark(a, PACK, "B.2", "ask counsel", now=T0)
    a, _ = edits.add_note(a, PACK, "B.2", f"{PERSIAN}\nsecond line", author="Amina", now=T0)
    a, _ = edits.add_note(a, PACK, "D.3", "check the judgment\x00 <b>", author="Ben", now=T0)
    return edits.set_bookmark(a, PACK, "term:retaliation", "", now=T0)


def open_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_reviews_open_with_the_follow_ups_then_progress(library: Library, fmt: str) -> None:
    text = export(library, annotated(), fmt, info=INFO)

    follow_ups = text.index("Needs follow-up")
    progress = text.index("Progress")
    first_node = text.index("A.1 Intersectional Prevention Strategies")
    assert follow_ups < progress < first_node
    between = text[follow_ups:progress]
    assert "B.2 Anti-Retaliation Safeguards" in between
    assert "marked 2026-05-01 19:52 UTC" in between
    assert "A.1" not in between


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_title_is_not_repeated(library: Library, fmt: str) -> None:
    text = export(library, annotated(), fmt, info=INFO)

    headings = re.findall(r"^#+ (.*)$|<h\d[^>]*>(.*?)</h\d>", text, re.MULTILINE)
    titles = [a or b for a, b in headings]
    assert titles[0] == "Gender Persecution Principles: annotated review"
    assert "Gender Persecution Principles" not in titles[1:]
    assert "About the source" in titles


def test_times_say_utc_or_the_zone_s_name() -> None:
    assert local_time(T0, UTC) == "2026-05-01 19:52 UTC"
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        paris = zoneinfo.ZoneInfo("Europe/Paris")
        kabul = zoneinfo.ZoneInfo("Asia/Kabul")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no time zone database")
    assert local_time(T0, paris) == "2026-05-01 21:52 CEST"
    assert local_time(T0, kabul) == "2026-05-02 00:22 UTC+04:30"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_status_in_words_and_glossary_bookmarks_without_one(library: Library, fmt: str) -> None:
    text = export(library, annotated(), fmt, info=INFO)

    assert "needs follow-up (2026-05-01 19:52 UTC)" in text
    assert "1 needs follow-up" in text
    term = text[text.rindex("Retaliation") :]  # the glossary term, after B.2's title
    assert "Bookmarked" in term
    assert "not reviewed" not in term and "Status" not in term
    assert "Definition added by gpp-tui, not part of the source" in term


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_reviews_name_their_source_and_how_to_cite_it(library: Library, fmt: str) -> None:
    text = html.unescape(export(library, annotated(), fmt, info=INFO))

    assert "https://4genderjustice.org/gender-persecution-principles/" in text
    assert "28 November 2026" in text
    assert "not endorsed by" in text
    assert "Cite as" in text
    assert f"\u2014 {WIGJ}" in text


def test_docx_has_real_headings_quoted_source_and_context(library: Library) -> None:
    document = open_docx(render(library, annotated(), "docx", info=INFO))
    paragraphs = document.paragraphs
    styled = [(p.style.name, p.text) for p in paragraphs]

    assert styled[0] == ("Title", "Gender Persecution Principles: annotated review")
    headings = [text for style, text in styled if style.startswith("Heading")]
    assert headings[:3] == ["Needs follow-up", "Progress", "About the source"]
    assert ("Heading 1", "B Protection") in styled
    assert ("Heading 2", "B.2 Anti-Retaliation Safeguards") in styled
    quote = styled.index(("Quote", "Ensure survivors' safety during justice processes."))
    assert styled[quote + 1] == ("Normal", f"\u2014 {WIGJ}")
    assert paragraphs[quote + 1].runs[0].italic
    assert (
        "Heading 3",
        "Context (added by gpp-tui, not part of the principle)",
    ) in styled[quote:]
    assert any("[to verify]" in text for style, text in styled if style == "List Bullet")
    assert document.core_properties.author == "Amina K."


def test_docx_holds_the_notes_with_author_and_time(library: Library) -> None:
    document = open_docx(render(library, annotated(), "docx", info=INFO))
    texts = [p.text for p in document.paragraphs]

    assert "Notes (1)" in texts
    head = texts.index("Amina · 2026-05-01 19:52 UTC")
    assert texts[head + 1 : head + 3] == [PERSIAN, "second line"]
    assert "check the judgment\\x00 <b>" in texts  # a control character shown, not dropped


def test_docx_lays_out_right_to_left_paragraphs_right_to_left(library: Library) -> None:
    document = open_docx(render(library, annotated(), "docx", info=INFO))
    by_text = {p.text: p for p in document.paragraphs}

    persian = by_text[PERSIAN]
    assert persian._p.pPr is not None
    assert persian._p.pPr.find(qn("w:bidi")) is not None
    assert persian.runs[0].font.rtl is True
    latin = by_text["second line"]
    assert latin._p.pPr is None or latin._p.pPr.find(qn("w:bidi")) is None


def test_docx_follows_the_same_filters(library: Library) -> None:
    document = open_docx(render(library, annotated(), "docx", "follow-up", INFO))
    nodes = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]

    assert nodes == ["B.2 Anti-Retaliation Safeguards"]
    assert "Showing: parts marked for follow-up only" in [p.text for p in document.paragraphs]


def test_docx_is_not_a_text_export(library: Library) -> None:
    assert ExportFormat.from_path(Path("Review.DOCX")) is ExportFormat.DOCX
    with pytest.raises(ValueError, match="not a text format"):
        export(library, annotated(), "docx", info=INFO)


def test_gpp_export_docx_writes_a_document_with_the_notes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with AnnotationStore(tmp_path) as store, store.update() as editor:
        editor.annotations = annotated()
    target = tmp_path / "review.docx"

    status = main(["--data-dir", str(tmp_path), "export", "--format", "docx", "-o", str(target)])

    assert status == 0
    assert capsys.readouterr().err == f"written to {target}\n"
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert PERSIAN in texts
    assert "B.2 Anti-Retaliation Safeguards" in texts


def test_gpp_export_docx_to_the_terminal_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["export", "--format", "docx"])

    err = capsys.readouterr().err
    assert status == 2
    assert err == "gpp: a docx file cannot go to the terminal: add --output review.docx\n"
