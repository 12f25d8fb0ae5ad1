"""Pilot tests: export (x), import a colleague's notes (I) and citation to the clipboard (c)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from textual.widgets import Input, OptionList, Static, TextArea

from gpp_tui.content import Library
from gpp_tui.exchange.export import export
from gpp_tui.store import edits
from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.crypto import encrypt_folder
from gpp_tui.store.models import Annotations
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens.choice import ChoiceScreen
from gpp_tui.ui.screens.citation import CitationScreen
from gpp_tui.ui.screens.confirm import ConfirmScreen
from gpp_tui.ui.screens.prompt import PromptScreen

from .conftest import detail_text, screen_text
from .test_annotations import PACK, go, ready, saved, visible_labels
from .test_search import results

MakeApp = Callable[..., GppApp]


async def test_export_html_from_the_app_holds_the_note(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    target = tmp_path / "out" / "review.html"
    target.parent.mkdir()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "B.2")
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("Witness <b>safety</b> plan & العربية")
        await pilot.press("ctrl+s")
        await saved(pilot)
        await pilot.press("x")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")  # HTML, the first choice
        assert isinstance(app.screen, ChoiceScreen)  # which parts: everything first
        await pilot.press("enter")
        assert isinstance(app.screen, PromptScreen)
        field = app.screen.query_one(Input)
        assert field.value.endswith(".html")  # a sensible default is offered
        field.value = str(target)
        await pilot.press("enter")
        await saved(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert f"Written to {target}" in messages
    html = target.read_text(encoding="utf-8")
    assert "Witness &lt;b&gt;safety&lt;/b&gt; plan &amp; العربية" in html
    assert "<script" not in html


async def test_export_warns_that_it_is_plain_text_when_notes_are_encrypted(
    make_app: MakeApp, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    encrypt_folder(folder, "correct horse battery")
    app = make_app()
    target = tmp_path / "plain.md"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"correct horse battery", "enter")
        await ready(pilot)
        await pilot.press("x", "down", "enter", "enter")  # Markdown, everything
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await saved(pilot)
        assert not target.exists()
        await pilot.press("x", "down", "enter", "enter")
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter", "y")
        await saved(pilot)
        assert target.exists()


async def test_c_copies_a_citation(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "B.2")
        await pilot.press("c")
        oscola = app.clipboard
        assert oscola.startswith("Women's Initiatives for Gender Justice, 'Gender Persecution")
        assert "recommendation B.2, 'Anti-Retaliation Safeguards'" in oscola
        # The dialog says it was copied; no toast repeats the citation over it.
        assert not any(oscola in str(n.message) for n in app._notifications)
        assert "Copied to the clipboard" in screen_text(app)
        # Where the terminal ignores OSC 52, the citation is still on screen to select.
        assert isinstance(app.screen, CitationScreen)
        assert str(app.screen.query_one("#citation-text", Static).content) == oscola
        await pilot.press("s")
        assert app.clipboard.endswith("(accessed 28 November 2026).")
        shown = str(app.screen.query_one("#citation-text", Static).content)
        assert shown == app.clipboard
        await pilot.press("escape")
        assert not isinstance(app.screen, CitationScreen)


async def test_x_exports_a_word_document_of_the_follow_ups(
    make_app: MakeApp, tmp_path: Path
) -> None:
    import docx

    app = make_app()
    target = tmp_path / "follow-ups.docx"
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "B.2")
        await pilot.press("3", "n")  # needs follow-up, and a note in Persian
        app.screen.query_one(TextArea).insert("پیگیری با وکیل")
        await pilot.press("ctrl+s")
        await saved(pilot)
        await pilot.press("x", "down", "down")
        assert "Word document" in str(app.screen.query_one(OptionList).highlighted_option.prompt)
        await pilot.press("enter", "end", "enter")  # the follow-up parts only
        field = app.screen.query_one(Input)
        assert field.value.endswith(".docx")
        field.value = str(target)
        await pilot.press("enter")
        await saved(pilot)
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "Showing: parts marked for follow-up only" in texts
    assert "B.2 Anti-Retaliation Safeguards" in texts
    assert "A.1 Intersectional Prevention Strategies" not in texts
    assert "پیگیری با وکیل" in texts


def colleague_export(library: Library, folder: Path) -> Path:
    """Ben's JSON export: a note on D.3, a bookmark on B.2, a note on a node the pack lacks."""
    now = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
    ben, _ = edits.add_note(Annotations(), PACK, "D.3", "Ben: ask about reparations", now=now)
    ben = edits.set_bookmark(ben, PACK, "B.2", "Ben's mark", now=now)
    ben, _ = edits.add_note(ben, PACK, "Z.9", "Ben on a retired node", now=now)
    path = folder / "ben.json"
    path.write_text(export(library, ben, "json"), encoding="utf-8")
    return path


