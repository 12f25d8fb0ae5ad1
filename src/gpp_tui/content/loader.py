"""Read and validate content packs from TOML, with one-line errors a user can act on."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gpp_tui.content.cache import load_cached, store_cached
from gpp_tui.content.models import SCHEMA_VERSION, Library, Pack

if TYPE_CHECKING:
    from pydantic import ValidationError

PACK_FILE = "principles.toml"
"""The bundled pack's file name."""

MAX_PACK_BYTES = 16 * 1024 * 1024
"""Larger packs are refused unread (a 10,000-recommendation pack is about 3 MB)."""

ParseNotice = Callable[[Path, int], None]
"""Told (file, size in bytes) before a pack that is not in the cache is parsed."""

_TOML_POSITION = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$")


_FRIENDLY = {
    "unexpected_keyword_argument": "unknown key, not permitted here (check its spelling)",
    "missing_argument": "required key is missing",
}


class PackError(Exception):
    """A pack could not be used; str() is one line naming the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{_one_line(str(path))}: {_one_line(problem)}")
        self.path = Path(path)
        self.problem = problem


def _one_line(text: str) -> str:
    """Escape control characters (a key or file name may hold a newline) to keep one line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def bundled_pack_path() -> Path:
    """The path of the pack shipped inside the package.

    An installed wheel has it in gpp_tui/data, next to the code; a source checkout
    or an editable install keeps data/ at the project root. Looking there first
    spares start-up the import of importlib.resources (about 15 ms on a slow
    laptop), which is asked only when neither is a plain file.
    """
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / "data" / PACK_FILE, package.parents[1] / "data" / PACK_FILE):
        if candidate.is_file():
            return candidate
    from importlib import resources

    return Path(str(resources.files("gpp_tui").joinpath("data", PACK_FILE)))


def load_pack(
    path: Path, *, cache_dir: Path | None = None, on_parse: ParseNotice | None = None
) -> Pack:
    """Load one pack file, or raise PackError with a one-line reason.

    With `cache_dir`, a pack validated before is rebuilt from the cache (keyed by
    the file's hash) instead of being parsed and validated again. `on_parse` is
    called with the file and its size before a pack is parsed (slow for big packs).
    """
    data = _read_bytes(path)
    if cache_dir is not None:
        cached = load_cached(cache_dir, data)
        if cached is not None:
            return cached
    if on_parse is not None:
        on_parse(path, len(data))
    raw = _parse_toml(path, data)
    version = raw.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise PackError(
            path,
            f"schema_version {version} is newer than this gpp-tui understands "
            f"({SCHEMA_VERSION}); update gpp-tui to read this pack",
        )
    # Imported here: pydantic is only needed when a pack is not in the cache.
    from pydantic import ValidationError

    from gpp_tui.content.schema import PackProblem, validate_pack

    try:
        pack = validate_pack(raw)
    except ValidationError as exc:
        raise PackError(path, _describe(exc, raw)) from None
    except PackProblem as exc:
        raise PackError(path, str(exc)) from None
    if cache_dir is not None:
        store_cached(cache_dir, data, pack)
    return pack


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


def bundled_translation_paths(folder: Path | None = None) -> list[Path]:
    """The translations shipped beside the bundled pack (principles.<language>.toml)."""
    folder = folder or bundled_pack_path().parent
    return sorted(p for p in folder.glob("principles.*.toml") if p.is_file())


def load_library(
    extra: Path | None = None,
    *,
    include_bundled: bool = True,
    cache_dir: Path | None = None,
    on_parse: ParseNotice | None = None,
) -> Library:
    """The bundled pack and its translations plus the packs named by --content.

    Pack ids may not clash; a translation is checked against its original and attached
    to it (Library.alternates).
    """
    loaded = load_bundled(cache_dir=cache_dir, on_parse=on_parse) if include_bundled else []
    for file in pack_files(extra) if extra is not None else []:
        loaded.append((file, load_pack(file, cache_dir=cache_dir, on_parse=on_parse)))
    return assemble(loaded)


def load_bundled(
    *, cache_dir: Path | None = None, on_parse: ParseNotice | None = None
) -> list[tuple[Path, Pack]]:
    """The bundled pack and those of its bundled translations that match it, with their files.

    A bundled translation out of step with the bundled pack (the tests catch that)
    must not stop the app: it is left out and the original is shown.
    """
    from gpp_tui.content.translation import TranslationProblem, check_translation

    bundled = bundled_pack_path()
    original = load_pack(bundled, cache_dir=cache_dir, on_parse=on_parse)
    loaded = [(bundled, original)]
    for file in bundled_translation_paths(bundled.parent):
        with contextlib.suppress(PackError, TranslationProblem):
            translation = load_pack(file, cache_dir=cache_dir)
            if translation.pack.translation_of == original.pack.id:
                check_translation(original, translation)
                loaded.append((file, translation))
    return loaded


