"""Folding and word splitting shared by the index, the query parser and the snippets."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator


def _char_class(codes: list[int]) -> str:
    """A regex character class body matching exactly these (sorted) code points."""
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


# The Unicode blocks of the BMP that hold combining marks; scanning only these keeps
# import fast (the whole plane takes ~20 ms).
_MARK_BLOCKS = (
    (0x0300, 0x1DFF),
    (0x20D0, 0x20FF),
    (0x2CEF, 0x2DFF),
    (0x302A, 0x309A),
    (0xA66F, 0xABFF),
    (0xFB1E, 0xFB1E),
    (0xFE00, 0xFE2F),
)
_MARKS = [
    (code, unicodedata.category(chr(code)))
    for first, last in _MARK_BLOCKS
    for code in range(first, last + 1)
    if unicodedata.category(chr(code))[0] == "M"
]
_ALL_MARKS = _char_class([code for code, _ in _MARKS])
_NONSPACING = _char_class([code for code, category in _MARKS if category != "Mc"])
del _MARKS

# Zero-width (non-)joiners and soft hyphens sit inside words (Persian "می‌خواهم"),
# tatweel only stretches Arabic letters: none of them changes the word.
_INVISIBLE = "\u00ad\u0640\u200c\u200d"

_STRIP = re.compile(f"[{_NONSPACING}{_INVISIBLE}]+")
# A word of folded text: letters, digits and the marks that go with them.
_WORD = re.compile(rf"[\w{_ALL_MARKS}]+")
_SOURCE_WORD = re.compile(rf"[\w{_ALL_MARKS}{_INVISIBLE}]+")

# Arabic and Persian keyboards type different code points for the same letters and
# digits; fold them to one form so a note typed on either is found from the other.
_SCRIPT_VARIANTS = str.maketrans(
    {
        "\u064a": "\u06cc",  # Arabic yeh -> Farsi yeh
        "\u0649": "\u06cc",  # alef maksura -> Farsi yeh
        "\u0643": "\u06a9",  # Arabic kaf -> keheh
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)


def fold(text: str) -> str:
    """Text reduced for matching: compatibility forms, case and accents removed.

    "Réparations" -> "reparations"; Persian and Arabic letters are kept (only
    their optional vowel marks go), so right-to-left notes stay searchable.
    """
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text).casefold()
    text = unicodedata.normalize("NFKD", text)
    return _STRIP.sub("", text).translate(_SCRIPT_VARIANTS)


def words(folded: str) -> list[str]:
    """The words of already folded text, in order."""
    return _WORD.findall(folded)


FIELD_SEPARATOR = "\x00"
"""Joins texts folded together; no word holds it."""

_ASCII_NON_WORD = str.maketrans(
    {c: " " for c in map(chr, range(128)) if not (c.isalnum() or c in "_" + FIELD_SEPARATOR)}
)


def field_words(folded: str) -> list[list[str]]:
    """The words of each FIELD_SEPARATOR-joined field of folded text.

    The same words as `words()` on each field; ASCII text (most of it) takes a
    faster path than the regular expression.
    """
    if folded.isascii():
        return [part.split() for part in folded.translate(_ASCII_NON_WORD).split(FIELD_SEPARATOR)]
    return [_WORD.findall(part) for part in folded.split(FIELD_SEPARATOR)]


def tokens(text: str) -> list[str]:
    """The folded words of any text, in order: what the index stores."""
    return _WORD.findall(fold(text))


def source_words(text: str) -> Iterator[tuple[int, int, list[str]]]:
    """Each word of unfolded text as (start, end, its folded words), for highlighting."""
    for match in _SOURCE_WORD.finditer(text):
        yield match.start(), match.end(), _WORD.findall(fold(match.group()))


def max_edits(word: str) -> int:
    """How many typos a word of this length may carry and still match."""
    if len(word) >= 8:
        return 2
    return 1 if len(word) >= 4 else 0


def edit_distance(a: str, b: str, limit: int = sys.maxsize) -> int:
    """Optimal string alignment distance (a swap of neighbours counts once), capped at limit+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        row_min = i
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            row_min = min(row_min, value)
        if row_min > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)
