"""A pack's glossary: each term once (its node id derives from it), or the pack is refused."""

from __future__ import annotations

import pytest

from gpp_tui.content import load_library
from gpp_tui.content.loader import PackError

GLOSSARY = """
[[glossary]]
term = "Do no harm"
definition = "First."

[[glossary]]
term = "{second}"
definition = "Second."
"""


@pytest.mark.parametrize("second", ["Do no harm", "do no harm", "Do-no-harm!"])
def test_a_term_given_twice_is_refused_in_one_line(write_pack, minimal_pack: str, second: str):
    path = write_pack(minimal_pack + GLOSSARY.format(second=second))
    with pytest.raises(PackError) as caught:
        load_library(path, include_bundled=False)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{path}: ")
    assert "duplicate id 'term:do-no-harm' at glossary[1]" in message
    assert "first used at glossary[0]" in message


def test_different_terms_load_as_two_nodes(write_pack, minimal_pack: str) -> None:
    path = write_pack(minimal_pack + GLOSSARY.format(second="Do harm"))
    pack = load_library(path, include_bundled=False).packs[0]
    assert [entry.term for entry in pack.glossary] == ["Do no harm", "Do harm"]
    assert {"term:do-no-harm", "term:do-harm"} <= set(pack.nodes)
