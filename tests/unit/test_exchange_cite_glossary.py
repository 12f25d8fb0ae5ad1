"""Citing the glossary: gpp-tui's own words, never passed off as the source's, word for word."""

from __future__ import annotations

import pytest

from gpp_tui import __version__
from gpp_tui.content import load_library
from gpp_tui.exchange.cite import citation

SOURCE = "Women's Initiatives for Gender Justice"
TITLE = "Gender Persecution Principles"


@pytest.mark.parametrize(
    ("ref", "style", "expected"),
    [
        (
            "term:retaliation",
            "oscola",
            f"gpp-tui, 'Retaliation' (glossary entry added by gpp-tui {__version__} to "
            f"{SOURCE}, '{TITLE}'; not part of that text).",
        ),
        (
            "term:retaliation",
            "plain",
            f'"Retaliation", glossary entry added by gpp-tui {__version__} to {SOURCE}, '
            f'"{TITLE}"; not part of that text.',
        ),
        (
            ":glossary",
            "oscola",
            f"gpp-tui, 'Glossary' (glossary added by gpp-tui {__version__} to {SOURCE}, "
            f"'{TITLE}'; not part of that text).",
        ),
        (
            ":glossary",
            "plain",
            f'Glossary added by gpp-tui {__version__} to {SOURCE}, "{TITLE}"; '
            "not part of that text.",
        ),
    ],
)
def test_glossary_citations_say_whose_words_they_are(ref: str, style: str, expected: str) -> None:
    library = load_library()
    node = library.find(f"wigj-gpp/{ref}")
    assert node is not None
    assert citation(library, node, style) == expected
