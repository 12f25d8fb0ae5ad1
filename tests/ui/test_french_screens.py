"""Pilot walk in French: every screen and dialog, with no English string of the catalog on it.

The English strings are the catalog's own msgids, cut at their placeholders: a
one-word message must not show as a word, a longer one must not show any run of
three of its words. Words French shares with English (Notes, Action, Citation,
key names...) are left out by looking them up in the French catalog and the
French pack, plus the short list below.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen

from gpp_tui import i18n
from gpp_tui.content import Library, load_library
from gpp_tui.exchange.cite import CitationStyle, citation
from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.crypto import encrypt_folder
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens import welcome
from gpp_tui.ui.screens.bookmarks import BookmarksScreen
from gpp_tui.ui.screens.choice import ChoiceScreen
from gpp_tui.ui.screens.citation import CitationScreen
from gpp_tui.ui.screens.confirm import ConfirmScreen, DraftScreen
from gpp_tui.ui.screens.help import HelpScreen
from gpp_tui.ui.screens.lock import LockScreen, PassphraseInput
from gpp_tui.ui.screens.main import MainScreen
from gpp_tui.ui.screens.note_editor import NoteEditor
from gpp_tui.ui.screens.prompt import PromptScreen
from gpp_tui.ui.screens.search import SearchScreen

from .conftest import screen_text
from .test_annotations import PACK, go, ready

LOCALE = Path(i18n.__file__).parent / "locale"
PASSPHRASE = "lune de miel au jardin"
NOTE = "Témoin T-7 : entretien à reprendre"

ALLOWED = {"gpp-tui", "OSCOLA", "HTML", "JSON", "TOML", "Markdown", "Word", "ICC", "git"}
"""Words that are the same in French (names of things), whatever the catalog says."""
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)[srd]|%[srd]")
_EDGES = "\"'“”«»()[]:;,.!?…·—-/ "


@cache
def _french_text(library: Library) -> str:
    """Every French word the screens may show: the catalog's translations and the pack."""
    with (LOCALE / "fr" / "LC_MESSAGES" / "gpp_tui.po").open("rb") as file:
        catalog = read_po(file)
    parts = []
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        parts.extend(str(s) for s in strings)
    for pack in library.packs:
        parts.append(pack.pack.title)
        for node in pack.nodes.values():
            parts += [node.title, node.text, node.label]
            item = node.item
            parts.append(str(getattr(item, "context", "") or ""))
            parts += [ref.label + " " + (ref.note or "") for ref in getattr(item, "references", ())]
    return "\n".join(parts)


def _word(word: str) -> re.Pattern[str]:
    # Not inside a longer word, nor after a dot: binding ids (notes.bookmark) stay English.
    return re.compile(rf"(?<![\w'\u2019.-]){re.escape(word)}(?![\w'\u2019-])")


@cache
def english(library: Library) -> tuple[frozenset[str], frozenset[str]]:
    """(single English words, runs of up to three English words) that must not show."""
    with (LOCALE / "gpp_tui.pot").open("rb") as file:
        template = read_po(file)
    french = _french_text(library)
    words: set[str] = set()
    runs: set[str] = set()
    for message in template:
        if not message.id:
            continue
        for msgid in (message.id,) if isinstance(message.id, str) else message.id:
            for piece in _PLACEHOLDER.split(msgid):
                for line in piece.splitlines():
                    found = line.split()
                    if len(found) == 1:
                        word = found[0].strip(_EDGES)
                        if (
                            len(word) >= 3
                            and word not in ALLOWED
                            and not _word(word).search(french)
                        ):
                            words.add(word)
                        continue
                    for start in range(max(1, len(found) - 2)):
                        run = " ".join(found[start : start + 3]).strip(_EDGES)
                        if " " in run and run not in french:
                            runs.add(run)
    return frozenset(words), frozenset(runs)


