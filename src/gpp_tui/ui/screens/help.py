"""The help screen: every key binding of the app, generated from the bindings themselves."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

from gpp_tui.i18n import N_, _
from gpp_tui.ui.glyphs import Glyphs
from gpp_tui.ui.widgets.footer import QUIT, FittingFooter
from gpp_tui.ui.widgets.hanging import Hanging
from gpp_tui.ui.widgets.nav_keys import KeyedScroll

BindingGroup = tuple[str, Iterable[BindingType]]

TEXTUAL_DESCRIPTIONS = (
    N_("Cursor to parent"),
    N_("Cursor to next ancestor"),
    N_("Cursor to previous sibling"),
    N_("Cursor to next sibling"),
    N_("Expand or collapse all"),
)
"""The descriptions of Textual's own bindings the help lists (the tree's shift keys), for the
catalogs: the rows translate every description with `_()`, and these are not in our code."""

KEY_WIDTH = 16
"""The key column's width from 70 columns on (narrower, 10)."""


def marks_legend(glyphs: Glyphs) -> Hanging:
    """What the tree's marks mean, in the symbols this terminal shows."""
    notes = glyphs.notes_mark(2, False) if glyphs.count_notes else glyphs.note
    meaning = _(
        "{reviewed} reviewed  {follow_up} follow-up  {bookmark} bookmark  "
        "{notes} notes  {team} notes, some a colleague's"
    ).format(
        reviewed=glyphs.reviewed,
        follow_up=glyphs.follow_up,
        bookmark=glyphs.bookmark,
        notes=notes,
        team=glyphs.notes_mark(2, True),
    )
    return Hanging([(Text(_("Marks:") + " ", style="bold"), meaning)])


class HelpScreen(ModalScreen[None]):
    """Lists every binding, grouped by where it works; escape, ? or F1 closes it (q quits).

    Group titles and descriptions are the English ones, translated here as drawn.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1", "dismiss", N_("Close help"), id="help.close"),
        QUIT,
    ]

    def __init__(self, groups: list[BindingGroup]) -> None:
        super().__init__()
        self._groups = groups

    def compose(self) -> ComposeResult:
        """A scrollable table of keys."""
        with KeyedScroll(id="help-body") as body:
            body.border_title = _("Keys (escape to close)")
            yield Static(self._table(), id="help-table")
            glyphs: Glyphs | None = getattr(self.app, "glyphs", None)
            if glyphs is not None:  # after the keys: the first pages stay the keys
                yield Static(marks_legend(glyphs), id="help-marks")
        yield FittingFooter()

    def _table(self) -> Group:
        """Each group: its title on a line of its own, then its keys and what they do.

        A binding's id follows its description, in brackets (for [keys] in the settings
        file), so the description keeps the width: readable at 60 columns.
        """
        width = self.app.size.width
        parts: list[RenderableType] = [
            Text(_("In brackets after each action: its id, for [keys] in the settings file.")),
            Text(""),
        ]
        keymap: dict[str, str] = getattr(self.app, "keymap", {})
        for title, bindings in self._groups:
            parts.append(Text(_(title), style="bold underline"))
            table = Table(box=None, show_header=False, expand=True, padding=(0, 1))
            # Long key lists wrap, never cut; narrower keys leave the words room.
            table.add_column(_("Key"), style="bold", width=KEY_WIDTH if width >= 70 else 10)
            table.add_column(_("Action"), ratio=1)
            keys_by_action: dict[str, list[str]] = {}
            ids: dict[str, str] = {}
            for binding in Binding.make_bindings(bindings):
                # The footer's short word, or the longer tooltip when there is one.
                english = binding.tooltip or binding.description
                if not english:
                    continue
                description = _(english)
                keys = keys_by_action.setdefault(description, [])
                if binding.id:
                    ids[description] = binding.id
                if binding.id and binding.id in keymap:
                    remapped = Binding(keymap[binding.id], binding.action, binding.description)
                    shown = [self.app.get_key_display(b) for b in Binding.make_bindings([remapped])]
                else:
                    shown = [self.app.get_key_display(binding)]
                keys.extend(key for key in shown if key not in keys)
            for description, keys in keys_by_action.items():
                said = Text(description)
                if description in ids:
                    said.append(f"  [{ids[description]}]", style="dim")
                table.add_row(Text(", ".join(keys)), said)
            parts.extend((table, Text("")))
        return Group(*parts)

    def on_resize(self, event: events.Resize) -> None:
        """Lay the keys out again for the new width."""
        self.query_one("#help-table", Static).update(self._table())

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help screen."""
        self.dismiss(result)