def notes_on_disk(folder: Path) -> Annotations:
    with AnnotationStore(folder) as store:
        return store.annotations


async def import_file(pilot: object, app: GppApp, path: Path) -> None:
    await pilot.press("I")  # type: ignore[attr-defined]
    assert isinstance(app.screen, PromptScreen), [str(n.message) for n in app._notifications]
    field = app.screen.query_one(Input)
    assert field.value.endswith("/")  # starts in a folder, ready for a file name
    field.value = str(path)
    await pilot.press("enter")  # type: ignore[attr-defined]
    await saved(pilot)  # type: ignore[arg-type]


async def test_import_from_the_app_asks_then_merges_and_saves(
    make_app: MakeApp, library: Library, tmp_path: Path
) -> None:
    path = colleague_export(library, tmp_path)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await import_file(pilot, app, path)
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#confirm-question", Static).content)
        assert "added note on D.3" in question
        assert "added bookmark on B.2" in question
        assert "3 added, 0 updated, 0 kept as conflict copies" in question
        await pilot.press("y")
        await saved(pilot)
        await go(pilot, "D.3")
        assert "Ben: ask about reparations" in detail_text(app)
        assert any("Orphaned notes" in label for label in visible_labels(app))
        await pilot.press("slash", *"Ben ask")  # the search index knows the new note
        assert any(line.startswith("note on D.3") for line in await results(pilot))
        await pilot.press("escape")
        messages = [str(n.message) for n in app._notifications]
        assert any(m.startswith("Imported ben.json: 3 added") for m in messages)
        await pilot.press("q")
    on_disk = notes_on_disk(tmp_path / "data")
    assert on_disk.node(PACK, "D.3").notes[0].text == "Ben: ask about reparations"
    assert on_disk.node(PACK, "B.2").bookmark is not None
    assert on_disk.node(PACK, "Z.9").notes[0].text == "Ben on a retired node"

    app = make_app()  # the same file a second time: nothing to do, nothing asked
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await import_file(pilot, app, path)
        assert not isinstance(app.screen, ConfirmScreen)
        messages = [str(n.message) for n in app._notifications]
        assert any("Nothing to import from ben.json" in m for m in messages)
        await pilot.press("q")
    assert notes_on_disk(tmp_path / "data") == on_disk


async def test_import_cancelled_or_refused_changes_nothing(
    make_app: MakeApp, library: Library, tmp_path: Path
) -> None:
    path = colleague_export(library, tmp_path)
    junk = tmp_path / "junk.json"
    junk.write_text('{"hello": "world"}', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "A.1")
        await pilot.press("b")
        await saved(pilot)
        before = (tmp_path / "data" / "annotations.toml").read_bytes()
        await import_file(pilot, app, path)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await saved(pilot)
        await import_file(pilot, app, junk)
        assert not isinstance(app.screen, ConfirmScreen)
        messages = [str(n.message) for n in app._notifications]
        assert f"cannot import {junk}: it is not a gpp-tui export" in "\n".join(messages)
        await go(pilot, "D.3")
        assert "Ben" not in detail_text(app)
        await pilot.press("q")
    assert (tmp_path / "data" / "annotations.toml").read_bytes() == before


async def test_a_note_deleted_in_the_app_does_not_come_back_from_an_old_export(
    make_app: MakeApp, library: Library, tmp_path: Path
) -> None:
    path = colleague_export(library, tmp_path)  # Ben's note on D.3, among others
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await import_file(pilot, app, path)
        await pilot.press("y")
        await saved(pilot)
        await go(pilot, "D.3")
        while app.focused is not None and app.focused.id != "notes":
            await pilot.press("tab")
        await pilot.press("d", "y")  # delete Ben's note
        await saved(pilot)
        assert "Ben: ask about reparations" not in detail_text(app)
        await import_file(pilot, app, path)  # the same file again
        messages = [str(n.message) for n in app._notifications]
        assert any("Nothing to import from ben.json" in m for m in messages)
        assert "Ben: ask about reparations" not in detail_text(app)
        await pilot.press("q")
