"""Where an export goes: the default folder, a free file name, a file it would replace."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from gpp_tui.exchange.export import ExportFormat, suggested_file_name

PLAIN_SUFFIXES = frozenset({".md", ".markdown", ".html", ".htm", ".docx", ".json"})
"""Export files a data folder never holds otherwise (TOML exports: by their default name)."""


def default_export_folder() -> Path:
    """~/Documents when there is one, else the home folder, else the current folder.

    Never the data folder: it is hidden, and exports left there stay plain text
    beside notes that `gpp encrypt` puts under lock.
    """
    from platformdirs import user_documents_path

    documents = user_documents_path()
    if documents.is_dir():
        return documents
    home = Path.home()
    if home.is_dir() and os.access(home, os.W_OK | os.X_OK):
        return home
    return Path.cwd()


def free_path(path: Path) -> Path:
    """`path` when nothing is there, else the first free of name-2.ext, name-3.ext, ...."""
    if not os.path.lexists(path):
        return path
    number = 2
    while True:
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not os.path.lexists(candidate):
            return candidate
        number += 1


def suggested_export_path(fmt: ExportFormat | str, moment: datetime) -> Path:
    """Today's export file in the default folder, under a name no file has yet."""
    return free_path(default_export_folder() / suggested_file_name(fmt, moment))


@dataclass(frozen=True)
class ExistingFile:
    """A file an export would replace."""

    path: Path
    modified: datetime
    """When it was last changed (UTC)."""


def existing_file(path: Path) -> ExistingFile | None:
    """The file at `path` an export would replace; None when there is none (or a folder)."""
    try:
        if path.is_dir():
            return None
        stat = path.stat()
    except OSError:
        return None
    return ExistingFile(path, datetime.fromtimestamp(stat.st_mtime, UTC))


def plain_exports(data_folder: Path) -> list[Path]:
    """Exports left in the data folder: plain text, whatever encryption does to the notes."""
    try:
        entries = sorted(data_folder.iterdir())
    except OSError:
        return []
    return [
        entry
        for entry in entries
        if entry.is_file()
        and (
            entry.suffix.lower() in PLAIN_SUFFIXES
            or (entry.suffix.lower() == ".toml" and entry.name.startswith("gpp-notes-"))
        )
    ]
