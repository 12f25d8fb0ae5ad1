"""Pilot tests: lines wrapped in references, notes and search results keep their hanging indent."""

from __future__ import annotations

import io
from collections.abc import Callable

from rich.console import Console
from rich.text import Text
from textual.widget import Widget
from textual.widgets import Static, TextArea

from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens.search import SearchScreen
from gpp_tui.ui.widgets.detail import DetailPane
from gpp_tui.ui.widgets.hanging import Hanging
from gpp_tui.ui.widgets.notes import NotesList

from .conftest import screen_text
from .test_annotations import go, ready, saved

MakeApp = Callable[..., GppApp]
LONG_NOTE = (
    "The witness asked that her village is not named in anything we file; "
    "check every exhibit and the annex for the name before the deadline."
)


def shown_lines(app: GppApp, widget: Widget) -> list[str]:
    """The lines of `widget` as the terminal shows them (its visible part)."""
    region = widget.region
    lines = screen_text(app).splitlines()
    return [line[region.x : region.right] for line in lines[region.y : region.bottom]]


def start(line: str) -> int:
    return len(line) - len(line.lstrip())


def test_hanging_rows_wrap_under_their_text() -> None:
    console = Console(width=20, file=io.StringIO(), record=True, legacy_windows=False)
    console.print(Hanging([(" * ", Text("a label that is long")), ("   ", "and its note too")]))
    lines = console.export_text().splitlines()
    assert lines == [" * a label that is", "   long", "   and its note too"]
    assert str(Hanging([(" * ", "label"), ("   ", "note")])) == " * label\n   note"


async def test_a_wrapped_note_line_starts_at_the_indent(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "C.2")
        await pilot.press("n")
        app.screen.query_one(TextArea).insert(LONG_NOTE)
        await pilot.press("ctrl+s")
        await saved(pilot)
        await pilot.press("N")
        await pilot.pause(0.2)
        notes = app.main_screen.query_one(NotesList)
        lines = [line.rstrip() for line in shown_lines(app, notes) if line.strip()]
        body = lines[1:]  # under the header line
        assert len(body) >= 3, lines  # the note wraps at 80 columns
        assert "witness" in body[0] and "deadline" in body[-1], lines
        assert {start(line) for line in body} == {start(lines[0]) + 2}, lines


async def test_a_wrapped_reference_note_stays_under_its_label(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "A.1")
        pane = app.main_screen.query_one(DetailPane)
        references = pane.query_one("#detail-references", Static)
        pane.scroll_to_widget(references, animate=False, top=True)
        await pilot.pause(0.2)
        lines = [line.rstrip() for line in shown_lines(app, references) if line.strip()]
        assert lines[0].strip() == "References", lines
        bullet = next(i for i, line in enumerate(lines) if line.lstrip().startswith("•"))
        label_column = lines[bullet].index("•") + 2
        under = lines[bullet + 1 : bullet + 4]  # the label's wrapped lines, then its note
        assert all(start(line) == label_column for line in under), lines


async def test_a_wrapped_search_snippet_stays_under_the_text(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"survivors safety")
        await pilot.pause(0.5)
        assert isinstance(app.screen, SearchScreen)
        results = app.screen.query_one("#search-results")
        lines = [line.rstrip() for line in shown_lines(app, results) if line.strip()]
        heading = next(i for i, line in enumerate(lines) if "(glossary)" in line)
        snippet = lines[heading + 1 : heading + 3]  # the snippet wraps to two lines
        assert "steer" in snippet[-1], lines
        assert {start(line) for line in snippet} == {start(lines[heading]) + 2}, lines
