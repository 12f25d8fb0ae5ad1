"""The gpp-tui Textual application."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
from collections.abc import Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.widgets import Tree

from gpp_tui.content import Library
from gpp_tui.display import safe, safe_line
from gpp_tui.i18n import N_, _, ngettext
from gpp_tui.store.config import Config, config_path, load_config
from gpp_tui.store.crypto import encryption_enabled
from gpp_tui.store.errors import StoreError
from gpp_tui.store.kinds import ReviewStatus
from gpp_tui.store.state import load_state
from gpp_tui.ui import glyphs, nobreak, safety
from gpp_tui.ui.commands import NodeCommands, palette_title
from gpp_tui.ui.screens.main import MainScreen
from gpp_tui.ui.widgets.detail import LinkList
from gpp_tui.ui.widgets.nav_keys import LIST_KEYS
from gpp_tui.ui.widgets.notes import NotesList
from gpp_tui.ui.widgets.principles_tree import PrinciplesTree

if TYPE_CHECKING:
    from rich.console import RenderableType

    from gpp_tui.store.serialize import ByteCodec
    from gpp_tui.ui.screens.help import BindingGroup


LATER_CSS = Path(__file__).with_name("screens.tcss")
"""Styles of the dialogs and screens opened later; app.tcss (CSS_PATH) has the main screen's."""

MAX_CONFIG_NOTICES = 3
"""Settings problems shown one by one at start; the rest are counted in one more."""

DRAFT_WAIT_SECONDS = 1.0
"""How long the lock waits for an open note's draft to reach the disk before it shows anyway."""

ASCII_KEY_NAMES = {
    "↑": "up",
    "↓": "down",
    "←": "left",
    "→": "right",
    "⌫": "backspace",
    "⏎": "enter",
}
"""Key symbols Textual shows in the footer and help, spelled out for a console font."""


STATUS_COMMANDS = (
    (
        N_("Mark unreviewed"),
        N_("Set the review status of the highlighted recommendation to unreviewed"),
        ReviewStatus.UNREVIEWED,
    ),
    (
        N_("Mark reviewed"),
        N_("Set the review status of the highlighted recommendation to reviewed"),
        ReviewStatus.REVIEWED,
    ),
    (
        N_("Mark follow-up"),
        N_("Set the review status of the highlighted recommendation to follow-up"),
        ReviewStatus.FOLLOW_UP,
    ),
)
"""The palette's status commands: (title, help, status)."""


class WholeCellScrollBarRender(ScrollBarRender):
    """Scroll bars without the eighth-block glyphs a console font lacks."""

    VERTICAL_BARS: ClassVar[list[str]] = [" "] * 8
    HORIZONTAL_BARS: ClassVar[list[str]] = [" "] * 8


