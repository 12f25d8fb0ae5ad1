"""Light definitions the UI needs at start-up: review statuses, tree filters, text hashes.

They live apart from the pydantic models so that importing them costs nothing; the
models and the store are loaded off the UI thread once the first screen is painted.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from enum import StrEnum

from gpp_tui.i18n import N_, _


def text_hash(text: str) -> str:
    """A short fingerprint of a node's source text, to notice when the text changes.

    Line endings and Unicode normalisation are evened out first, so re-saving a
    pack in another editor does not flag every note.
    """
    normal = unicodedata.normalize("NFC", text.replace("\r\n", "\n")).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def content_hash(text: str, tags: Iterable[str]) -> str:
    """A short fingerprint of one version of a note (its text and tags), for merging."""
    import json  # here: not needed before the first paint

    content = json.dumps([text, list(tags)], ensure_ascii=False)
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class ReviewStatus(StrEnum):
    """Where a reviewer stands on a node."""

    UNREVIEWED = "unreviewed"
    REVIEWED = "reviewed"
    FOLLOW_UP = "follow-up"

    @property
    def label(self) -> str:
        """The status as the interface language says it ("reviewed", "revue")."""
        return _(_STATUS_LABELS[self])

    def next(self) -> ReviewStatus:
        """The status `r` moves to: unreviewed → reviewed → follow-up → unreviewed."""
        order = list(ReviewStatus)
        return order[(order.index(self) + 1) % len(order)]


_STATUS_LABELS = {
    ReviewStatus.UNREVIEWED: N_("unreviewed"),
    ReviewStatus.REVIEWED: N_("reviewed"),
    ReviewStatus.FOLLOW_UP: N_("follow-up"),
}


class NodeFilter(StrEnum):
    """The tree filters: only nodes that match are shown."""

    BOOKMARKED = "bookmarked"
    NOTES = "notes"
    FOLLOW_UP = "follow-up"
    UNREVIEWED = "unreviewed"