def english_on_screen(app: GppApp, library: Library, quoted: str = "") -> list[str]:
    """The English words and runs of words shown now (box lines and markers left out).

    Those found in `quoted` are left out: a citation quotes the English original.
    """
    words, runs = english(library)
    words = frozenset(w for w in words if not _word(w).search(quoted))
    runs = frozenset(r for r in runs if r not in quoted)
    lines = [
        " ".join(re.sub(r"[│┃╭╮╰╯─├└▐▌▎▏▁▔█]", " ", line).split())
        for line in screen_text(app).splitlines()
    ]
    text = "\n".join(lines)
    shown = [word for word in words if _word(word).search(text)]
    shown += [run for run in runs if run in text]
    return sorted(shown)


@pytest.fixture
def french(monkeypatch: pytest.MonkeyPatch) -> Iterator[Library]:
    """The interface and the principles in French for one test."""
    assert i18n.use_language("fr")
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    yield load_library().in_language("fr")
    i18n.use_language("en")


MakeApp = Callable[..., GppApp]


@pytest.fixture
def make_french_app(french: Library, tmp_path: Path) -> MakeApp:
    def make(**kwargs: Any) -> GppApp:
        return GppApp(french, tmp_path / "data", environ={"TERM": "xterm"}, **kwargs)

    return make


class Walk:
    """Looks at each screen reached, and says which showed English."""

    def __init__(self, pilot: Pilot[Any], library: Library) -> None:
        self.pilot = pilot
        self.library = library
        self.seen: dict[str, list[str]] = {}

    @property
    def app(self) -> GppApp:
        app = self.pilot.app
        assert isinstance(app, GppApp)
        return app

    async def look(
        self, name: str, screen: type[Screen[Any]], *keys: str, pages: int = 0, quoted: str = ""
    ) -> None:
        """Press `keys`, check the screen type, note English shown (and on `pages` more pages)."""
        await self.pilot.press(*keys)
        await self.pilot.pause(0.3)
        assert isinstance(self.app.screen, screen), (name, self.app.screen)
        found = set(english_on_screen(self.app, self.library, quoted))
        for _page in range(pages):
            await self.pilot.press("ctrl+d")
            await self.pilot.pause(0.1)
            found |= set(english_on_screen(self.app, self.library, quoted))
        self.seen[name] = sorted(found)

    def check(self) -> None:
        english_shown = {name: found for name, found in self.seen.items() if found}
        assert english_shown == {}


def seed(folder: Path) -> None:
    with AnnotationStore(folder) as store, store.update() as edit:
        edit.add_note(PACK, "B.2", NOTE, tags=("suivi",))
        edit.set_bookmark(PACK, "B.2", "témoin clé")


