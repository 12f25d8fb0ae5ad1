"""The gpp-tui Textual application."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Tree

from gpp_tui.content import Library
from gpp_tui.store.state import load_state
from gpp_tui.ui import glyphs
from gpp_tui.ui.commands import NodeCommands
from gpp_tui.ui.screens.help import BindingGroup, HelpScreen
from gpp_tui.ui.screens.main import MainScreen
from gpp_tui.ui.widgets.detail import LinkList
from gpp_tui.ui.widgets.principles_tree import PrinciplesTree


class GppApp(App[None]):
    """Browse the principles packs by keyboard."""

    CSS_PATH = "app.tcss"
    TITLE = "gpp-tui"
    SUB_TITLE = "Gender Persecution Principles"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]
    COMMANDS = App.COMMANDS | {NodeCommands}

    def __init__(
        self,
        library: Library,
        data_dir: Path,
        *,
        ascii_only: bool | None = None,
        environ: dict[str, str] | None = None,
    ) -> None:
        super().__init__()
        env = dict(os.environ) if environ is None else environ
        self.library = library
        self.data_dir = data_dir
        self.glyphs = glyphs.pick(glyphs.wants_ascii(env) if ascii_only is None else ascii_only)
        # The Linux console has 16 colours: the ANSI theme uses exactly those.
        self.theme = "ansi-dark" if env.get("TERM") == "linux" else "textual-dark"

    def get_default_screen(self) -> Screen[None]:
        """The main screen, opened where the user left off."""
        state = load_state(self.data_dir)
        return MainScreen(self.library, self.glyphs, self.data_dir, (state.pack_id, state.node_id))

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
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.binding_groups()))

    def binding_groups(self) -> list[BindingGroup]:
        """Every binding the user can press, grouped by where it works."""
        palette = Binding(self.COMMAND_PALETTE_BINDING, "command_palette", "Command palette")
        return [
            (
                "Anywhere",
                [
                    *self.BINDINGS,
                    palette,
                    Binding("tab", "", "Next pane"),
                    Binding("shift+tab", "", "Previous pane"),
                ],
            ),
            ("Browsing", MainScreen.BINDINGS),
            (
                "Tree",
                [
                    Binding("up", "", "Move up"),
                    Binding("down", "", "Move down"),
                    Binding("enter,space", "", "Open or close a node"),
                    *PrinciplesTree.BINDINGS,
                    *[b for b in Tree.BINDINGS if isinstance(b, Binding) and "shift" in b.key],
                ],
            ),
            ("Links in the detail pane", [Binding("enter", "", "Follow the link")]),
            ("Help", HelpScreen.BINDINGS),
        ]

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands, without the screenshot (it would write the screen to disk)."""
        for command in super().get_system_commands(screen):
            if command.title != "Screenshot":
                yield command
        yield SystemCommand("Help", "Show every key binding", self.action_help)

    async def action_quit(self) -> None:
        """Remember the position, then quit."""
        self.main_screen.save_position()
        self.exit()


__all__ = ["GppApp", "LinkList"]
