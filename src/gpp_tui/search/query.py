"""Parse what the user typed into folded words and "quoted phrases"."""

from __future__ import annotations

from dataclasses import dataclass

from gpp_tui.search.text import tokens

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: every word and every phrase must match.

    The last bare word may also match as a prefix, since the user may still be
    typing it.
    """

    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)


def parse_query(text: str) -> Query:
    """Split a query into words and quoted phrases; an unclosed quote runs to the end."""
    words: list[str] = []
    phrases: list[tuple[str, ...]] = []
    for i, part in enumerate(text.translate(_QUOTES).split('"')):
        found = tokens(part)
        if i % 2 == 0:
            words.extend(w for w in found if w not in words)
        elif found and tuple(found) not in phrases:
            phrases.append(tuple(found))
    return Query(tuple(words), tuple(phrases))