async def test_every_screen_of_a_session_is_in_french(
    make_french_app: MakeApp, french: Library, tmp_path: Path
) -> None:
    seed(tmp_path / "data")
    app = make_french_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        walk = Walk(pilot, french)
        await walk.look("main, the pack", MainScreen)
        await go(pilot, "A")
        await walk.look("main, a focus area", MainScreen)
        await go(pilot, "B.2")
        await walk.look("main, a recommendation with a note", MainScreen, "tab", pages=4)
        await walk.look("notes list", MainScreen, "escape", "N")
        await walk.look("status toast", MainScreen, "escape", "r")
        await walk.look("bookmark toast", MainScreen, "b")
        await walk.look("undo toast", MainScreen, "u")
        await walk.look("nothing to redo", MainScreen, "U", "U")
        await walk.look("help", HelpScreen, "question_mark", pages=12)
        await walk.look("command palette", CommandPalette, "escape", "ctrl+p")
        await walk.look("palette, a search", CommandPalette, *"B.2")
        await walk.look("palette, typing", CommandPalette, "ctrl+u", *"zzqqx")
        await walk.look("palette, no matches", CommandPalette)
        await walk.look("search", SearchScreen, "escape", "escape", "slash")
        await walk.look("search results", SearchScreen, *"représailles")
        await walk.look("no results", SearchScreen, "ctrl+u", *"zzzqqq")
        await walk.look("filter choice", ChoiceScreen, "escape", "F")
        await walk.look("text filter prompt", PromptScreen, "end", "enter")
        await walk.look("filtered tree", MainScreen, *"témoin", "enter")
        await walk.look("filter choice, active", ChoiceScreen, "F")
        await walk.look("filter off", MainScreen, "home", "enter")
        await walk.look("no bookmarks", BookmarksScreen, "B")
        await walk.look("bookmarked again", MainScreen, "escape", "b")
        await walk.look("bookmarks", BookmarksScreen, "B")
        await walk.look("bookmark label", PromptScreen, "L")
        await walk.look("note editor", NoteEditor, "escape", "escape", "n")
        await walk.look("note editor, empty", NoteEditor, "ctrl+s")
        await walk.look("discard question", ConfirmScreen, *"Brouillon", "escape")
        await walk.look("note saved", MainScreen, "n", "ctrl+s")
        await walk.look("delete question", ConfirmScreen, "N", "d")
        # A citation names the English original in English (exchange/cite.py), with the
        # French note that the English text is authoritative.
        b2 = french.pack(PACK).nodes["B.2"]  # type: ignore[union-attr]
        quoted = " ".join(citation(french, b2, style) for style in CitationStyle)
        await walk.look("citation", CitationScreen, "escape", "escape", "c", quoted=quoted)
        await walk.look("citation, other style", CitationScreen, "s", quoted=quoted)
        await walk.look("export formats", ChoiceScreen, "escape", "x")
        await walk.look("export parts", ChoiceScreen, "enter")
        await walk.look("export file", PromptScreen, "enter")
        await walk.look("import file", PromptScreen, "escape", "I")
        await walk.look("import refused", MainScreen, *"/nulle/part.json", "enter")
        await walk.look("nothing forward", MainScreen, "escape", "alt+right")
        await walk.look("lock", LockScreen, "ctrl+l")
        await walk.look("unlocked", MainScreen, "enter")
        await pilot.resize_terminal(58, 16)
        await walk.look("too small", MainScreen)
    walk.check()


