"""Exports: the review a person reads (Markdown, HTML) and the files that import back."""

from __future__ import annotations

import html
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gpp_tui.content import Library, load_library
from gpp_tui.exchange.export import ExportFormat, export
from gpp_tui.exchange.io import read_export
from gpp_tui.exchange.merge import merge
from gpp_tui.exchange.portable import FORMAT, ExportInfo
from gpp_tui.store import edits
from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.models import (
    SCHEMA_VERSION,
    Annotations,
    Bookmark,
    NodeAnnotations,
    Note,
    ReviewStatus,
)

PACK = "wigj-gpp"
T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
INFO = ExportInfo(author="Alice", generated_at=T0, timezone=timezone(timedelta(hours=2)))
URL = "https://4genderjustice.org/gender-persecution-principles/"
HOSTILE = "<script>alert('x')</script> & \"quoted\" [b]bold[/b] *star* # hash"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def reviewed(library: Library) -> Annotations:
    """A small review: statuses, a labelled bookmark, notes (one hostile), an orphan."""
    a = edits.set_status(Annotations(), PACK, "A.1", ReviewStatus.REVIEWED, now=T0)
    a = edits.set_status(a, PACK, "B.2", ReviewStatus.FOLLOW_UP, now=T0)
    a = edits.set_bookmark(a, PACK, "B.2", "ask <counsel>", now=T0)
    a, _ = edits.add_note(a, PACK, "B.2", HOSTILE, tags=["urgent"], author="Alice", now=T0)
    a, _ = edits.add_note(
        a, PACK, "A.1", "line one\r\nline two", author="Bob", node_text="older text", now=T0
    )
    a, _ = edits.add_note(a, PACK, "understanding", "on the background", now=T0)
    a, _ = edits.add_note(a, PACK, "Z.9", "on a recommendation since removed", now=T0)
    return a


def test_markdown_review_has_who_when_progress_and_every_note(library: Library) -> None:
    text = export(library, reviewed(library), "md", info=INFO)

    assert text.startswith("# Gender Persecution Principles: annotated review\n")
    assert "- **Reviewer:** Alice\n" in text
    assert "- **Generated:** 2026-05-01 14:00 UTC+02:00\n" in text
    assert "**Overall:** Reviewed 1 of 11 · 1 needs follow-up" in text
    assert "| B Protection | Reviewed 0 of 3 · 1 needs follow-up |" in text
    assert "### B.2 Anti-Retaliation Safeguards\n\n> Ensure survivors' safety" in text
    assert "safety during justice processes.\n\n*— Women's Initiatives for Gender Justice*" in text
    assert "- Status: needs follow-up (2026-05-01 14:00 UTC+02:00)" in text
    assert "- Bookmarked: “ask \\<counsel\\>”" in text
    assert "> \\<script\\>alert('x')\\</script\\> & \"quoted\" \\[b\\]bold" in text
    assert "tags: urgent" in text
    assert "  > line one  \n  > line two\n" in text
    assert "⚠ The source text has changed since this note was written." in text
    orphans = text.split("## Orphaned annotations")[1]
    assert "### Z.9" in orphans and "since removed" in orphans
    assert "on the background" in text.split("## Background")[1]


def test_every_recommendation_is_listed_unless_filtered(library: Library) -> None:
    everything = export(library, reviewed(library), "md", info=INFO)
    follow_up = export(library, reviewed(library), "md", "follow-up", info=INFO)

    assert everything.count("\n### ") == 11 + 2  # recommendations, the section, the orphan
    assert re.findall(r"^### .*", follow_up, re.MULTILINE) == [
        "### B.2 Anti-Retaliation Safeguards"
    ]
    assert "- **Showing:** parts marked for follow-up only" in follow_up


