"""Export the annotations: a review to read, print or edit (md, html, docx) or a file to import."""

from __future__ import annotations

import os
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from gpp_tui.content.models import Library
from gpp_tui.exchange.html import render_html
from gpp_tui.exchange.markdown import render_markdown
from gpp_tui.exchange.portable import ExportInfo, select, to_json, to_toml
from gpp_tui.exchange.review import build_review
from gpp_tui.i18n import _
from gpp_tui.store.atomic import atomic_write_bytes
from gpp_tui.store.kinds import NodeFilter
from gpp_tui.store.models import Annotations


class ExportFormat(StrEnum):
    """The formats `export` writes."""

    MD = "md"
    HTML = "html"
    JSON = "json"
    TOML = "toml"
    DOCX = "docx"

    @property
    def suffix(self) -> str:
        """The file name suffix: ".md", ".html", ...."""
        return f".{self.value}"

    @property
    def importable(self) -> bool:
        """True for the formats `gpp import` reads back."""
        return self in (ExportFormat.JSON, ExportFormat.TOML)

    @property
    def binary(self) -> bool:
        """True for the formats that are not text (Word): written to a file, never printed."""
        return self is ExportFormat.DOCX

    @classmethod
    def from_path(cls, path: Path) -> ExportFormat | None:
        """The format a file name asks for (review.html → HTML), if any."""
        suffix = path.suffix.lower().lstrip(".")
        aliases = {"markdown": "md", "htm": "html"}
        try:
            return cls(aliases.get(suffix, suffix))
        except ValueError:
            return None


class ExportWriteError(Exception):
    """An export file could not be written; the message is one line."""


class ExportExistsError(ExportWriteError):
    """A file is already there and replacing it was not asked for; nothing was written."""

    def __init__(self, path: Path) -> None:
        super().__init__(_("not written: {path} exists").format(path=path))
        self.path = path


def export(
    library: Library,
    annotations: Annotations,
    fmt: ExportFormat | str,
    only: NodeFilter | str | None = None,
    info: ExportInfo | None = None,
) -> str:
    """The export as text; `only` keeps just the bookmarked, noted or follow-up nodes.

    Markdown and HTML show the follow-ups, progress, then every recommendation (or,
    with `only`, the nodes that pass), other annotated nodes and orphaned
    annotations. JSON and TOML carry the raw annotations of every pack, for
    `gpp import` elsewhere. Word documents are bytes: see `render`.
    """
    fmt = ExportFormat(fmt)
    if fmt.binary:
        raise ValueError(f"{fmt.value} is not a text format; use render()")
    wanted = NodeFilter(only) if only is not None else None
    info = info or ExportInfo()
    if info.generated_at is None:
        info = ExportInfo(info.author, info.moment, info.timezone)
    if fmt is ExportFormat.JSON:
        return to_json(library, select(annotations, wanted), info)
    if fmt is ExportFormat.TOML:
        return to_toml(library, select(annotations, wanted), info)
    review = build_review(library, annotations, wanted, info)
    return render_html(review) if fmt is ExportFormat.HTML else render_markdown(review)


def render(
    library: Library,
    annotations: Annotations,
    fmt: ExportFormat | str,
    only: NodeFilter | str | None = None,
    info: ExportInfo | None = None,
) -> bytes:
    """The export as the bytes of its file, in any format (UTF-8 for the text ones)."""
    fmt = ExportFormat(fmt)
    if not fmt.binary:
        return export(library, annotations, fmt, only, info).encode("utf-8")
    from gpp_tui.exchange.word import render_docx

    wanted = NodeFilter(only) if only is not None else None
    info = info or ExportInfo()
    if info.generated_at is None:
        info = ExportInfo(info.author, info.moment, info.timezone)
    return render_docx(build_review(library, annotations, wanted, info), info)


def suggested_file_name(fmt: ExportFormat | str, moment: datetime) -> str:
    """A default file name: gpp-review-2026-05-01.html, or gpp-notes-2026-05-01.toml."""
    fmt = ExportFormat(fmt)
    kind = "notes" if fmt.importable else "review"
    return f"gpp-{kind}-{moment.astimezone():%Y-%m-%d}{fmt.suffix}"


def write_export(path: Path, content: str | bytes, *, replace: bool = False) -> None:
    """Write an export atomically: the file is complete or not there (ExportWriteError).

    A file already at `path` is replaced only with `replace` (the user said so);
    otherwise ExportExistsError, and the file is untouched.
    """
    if path.is_dir():
        raise ExportWriteError(f"not written: {path} is a folder")
    if not replace and os.path.lexists(path):
        raise ExportExistsError(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        atomic_write_bytes(path, data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportWriteError(f"not written: {path} ({reason})") from None
