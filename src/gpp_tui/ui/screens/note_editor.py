"""The note editor: multi-line text and tags; ctrl+s saves, escape asks before discarding."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from gpp_tui.i18n import N_, _
from gpp_tui.ui.screens.confirm import ConfirmScreen
from gpp_tui.ui.widgets.footer import FittingFooter
from gpp_tui.ui.widgets.note_text import NoteTextArea

DRAFT_EVERY_SECONDS = 1.0


@dataclass(frozen=True)
class NoteInput:
    """What the user wrote: the note text and its tags."""

    text: str
    tags: tuple[str, ...]


def parse_tags(raw: str) -> tuple[str, ...]:
    """Comma-separated tags, trimmed, without empties or repeats."""
    tags: list[str] = []
    for part in raw.split(","):
        tag = part.strip()
        if tag and tag not in tags:
            tags.append(tag)
    return tuple(tags)


class NoteEditor(ModalScreen[NoteInput | None]):
    """Edit one note. Dismisses with the note, or None when the user discards it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save note"), priority=True, id="editor.save"),
        Binding("escape", "close", N_("Close (asks if unsaved)"), id="editor.close"),
        # priority: the text area would take ctrl+e as "end of line" (end still does that).
        Binding(
            "ctrl+e", "external_editor", N_("Edit in $EDITOR"), priority=True, id="editor.external"
        ),
    ]

    def __init__(
        self,
        heading: str,
        text: str = "",
        tags: tuple[str, ...] = (),
        *,
        on_draft: Callable[[str], None] | None = None,
        changed: bool = False,
    ) -> None:
        super().__init__()
        self._heading = heading
        self._initial = NoteInput(text, tags)
        self._on_draft = on_draft
        self._last_draft = text
        self._changed = changed

    def compose(self) -> ComposeResult:
        """Heading, text area, tags field and a hint line."""
        with Vertical(id="editor-box"):
            yield Static(Text(self._heading), id="editor-heading")
            yield NoteTextArea(
                self._initial.text,
                id="editor-text",
                soft_wrap=True,
                show_line_numbers=False,
                tab_behavior="focus",
            )
            yield Input(
                ", ".join(self._initial.tags),
                placeholder=_("tags, separated by commas"),
                id="editor-tags",
            )
            yield Static(
                _("ctrl+s save · escape close · ctrl+e $EDITOR · tab to tags"), id="editor-hint"
            )
        yield FittingFooter()

    def on_mount(self) -> None:
        """Focus the text, cursor at its end; keep drafts while the user types."""
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        if self._on_draft is not None:
            self.set_interval(DRAFT_EVERY_SECONDS, self.keep_draft)

    @property
    def current(self) -> NoteInput:
        """The note as it stands in the editor."""
        return NoteInput(
            self.query_one(TextArea).text, parse_tags(self.query_one("#editor-tags", Input).value)
        )

    @property
    def changed(self) -> bool:
        """True when the editor holds something not saved yet."""
        return self._changed or self.current != self._initial

    def keep_draft(self) -> None:
        """Hand the text to `on_draft` if it changed since the last draft (also before a lock)."""
        if not self.is_mounted or not self.query(TextArea):
            return
        text = self.query_one(TextArea).text
        if text != self._last_draft and self._on_draft is not None:
            self._last_draft = text
            self._on_draft(text)

    def action_save(self) -> None:
        """Save the note (an empty note is not saved) once the keys typed before are in.

        ctrl+s is a priority key: the app runs it as soon as it arrives, while letters typed
        just before it in one burst (a slow SSH link) still wait in the field's queue.
        """
        (self.focused or self).call_later(self._save)

    def _save(self) -> None:
        if self.app.screen is not self:  # saved already (ctrl+s twice), or a dialog is up
            return
        note = self.current
        if not note.text.strip():
            self.notify(_("The note is empty: write something, or escape to close"), timeout=3)
            return
        self.dismiss(note)

    def action_close(self) -> None:
        """Close, asking first if there are unsaved changes."""
        if not self.changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                _("Discard the unsaved changes to this note?"), _("Discard"), _("Keep editing")
            ),
            answered,
        )

    def action_external_editor(self) -> None:
        """Hand the text to $EDITOR (or $VISUAL) and take the result back.

        The text must sit in a file while that editor runs: in memory-backed
        /dev/shm where there is one, in a private folder removed afterwards. With
        encrypted notes that is plain text, so the user is asked first.
        """
        command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not command:
            self.notify(_("Set $EDITOR to use your own editor"), severity="warning")
            return
        if getattr(self.app, "codec", None) is None:
            self._run_external_editor(command)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._run_external_editor(command)

        self.app.push_screen(
            ConfirmScreen(
                _(
                    "Your notes are encrypted, but your editor needs this note as plain text in "
                    "a temporary file while it runs (removed afterwards; your editor may keep "
                    "its own copies). Open it anyway?"
                ),
                _("Open it"),
                _("Cancel"),
            ),
            answered,
        )

    def _run_external_editor(self, command: str) -> None:
        area = self.query_one(TextArea)
        memory = Path("/dev/shm")
        where = str(memory) if memory.is_dir() and os.access(memory, os.W_OK) else None
        with tempfile.TemporaryDirectory(prefix="gpp-note-", dir=where) as folder:
            path = Path(folder) / "note.txt"
            path.write_text(area.text, encoding="utf-8")
            path.chmod(0o600)
            try:
                with self.app.suspend():
                    result = subprocess.run([*shlex.split(command), str(path)], check=False)
            except SuspendNotSupported:
                self.notify(_("This terminal cannot hand over to another editor"), severity="error")
                return
            except (OSError, ValueError) as error:
                self.notify(
                    _("Could not start {command}: {error}; text kept").format(
                        command=command, error=error
                    ),
                    severity="error",
                )
                return
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                self.notify(
                    _("Could not read the edited text back: {error}; text kept").format(error=error)
                )
                return
        if result.returncode != 0:
            self.notify(
                _("{command} exited with status {status}; text kept").format(
                    command=command, status=result.returncode
                )
            )
            return
        area.text = text
        area.focus()
