"""How the user's own words rank against pack text: pinned, so a change is a decision."""

from __future__ import annotations

from pathlib import Path

from gpp_tui.content import load_library
from gpp_tui.search import MatchField, SearchIndex, UserDoc

# One word, "ocelot", once in each kind of field, each on its own recommendation.
PACK = """\
schema_version = 1

[pack]
id = "w"
title = "Weights"
source = "Test"

[[areas]]
id = "X"
title = "Area"

[[areas.recommendations]]
id = "X.1"
title = "Ocelot"

[[areas.recommendations]]
id = "X.2"
title = "Two"
tags = ["ocelot"]

[[areas.recommendations]]
id = "X.3"
title = "Three"
summary = "The ocelot."

[[areas.recommendations]]
id = "X.4"
title = "Four"
context = "An ocelot."

[[areas.recommendations]]
id = "X.5"
title = "Five"
references = [{ label = "Ocelot v. State" }]

[[areas.recommendations]]
id = "X.6"
title = "Six"

[[areas.recommendations]]
id = "X.7"
title = "Seven"

[[areas.recommendations]]
id = "X.8"
title = "Eight"
"""

USER_DOCS = [
    UserDoc("w", "X.6", "note", "Saw an ocelot.", (), "n1"),
    UserDoc("w", "X.7", "note", "Nothing here.", ("ocelot",), "n2"),
    UserDoc("w", "X.8", "bookmark", "ocelot"),
]


def test_titles_then_labels_tags_notes_then_pack_text(tmp_path: Path) -> None:
    path = tmp_path / "pack.toml"
    path.write_text(PACK, encoding="utf-8")
    index = SearchIndex.build(load_library(path, include_bundled=False), USER_DOCS)
    hits = index.search("ocelot")
    found = [(hit.node_id, hit.field) for hit in hits]
    assert found[:2] == [("X.1", MatchField.TITLE), ("X.8", MatchField.BOOKMARK)]
    assert sorted(found[2:4]) == [("X.2", MatchField.TAG), ("X.7", MatchField.TAG)]
    assert found[4:] == [
        ("X.6", MatchField.NOTE),  # the user's note ranks above the pack's own summary...
        ("X.3", MatchField.SUMMARY),
        ("X.4", MatchField.CONTEXT),
        ("X.5", MatchField.REFERENCE),  # ...and well above a passing reference
    ]
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores[4:])) == 4  # no ties between a note and pack text
