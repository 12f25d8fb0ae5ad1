"""Drafts of notes: encrypted when the folder is under lock, offered back oldest first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gpp_tui.store import drafts as drafts_module
from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.crypto import encrypt_folder, is_encrypted, unlock
from gpp_tui.store.drafts import Drafts

P = "wigj-gpp"
PASSPHRASE = "correct horse battery"
SECRET = "Witness W-7 lives near the old mill"


def test_with_encryption_on_a_draft_on_disk_is_an_age_file(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    encrypt_folder(folder, PASSPHRASE)
    codec = unlock(folder, PASSPHRASE)
    with AnnotationStore(folder, codec=codec) as store:
        draft = store.save_draft(P, "B.2", None, SECRET)
        edit = store.save_draft(P, "B.2", "note-1", SECRET + " (edited)")
        for path in (draft.path, edit.path):
            data = path.read_bytes()
            assert is_encrypted(data), path
            assert b"Witness" not in data and b"old mill" not in data
        assert sorted(d.text for d in store.drafts()) == [SECRET, SECRET + " (edited)"]
    # Without the key the draft cannot be read: it is reported, never deleted.
    with AnnotationStore(folder) as locked:
        assert locked.drafts() == []
        assert any("could not be read and was left in place" in m for m in locked.messages)
    assert draft.path.exists() and edit.path.exists()


def test_drafts_come_back_oldest_first_whatever_their_file_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts = Drafts(tmp_path)
    nodes = [f"A.{i}" for i in range(1, 9)]
    # Write them so that the oldest has the last file name: name order is the wrong order.
    by_name = sorted(nodes, key=lambda node: drafts.path_for(P, node, None).name, reverse=True)
    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    for minutes, node in enumerate(by_name):
        monkeypatch.setattr(
            drafts_module, "utc_now", lambda m=minutes: start + timedelta(minutes=m)
        )
        drafts.save(P, node, None, f"draft on {node}")
    found, problems = drafts.all()
    assert problems == []
    assert [d.node_id for d in found] == by_name
    assert [d.saved for d in found] == sorted(d.saved for d in found)
