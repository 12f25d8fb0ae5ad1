"""The app with hostile strings in every field: no crash, no raw escape reaches the terminal."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.pilot import Pilot

from gpp_tui.content import load_library
from gpp_tui.store import edits
from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.models import Annotations
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens.bookmarks import BookmarksScreen
from gpp_tui.ui.screens.search import SearchScreen
from hostile_corpus import OSC2, OSC52, hostile_pack

from .test_annotations import ready

HOSTILE = f"[/]{OSC52}[b]x{OSC2}\x9b2J\u202egnp.exe\x1b[6n\x1bc"
# What Textual itself never writes while drawing: OSC, DCS, RIS, the queries, BEL,
# C1 controls and bidi overrides. Its own output is SGR colours and cursor moves.
FORBIDDEN = re.compile("\x1b[]P^_c]|\x1b\\[[0-9;]*[nJ]|[\x07\x80-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_output(app: GppApp) -> str:
    """What the app would write to the terminal for a full redraw of the current screen."""
    update = app.screen._compositor.render_full_update()
    return update.render_segments(app.console)


def assert_clean(app: GppApp) -> None:
    output = terminal_output(app)
    found = FORBIDDEN.search(output)
    assert found is None, (
        f"{found.group()!r} in {output[max(0, found.start() - 80) : found.end()]!r}"
    )


def hostile_store(folder: Path, text: str) -> Annotations:
    annotations, _ = edits.add_note(
        Annotations(), "hostile", "H.1", text, tags=(text, "[/]"), author=text
    )
    annotations = edits.set_bookmark(annotations, "hostile", "H.1", text)
    annotations, _ = edits.add_note(annotations, "wigj-gpp", "B.2", text, author=text)
    with AnnotationStore(folder) as store, store.update() as editor:
        editor.annotations = annotations
    return annotations


async def walk(pilot: Pilot[Any], word: str) -> None:
    """Every screen that shows user or pack text, checked after each step."""
    app = pilot.app
    assert isinstance(app, GppApp)
    await ready(pilot)
    assert_clean(app)
    app.jump_to("hostile", "H.1")
    await pilot.pause()
    assert_clean(app)
    # detail, notes, cite (its dialog, closed), bookmark, label
    for key in ("tab", "tab", "c", "escape", "b", "b", "r", "L"):
        await pilot.press(key)
        await pilot.pause()
        assert_clean(app)
    await pilot.press("escape", "B")
    await pilot.pause()
    assert isinstance(app.screen, BookmarksScreen)
    assert_clean(app)
    await pilot.press("escape", "slash", *word)
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, SearchScreen)
    assert_clean(app)
    await pilot.press("escape", "question_mark")
    await pilot.pause()
    assert_clean(app)
    await pilot.press("escape")


@pytest.fixture
def hostile_setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    pack = tmp_path / "hostile.toml"
    pack.write_text(hostile_pack(HOSTILE + " title", HOSTILE + " text"), encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(
        f'"[/]" = 1\n"{OSC52.encode("unicode_escape").decode()}" = 2\n'
        'author = "[/]"\n[keys]\n"[/]" = "x"\n"app.help" = "[/]"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("GPP_TUI_CONFIG", str(config))
    return pack, tmp_path / "data [/] \x1b]2;folder\x07"


async def test_hostile_pack_notes_config_and_folder_name(
    hostile_setup: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    pack, folder = hostile_setup
    notices: list[str] = []
    original = GppApp.notify

    def notify(self: GppApp, message: str, **kwargs: Any) -> None:
        notices.append(message)
        original(self, message, **kwargs)

    monkeypatch.setattr(GppApp, "notify", notify)
    before = hostile_store(folder, HOSTILE)
    stored = (folder / "annotations.toml").read_bytes()
    app = GppApp(load_library(pack), folder, environ={"TERM": "xterm"})
    async with app.run_test(size=(80, 24)) as pilot:
        await walk(pilot, "gnp")
        assert any("[/]" in message for message in notices), notices  # shown, not parsed
    with AnnotationStore(folder) as store:
        hostile = store.annotations.node("hostile", "H.1")
        assert hostile.notes == before.node("hostile", "H.1").notes
        assert store.annotations.node("wigj-gpp", "B.2") == before.node("wigj-gpp", "B.2")
    assert b"\\u001b]52" in stored  # the file holds the text exactly, as escapes


async def test_a_read_only_copy_with_a_hostile_folder_name_writes_nothing(
    hostile_setup: tuple[Path, Path],
) -> None:
    pack, folder = hostile_setup
    hostile_store(folder, HOSTILE)
    files = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    with AnnotationStore(folder):  # another copy holds the folder: this one is read-only
        app = GppApp(load_library(pack), folder, environ={"TERM": "xterm"})
        async with app.run_test(size=(80, 24)) as pilot:
            await walk(pilot, "gnp")
            app.main_screen.save_position()
            await pilot.press("q")
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == files


_CHARS = st.sampled_from(["\x1b]52;c;eA==\x07", "\x9b6n", "\u202e", "[/]", "[b]", "\x1b[2J", "x"])


@settings(max_examples=2, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_CHARS, min_size=1, max_size=8).map("".join))
def test_generated_hostile_notes_through_the_app(tmp_path_factory: Any, text: str) -> None:
    import asyncio

    folder = tmp_path_factory.mktemp("data")
    hostile_store(folder, text + " gnp")
    pack = folder.parent / f"{folder.name}.toml"
    pack.write_text(hostile_pack(text + " t", text), encoding="utf-8")

    async def run() -> None:
        app = GppApp(load_library(pack), folder, environ={"TERM": "xterm"})
        async with app.run_test(size=(80, 24)) as pilot:
            await walk(pilot, "gnp")

    asyncio.run(run())


async def test_a_damaged_key_file_closes_the_app_with_one_line(tmp_path: Path) -> None:
    from pyrage import passphrase as age_passphrase

    folder = tmp_path / "data"
    hostile_store(folder, "kept")
    (folder / "key.age").write_bytes(
        bytes(age_passphrase.encrypt(b"\xff\xfe not a key", "correct horse"))
    )
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    app = GppApp(load_library(), folder, environ={"TERM": "xterm"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"correct horse", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 2
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before


async def test_ten_thousand_keys_in_the_settings_do_not_stop_the_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    entries = "".join(f'"no.such{i}" = "ctrl+{i % 10}"\n' for i in range(10_000))
    config.write_text(f"[keys]\n{entries}", encoding="utf-8")
    monkeypatch.setenv("GPP_TUI_CONFIG", str(config))
    app = GppApp(load_library(), tmp_path / "data", environ={"TERM": "xterm"})
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert len(app._notifications) <= 4


def test_gpp_exits_with_the_apps_status(monkeypatch: pytest.MonkeyPatch) -> None:
    from gpp_tui import cli
    from gpp_tui.ui import app as app_module

    monkeypatch.setattr(app_module.GppApp, "run", lambda self: self.exit(return_code=1))
    assert cli.main([]) == 1
