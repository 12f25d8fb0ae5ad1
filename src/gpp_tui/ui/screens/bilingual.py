"""The principles in two languages: switch between the original and its translation, or both."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from gpp_tui.i18n import _, language
from gpp_tui.session.languages import shown_language

if TYPE_CHECKING:
    from gpp_tui.ui.screens.main import MainScreen

SIDE_BY_SIDE_WIDTH = 120
"""Columns needed to show the original and its translation next to each other."""


def switch_language(screen: MainScreen) -> None:
    """Show the principles in the other language; the translations are read on first use."""

    def switch() -> None:
        changed = screen.run(lambda: screen.session.show_language(preferred=language()))
        if changed is not None:
            screen.chosen_language = shown_language(screen.session.library)
            screen.show_library()
            screen.save_position()

    with_translations(screen, switch)


def toggle_side_by_side(screen: MainScreen) -> None:
    """Show the original and its translation next to each other, or one language again."""
    width = screen.size.width
    if not screen.side_by_side and width < SIDE_BY_SIDE_WIDTH:
        screen.notify(
            _("Side by side needs {wide} columns; this terminal has {width}").format(
                wide=SIDE_BY_SIDE_WIDTH, width=width
            ),
            timeout=4,
        )
        return
    screen.side_by_side = not screen.side_by_side
    screen.save_position()
    if not screen.side_by_side:
        show_side_by_side(screen)
        screen.notify(_("One language again"), timeout=3)
        return

    def shown() -> None:
        screen.session.include_translations()
        if len(screen.session.library.languages) < 2:
            screen.notify(_("These principles come in one language only"), timeout=4)
            return
        screen.show_library()
        screen.notify(_("Side by side: the original and its translation"), timeout=3)

    with_translations(screen, shown)


def show_side_by_side(screen: MainScreen, width: int | None = None) -> None:
    """Side by side when asked for and the terminal is wide enough (`width` after a resize)."""
    from gpp_tui.ui.widgets.detail import DetailPane

    wide = (screen.size.width if width is None else width) >= SIDE_BY_SIDE_WIDTH
    screen.query_one(DetailPane).set_side_by_side(screen.side_by_side and wide)


def with_translations(screen: MainScreen, then: Callable[[], None]) -> None:
    """Run `then` once the translations are read: at once, or after a thread has read them."""
    session = screen.session
    if session.languages.loaded:
        then()
        return

    def read() -> None:
        session.with_translations()
        screen.app.call_from_thread(then)

    screen.run_worker(read, thread=True, group="languages")
