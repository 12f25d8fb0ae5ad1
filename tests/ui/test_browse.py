"""Pilot tests: walking the tree, reading the detail pane, following links, help."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console
from textual.binding import Binding
from textual.widgets import OptionList, Static

from gpp_tui.content import Library, load_library
from gpp_tui.content.schema import validate_pack
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens import main as main_screen
from gpp_tui.ui.screens.help import HelpScreen
from gpp_tui.ui.screens.main import MainScreen
from gpp_tui.ui.widgets.principles_tree import PrinciplesTree

from .conftest import detail_text, palette_offers

MakeApp = Callable[..., GppApp]


def current_id(app: GppApp) -> str:
    node = app.main_screen.current
    assert node is not None
    return node.id


async def test_starts_on_the_pack_and_walks_into_a_recommendation(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert current_id(app) == ":pack"
        about = detail_text(app)
        assert "Explore the key recommendations submitted by Women's" in about
        # About this pack: where the text comes from, and that it is unofficial.
        assert "— Women's Initiatives for Gender Justice" in about
        assert "Address: https://4genderjustice.org/gender-persecution-principles/" in about
        assert "Text taken on: 28 November 2026" in about
        assert "Note: An unofficial compilation, not endorsed by" in about
        await pilot.press("j", "j")  # Background, then A Prevention
        assert current_id(app) == "A"
        assert "early intervention mechanisms" in detail_text(app)
        await pilot.press("enter", "j")
        await pilot.pause()
        assert current_id(app) == "A.1"
        text = detail_text(app)
        assert "Intersectional Prevention Strategies" in text
        assert "Recognize overlapping identities to mitigate risks." in text
        assert "Focus area A: Prevention" in text
        assert "Women's Initiatives for Gender Justice" in text
        assert "Context (added by gpp-tui, not part of the principle)" in text
        # The principle's own text comes before the context.
        assert text.index("Recognize overlapping") < text.index("Context (added")
        await pilot.press("k")
        assert current_id(app) == "A"


async def test_unverified_references_are_flagged(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.jump_to("wigj-gpp", "A.2")
        await pilot.pause()
        text = detail_text(app)
        assert "Elements of Crimes, persecution [to verify]" in text
        assert "Rome Statute art. 7(1)(h)\n" in text  # verified: no flag


async def test_follow_related_link_then_back_and_forward(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.jump_to("wigj-gpp", "A.1")
        await pilot.pause()
        assert current_id(app) == "A.1"
        await pilot.press("f")
        assert isinstance(app.focused, OptionList)
        await pilot.press("down", "enter")  # second related link of A.1 is D.3
        await pilot.pause()
        assert current_id(app) == "D.3"
        assert isinstance(app.focused, PrinciplesTree)
        await pilot.press("backspace")
        await pilot.pause()
        assert current_id(app) == "A.1"
        await pilot.press("alt+right")
        await pilot.pause()
        assert current_id(app) == "D.3"
        await pilot.press("alt+left")
        await pilot.pause()
        assert current_id(app) == "A.1"


async def test_tree_moves_replace_the_history_entry(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.jump_to("wigj-gpp", "B.1")
        await pilot.pause()
        await pilot.press("j")  # B.2: a move, not a jump
        await pilot.pause()
        app.jump_to("wigj-gpp", "D.1")
        await pilot.pause()
        await pilot.press("backspace")
        await pilot.pause()
        assert current_id(app) == "B.2"


def every_declared_binding() -> list[Binding]:
    """Every binding with a description that a screen or widget of the app declares."""
    import importlib
    import pkgutil

    import gpp_tui.ui.screens
    import gpp_tui.ui.widgets

    found: list[Binding] = []
    for package in (gpp_tui.ui.screens, gpp_tui.ui.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for value in vars(module).values():
                if isinstance(value, type) and value.__module__ == module.__name__:
                    declared = value.__dict__.get("BINDINGS", [])
                    found.extend(b for b in Binding.make_bindings(declared) if b.description)
    assert len(found) > 40
    return found


async def test_help_lists_every_binding(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=160, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#help-table", Static).content)
        shown = console.export_text()
        groups = app.binding_groups()
        expected = [
            b.tooltip or b.description for _, group in groups for b in Binding.make_bindings(group)
        ]
        assert len(expected) > 15
        for description in expected:
            assert description in shown, description
        for needed in ("Back", "Forward", "Help", "Quit", "Command palette", "Move down"):
            assert needed in shown
        for binding in every_declared_binding():  # a screen's key missing from help fails
            assert (binding.tooltip or binding.description) in shown, binding
            if binding.id:
                assert binding.id in shown, binding
        lines = shown.splitlines()
        assert any(line.split()[:1] == ["^q"] and "Quit" in line for line in lines)
        assert "To the tags field" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")  # ? closes it as it opened it
        assert isinstance(app.screen, MainScreen)
        assert app.is_running


async def test_position_is_restored_on_next_start(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.jump_to("wigj-gpp", "C.2")
        await pilot.pause()
        await pilot.press("q")
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert current_id(again) == "C.2"
        assert "Include survivors in advocacy and policy efforts." in detail_text(again)


async def test_position_is_written_down_without_quitting(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash or a closed terminal still restarts where the user was."""
    monkeypatch.setattr(main_screen, "POSITION_DELAY", 0.05)
    app = make_app()
    state = tmp_path / "data" / "state.toml"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.jump_to("wigj-gpp", "B.1")
        app.jump_to("wigj-gpp", "C.2")  # moved on before the delay: only C.2 is written
        for _ in range(100):
            await pilot.pause(0.05)
            if state.exists() and 'node = "C.2"' in state.read_text(encoding="utf-8"):
                break
        assert 'node = "C.2"' in state.read_text(encoding="utf-8")
    again = make_app()  # no q: the app above was never asked to quit
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert current_id(again) == "C.2"


