"""Merging bookmarks: a colleague's label is never dropped for a later unlabelled bookmark."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from gpp_tui.exchange.merge import merge
from gpp_tui.store import edits
from gpp_tui.store.models import Annotations, Bookmark

T0 = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
PACK = "wigj-gpp"


def test_a_labelled_bookmark_wins_over_a_later_unlabelled_one_either_way() -> None:
    theirs = edits.set_bookmark(Annotations(), PACK, "B.2", "ask Amina about W-7", now=T0)
    mine = edits.set_bookmark(Annotations(), PACK, "B.2", now=T0 + timedelta(days=3))
    for first, second in ((mine, theirs), (theirs, mine)):
        merged = merge(first, second).annotations
        assert merged.node(PACK, "B.2").bookmark == Bookmark(
            label="ask Amina about W-7", created=T0
        )


def test_between_two_labels_the_later_one_wins() -> None:
    older = edits.set_bookmark(Annotations(), PACK, "B.2", "first look", now=T0)
    newer = edits.set_bookmark(Annotations(), PACK, "B.2", "checked", now=T0 + timedelta(1))
    for first, second in ((older, newer), (newer, older)):
        bookmark = merge(first, second).annotations.node(PACK, "B.2").bookmark
        assert bookmark is not None and bookmark.label == "checked"


def test_importing_a_labelled_bookmark_over_mine_reports_the_update() -> None:
    mine = edits.set_bookmark(Annotations(), PACK, "B.2", now=T0 + timedelta(days=3))
    theirs = edits.set_bookmark(Annotations(), PACK, "B.2", "ask Amina", now=T0)
    result = merge(mine, theirs)
    assert result.changed
    assert [(c.item, c.node_id) for c in result.report.updated] == [("bookmark", "B.2")]
