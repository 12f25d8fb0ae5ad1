"""The set of indexed words, for completing a prefix and for forgiving typos."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable

from gpp_tui.search.text import edit_distance

_SWAP_DAMAGE = 3
"""An edit destroys at most this many of a word's letter pairs (a swap of neighbours does 3)."""


def _pairs(word: str) -> set[str]:
    """The distinct letter pairs of a word, with its start and end marked."""
    padded = f"\x02{word}\x03"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


class Vocabulary:
    """Indexed words kept sorted (for prefixes) and by letter pair and length (for typos).

    A typo search counts shared letter pairs to pick a few candidates of
    nearby length, then checks each with the edit distance.
    """

    def __init__(self, words: Iterable[str] = ()) -> None:
        self._sorted: list[str] = sorted(set(words))
        self._by_pair: dict[tuple[str, int], list[str]] = {}
        for word in self._sorted:
            self._add_pairs(word)

    def __len__(self) -> int:
        return len(self._sorted)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        i = bisect.bisect_left(self._sorted, word)
        return i < len(self._sorted) and self._sorted[i] == word

    def add(self, word: str) -> None:
        """Add a word (no-op if known)."""
        i = bisect.bisect_left(self._sorted, word)
        if i < len(self._sorted) and self._sorted[i] == word:
            return
        self._sorted.insert(i, word)
        self._add_pairs(word)

    def discard(self, word: str) -> None:
        """Forget a word (no-op if unknown)."""
        i = bisect.bisect_left(self._sorted, word)
        if i == len(self._sorted) or self._sorted[i] != word:
            return
        del self._sorted[i]
        for pair in _pairs(word):
            bucket = self._by_pair[pair, len(word)]
            bucket.remove(word)
            if not bucket:
                del self._by_pair[pair, len(word)]

    def completions(self, prefix: str) -> list[str]:
        """Known words that start with prefix and are longer than it."""
        start = bisect.bisect_right(self._sorted, prefix)
        end = bisect.bisect_left(self._sorted, prefix + "\U0010ffff", start)
        return [w for w in self._sorted[start:end] if w.startswith(prefix)]

    def near(self, word: str, max_distance: int) -> list[tuple[str, int]]:
        """Known words within max_distance edits of word (not word itself), closest first."""
        if max_distance <= 0:
            return []
        pairs = _pairs(word)
        needed = len(pairs) - _SWAP_DAMAGE * max_distance
        counts: Counter[str] = Counter()
        for length in range(len(word) - max_distance, len(word) + max_distance + 1):
            for pair in pairs:
                bucket = self._by_pair.get((pair, length))
                if bucket:
                    counts.update(bucket)
        found: list[tuple[str, int]] = []
        for candidate, shared in counts.items():
            if shared >= needed and candidate != word:
                distance = edit_distance(word, candidate, max_distance)
                if distance <= max_distance:
                    found.append((candidate, distance))
        found.sort(key=lambda item: (item[1], item[0]))
        return found

    def _add_pairs(self, word: str) -> None:
        for pair in _pairs(word):
            self._by_pair.setdefault((pair, len(word)), []).append(word)
