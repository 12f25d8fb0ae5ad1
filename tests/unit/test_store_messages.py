"""The store's one-line messages, word for word where a user reads them, and small edits."""

from __future__ import annotations

import errno
import tempfile
from datetime import datetime
from pathlib import Path
from typing import NoReturn

import pytest

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.crypto import encrypt_folder, unlock
from gpp_tui.store.drafts import Drafts
from gpp_tui.store.errors import SaveError
from gpp_tui.store.models import Annotations, NodeFilter, ReviewStatus

P = "wigj-gpp"


def _failing_save(store: AnnotationStore, monkeypatch: pytest.MonkeyPatch, error: OSError) -> str:
    def refused(*args: object, **kwargs: object) -> NoReturn:
        raise error

    with monkeypatch.context() as patch:
        patch.setattr(tempfile, "mkstemp", refused)
        with pytest.raises(SaveError) as caught, store.update() as edit:
            edit.add_note(P, "D.3", "x")
    return str(caught.value)


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (OSError(errno.EIO, "Input/output error"), "Input/output error"),  # no plainer words
        (OSError("the cable was pulled"), "the cable was pulled"),  # no errno at all
        (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
        (OSError(errno.EROFS, "Read-only file system"), "the disk is read-only"),
    ],
)
def test_a_failed_save_says_why_in_plain_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, reason: str
) -> None:
    with AnnotationStore(tmp_path) as store:
        message = _failing_save(store, monkeypatch, error)
    assert message == f"not saved: {reason}; {tmp_path / 'annotations.toml'} is unchanged"


def test_with_no_backup_the_message_says_so_and_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "annotations.toml").write_bytes(b"schema_version = [")
    with AnnotationStore(tmp_path) as store:
        [aside] = tmp_path.glob("annotations.toml.corrupt-*")
        assert store.messages == [
            f"{tmp_path / 'annotations.toml'} could not be read: it is not valid TOML "
            f"(Invalid value (at end of document)); it was moved to {aside}. The backup "
            f"{tmp_path / 'annotations.toml.bak'} could not be used either (No such file or "
            "directory). Starting with no annotations; no file was deleted."
        ]


def test_the_backup_count_is_in_words(tmp_path: Path) -> None:
    with AnnotationStore(tmp_path) as store:
        for text in ("one", "two", "three"):
            with store.update() as edit:
                edit.add_note(P, "D.3", text)
    (tmp_path / "annotations.toml").write_bytes(b"[")
    with AnnotationStore(tmp_path) as store:
        [message] = store.messages
        saved = datetime.fromtimestamp(store.backup_path.stat().st_mtime).astimezone()
        [aside] = tmp_path.glob("annotations.toml.corrupt-*")
        assert message.endswith(
            f"restored from the backup {store.backup_path} (2 notes), saved "
            f"{saved:%Y-%m-%d %H:%M %Z}. Anything written after that time is only in {aside}."
        )


def test_a_corrupt_file_in_a_read_only_copy_is_left_untouched_and_says_why(
    tmp_path: Path,
) -> None:
    first = AnnotationStore(tmp_path)
    (tmp_path / "annotations.toml").write_bytes(b"[")
    with AnnotationStore(tmp_path) as second:
        assert second.read_only
        assert second.messages[-1].startswith(f"{tmp_path / 'annotations.toml'} cannot be read: ")
        assert second.messages[-1].endswith(
            f"It was left untouched because another copy of gpp-tui is using {tmp_path}."
        )
    assert (tmp_path / "annotations.toml").read_bytes() == b"["
    assert not list(tmp_path.glob("*.corrupt-*"))
    first.close()


def test_a_newer_encrypted_file_is_shown_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "annotations.toml").write_bytes(
        b'schema_version = 9\n[packs.p."A.1"]\nstatus = "reviewed"\n'
    )
    encrypt_folder(folder, "correct horse battery")
    with AnnotationStore(folder, codec=unlock(folder, "correct horse battery")) as store:
        assert store.read_only
        assert store.annotations.status_of("p", "A.1") is ReviewStatus.REVIEWED


def test_discarding_a_draft_removes_only_that_one(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path)
    drafts.save(P, "D.3", None, "a new note")
    drafts.save(P, "D.3", "n1", "an edit of n1")
    drafts.discard(P, "D.3", "n1")
    assert [(d.note_id, d.text) for d in drafts.all()[0]] == [(None, "a new note")]
    drafts.discard(P, "D.3", "n1")  # gone already: fine
    drafts.discard(P, "D.3", None)
    assert drafts.all() == ([], [])


def test_toggling_a_bookmark_says_whether_it_is_on_and_keeps_the_label(tmp_path: Path) -> None:
    with AnnotationStore(tmp_path) as store:
        with store.update() as edit:
            assert edit.toggle_bookmark(P, "B.2", "ask Amina") is True
            assert edit.toggle_bookmark(P, "A.1") is True
        bookmark = store.annotations.node(P, "B.2").bookmark
        assert bookmark is not None and bookmark.label == "ask Amina"
        unlabelled = store.annotations.node(P, "A.1").bookmark
        assert unlabelled is not None and unlabelled.label == ""
        with store.update() as edit:
            assert edit.toggle_bookmark(P, "B.2") is False
        assert store.annotations.node(P, "B.2").bookmark is None


def test_filters_on_a_pack_with_no_annotations() -> None:
    empty = Annotations()
    ids = ["A.1", "B.2"]
    assert empty.matching("other", ids, NodeFilter.UNREVIEWED) == ids
    assert empty.matching("other", ids, NodeFilter.BOOKMARKED) == []