async def test_first_start_welcome_in_french(
    make_french_app: MakeApp, french: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(welcome, "is_first_start", lambda folder: True)
    monkeypatch.setattr("gpp_tui.store.config.set_author", lambda name: None)
    app = make_french_app()
    async with app.run_test(size=(80, 24)) as pilot:
        walk = Walk(pilot, french)
        await walk.look("welcome", welcome.WelcomeScreen, pages=2)
        await walk.look("welcome, name kept", MainScreen, *"Awa", "enter")
    walk.check()


async def test_a_recovered_draft_is_offered_in_french(
    make_french_app: MakeApp, french: Library, tmp_path: Path
) -> None:
    with AnnotationStore(tmp_path / "data") as store:
        store.save_draft(PACK, "C.1", None, "Entretien du mardi")
    app = make_french_app()
    async with app.run_test(size=(80, 24)) as pilot:
        walk = Walk(pilot, french)
        await walk.look("draft offered", DraftScreen)
        await walk.look("draft kept", MainScreen, "escape")
    walk.check()


async def test_encrypted_notes_ask_and_warn_in_french(
    make_french_app: MakeApp, french: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    seed(folder)
    encrypt_folder(folder, PASSPHRASE)
    monkeypatch.setenv("EDITOR", "true")
    app = make_french_app()
    async with app.run_test(size=(80, 24)) as pilot:
        walk = Walk(pilot, french)
        await walk.look("passphrase asked", LockScreen)
        await walk.look("wrong passphrase", LockScreen, *"faux", "enter")
        for _ in range(200):
            if not app.screen.query_one(PassphraseInput).checking:
                break
            await pilot.pause(0.05)
        await walk.look("wrong passphrase said", LockScreen)
        await pilot.press(*PASSPHRASE, "enter")
        for _ in range(200):
            if isinstance(app.screen, MainScreen) and app.main_screen.store is not None:
                break
            await pilot.pause(0.05)
        await walk.look("main, encrypted", MainScreen)
        await go(pilot, "B.2")
        await walk.look("export of encrypted notes", ConfirmScreen, "x", "enter", "enter", "enter")
        await walk.look("editor of encrypted notes", ConfirmScreen, "escape", "n", "ctrl+e")
    walk.check()


def test_every_row_of_the_help_is_in_the_french_catalog(make_french_app: MakeApp) -> None:
    """Each group title and binding description the help lists has a French translation.

    The walk looks for the catalog's English only, so a description that comes from
    Textual's own bindings (the tree's shift keys) and is in no catalog slips past it;
    help.TEXTUAL_DESCRIPTIONS marks those.
    """
    from textual.binding import Binding

    with (LOCALE / "fr" / "LC_MESSAGES" / "gpp_tui.po").open("rb") as file:
        translated = {m.id for m in read_po(file) if isinstance(m.id, str) and m.string}
    untranslated = []
    for title, bindings in make_french_app().binding_groups():
        untranslated += [title] if title not in translated else []
        for binding in Binding.make_bindings(bindings):
            english = binding.tooltip or binding.description
            if english and english not in translated:
                untranslated.append(f"{title}: {english}")
    assert untranslated == []


async def test_the_check_finds_english_on_an_english_screen(make_app: MakeApp) -> None:
    """The walk's check is not blind: on the English main screen it finds the footer's words."""
    french_pack = load_library().in_language("fr")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        shown = english_on_screen(app, french_pack)
    assert {"Help", "Quit", "Bookmark"} <= set(shown)


async def test_the_team_screen_in_french(
    make_french_app: MakeApp, french: Library, tmp_path: Path
) -> None:
    from gpp_tui.team.layout import TeamFolder
    from gpp_tui.team.review import join_team
    from gpp_tui.ui.screens.team import TeamScreen

    from .test_team_screen import colleague

    team = TeamFolder.create(tmp_path / "team", "Équipe de Bamako", encrypted=False)
    join_team(tmp_path / "data", team.path, "Awa")
    colleague(tmp_path, team.path, "bruno")
    (team.devices / "dhalfwritten0.json").write_text('{"format": "gpp-tui-team-device", "te')
    app = make_french_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        walk = Walk(pilot, french)
        await walk.look("main, in a team", MainScreen)
        await go(pilot, "B.2")
        await walk.look("a colleague's note", MainScreen)
        await walk.look("team screen", TeamScreen, "T", pages=2)
        await walk.look("team palette", CommandPalette, "escape", "ctrl+p", *"quip")
    walk.check()


async def test_making_and_leaving_a_team_from_the_palette_in_french(
    make_french_app: MakeApp, french: Library, tmp_path: Path
) -> None:
    from textual.widgets import Input

    from gpp_tui.ui.screens import teamwork

    from .conftest import until

    app = make_french_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        walk = Walk(pilot, french)
        await walk.look("team palette, in no team", CommandPalette, "ctrl+p", *"dossier")
        await walk.look("main", MainScreen, "escape")
        teamwork.create_team(screen)
        for name, value in [
            ("team folder prompt", str(tmp_path / "equipe")),
            ("team name prompt", "Équipe de Bamako"),
            ("your name prompt", "Awa"),
        ]:
            await walk.look(name, PromptScreen)
            app.screen.query_one(Input).value = value
            await pilot.press("enter")
        await until(pilot, lambda: screen.session.team.name == "Équipe de Bamako")
        await walk.look("team made", MainScreen)
        await walk.look("team palette, in a team", CommandPalette, "ctrl+p", *"quip")
        await walk.look("main, again", MainScreen, "escape")
        teamwork.leave_team(screen)
        await walk.look("leave question", ConfirmScreen)
        await pilot.press("y")
        await until(pilot, lambda: not screen.session.team.joined)
        await walk.look("team left", MainScreen)
    walk.check()
