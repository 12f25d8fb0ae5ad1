"""The main screen's sharing actions: export, import a colleague's notes, copy a citation."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_documents_path
from textual import work

from gpp_tui.display import safe_line
from gpp_tui.ui.screens.finding import Finding

if TYPE_CHECKING:
    from gpp_tui.exchange.merge import MergeResult
    from gpp_tui.exchange.portable import ExportFile
    from gpp_tui.store.models import Annotations
    from gpp_tui.ui.screens.prompt import PromptScreen

IMPORT_LINES_SHOWN = 8
"""Changes listed one by one before an import; the rest are counted."""
PATH_HINT = "tab completes a name · enter to go on · escape to cancel"

FORMATS = [
    ("html", "HTML review: one file to read or print"),
    ("md", "Markdown review"),
    ("json", "JSON: your raw notes, for a colleague's gpp import"),
    ("toml", "TOML: your raw notes, for a colleague's gpp import"),
]


def default_export_folder(data_dir: Path) -> Path:
    """The user's documents folder when there is one, else the data folder."""
    documents = user_documents_path()
    return documents if documents.is_dir() else data_dir


def path_prompt(question: str, value: str) -> PromptScreen:
    """A prompt for a file path, with tab completion from what is on disk."""
    from gpp_tui.ui.screens.prompt import PromptScreen
    from gpp_tui.ui.widgets.path_suggester import PathSuggester

    return PromptScreen(question, value, max_length=4096, suggester=PathSuggester(), hint=PATH_HINT)


class Sharing(Finding):
    """Export, import and cite (MainScreen builds on this)."""

    def action_cite(self) -> None:
        """Copy a citation of the highlighted node (works over SSH through OSC 52)."""
        from gpp_tui.exchange.cite import citation

        node = self.current_node
        if node is None:
            return
        # The one place gpp-tui sends OSC 52, with text that cannot end the sequence early.
        text = safe_line(citation(self._library, node))
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied: {text}", timeout=6)

    def action_export(self) -> None:
        """Choose a format and a file, then write the export (plain text: says so if encrypted)."""
        from gpp_tui.ui.screens.choice import ChoiceScreen

        if self.store is None:
            self.notify("Your notes are still loading", timeout=2)
            return
        self.app.push_screen(ChoiceScreen("Export as", FORMATS, "html"), self._format_chosen)

    def _format_chosen(self, fmt: str | None) -> None:
        from gpp_tui.ui.screens.confirm import ConfirmScreen

        if fmt is None:
            return
        from gpp_tui.exchange.export import suggested_file_name

        folder = default_export_folder(self._state_dir)
        suggested = folder / suggested_file_name(fmt, datetime.now().astimezone())

        def path_chosen(answer: str | None) -> None:
            if not answer:
                return
            path = Path(answer).expanduser()
            if getattr(self.app, "codec", None) is None:
                self.write_export(fmt, path)
                return

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.write_export(fmt, path)

            self.app.push_screen(
                ConfirmScreen(
                    "Your notes are encrypted, but an export is plain text that anyone "
                    f"with the file can read. Write {path} anyway?",
                    "Write it",
                    "Cancel",
                ),
                confirmed,
            )

        self.app.push_screen(path_prompt("Write the export to", str(suggested)), path_chosen)

    @work(thread=True, group="export")
    def write_export(self, fmt: str, path: Path) -> None:
        """Render and write the export off the UI thread."""
        from gpp_tui.exchange.export import ExportWriteError, export, write_export
        from gpp_tui.exchange.portable import ExportInfo

        assert self.store is not None
        info = ExportInfo(author=self._author)
        try:
            write_export(path, export(self._library, self.store.annotations, fmt, None, info))
        except ExportWriteError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=12)
            return
        self.app.call_from_thread(self.notify, f"Written to {path}", timeout=8)

    def action_import(self) -> None:
        """Merge a colleague's JSON or TOML export into the user's notes, after a summary."""
        if self._writable() is None:
            return
        folder = default_export_folder(self._state_dir)
        question = "Import a colleague's notes: the .json or .toml file they exported"
        self.app.push_screen(path_prompt(question, f"{folder}{os.sep}"), self._import_path_chosen)

    def _import_path_chosen(self, answer: str | None) -> None:
        if answer:
            self.read_import(Path(answer).expanduser())

    @work(thread=True, group="import", exclusive=True)
    def read_import(self, path: Path) -> None:
        """Read and check the file, and work out the merge, off the UI thread."""
        from gpp_tui.exchange.io import ImportRefusedError, read_export
        from gpp_tui.exchange.merge import merge

        store = self.store
        assert store is not None
        try:
            incoming = read_export(path, self._library)
        except ImportRefusedError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=12)
            return
        base = store.annotations
        result = merge(base, incoming.annotations)
        self.app.call_from_thread(self._confirm_import, path, incoming, base, result)

    def _confirm_import(
        self, path: Path, incoming: ExportFile, base: Annotations, result: MergeResult
    ) -> None:
        from gpp_tui.exchange.io import describe_change, import_header
        from gpp_tui.ui.screens.confirm import ConfirmScreen

        if not result.changed:
            self.notify(
                f"Nothing to import from {path.name}: your notes already hold all of it.",
                timeout=8,
            )
            return
        changes = result.report.changes
        room = max(0, min(IMPORT_LINES_SHOWN, self.app.size.height - 16))  # 8 lines at 80x24
        shown = [f"- {describe_change(self._library, change)}" for change in changes[:room]]
        if len(changes) > room:
            shown.append(f"... and {len(changes) - room} more")
        summary = result.report.summary() + "."
        header = import_header(self._library, incoming)
        question = "\n".join([*header, *shown, summary, "Import them?"])

        def answered(yes: bool | None) -> None:
            if yes:
                self._apply_import(path, incoming, base, result)

        self.app.push_screen(ConfirmScreen(question, "Import", "Cancel"), answered)

    def _apply_import(
        self, path: Path, incoming: ExportFile, base: Annotations, result: MergeResult
    ) -> None:
        from gpp_tui.exchange.merge import merge

        store = self._writable()
        if store is None:
            return
        with store.update(save=False) as edit:
            if edit.annotations is not base:
                # Something changed since the file was read: merge into what is there now.
                result = merge(edit.annotations, incoming.annotations)
            edit.annotations = result.annotations
        self.annotations_replaced()
        self.notify(f"Imported {path.name}: {result.report.summary()}", timeout=10)
