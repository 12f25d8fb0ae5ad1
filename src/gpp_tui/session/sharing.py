"""Export to a file, and import a colleague's export in two steps: read and preview, then apply."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from gpp_tui.content import Library
from gpp_tui.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from gpp_tui.exchange.merge import MergeResult
    from gpp_tui.exchange.portable import ExportFile
    from gpp_tui.store.models import Annotations

FORMATS = [
    ("html", N_("HTML review: one file to read or print")),
    ("md", N_("Markdown review")),
    ("docx", N_("Word document: the review to draft a submission in")),
    ("json", N_("JSON: your raw notes, for a colleague's gpp import")),
    ("toml", N_("TOML: your raw notes, for a colleague's gpp import")),
]
"""Export formats: (name, what the user gets, in English: `_()` where shown)."""

EXPORT_PARTS = [
    ("all", N_("Everything")),
    ("bookmarked", N_("Bookmarked parts only")),
    ("notes", N_("Parts with notes only")),
    ("follow-up", N_("Parts that need follow-up only")),
]
"""What an export holds: everything, or the parts `gpp export --only` names."""


PLAIN_TEXT_WARNING = N_(
    "Your notes are encrypted, but an export is plain text that anyone "
    "with the file can read. Write {path} anyway?"
)
"""In English: `_()` where asked."""


@dataclass(frozen=True)
class ExportQuestion:
    """What to ask before an export is written: one question, however many reasons."""

    text: str
    replaces: bool
    """True when a yes replaces a file: the answers are Replace and Keep."""


def export_question(path: Path, encrypted: bool) -> ExportQuestion | None:
    """The question to ask before writing an export to `path`; None when there is none.

    A file already there is never replaced without a yes. With encryption on, the
    same one question says the export is plain text.
    """
    from gpp_tui.exchange.destination import existing_file
    from gpp_tui.exchange.review import local_time

    existing = existing_file(path)
    if existing is None:
        return ExportQuestion(_(PLAIN_TEXT_WARNING).format(path=path), False) if encrypted else None
    modified = local_time(existing.modified)
    if encrypted:
        text = _(
            "{name} exists (modified {time}). Replace it? Your notes are encrypted, but "
            "an export is plain text that anyone with the file can read."
        )
    else:
        text = _("{name} exists (modified {time}). Replace it?")
    return ExportQuestion(text.format(name=path.name, time=modified), True)


@dataclass(frozen=True)
class ImportPreview:
    """A colleague's export, read and checked, with what merging it would change."""

    path: Path
    incoming: ExportFile
    base: Annotations
    """The user's annotations the merge was worked out against."""
    result: MergeResult

    @property
    def changes_anything(self) -> bool:
        """False when the user's notes already hold all of it."""
        return self.result.changed

    def lines(self, library: Library, room: int) -> list[str]:
        """What the import is and does, in plain lines: `room` changes listed, the rest counted."""
        from gpp_tui.exchange.io import describe_change, import_header

        changes = self.result.report.changes
        shown = [f"- {describe_change(library, change)}" for change in changes[:room]]
        if len(changes) > room:
            more = len(changes) - room
            shown.append(
                ngettext("... and {count} more", "... and {count} more", more).format(count=more)
            )
        header = import_header(library, self.incoming)
        return [*header, *shown, self.result.report.summary() + "."]


def read_import(path: Path, library: Library, base: Annotations) -> ImportPreview:
    """Read a colleague's export and work out the merge (ImportRefusedError if unusable)."""
    from gpp_tui.exchange.io import read_export
    from gpp_tui.exchange.merge import merge

    incoming = read_export(path, library)
    return ImportPreview(path, incoming, base, merge(base, incoming.annotations))


def merged(preview: ImportPreview, current: Annotations) -> MergeResult:
    """The merge to apply now: the preview's, or a new one if the notes changed since."""
    from gpp_tui.exchange.merge import merge

    if current is preview.base:
        return preview.result
    return merge(current, preview.incoming.annotations)


def write_export(
    library: Library,
    annotations: Annotations,
    fmt: str,
    path: Path,
    author: str,
    only: str | None = None,
    *,
    replace: bool = False,
) -> None:
    """Render and write an export (ExportWriteError when the file cannot be written).

    A file already at `path` is replaced only with `replace`: ExportExistsError otherwise.
    """
    from gpp_tui.exchange.export import render
    from gpp_tui.exchange.export import write_export as write
    from gpp_tui.exchange.portable import ExportInfo

    content = render(library, annotations, fmt, only, ExportInfo(author=author))
    write(path, content, replace=replace)
