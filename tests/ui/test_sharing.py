"""Pilot tests: export from the app (x, palette) and citation to the clipboard (c)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input, TextArea

from gpp_tui.store.crypto import encrypt_folder
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens.choice import ChoiceScreen
from gpp_tui.ui.screens.confirm import ConfirmScreen
from gpp_tui.ui.screens.prompt import PromptScreen

from .test_annotations import go, ready, saved

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
        await pilot.press("x", "down", "enter")  # Markdown
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await saved(pilot)
        assert not target.exists()
        await pilot.press("x", "down", "enter")
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
        assert "Women's Initiatives for Gender Justice" in app.clipboard
        assert 'B.2 "Anti-Retaliation Safeguards"' in app.clipboard
