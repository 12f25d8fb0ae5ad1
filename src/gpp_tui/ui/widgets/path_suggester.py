"""Completion of file paths in a text field: type the start of a name, → or tab takes it."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from textual.suggester import Suggester


def complete_path(value: str) -> str | None:
    """`value` completed with the rest of the first matching file or folder name.

    A folder gets a trailing separator, so the next name can be typed at once.
    Hidden entries are offered only when the typed name starts with a dot.
    None when nothing matches or the folder cannot be read.
    """
    if not value:
        return None
    folder_text, _, prefix = value.rpartition(os.sep)
    folder = Path(os.path.expanduser(folder_text + os.sep if folder_text else os.curdir))
    if not folder_text and value.startswith(os.sep):
        folder = Path(os.sep)
    try:
        with os.scandir(folder) as entries:
            names = sorted(
                (entry.name, entry.is_dir())
                for entry in entries
                if entry.name.startswith(prefix)
                and (prefix.startswith(".") or not entry.name.startswith("."))
            )
    except OSError:
        return None
    for name, is_dir in names:
        completed = value + name[len(prefix) :] + (os.sep if is_dir else "")
        if completed != value:
            return completed
    return None


class PathSuggester(Suggester):
    """Suggests the rest of a path from what is on disk (read off the UI thread)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        """The completed path, or None."""
        return await asyncio.to_thread(complete_path, value)