def test_html_is_self_contained_escaped_and_holds_every_note(library: Library) -> None:
    annotations = reviewed(library)

    page = export(library, annotations, "html", info=INFO)

    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page
    # No external references: links only within the page, the source's address as text.
    assert not re.search(r'src=|href="(?!#)|@import|url\(', page)
    assert not re.search(r"https?:", page.replace(URL, ""))
    assert "@media print" in page
    for pack_nodes in annotations.packs.values():
        for node in pack_nodes.values():
            for note in node.notes:
                assert f'<div class="note-text" dir="auto">{html.escape(note.text)}</div>' in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert 'Bookmarked: “<span dir="auto">ask &lt;counsel&gt;</span>”' in page
    assert "Orphaned annotations" in page


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_raw_exports_name_the_format_pack_and_version(library: Library, fmt: str) -> None:
    text = export(library, reviewed(library), fmt, info=INFO)

    if fmt == "json":
        data = json.loads(text)
        assert data["format"] == FORMAT and data["schema_version"] == SCHEMA_VERSION
        assert data["exported_from"] == {
            PACK: {"title": "Gender Persecution Principles", "version": "2026.1"}
        }
        assert data["totals"] == {"nodes": 4, "notes": 4}
    else:
        assert text.startswith(f'format = "{FORMAT}"\nexported = 2026-05-01T12:00:00Z\n')
        assert '[exported_from.wigj-gpp]\ntitle = "Gender Persecution Principles"' in text
        assert text.endswith("[totals]\nnodes = 4\nnotes = 4\n")


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_only_bookmarked_exports_just_those_nodes(
    library: Library, fmt: str, tmp_path: Path
) -> None:
    path = tmp_path / f"marks.{fmt}"
    path.write_text(export(library, reviewed(library), fmt, "bookmarked", INFO))

    assert list(read_export(path, library).annotations.packs[PACK]) == ["B.2"]


def test_format_from_a_file_name() -> None:
    assert ExportFormat.from_path(Path("review.HTM")) is ExportFormat.HTML
    assert ExportFormat.from_path(Path("notes.markdown")) is ExportFormat.MD
    assert ExportFormat.from_path(Path("notes.txt")) is None


awkward = st.sampled_from(["\r\n", "\r", "\x00", "\x7f", "'''", '"""', "\\", "\u202e", "🙂", "دری"])
texts = st.lists(st.text(max_size=8) | awkward, max_size=6).map("".join)
moments = st.datetimes(
    min_value=datetime(1970, 1, 2), max_value=datetime(9998, 12, 31), timezones=st.just(UTC)
)
notes = st.builds(
    Note,
    text=texts,
    tags=st.lists(texts, max_size=2).map(tuple),
    created=moments,
    updated=moments,
    author=texts,
    text_hash=st.sampled_from(["", "0123456789abcdef"]),
    conflict_of=st.sampled_from(["", "n1"]),
    supersedes=st.sampled_from([(), ("0123456789abcdef",)]),
)


@st.composite
def nodes(draw: st.DrawFn) -> NodeAnnotations:
    node = NodeAnnotations(
        status=draw(st.sampled_from(list(ReviewStatus))),
        status_changed=draw(st.none() | moments),
        bookmark=draw(st.none() | st.builds(Bookmark, label=texts, created=moments)),
        notes=tuple(draw(st.lists(notes, max_size=3))),
    )
    return node if not node.is_empty else node.model_copy(update={"notes": (draw(notes),)})


node_ids = st.sampled_from(["A.1", "B.2", ":pack", "term:asylum", "gone"]) | texts.filter(bool)
annotation_sets = st.builds(
    Annotations,
    packs=st.fixed_dictionaries(
        {PACK: st.dictionaries(node_ids, nodes(), min_size=1, max_size=3)},
        optional={"other": st.dictionaries(node_ids, nodes(), min_size=1, max_size=2)},
    ),
)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(annotation_sets, st.sampled_from(["json", "toml"]))
def test_export_then_import_into_an_empty_store_gives_the_same_annotations(
    tmp_path_factory: pytest.TempPathFactory, value: Annotations, fmt: str
) -> None:
    library = load_library()
    folder = tmp_path_factory.mktemp("exchange")
    path = folder / f"export.{fmt}"
    path.write_bytes(export(library, value, fmt, info=INFO).encode("utf-8"))

    incoming = read_export(path, library)
    assert incoming.annotations == value
    with AnnotationStore(folder / "data") as store, store.update() as editor:
        editor.annotations = merge(editor.annotations, incoming.annotations).annotations
    with AnnotationStore(folder / "data") as again:
        assert again.annotations == value


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_review_leaves_out_nodes_that_only_remember_deletions(library: Library, fmt: str) -> None:
    annotations, note = edits.add_note(Annotations(), "other-pack", "X.1", "gone", now=T0)
    annotations = edits.delete_note(annotations, "other-pack", "X.1", note.id)
    term = "term:gender-apartheid"
    annotations, term_note = edits.add_note(annotations, PACK, term, "gone", now=T0)
    annotations = edits.delete_note(annotations, PACK, term, term_note.id)

    text = export(library, annotations, fmt, info=INFO)
    assert "other-pack" not in text
    assert "X.1" not in text
    assert "apartheid" not in text.lower()
