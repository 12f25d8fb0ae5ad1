"""Ranking: what a query word stands for, and how matches add up to a hit's score."""

from __future__ import annotations

from operator import itemgetter

from gpp_tui.search.text import max_edits
from gpp_tui.search.vocabulary import Vocabulary

EXACT = 1.0
"""Quality of an exact word match; prefixes and typos count less (see `expand`)."""
PREFIX_MIN, PREFIX_MAX = 0.5, 0.8
FUZZY = {1: 0.45, 2: 0.3}
MIN_PREFIX = 2
"""The last word completes as a prefix from this many characters on."""

MAX_REPEATS = 8
"""Ties are broken by how often the query's words occur in a hit, counted up to this."""

Postings = dict[int, int]
"""Target number -> weight of the best field the word occurs in."""
Expansion = tuple[Postings, float, str]
"""An indexed word a query word stands for: its postings, match quality and the word."""


def expand(
    word: str, postings: dict[str, Postings], vocabulary: Vocabulary, *, last: bool
) -> list[Expansion]:
    """The indexed words a query word stands for, each with its match quality.

    The word itself if indexed; completions if it is the last word (still being
    typed); else, if neither, the words within a typo or two of it; and as a last
    resort completions of an earlier word.
    """
    expansions: list[Expansion] = []
    if word in postings:
        expansions.append((postings[word], EXACT, word))
    completions = vocabulary.completions(word) if last and len(word) >= MIN_PREFIX else []
    if not expansions and not completions:
        for near, distance in vocabulary.near(word, max_edits(word)):
            expansions.append((postings[near], FUZZY[distance], near))
        if not expansions and len(word) > MIN_PREFIX:
            completions = vocabulary.completions(word)
    for completion in completions:
        quality = PREFIX_MIN + (PREFIX_MAX - PREFIX_MIN) * len(word) / len(completion)
        expansions.append((postings[completion], quality, completion))
    return expansions


def probes(words: tuple[str, ...], terms: list[list[Expansion]]) -> list[str]:
    """What to count in a blob for each query word: the word as a word start, or its corrections."""
    probes: list[str] = []
    for word, expansions in zip(words, terms, strict=True):
        if any(found.startswith(word) for _, _, found in expansions):
            probes.append(f" {word}")
        else:
            probes.extend(f" {found} " for _, _, found in expansions)
    return probes


def needle(phrase: tuple[str, ...]) -> str:
    """How a phrase appears in a blob: its words between spaces."""
    return f" {' '.join(phrase)} "


def term_scores(expansions: list[Expansion]) -> dict[int, float]:
    """Each target's best score for one query word over all the words it stands for."""
    ordered = sorted(expansions, key=itemgetter(1), reverse=True)
    entry, quality, _ = ordered[0]
    scores: dict[int, float] = {t: w * quality for t, w in entry.items()}
    for entry, quality, _ in ordered[1:]:
        for t, w in entry.items():
            value = w * quality
            if value > scores.get(t, 0.0):
                scores[t] = value
    return scores


def all_terms(terms: list[list[Expansion]]) -> dict[int, float] | None:
    """Targets that match every query word, with summed scores (None without words)."""
    scores: dict[int, float] | None = None
    for expansions in sorted(terms, key=lambda e: sum(len(p) for p, _, _ in e)):
        if scores is None:
            scores = term_scores(expansions)
            continue
        size = sum(len(p) for p, _, _ in expansions)
        if len(scores) * len(expansions) < size:
            narrowed: dict[int, float] = {}
            for t, total in scores.items():
                value = 0.0
                for entry, quality, _ in expansions:
                    w = entry.get(t)
                    if w is not None and w * quality > value:
                        value = w * quality
                if value:
                    narrowed[t] = total + value
            scores = narrowed
        else:
            term = term_scores(expansions)
            scores = {t: total + term[t] for t, total in scores.items() if t in term}
        if not scores:
            return scores
    return scores
