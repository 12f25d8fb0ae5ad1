"""Shared set-up for team tests: data folders joined to a team folder, each with its store."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.models import Annotations, Note
from gpp_tui.team.join import adopt_note
from gpp_tui.team.layout import TeamFolder
from gpp_tui.team.review import TeamReview, join_team

PACK = "wigj-gpp"


@dataclass
class Device:
    """One data folder in the team: its store, and its view of the team."""

    store: AnnotationStore
    review: TeamReview

    @property
    def view(self) -> Annotations:
        self.review.refresh()
        return self.review.view(self.store.annotations)

    def add(self, node_id: str, text: str) -> Note:
        with self.store.update() as edit:
            return edit.add_note(PACK, node_id, text)

    def edit(self, node_id: str, note_id: str, text: str) -> None:
        """Edit any note of the view (a colleague's too)."""
        view = self.view
        with self.store.update() as edit:
            edit.annotations = adopt_note(edit.annotations, view, PACK, node_id, note_id)
            edit.edit_note(PACK, node_id, note_id, text=text)

    def delete(self, node_id: str, note_id: str) -> None:
        view = self.view
        with self.store.update() as edit:
            edit.annotations = adopt_note(edit.annotations, view, PACK, node_id, note_id)
            edit.delete_note(PACK, node_id, note_id)

    def close(self) -> None:
        self.store.close()


def make_team(root: Path, *, encrypted: bool = False) -> Path:
    TeamFolder.create(root / "team", "Herat team", encrypted=encrypted)
    return root / "team"


def join(root: Path, team: Path, name: str, identity: Any = None) -> Device:
    """A new data folder `root/name` joined to `team`, saving into it after each save."""
    from gpp_tui.store.crypto import AgeCodec

    codec = AgeCodec(str(identity)) if identity is not None else None
    review = join_team(root / name, team, name, identity)
    store = (
        AnnotationStore(root / name, author=name, codec=codec)
        if codec
        else AnnotationStore(root / name, author=name)
    )
    store.after_save = review.publish_after_save
    review.publish(store.annotations)
    return Device(store, review)


def snapshot(folder: Path, skip: set[Path] | frozenset[Path] = frozenset()) -> dict[Path, Any]:
    """Bytes, time and inode of every file under `folder` (but `skip`)."""
    result: dict[Path, Any] = {}
    for path in sorted(folder.rglob("*")):
        if path in skip or not path.is_file() or path.is_symlink():
            continue
        info = os.lstat(path)
        result[path] = (path.read_bytes(), info.st_mtime_ns, info.st_ino)
    return result


def texts(annotations: Annotations) -> set[tuple[str, str, str]]:
    return {
        (node_id, note.author, note.text)
        for nodes in annotations.packs.values()
        for node_id, node in nodes.items()
        for note in node.notes
    }
