"""The main screen's sharing actions: export a review or the raw notes, copy a citation."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from platformdirs import user_documents_path
from textual import work

from gpp_tui.ui.screens.choice import ChoiceScreen
from gpp_tui.ui.screens.confirm import ConfirmScreen
from gpp_tui.ui.screens.finding import Finding
from gpp_tui.ui.screens.prompt import PromptScreen

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


class Sharing(Finding):
    """Export and cite (MainScreen builds on this)."""

    def action_cite(self) -> None:
        """Copy a citation of the highlighted node (works over SSH through OSC 52)."""
        from gpp_tui.exchange.cite import citation

        node = self.current_node
        if node is None:
            return
        text = citation(self._library, node)
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied: {text}", timeout=6)

    def action_export(self) -> None:
        """Choose a format and a file, then write the export (plain text: says so if encrypted)."""
        if self.store is None:
            self.notify("Your notes are still loading", timeout=2)
            return
        self.app.push_screen(ChoiceScreen("Export as", FORMATS, "html"), self._format_chosen)

    def _format_chosen(self, fmt: str | None) -> None:
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

        self.app.push_screen(
            PromptScreen("Write the export to", str(suggested), max_length=4096), path_chosen
        )

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
