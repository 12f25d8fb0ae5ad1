"""Dialogs for finding: search-as-you-type, and the tree filters that combine."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gpp_tui.i18n import _
from gpp_tui.session.finding import FILTER_NAMES
from gpp_tui.store.kinds import NodeFilter
from gpp_tui.ui.widgets.principles_tree import PrinciplesTree

if TYPE_CHECKING:
    from gpp_tui.ui.screens.main import MainScreen
    from gpp_tui.ui.screens.search import SearchTarget

TEXT_FILTER = "text"


def open_search(screen: MainScreen) -> None:
    """Open search-as-you-type; enter jumps to the result, escape comes back."""
    from gpp_tui.ui.screens.search import SearchScreen

    finder = screen.session.finder

    def chosen(target: SearchTarget | None) -> None:
        if target is not None:
            if target.note_id is not None:
                screen.pending_note = ((target.pack_id, target.node_id), target.note_id)
            screen.jump((target.pack_id, target.node_id))

    screen.app.push_screen(SearchScreen(finder.remember, screen.glyphs, finder.last_query), chosen)


def choose_filter(screen: MainScreen) -> None:
    """Filter the tree by the user's marks and/or by text."""
    from gpp_tui.ui.screens.choice import ChoiceScreen
    from gpp_tui.ui.screens.prompt import PromptScreen

    finder = screen.session.finder
    if screen.session.store is None:
        screen.notify(_("Your notes are still loading"), timeout=2)
        return
    choices = [("all", _("Show everything"))]
    choices += [(f.value, _(FILTER_NAMES[f])) for f in NodeFilter]
    if screen.session.team.name:
        choices += [
            ("mine", _("Nodes with your notes")),
            ("by others", _("Nodes with colleagues' notes")),
        ]
    choices.append((TEXT_FILTER, _("Only nodes matching a text...")))
    if finder.text_filter:
        choices.append(("no-text", _("Stop matching {text!r}").format(text=finder.text_filter)))

    def text_chosen(text: str | None) -> None:
        if text is not None:
            finder.text_filter = text
            apply_filters(screen)

    def chosen(key: str | None) -> None:
        if key == TEXT_FILTER:
            screen.app.push_screen(
                PromptScreen(
                    _("Show only nodes matching"),
                    finder.text_filter,
                    hint=_("enter to apply · escape to cancel"),
                ),
                text_chosen,
            )
        elif key == "no-text":
            finder.text_filter = ""
            apply_filters(screen)
        elif key in ("mine", "by others"):
            finder.author_filter = key
            apply_filters(screen)
        elif key is not None:
            finder.node_filter = None if key == "all" else NodeFilter(key)
            if key == "all":
                finder.text_filter = ""
                finder.author_filter = ""
            apply_filters(screen)

    current = finder.node_filter.value if finder.node_filter else "all"
    active = {current}
    if finder.author_filter:
        active.add(finder.author_filter)
    if finder.text_filter:
        active.add(TEXT_FILTER)
    if active != {"all"}:
        active.discard("all")
    screen.app.push_screen(
        ChoiceScreen(_("Filter the tree"), choices, current, active=active), chosen
    )


def apply_filters(screen: MainScreen) -> None:
    """Show the nodes that pass every active filter (all nodes when none is active)."""
    keep = screen.session.finder.visible()
    screen.query_one(PrinciplesTree).set_filter(keep)
    screen.show_progress()
    if keep is not None and not keep:
        screen.notify(_("Nothing matches the filter; F changes it"), timeout=4)