def with_bundled_translations(library: Library, *, cache_dir: Path | None = None) -> Library:
    """The library with the bundled translations of its packs attached where it lacks them.

    For a switch of content language in the app, which starts without reading them
    when the original is shown. A translation out of step with its original is left
    out, as at start.
    """
    from gpp_tui.content.translation import TranslationProblem, attach

    have = {(p.pack.id, p.pack.language) for p in (*library.packs, *library.alternates)}
    added: list[Pack] = []
    for file in bundled_translation_paths():
        with contextlib.suppress(PackError, TranslationProblem):
            translation = load_pack(file, cache_dir=cache_dir)
            info = translation.pack
            original = library.original(info.translation_of)
            if original is None or (original.pack.id, info.language) in have:
                continue
            added.append(attach(original, translation))
            have.add((original.pack.id, info.language))
    return Library(library.packs, (*library.alternates, *added)) if added else library


def assemble(loaded: list[tuple[Path, Pack]]) -> Library:
    """A library of loaded packs: ids checked, translations attached to their originals.

    A pack given twice (the bundled pack again, a copy of it, as `gpp validate
    data/principles.toml` does after `pip install .`) is one pack, kept once; two
    different packs with one id are refused.
    """
    from gpp_tui.content.translation import TranslationProblem, attach

    loaded = distinct_packs(loaded)
    originals = {p.pack.id: p for _, p in loaded if not p.pack.is_translation}
    alternates: list[Pack] = []
    languages: dict[tuple[str, str], Path] = {}
    for file, pack in loaded:
        info = pack.pack
        if not info.is_translation:
            continue
        original = originals.get(info.translation_of)
        if original is None:
            raise PackError(
                file,
                f"pack.translation_of: pack {info.translation_of!r} is not loaded; "
                "give the original and its translation together",
            )
        first = languages.setdefault((original.pack.id, info.language), file)
        if first is not file:
            raise PackError(
                file, f"{first} is already a {info.language!r} translation of {original.pack.id!r}"
            )
        try:
            alternates.append(attach(original, pack))
        except TranslationProblem as exc:
            raise PackError(file, str(exc)) from None
    return Library(tuple(originals.values()), tuple(alternates))


def distinct_packs(loaded: list[tuple[Path, Pack]]) -> list[tuple[Path, Pack]]:
    """The packs with copies left out; PackError for a different pack reusing an id."""
    owners: dict[str, tuple[Path, Pack]] = {}
    distinct: list[tuple[Path, Pack]] = []
    for file, pack in loaded:
        owner, first = owners.setdefault(pack.pack.id, (file, pack))
        if first is pack:
            distinct.append((file, pack))
        elif first != pack:
            raise PackError(file, f"pack id {pack.pack.id!r} is already used by {owner}")
    return distinct


def _parse_toml(path: Path, data: bytes) -> dict[str, Any]:
    import tomllib

    try:
        # utf-8-sig: editors such as Notepad start UTF-8 files with a byte-order mark.
        text = data.decode("utf-8-sig")
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
    except RecursionError:
        raise PackError(path, "invalid TOML: arrays or tables nested too deeply") from None
    except (ValueError, MemoryError) as exc:
        from gpp_tui.filereader import beyond_limits

        # An integer over Python's 4,300-digit limit, and the like.
        raise PackError(path, beyond_limits(exc).removeprefix("it ")) from None


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing folders, devices and anything over MAX_PACK_BYTES."""
    from gpp_tui.filereader import NotRegularFileError, TooLargeError, read_bytes

    too_big = f"a content pack may be at most {MAX_PACK_BYTES // 1_000_000} MB"
    try:
        return read_bytes(path, limit=MAX_PACK_BYTES)
    except NotRegularFileError as exc:
        if exc.kind == "a folder":
            raise PackError(path, "is a folder, not a pack file") from None
        raise PackError(path, f"is {exc.kind}, not a regular file") from None
    except TooLargeError as exc:
        raise PackError(path, f"file is {exc.size / 1_000_000:.1f} MB; {too_big}") from None
    except FileNotFoundError:
        raise PackError(path, "no such file") from None
    except OSError as exc:
        raise PackError(path, f"cannot read: {exc.strerror or exc}") from None


def _describe(exc: ValidationError, raw: dict[str, Any]) -> str:
    """One line for the first validation error, with the id of the entry it is in."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    where = _field_path(first["loc"], raw)
    message = _FRIENDLY.get(first["type"], first["msg"].removeprefix("Value error, "))
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