async def test_palette_jumps_to_a_node_by_id(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"D.3 Cumul")
        await palette_offers(pilot, "D.3")
        await pilot.press("enter")
        await pilot.pause()
        assert current_id(app) == "D.3"


async def test_markup_in_titles_is_shown_as_written(make_app: MakeApp) -> None:
    raw = {
        "schema_version": 1,
        "pack": {"id": "x", "title": "Pack [b]bold[/b]", "source": "Org [x]"},
        "areas": [
            {
                "id": "X",
                "title": "Area [red]",
                "recommendations": [{"id": "X.1", "title": "Title [x] [/b]", "summary": "[pump]"}],
            }
        ],
    }
    lib = Library((*load_library().packs, validate_pack(raw)))
    app = make_app(lib)
    async with app.run_test(size=(100, 30)) as pilot:
        app.jump_to("x", "X.1")
        await pilot.pause()
        text = detail_text(app)
        assert "Title [x] [/b]" in text
        assert "[pump]" in text
        assert "Org [x]" in text


async def test_narrow_terminal_stacks_the_panes(make_app: MakeApp, library: Library) -> None:
    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one("#tree")
        detail = app.screen.query_one("#detail")
        assert tree.region.bottom <= detail.region.y
        assert detail.region.width >= 58
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one("#tree")
        detail = app.screen.query_one("#detail")
        assert tree.region.right <= detail.region.x
        assert detail.region.width >= 40


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_help_reads_at_80_and_60_columns(make_app: MakeApp, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.styles.background.a == 1  # nothing of the pane behind shows through
        inner = size[0] - 4  # the box's border and padding
        console = Console(width=inner, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#help-table", Static).content)
        lines = [line.strip() for line in console.export_text().splitlines()]
        assert "Moving, in every list and pane" in lines  # a title is a row of its own
        assert any(line.endswith("Lock the screen  [app.lock]") for line in lines)
        assert any("Mark reviewed, go to the next unreviewed" in line for line in lines), lines
