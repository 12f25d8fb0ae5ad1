"""Text from files made terminal-safe: control and bidi-override characters shown, never sent.

A note, a pack or a colleague's export may hold `ESC ] 52 ; …` (which sets the
clipboard), `ESC ] 2 ; …` (window title), `ESC [ 2 J`, a C1 CSI (U+009B) or a
right-to-left override that makes "exe.txt" read as "txt.exe". Everything such a
string shows on a terminal goes through `safe` or `safe_line` first, so those
characters appear as visible escapes (`\\x1b]52;…`, `\\u202e`) and do nothing.
Ordinary right-to-left text, the zero-width non-joiner (U+200C) and joiner
(U+200D), and the marks LRM/RLM/ALM are left alone. The stored text is never
changed: only what reaches the terminal is.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides
# (U+202A-U+202E) and isolates (U+2066-U+2069), and lone surrogates (which no
# terminal encoding can write).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def safe(text: str) -> str:
    """`text` for the terminal: newlines and tabs kept, other controls and overrides escaped.

    A Windows line end (CRLF) shows as a plain line end; a lone carriage return,
    which could overwrite what came before it on the line, shows as `\\r`.
    """
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(_visible, text.replace("\r\n", "\n"))


def safe_line(text: str) -> str:
    """`text` for one line of the terminal (a title, a label, a message): newlines escaped too."""
    if not _UNSAFE_LINE.search(text):
        return text
    return _UNSAFE_LINE.sub(_visible, text)


_PICTURES = {code: chr(0x2400 + code) for code in range(0x20) if chr(code) not in "\t\n"}
_PICTURES[0x7F] = "\u2421"  # ␡
_PICTURES.update({code: "\ufffd" for code in range(0x80, 0xA0)})
_PICTURES.update({code: "\ufffd" for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]})
_PICTURES.update({code: "\ufffd" for code in range(0xD800, 0xE000)})


def picture(text: str) -> str:
    """`text` with each unsafe character replaced by one visible one, so offsets stay the same.

    C0 controls become their Unicode control pictures (ESC is ␛, BEL ␇), DEL is
    ␡, C1 controls and bidi overrides �; the CR of a CRLF is a space. Tab and
    newline are kept. For the UI, where styles and cursors are positions in the
    text and must not move.
    """
    if not _UNSAFE.search(text):
        return text
    # A Windows line end keeps its length as a space: invisible, where ␍ would be noise.
    return text.replace("\r\n", " \n").translate(_PICTURES)


def is_safe(text: str) -> bool:
    """True when `text` holds nothing `safe` would change (tests use this)."""
    return not _UNSAFE.search(text)


# In JSON these characters only ever occur inside strings, where a \\uXXXX escape
# stands for exactly the same character: the data is unchanged, the terminal safe.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def safe_json(text: str) -> str:
    """JSON text (from `json.dumps`) with the characters above written as `\\uXXXX` escapes.

    `json.dumps` already escapes C0 controls; with `ensure_ascii=False` it leaves
    DEL, C1, bidi overrides and lone surrogates raw. The result parses to the same data.
    """
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


class SafeWriter:
    """A text stream that passes everything written through `safe` (the CLI's stdout, stderr).

    Each unsafe character is one code point, so writing piece by piece is as
    safe as writing at once.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        """Write the safe form of `text`; returns len(text), as a stream does."""
        self.stream.write(safe(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


@contextlib.contextmanager
def safe_output() -> Iterator[None]:
    """Within the block, `sys.stdout` and `sys.stderr` show hostile text harmlessly."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeWriter(out), SafeWriter(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
