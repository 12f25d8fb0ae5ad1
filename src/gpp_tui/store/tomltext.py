"""A small, exact TOML writer for gpp-tui's own files (strings round-trip byte for byte).

tomli_w normalises CRLF to LF inside multi-line strings and escapes strings one
character at a time in Python, which is too slow for 10,000 notes. This writer
chooses a form per string: literal strings (no escaping, fastest to parse, what
a person expects to see) when the text allows it, basic strings with escapes
otherwise. Every form it writes is checked by the round-trip property tests.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
# Control characters a TOML literal string cannot hold (tab is allowed), and the
# C1 controls and bidi overrides it could hold but which would act on a terminal
# showing the file (`cat annotations.toml`, an export printed to stdout).
_LITERAL_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_MULTILINE_LITERAL_UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|'''"
)
_TERMINAL_UNSAFE = [*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F)]
_TERMINAL_UNSAFE += range(0x2066, 0x206A)

_COMPACT = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_ESCAPES: dict[int, str] = {
    code: _COMPACT.get(chr(code), f"\\u{code:04x}") for code in _TERMINAL_UNSAFE
}
_ESCAPES[ord('"')] = '\\"'
_ESCAPES[ord("\\")] = "\\\\"
_MULTILINE_ESCAPES = {**_ESCAPES, ord("\n"): "\n", ord("\t"): "\t"}

Value = str | int | bool | datetime | Sequence[str]


def format_key(key: str) -> str:
    """A key as TOML wants it: bare when it can be, quoted otherwise."""
    if _BARE_KEY.fullmatch(key):
        return key
    return '"' + key.translate(_ESCAPES) + '"'


def format_string(text: str) -> str:
    """A TOML string that parses back to exactly `text`.

    Text with line breaks is written as a multi-line string so a person can read
    it; a carriage return or other control character forces escapes, because
    TOML parsers turn a raw CRLF into LF and reject a lone CR.
    """
    if "\n" in text:
        if not _MULTILINE_LITERAL_UNSAFE.search(text) and not text.endswith("'"):
            return "'''\n" + text + "'''"
        return '"""\n' + text.translate(_MULTILINE_ESCAPES) + '"""'
    escaped = text.translate(_ESCAPES)
    if len(escaped) == len(text) or "'" in text or _LITERAL_UNSAFE.search(text):
        return '"' + escaped + '"'
    return "'" + text + "'"


def format_datetime(moment: datetime) -> str:
    """A TOML offset date-time in UTC, to the microsecond: 2025-01-31T09:30:00.123456Z."""
    if moment.tzinfo is None:
        raise ValueError("a stored time must carry a time zone")
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def format_value(value: Value) -> str:
    """One TOML value: string, integer, boolean, date-time or array of strings."""
    if isinstance(value, str):
        return format_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return format_datetime(value)
    return "[" + ", ".join(format_string(item) for item in value) + "]"


def format_pairs(pairs: Mapping[str, Value]) -> str:
    """`key = value` lines, one per pair."""
    return "".join(f"{format_key(key)} = {format_value(value)}\n" for key, value in pairs.items())


def table_header(path: Sequence[str], *, array: bool = False) -> str:
    """A `[a."b.c"]` or `[[a."b.c"]]` header line for the table at `path`."""
    name = ".".join(format_key(part) for part in path)
    return f"[[{name}]]\n" if array else f"[{name}]\n"


def dumps(document: Mapping[str, object], path: tuple[str, ...] = ()) -> str:
    """A whole document: plain values first, then tables, then arrays of tables.

    Handles the shapes gpp-tui stores (strings, ints, bools, date-times, string
    arrays, nested tables, arrays of flat tables); anything else is a programming error.
    """
    values, tables, arrays = _split(document)
    sections = []
    if path and (values or not (tables or arrays)):
        sections.append(table_header(path) + format_pairs(values))
    elif values:
        sections.append(format_pairs(values))
    sections.extend(dumps(table, (*path, key)) for key, table in tables)
    for key, items in arrays:
        for item in items:
            pairs, nested, nested_arrays = _split(item)
            if nested or nested_arrays:
                raise TypeError("tables inside an array of tables are not supported")
            sections.append(table_header((*path, key), array=True) + format_pairs(pairs))
    return "\n".join(sections)


_Table = Mapping[str, object]


def _split(
    document: _Table,
) -> tuple[dict[str, Value], list[tuple[str, _Table]], list[tuple[str, list[_Table]]]]:
    values: dict[str, Value] = {}
    tables: list[tuple[str, _Table]] = []
    arrays: list[tuple[str, list[_Table]]] = []
    for key, value in document.items():
        if isinstance(value, Mapping):
            tables.append((key, value))
        elif isinstance(value, list | tuple) and value and isinstance(value[0], Mapping):
            arrays.append((key, list(value)))
        elif isinstance(value, str | int | datetime) or (
            isinstance(value, list | tuple) and all(isinstance(item, str) for item in value)
        ):
            values[key] = value
        else:
            raise TypeError(f"cannot store a {type(value).__name__} in TOML")
    return values, tables, arrays
