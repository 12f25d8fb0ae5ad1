"""Atomic saves: the new bytes are on disk (fsynced, read back) before they replace the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gpp_tui.store import atomic
from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.atomic import atomic_write_bytes
from gpp_tui.store.errors import SaveError

P = "wigj-gpp"


def _fd_path(fd: int) -> str:
    return os.readlink(f"/proc/self/fd/{fd}")


@pytest.fixture
def disk_events(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Record every fsync (of which file) and replace, in order."""
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(("fsync", _fd_path(fd)))
        real_fsync(fd)

    def replace(src: str | Path, dst: str | Path) -> None:
        events.append(("replace", f"{src} -> {dst}"))
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    monkeypatch.setattr(atomic.os, "replace", replace)
    return events


def test_the_new_bytes_are_fsynced_before_they_replace_the_file(
    tmp_path: Path, disk_events: list[tuple[str, str]]
) -> None:
    target = tmp_path / "annotations.toml"
    target.write_bytes(b"old")
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    kinds = [kind for kind, _ in disk_events]
    assert kinds == ["fsync", "replace", "fsync"], disk_events
    temp = disk_events[0][1]
    assert Path(temp).parent == tmp_path and temp.endswith(".tmp") and temp != str(target)
    assert disk_events[1][1] == f"{temp} -> {target}"
    assert disk_events[2][1] == str(tmp_path)  # the rename itself made durable


def test_a_store_save_fsyncs_the_file_and_its_backup(
    tmp_path: Path, disk_events: list[tuple[str, str]]
) -> None:
    with AnnotationStore(tmp_path) as store:
        with store.update() as edit:
            edit.add_note(P, "D.3", "first")
        disk_events.clear()
        with store.update() as edit:
            edit.add_note(P, "D.3", "second")
    replaced = [what.rsplit(" -> ", 1)[1] for kind, what in disk_events if kind == "replace"]
    assert replaced == [str(store.backup_path), str(store.path)]
    for kind_index, (kind, what) in enumerate(disk_events):
        if kind == "replace":
            source = what.split(" -> ")[0]
            assert ("fsync", source) in disk_events[:kind_index], f"{source} not fsynced"


def test_bytes_that_do_not_read_back_never_replace_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "annotations.toml"
    target.write_bytes(b"the good file")
    real_read = Path.read_bytes

    def flipping_disk(self: Path) -> bytes:
        data = real_read(self)
        if self.name.endswith(".tmp"):  # the disk gives back other bytes than were written
            return bytes([data[0] ^ 1]) + data[1:]
        return data

    monkeypatch.setattr(Path, "read_bytes", flipping_disk)
    with pytest.raises(OSError, match="did not read back as written"):
        atomic_write_bytes(target, b"new bytes", check=lambda written: None)
    assert real_read(target) == b"the good file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["annotations.toml"]


def test_a_check_that_fails_keeps_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "annotations.toml"
    target.write_bytes(b"the good file")
    seen: list[bytes] = []

    def check(written: bytes) -> None:
        seen.append(written)
        raise OSError("the encrypted file did not decrypt to what was written")

    with pytest.raises(OSError, match="did not decrypt"):
        atomic_write_bytes(target, b"new bytes", check=check, keep_backup=True)
    assert seen == [b"new bytes"]  # the check saw the bytes read back from the disk
    assert target.read_bytes() == b"the good file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["annotations.toml"]


def test_a_store_save_that_does_not_read_back_fails_visibly_and_keeps_the_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with AnnotationStore(tmp_path) as store:
        with store.update() as edit:
            edit.add_note(P, "D.3", "first")
        before = store.path.read_bytes()
        real_read = Path.read_bytes

        def bad_utf8_disk(self: Path) -> bytes:
            data = real_read(self)
            return b"\xff" + data[1:] if self.name.endswith(".tmp") else data

        with monkeypatch.context() as patch:
            patch.setattr(Path, "read_bytes", bad_utf8_disk)
            with (
                pytest.raises(SaveError, match=r"^not saved: .* is unchanged$"),
                store.update() as edit,
            ):
                edit.add_note(P, "D.3", "second")
        assert store.path.read_bytes() == before
        assert store.dirty
        assert [n.text for n in store.annotations.notes_for(P, "D.3")] == ["first", "second"]
        assert store.save()
    with AnnotationStore(tmp_path) as again:
        assert [n.text for n in again.annotations.notes_for(P, "D.3")] == ["first", "second"]