class GppApp(App[None]):
    """Browse the principles packs by keyboard."""

    CSS_PATH = "app.tcss"
    TITLE = "gpp-tui"
    SUB_TITLE = N_("Gender Persecution Principles")
    BINDINGS: ClassVar[list[BindingType]] = [
        # Shown in the footer by MainScreen (same id, so a remap moves both).
        Binding("question_mark,f1", "help", N_("Help"), show=False, id="app.help"),
        Binding("q", "quit", N_("Quit"), id="app.quit"),
        # priority: the lock must work over every screen, modal, field and the palette.
        Binding("ctrl+l", "lock", N_("Lock the screen"), show=False, priority=True, id="app.lock"),
    ]
    COMMANDS = App.COMMANDS | {NodeCommands}

    def __init__(
        self,
        library: Library,
        data_dir: Path,
        *,
        ascii_only: bool | None = None,
        environ: dict[str, str] | None = None,
        config: Config | None = None,
        language_given: bool = False,
    ) -> None:
        safety.install()
        nobreak.install()
        super().__init__()
        self.sub_title = _(self.SUB_TITLE)  # shown until the progress replaces it
        env = dict(os.environ) if environ is None else environ
        self.config, self.config_problems = (config, []) if config else load_config()
        self.codec: ByteCodec | None = None
        """The encryption of the data folder, once unlocked (None: not encrypted)."""
        self._last_activity = monotonic()
        self._exiting = False
        """True once the app is exiting: keys that still arrive are dropped."""
        self.keymap: dict[str, str] = {}
        """Keys remapped by the settings file, by binding id."""
        self.library = library
        self.data_dir = data_dir
        self._language_given = language_given
        """--lang was given: it wins over the content language chosen in the app last time."""
        if ascii_only is None:
            ascii_only = self.config.ascii
        self.glyphs = glyphs.pick(glyphs.wants_ascii(env) if ascii_only is None else ascii_only)
        if self.glyphs is glyphs.ASCII:
            self.add_class("-ascii")  # app.tcss draws borders with ASCII then
            # Scroll bars are class-wide in Textual: whole cells while this app runs.
            ScrollBar.renderer = WholeCellScrollBarRender
        # The Linux console has 16 colours: the ANSI theme uses exactly those.
        self.theme = "ansi-dark" if env.get("TERM") == "linux" else "textual-dark"
        if self.config.theme:
            if self.config.theme in self.available_themes:
                self.theme = self.config.theme
            else:
                self.config_problems.append(
                    _("{path}: unknown theme {theme!r}; choose one of {themes}").format(
                        path=config_path(),
                        theme=self.config.theme,
                        themes=", ".join(sorted(self.available_themes)),
                    )
                )
        self._apply_keymap()

    def _apply_keymap(self) -> None:
        """Remap keys from the settings file; unknown binding ids are reported."""
        if not self.config.keys:
            return
        known = {
            binding.id
            for _title, group in self.binding_groups()
            for binding in Binding.make_bindings(group)
            if binding.id
        }
        keymap: dict[str, str] = {}
        for binding_id, keys in self.config.keys.items():
            if binding_id in known:
                keymap[binding_id] = keys
            else:
                self.config_problems.append(
                    _(
                        "{path}: keys.{id}: no binding has this id (the help screen lists the ids)"
                    ).format(path=config_path(), id=binding_id)
                )
        self.keymap = keymap
        if keymap:
            self.set_keymap(keymap)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A notification, never read as markup: messages carry titles, paths and notes.

        `[/]` in a pack title or a folder name would otherwise raise MarkupError,
        and a control character is shown as an escape (thread-safe, as Textual's).
        """
        super().notify(
            safe(message), title=safe_line(title), severity=severity, timeout=timeout, markup=False
        )

    def format_title(self, title: str, sub_title: str) -> Content:
        """Title and progress, joined by " - " in ASCII mode (a console font has no em dash)."""
        if not sub_title or not title:
            return Content(title or sub_title)
        dash = " - " if self.glyphs is glyphs.ASCII else " — "
        return Content.assemble(Content(title), (dash, "dim"), Content(sub_title).stylize("dim"))

    def get_key_display(self, binding: Binding) -> str:
        """Textual's key names, with words for the arrows and symbols in ASCII mode."""
        shown = super().get_key_display(binding)
        if self.glyphs is glyphs.ASCII:
            for symbol, word in ASCII_KEY_NAMES.items():
                shown = shown.replace(symbol, word)
        return shown

    def on_unmount(self) -> None:
        """Give Textual back its scroll bars (another app may run in this process: tests)."""
        ScrollBar.renderer = ScrollBarRender

    def on_mount(self) -> None:
        """Report problems with the settings file (the defaults are in use); start the idle lock."""
        for problem in self.config_problems[:MAX_CONFIG_NOTICES]:
            self.notify(problem, severity="warning", timeout=12)
        hidden = len(self.config_problems) - MAX_CONFIG_NOTICES
        if hidden > 0:
            self.notify(
                ngettext(
                    "{count} more problem with {path}; the defaults are used",
                    "{count} more problems with {path}; the defaults are used",
                    hidden,
                ).format(count=hidden, path=config_path()),
                severity="warning",
                timeout=12,
            )
        if self.config.lock_after_minutes > 0:
            self.set_interval(min(30.0, self.config.lock_after_minutes * 30), self._lock_if_idle)

    def get_default_screen(self) -> Screen[None]:
        """The main screen, opened where the user left off."""
        state = load_state(self.data_dir)
        start = (state.pack_id, state.node_id)
        return MainScreen(
            self.library,
            self.glyphs,
            self.data_dir,
            start,
            self.config.author,
            language="" if self._language_given else state.language,
            side_by_side=state.side_by_side,
        )

    def on_ready(self) -> None:
        """The first frame is on screen: now load the user's annotations in a thread.

        Loading them earlier would compete with the first paint for the interpreter.
        With encryption on, the passphrase is asked first.
        """
        gc.enable()  # `gpp` starts with the cyclic collector off (see gpp_tui.cli.main)
        self._read_later_styles()
        if not encryption_enabled(self.data_dir):
            from gpp_tui.ui.screens.welcome import WelcomeScreen, is_first_start

            first = is_first_start(self.data_dir)  # asked before the store writes anything
            self._open_store(None)
            if first:
                ascii_only = self.glyphs is glyphs.ASCII
                self.push_screen(
                    WelcomeScreen(self.data_dir, ascii_only=ascii_only), self._welcomed
                )
            return
        from gpp_tui.ui.screens.lock import LockScreen

        def unlocked(codec: ByteCodec | None) -> None:
            self.codec = codec
            self._open_store(codec)

        self.push_screen(
            LockScreen(_("Your notes are encrypted. Enter your passphrase."), self._unlock),
            unlocked,
        )

    def _read_later_styles(self) -> None:
        """Add the styles of the dialogs and later screens (parsing them would delay the paint)."""
        path = str(LATER_CSS)
        if self.stylesheet.has_source(path):
            return
        self.stylesheet.add_source(LATER_CSS.read_text(encoding="utf-8"), read_from=(path, ""))
        if len(self.screen_stack) > 1:  # a screen opened before this point gets its styles now
            self.stylesheet.update(self)

    def _open_store(self, codec: ByteCodec | None) -> None:
        """Load the annotations; once they are in, the header says how they are kept."""
        loading = self.main_screen.open_store(codec)
        self.show_privacy_state()

        async def loaded() -> None:
            await loading.wait()
            self.show_privacy_state()

        self.run_worker(loaded(), group="privacy-state")

    def _welcomed(self, name: str | None) -> None:
        """The welcome screen is done: keep the name given (if any), never show it again."""
        if name:
            self.keep_author(name)
        # The data folder now remembers a position: a later start is not a first start.
        self.main_screen.save_position()

    def keep_author(self, name: str) -> None:
        """Sign new notes with `name` from now on and remember it; say so (a typo shows)."""
        from gpp_tui.store.config import keep_author

        not_kept = keep_author(name)
        if not_kept:
            self.notify(not_kept, severity="warning")
        else:
            self.notify(
                _("Your notes will be signed “{name}”. To change it: ctrl+p, Your name.").format(
                    name=name
                )
            )
        self.config = replace(self.config, author=name)
        screen = self.main_screen
        problem = screen.session.rename(name)
        if problem:
            self.notify(problem, severity="warning")
        if screen.session.team.live is not None:
            screen.redraw(None)  # the new name's notes are the user's own, not a colleague's

    def action_change_name(self) -> None:
        """Ask for the name new notes are signed with (notes already written keep theirs)."""
        from gpp_tui.ui.screens.prompt import PromptScreen

        def answered(name: str | None) -> None:
            name = " ".join((name or "").split())
            if name and name != self.config.author:
                self.keep_author(name)

        self.push_screen(
            PromptScreen(
                _("Your name, shown with each note you write from now on:"),
                self.config.author,
                hint=_("enter to keep · escape to cancel"),
            ),
            answered,
        )

    def show_privacy_state(self) -> None:
        """Say in the header, for as long as it holds, whether notes are encrypted or read-only."""
        parts = [self.TITLE]
        store = self.main_screen.store
        if store is not None and store.read_only:
            parts.append(_("read-only"))
        parts.append(_("encrypted") if self.codec is not None else _("not encrypted"))
        self.title = f" {self.glyphs.separator} ".join(parts)

    def _unlock(self, passphrase: str) -> ByteCodec:
        from gpp_tui.store.crypto import unlock

        return unlock(self.data_dir, passphrase)

    async def action_lock(self) -> None:
        """Hide everything behind a neutral screen, from any screen (the passphrase brings it back).

        The text of an open note editor is written as a draft first; the editor
        stays where it is, under the lock, and comes back with its text.
        """
        from gpp_tui.ui.screens.lock import UNENCRYPTED_WARNING, LockScreen

        if self._exiting or any(isinstance(s, LockScreen) for s in self.screen_stack):
            return
        await self._keep_drafts()
        if self.codec is not None:
            self.push_screen(LockScreen(_("Locked. Enter your passphrase."), self._unlock))
        else:
            self.push_screen(LockScreen(_("Locked."), warning=_(UNENCRYPTED_WARNING)))

    async def _keep_drafts(self) -> None:
        """Write the text of every open note editor as a draft, and wait (briefly) for it."""
        from gpp_tui.ui.screens.note_editor import NoteEditor

        for screen in self.screen_stack:
            if isinstance(screen, NoteEditor):
                screen.keep_draft()
        writing = [w for w in self.workers if w.group == "drafts" and not w.is_finished]
        if writing:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.workers.wait_for_complete(writing), DRAFT_WAIT_SECONDS)

    def exit(
        self,
        result: None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        """Exit; from now on keys and clicks are ignored (they would open screens never shown)."""
        self._exiting = True
        super().exit(result, return_code, message)

    async def on_event(self, event: events.Event) -> None:
        """Note the time of the last key or click, for the idle lock; ignore input while closing."""
        if isinstance(event, events.Key) and self._typed_ahead(event):
            return
        if isinstance(event, events.Key | events.MouseDown | events.Paste):
            if self._exiting:
                event.stop()
                return
            self._last_activity = monotonic()
        await super().on_event(event)

    def _typed_ahead(self, event: events.Key) -> bool:
        """Send a key typed ahead to the screen now in front; True if it was.

        Textual hands every waiting key to the focused widget at once: with "/" and
        the words after it arriving together (a paste, a slow SSH link) the words
        reach the tree, come back unused after "/" has opened the search, and would
        be lost. A key that comes back to a screen other than the one it was typed
        on is typed again, there, but only into a field waiting for text or on a
        screen the user went back to: a question that opened after the key was typed
        (delete this note?) is never answered by it, the key is dropped.
        """
        if not event.is_forwarded:
            event.typed_on = self.screen  # type: ignore[attr-defined]
            return False
        typed_on = getattr(event, "typed_on", None)
        if typed_on is None or typed_on is self.screen:
            return False
        if typed_on in self.screen_stack and not self._waiting_for_text():
            event.stop()
            return True
        self.post_message(events.Key(event.key, event.character))
        return True

    def _waiting_for_text(self) -> bool:
        from textual.widgets import Input, TextArea

        return isinstance(self.screen.focused, Input | TextArea)

    def _lock_if_idle(self) -> None:
        idle = monotonic() - self._last_activity
        if idle >= self.config.lock_after_minutes * 60:
            self.call_later(self.action_lock)

    @property
    def main_screen(self) -> MainScreen:
        """The main screen (always at the bottom of the stack)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def jump_to(self, pack_id: str, node_id: str) -> None:
        """Show a node, as a new entry in the back/forward history."""
        self.main_screen.jump((pack_id, node_id))

    def action_help(self) -> None:
        """Show every key binding."""
        from gpp_tui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.binding_groups()))

    def binding_groups(self) -> list[BindingGroup]:
        """Every binding the user can press, grouped by where it works."""
        from gpp_tui.ui.screens.bookmarks import BookmarksScreen
        from gpp_tui.ui.screens.choice import ChoiceScreen
        from gpp_tui.ui.screens.citation import CitationScreen
        from gpp_tui.ui.screens.confirm import ConfirmScreen, DraftScreen, NoticeScreen
        from gpp_tui.ui.screens.help import HelpScreen
        from gpp_tui.ui.screens.lock import LockScreen
        from gpp_tui.ui.screens.note_editor import NoteEditor
        from gpp_tui.ui.screens.prompt import PromptScreen
        from gpp_tui.ui.screens.search import SearchScreen
        from gpp_tui.ui.screens.team import TeamScreen
        from gpp_tui.ui.screens.welcome import WelcomeScreen
        from gpp_tui.ui.widgets.footer import QUIT_WHILE_TYPING

        palette = Binding(self.COMMAND_PALETTE_BINDING, "command_palette", N_("Command palette"))
        anywhere = {b.id for b in self.BINDINGS if isinstance(b, Binding)}
        main = MainScreen.BINDINGS
        return [
            (
                N_("Anywhere"),
                [
                    *self.BINDINGS,
                    palette,
                    Binding("tab", "", N_("Next pane")),
                    Binding("shift+tab", "", N_("Previous pane")),
                    Binding(
                        QUIT_WHILE_TYPING,
                        "",
                        N_("Quit, also where a field takes letters (a note is kept as a draft)"),
                    ),
                ],
            ),
            (
                N_("Browsing"),
                [b for b in main if not (isinstance(b, Binding) and b.id in anywhere)],
            ),
            (
                N_("Tree"),
                [
                    Binding("up", "", N_("Move up")),
                    Binding("down", "", N_("Move down")),
                    Binding("enter,space", "", N_("Open or close a node")),
                    *PrinciplesTree.BINDINGS,
                    *[b for b in Tree.BINDINGS if isinstance(b, Binding) and "shift" in b.key],
                ],
            ),
            (N_("Moving, in every list and pane"), LIST_KEYS),
            (N_("Links in the detail pane"), [Binding("enter", "", N_("Follow the link"))]),
            (
                N_("Notes in the detail pane"),
                [Binding("enter", "", N_("Edit the note")), *NotesList.BINDINGS],
            ),
            (
                N_("Note editor"),
                [*NoteEditor.BINDINGS, Binding("tab", "", N_("To the tags field (and back)"))],
            ),
            (
                N_("Search"),
                [
                    *SearchScreen.BINDINGS,
                    Binding("enter", "", N_("Go to the highlighted (top) result")),
                ],
            ),
            (N_("Bookmarks view"), BookmarksScreen.BINDINGS),
            (N_("Team screen"), TeamScreen.BINDINGS),
            (N_("Citation"), CitationScreen.BINDINGS),
            (N_("Questions"), [*ConfirmScreen.BINDINGS, *ChoiceScreen.BINDINGS]),
            (N_("A draft offered back"), DraftScreen.BINDINGS),
            (N_("Notices"), NoticeScreen.BINDINGS),
            (N_("Prompts (a name, a label, a file)"), PromptScreen.BINDINGS),
            (N_("Welcome"), WelcomeScreen.BINDINGS),
            (N_("Lock screen"), LockScreen.BINDINGS),
            (N_("Help"), HelpScreen.BINDINGS),
        ]

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette's commands, each with its key ("Bookmark  b"): the palette teaches keys.

        Titles and help are in the interface language (Textual's own commands too).
        """
        for command in self._system_commands(screen):
            yield command._replace(title=palette_title(self, command.title), help=_(command.help))

    def action_command_palette(self) -> None:
        """The command palette, with a plain ">" for its search icon in ASCII mode.

        Not over the lock screen: its commands open the bookmarks, the search of notes...
        """
        from textual.command import CommandPalette

        from gpp_tui.ui.commands import Palette
        from gpp_tui.ui.screens.lock import LockScreen

        if any(isinstance(screen, LockScreen) for screen in self.screen_stack):
            return
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            placeholder = _("Search for commands…")
            if self.glyphs is glyphs.ASCII:
                placeholder = placeholder.replace("…", "...")
            self.push_screen(Palette(placeholder=placeholder, ascii=self.glyphs is glyphs.ASCII))

    def _system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Our commands, and of Textual's own only Theme (not on a console's 16 colours).

        Textual's Keys panel (generic keys, untranslated, squeezing the detail pane),
        Maximize and Screenshot (it writes the screen to disk) are left out; its Quit
        is replaced by one that says what quitting keeps.
        """
        if self.glyphs is not glyphs.ASCII:
            yield SystemCommand(
                N_("Theme"),
                N_("Change the current theme"),
                self.action_change_theme,
            )
        yield SystemCommand(
            N_("Quit"),
            N_("Saves everything first; a note being written is kept as a draft"),
            self.action_quit,
        )
        yield SystemCommand(N_("Help"), N_("Show every key binding"), self.action_help)
        yield SystemCommand(
            N_("Lock"), N_("Hide everything behind a neutral screen"), self.action_lock
        )
        yield SystemCommand(
            N_("Your name"), N_("The name shown with each note you write"), self.action_change_name
        )
        main = self.main_screen
        actions = [
            (N_("Search"), N_("Search the principles and your notes"), main.action_search),
            (N_("Bookmark"), N_("Bookmark the highlighted node"), main.action_toggle_bookmark),
            (N_("Bookmarks"), N_("List your bookmarks"), main.action_show_bookmarks),
            (N_("Add note"), N_("Write a note on the highlighted node"), main.action_add_note),
            (
                N_("Filter"),
                N_("Filter the tree: bookmarked, notes, follow-up, text"),
                main.action_choose_filter,
            ),
            (N_("Export"), N_("Write a review or your raw notes to a file"), main.action_export),
            (
                N_("Import"),
                N_("Merge a colleague's exported notes into yours"),
                main.action_import,
            ),
            (N_("Cite"), N_("Copy a citation of the highlighted node"), main.action_cite),
            (
                N_("Language"),
                N_("Principles in the other language: the English original or its translation"),
                main.action_switch_language,
            ),
            (
                N_("Side by side"),
                N_("The original and its translation next to each other (120 columns)"),
                main.action_side_by_side,
            ),
            (
                N_("Undo"),
                N_("Take back the last change (delete, edit, status, bookmark)"),
                main.action_undo,
            ),
            (N_("Redo"), N_("Make again what undo took back"), main.action_redo),
            (
                N_("Label bookmark"),
                N_("Give the highlighted node's bookmark a short label"),
                main.action_label_bookmark,
            ),
            (N_("Back"), N_("Back to the node shown before (like a browser)"), main.action_back),
            (N_("Forward"), N_("Forward again, after going back"), main.action_forward),
            (
                N_("Reviewed, next"),
                N_("Mark reviewed, go to the next unreviewed"),
                main.action_reviewed_next,
            ),
        ]
        from gpp_tui.ui.screens import teamwork

        if main.session.team.name:
            actions.append(
                (
                    N_("Team"),
                    N_("Members, their progress, requests to join, problems, sync"),
                    main.action_show_team,
                )
            )
            actions.append(
                (
                    N_("Team sync"),
                    N_("git: commit your team files, pull, push"),
                    partial(teamwork.sync, main),
                )
            )
        if main.session.team.joined:
            actions.append(
                (
                    N_("Leave the team"),
                    N_("Stop sharing: your notes stay here, your files stay in the team folder"),
                    partial(teamwork.leave_team, main),
                )
            )
        else:
            actions.append(
                (
                    N_("Create a team folder"),
                    N_("Make a shared folder a team folder and join it"),
                    partial(teamwork.create_team, main),
                )
            )
            actions.append(
                (
                    N_("Join a team folder"),
                    N_("Review with your team: join the team in a shared folder"),
                    partial(teamwork.join_team, main),
                )
            )
        for title, help_text, action in actions:
            yield SystemCommand(title, help_text, action)
        for title, help_text, status in STATUS_COMMANDS:
            yield SystemCommand(title, help_text, partial(main.action_set_status, status.value))

    async def action_quit(self) -> None:
        """Save what is not saved yet and remember the position, then quit.

        If the annotations cannot be saved the user is asked before anything is lost.
        A note being written is kept as a draft, offered back at the next start.
        """
        await self._keep_drafts()
        screen = self.main_screen
        screen.save_position()
        store = screen.store
        if store is None or store.read_only or not store.dirty:
            self._close_and_exit()
            return
        try:
            screen.session.save()
        except StoreError as error:
            from gpp_tui.ui.screens.confirm import ConfirmScreen

            def answered(quit_anyway: bool | None) -> None:
                if quit_anyway:
                    self._close_and_exit()

            self.push_screen(
                ConfirmScreen(
                    _("{error}. Quit and lose the unsaved changes?").format(error=error),
                    _("Quit"),
                    _("Stay"),
                ),
                answered,
            )
            return
        self._close_and_exit()

    def _close_and_exit(self) -> None:
        store = self.main_screen.store
        if store is not None:
            store.close()
        self.exit()


__all__ = ["GppApp", "LinkList"]
