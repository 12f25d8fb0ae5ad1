"""The HTML review is a well-formed document whose labels and values are all there."""

from __future__ import annotations

from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest

from gpp_tui.content import Library, load_library
from gpp_tui.exchange.export import export
from gpp_tui.exchange.portable import ExportInfo
from gpp_tui.store import edits
from gpp_tui.store.models import Annotations, ReviewStatus

PACK = "wigj-gpp"
T0 = datetime(2026, 5, 1, 19, 52, tzinfo=UTC)
VOID = {"meta", "br", "hr", "img", "link", "input"}


class Structure(HTMLParser):
    """Checks that every element is closed in order; collects tags and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.text.append(data.strip())


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def _annotations() -> Annotations:
    a = edits.set_status(Annotations(), PACK, "B.2", ReviewStatus.FOLLOW_UP, now=T0)
    a = edits.set_bookmark(a, PACK, "B.2", "ask counsel", now=T0)
    a, _ = edits.add_note(a, PACK, "B.2", "first", author="Amina", now=T0)
    a, _ = edits.add_note(a, PACK, "B.2", "second", now=T0)
    a, _ = edits.add_note(a, "unloaded-pack", "X.1", "kept for later", now=T0)
    return a


def test_the_html_review_is_well_formed_and_complete(library: Library) -> None:
    text = export(library, _annotations(), "html", info=ExportInfo("Amina K.", T0, UTC))
    assert text.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in text
    assert text.endswith("</body>\n</html>\n")
    parsed = Structure()
    parsed.feed(text)
    parsed.close()
    assert parsed.open == []
    assert parsed.tags[:5] == ["html", "head", "meta", "meta", "title"]
    assert "body" in parsed.tags and "h1" in parsed.tags
    assert (
        '<li><a href="#node-B.2">B.2 Anti-Retaliation Safeguards</a> · marked 2026-05-01 '
        '19:52 UTC · bookmarked “<span dir="auto">ask counsel</span>” · 2 notes</li>'
    ) in text.splitlines()
    assert '<dt>Reviewer</dt><dd dir="auto">Amina K.</dd>' in text.splitlines()
    words = "\n".join(parsed.text)
    for expected in (
        "Reviewer",
        "Amina K.",
        "Generated",
        "Needs follow-up",
        "B.2 Anti-Retaliation Safeguards",
        "Annotations on packs that are not loaded",
        "Pack unloaded-pack",
        "kept for later",
        "(no author)",
    ):
        assert expected in words, expected


def test_with_nothing_to_follow_up_the_review_says_so(library: Library) -> None:
    text = export(library, Annotations(), "html", info=ExportInfo("", T0, UTC))
    parsed = Structure()
    parsed.feed(text)
    assert parsed.open == []
    words = "\n".join(parsed.text)
    assert "Nothing is marked for follow-up." in words
    assert "Reviewer" not in words


def test_a_note_shows_its_author_its_edit_and_a_changed_source(library: Library) -> None:
    a, note = edits.add_note(
        Annotations(), PACK, "B.2", "first words", author="Amina", node_text="old text", now=T0
    )
    a, _ = edits.edit_note(a, PACK, "B.2", note.id, text="better words", now=T0.replace(hour=21))
    text = export(library, a, "html", info=ExportInfo("", T0, UTC))
    parsed = Structure()
    parsed.feed(text)
    assert parsed.open == []
    words = "\n".join(parsed.text)
    assert "Amina" in words and "(no author)" not in words
    assert "edited 2026-05-01 21:52 UTC" in words
    assert "⚠ The source text has changed since this note was written." in words
    assert '<div class="note-text" dir="auto">better words</div>' in text
