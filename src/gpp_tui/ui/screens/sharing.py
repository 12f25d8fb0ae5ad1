"""Dialogs for sharing: export, import a colleague's notes, copy a citation."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from gpp_tui.display import safe_line
from gpp_tui.i18n import N_, _
from gpp_tui.session import Refused
from gpp_tui.session.sharing import EXPORT_PARTS, FORMATS

if TYPE_CHECKING:
    from gpp_tui.session.sharing import ImportPreview
    from gpp_tui.ui.screens.main import MainScreen
    from gpp_tui.ui.screens.prompt import PromptScreen

IMPORT_LINES_SHOWN = 8
"""Changes listed one by one before an import; the rest are counted."""
PATH_HINT = N_("tab completes a name · enter to go on · escape to cancel")
"""In English: `_()` where shown."""


def path_prompt(question: str, value: str) -> PromptScreen:
    """A prompt for a file path, with tab completion from what is on disk."""
    from gpp_tui.ui.screens.prompt import PromptScreen
    from gpp_tui.ui.widgets.path_suggester import PathSuggester

    return PromptScreen(
        question, value, max_length=4096, suggester=PathSuggester(), hint=_(PATH_HINT)
    )


def cite(screen: MainScreen) -> None:
    """Copy a citation of the highlighted node (works over SSH through OSC 52)."""
    from gpp_tui.exchange.cite import citation

    node = screen.current
    if node is None:
        return
    from gpp_tui.exchange.cite import DEFAULT_STYLE, CitationStyle
    from gpp_tui.ui.screens.citation import CitationScreen

    # The one place gpp-tui sends OSC 52, with text that cannot end the sequence early.
    texts = {s.value: safe_line(citation(screen.session.library, node, s)) for s in CitationStyle}
    text = texts[DEFAULT_STYLE]
    screen.app.copy_to_clipboard(text)
    # Some terminals ignore clipboard requests: the dialog keeps the text on screen and
    # says so (no toast repeating the citation over the dialog).
    screen.app.push_screen(CitationScreen(texts, DEFAULT_STYLE.value))


def choose_export(screen: MainScreen) -> None:
    """Choose a format and a file, then write the export (plain text: says so if encrypted)."""
    from gpp_tui.ui.screens.choice import ChoiceScreen

    if screen.session.store is None:
        screen.notify(_("Your notes are still loading"), timeout=2)
        return

    def format_chosen(fmt: str | None) -> None:
        if fmt is None:
            return

        def parts_chosen(parts: str | None) -> None:
            if parts is not None:
                _choose_export_path(screen, fmt, None if parts == "all" else parts)

        parts = [(key, _(label)) for key, label in EXPORT_PARTS]
        screen.app.push_screen(ChoiceScreen(_("Export which parts"), parts), parts_chosen)

    formats = [(key, _(label)) for key, label in FORMATS]
    screen.app.push_screen(ChoiceScreen(_("Export as"), formats, "html"), format_chosen)


def _choose_export_path(screen: MainScreen, fmt: str, only: str | None) -> None:
    from gpp_tui.exchange.destination import suggested_export_path

    suggested = suggested_export_path(fmt, datetime.now().astimezone())
    _ask_export_path(screen, fmt, only, _("Write the export to"), suggested)


def _ask_export_path(
    screen: MainScreen, fmt: str, only: str | None, question: str, value: Path
) -> None:
    """Ask where to write; a file already there is replaced only after a yes."""
    from gpp_tui.session.sharing import export_question
    from gpp_tui.ui.screens.confirm import ConfirmScreen

    def path_chosen(answer: str | None) -> None:
        if not answer:
            return
        path = Path(answer).expanduser()
        asked = export_question(path, getattr(screen.app, "codec", None) is not None)
        if asked is None:
            write_export(screen, fmt, path, only)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                write_export(screen, fmt, path, only, replace=asked.replaces)
            elif asked.replaces:  # kept: the path again, with a free name next to it
                from gpp_tui.exchange.destination import free_path

                again = _("{name} is kept. Write the export to").format(name=path.name)
                _ask_export_path(screen, fmt, only, again, free_path(path))

        if asked.replaces:
            dialog = ConfirmScreen(asked.text, _("Replace it"), _("Keep it"))
        else:
            dialog = ConfirmScreen(asked.text, _("Write it"), _("Cancel"))
        screen.app.push_screen(dialog, answered)

    screen.app.push_screen(path_prompt(question, str(value)), path_chosen)


def write_export(
    screen: MainScreen, fmt: str, path: Path, only: str | None = None, *, replace: bool = False
) -> None:
    """Render and write the export off the UI thread (`replace`: the user said yes to that)."""

    def work() -> None:
        try:
            message = screen.session.export(fmt, path, only, replace=replace)
        except Refused as refused:
            screen.app.call_from_thread(
                screen.notify, refused.message, severity="error", timeout=12
            )
            return
        screen.app.call_from_thread(screen.notify, message, timeout=8)

    screen.run_worker(work, thread=True, group="export")


def choose_import(screen: MainScreen) -> None:
    """Ask for a colleague's JSON or TOML export, then preview it."""
    from gpp_tui.exchange.destination import default_export_folder

    folder = default_export_folder()
    question = _("Import a colleague's notes: the .json or .toml file they exported")

    def path_chosen(answer: str | None) -> None:
        if answer:
            read_import(screen, Path(answer).expanduser())

    screen.app.push_screen(path_prompt(question, f"{folder}{os.sep}"), path_chosen)


def read_import(screen: MainScreen, path: Path) -> None:
    """Read and check the file, and work out the merge, off the UI thread."""

    def work() -> None:
        try:
            preview = screen.session.read_import(path)
        except Refused as refused:
            screen.app.call_from_thread(
                screen.notify, refused.message, severity="error", timeout=12
            )
            return
        screen.app.call_from_thread(confirm_import, screen, preview)

    screen.run_worker(work, thread=True, group="import", exclusive=True)


def confirm_import(screen: MainScreen, preview: ImportPreview) -> None:
    """Say what the import adds, updates and keeps as conflicts, then ask."""
    from gpp_tui.ui.screens.confirm import ConfirmScreen

    if not preview.changes_anything:
        screen.notify(
            _("Nothing to import from {file}: your notes already hold all of it.").format(
                file=preview.path.name
            ),
            timeout=8,
        )
        return
    room = max(0, min(IMPORT_LINES_SHOWN, screen.app.size.height - 16))  # 8 lines at 80x24
    question = "\n".join([*preview.lines(screen.session.library, room), _("Import them?")])

    def answered(yes: bool | None) -> None:
        if yes:
            screen.run(lambda: screen.session.apply_import(preview))

    screen.app.push_screen(ConfirmScreen(question, _("Import"), _("Cancel")), answered)
