"""Read and validate content packs from TOML, with one-line errors a user can act on."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from gpp_tui.content.models import SCHEMA_VERSION, Library, Pack

MAX_PACK_BYTES = 16 * 1024 * 1024
"""Packs larger than this are refused before they are read (a 10,000-recommendation pack is ~3 MB)."""

_TOML_POSITION = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$")


class PackError(Exception):
    """A pack could not be used; str() is one line naming the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem


def bundled_pack_path() -> Path:
    """The path of the pack shipped inside the package."""
    packaged = resources.files("gpp_tui").joinpath("data", "principles.toml")
    if packaged.is_file():
        return Path(str(packaged))
    # A source checkout or an editable install keeps data/ at the project root.
    return Path(__file__).resolve().parents[3] / "data" / "principles.toml"


def load_pack(path: Path) -> Pack:
    """Load one pack file, or raise PackError with a one-line reason."""
    raw = _read_toml(path)
    version = raw.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise PackError(
            path,
            f"schema_version {version} is newer than this gpp-tui understands "
            f"({SCHEMA_VERSION}); update gpp-tui to read this pack",
        )
    try:
        return Pack.model_validate(raw)
    except ValidationError as exc:
        raise PackError(path, _describe(exc, raw)) from None


def pack_files(path: Path) -> list[Path]:
    """The pack files named by --content: the file itself, or a folder's *.toml files."""
    if path.is_dir():
        files = sorted(p for p in path.glob("*.toml") if p.is_file())
        if not files:
            raise PackError(path, "folder holds no .toml files")
        return files
    if not path.exists():
        raise PackError(path, "no such file or folder")
    return [path]


def load_library(extra: Path | None = None, *, include_bundled: bool = True) -> Library:
    """The bundled pack plus the packs named by --content, checked for clashing pack ids."""
    packs: list[Pack] = [load_pack(bundled_pack_path())] if include_bundled else []
    owners: dict[str, Path] = {p.pack.id: bundled_pack_path() for p in packs}
    for file in pack_files(extra) if extra is not None else []:
        pack = load_pack(file)
        if pack.pack.id in owners:
            raise PackError(
                file, f"pack id {pack.pack.id!r} is already used by {owners[pack.pack.id]}"
            )
        owners[pack.pack.id] = file
        packs.append(pack)
    return Library(tuple(packs))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        size = path.stat().st_size
        if size > MAX_PACK_BYTES:
            raise PackError(
                path,
                f"file is {size / 1_000_000:.1f} MB; a content pack may be at most "
                f"{MAX_PACK_BYTES // 1_000_000} MB",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise PackError(path, "no such file") from None
    except IsADirectoryError:
        raise PackError(path, "is a folder, not a pack file") from None
    except OSError as exc:
        raise PackError(path, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise PackError(
            path, f"line {line}: not UTF-8 text (byte 0x{data[exc.start]:02x})"
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.match(message)
        if match:
            message = f"line {match['line']}, column {match['col']}: {match['msg']}"
        raise PackError(path, f"invalid TOML: {message}") from None


def _describe(exc: ValidationError, raw: dict[str, Any]) -> str:
    """One line for the first validation error, with the id of the entry it is in."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    where = _field_path(first["loc"], raw)
    message = first["msg"].removeprefix("Value error, ")
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {message}{more}" if where else f"{message}{more}"


def _field_path(loc: tuple[int | str, ...], raw: Any) -> str:
    parts: list[str] = []
    node = raw
    for key in loc:
        if isinstance(key, int):
            parts[-1:] = [f"{parts[-1] if parts else ''}[{key}]"]
        else:
            parts.append(key)
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            node = None
        if isinstance(key, int) and isinstance(node, dict) and isinstance(node.get("id"), str):
            parts[-1] += f" ({node['id']})"
    return ".".join(parts)
