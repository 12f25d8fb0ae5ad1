"""The annotations file on disk: modes, backups, corrupt, newer, locked, unwritable, drafts."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import resource
import signal
import stat
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

import pytest

from gpp_tui.store import annotation_store, migrations, serialize
from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.errors import ReadOnlyError, SaveError
from gpp_tui.store.models import NodeFilter, ReviewStatus

P = "wigj-gpp"


def _store_with_note(folder: Path, text: str = "first note") -> AnnotationStore:
    store = AnnotationStore(folder)
    with store.update() as edit:
        edit.add_note(P, "D.3", text)
        edit.set_status(P, "A.1", ReviewStatus.REVIEWED)
    return store


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_are_private_and_the_previous_version_is_kept(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with _store_with_note(folder) as store:
        first = store.path.read_bytes()
        with store.update() as edit:
            edit.toggle_bookmark(P, "B.2", "key")
        assert store.backup_path.read_bytes() == first
    assert _mode(folder) == 0o700
    for name in ("annotations.toml", "annotations.toml.bak", "annotations.toml.lock"):
        assert _mode(folder / name) == 0o600, name


def test_the_file_reads_like_a_document(tmp_path: Path) -> None:
    with _store_with_note(tmp_path, "Two paragraphs.\n\nدری و فارسی 🙂") as store:
        text = store.path.read_text(encoding="utf-8")
    assert "schema_version = 2" in text
    assert '[[packs.wigj-gpp."D.3".notes]]' in text
    assert "text = '''\nTwo paragraphs.\n\nدری و فارسی 🙂'''" in text
    assert '[packs.wigj-gpp."A.1"]\nstatus = "reviewed"' in text


BAD_FILES = {
    "bad TOML": (b"schema_version = 1\n[packs\n", "it is not valid TOML"),
    "bad UTF-8": (b"schema_version = 1\n# caf\xe9\n", "it is not valid UTF-8 text (byte 24)"),
    "wrong types": (
        b'schema_version = 1\n[packs.p."A.1"]\nstatus = 3\n',
        "it holds a value of the wrong type at packs.p.A.1.status",
    ),
    "no schema_version": (b"[packs]\n", "it has no whole-number schema_version"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_corrupt_file_is_moved_aside_and_recovered_from_the_backup(
    tmp_path: Path, case: str
) -> None:
    bad, reason = BAD_FILES[case]
    with _store_with_note(tmp_path) as store, store.update() as edit:
        edit.add_note(P, "D.3", "second note")  # the .bak now holds the first note
    (tmp_path / "annotations.toml").write_bytes(bad)

    with AnnotationStore(tmp_path) as store:
        [aside] = tmp_path.glob("annotations.toml.corrupt-*")
        assert aside.read_bytes() == bad
        [message] = store.messages
        assert message.startswith(f"{tmp_path / 'annotations.toml'} could not be read: {reason}")
        assert f"it was moved to {aside}" in message
        assert f"restored from the backup {store.backup_path} (1 note), saved " in message
        assert message.endswith(f"Anything written after that time is only in {aside}.")
        assert store.alarms == [message]  # the app asks the user to acknowledge it
        assert [n.text for n in store.annotations.notes_for(P, "D.3")] == ["first note"]
        assert not store.read_only
        assert store.path.read_bytes() == store.backup_path.read_bytes()


def test_with_no_usable_backup_it_starts_empty_and_keeps_both_files(tmp_path: Path) -> None:
    (tmp_path / "annotations.toml").write_bytes(b"\xff\xfe not text")
    (tmp_path / "annotations.toml.bak").write_bytes(b"schema_version = [")
    with AnnotationStore(tmp_path) as store:
        [aside] = tmp_path.glob("annotations.toml.corrupt-*")
        [bak_aside] = tmp_path.glob("annotations.toml.bak.corrupt-*")
        assert aside.read_bytes() == b"\xff\xfe not text"
        assert bak_aside.read_bytes() == b"schema_version = ["
        [message] = store.messages
        assert f"it was moved to {aside}" in message
        assert f"it was moved to {bak_aside}" in message
        assert message.endswith("Starting with no annotations; no file was deleted.")
        assert store.alarms == [message]
        assert store.annotations.packs == {}
        with store.update() as edit:  # saving now cannot overwrite either file
            edit.add_note(P, "D.3", "new start")
    assert aside.read_bytes() == b"\xff\xfe not text"
    assert bak_aside.read_bytes() == b"schema_version = ["


def test_an_earlier_corrupt_copy_is_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The clock is frozen so that every copy wants the same name.
    frozen = datetime(2026, 3, 1, 9, 30, 15, tzinfo=UTC)
    monkeypatch.setattr(annotation_store, "utc_now", lambda: frozen)
    for content in (b"one [", b"two [", b"three ["):
        (tmp_path / "annotations.toml").write_bytes(content)
        AnnotationStore(tmp_path).close()
    kept = {p.name: p.read_bytes() for p in tmp_path.glob("annotations.toml.corrupt-*")}
    assert kept == {
        "annotations.toml.corrupt-20260301T093015Z": b"one [",
        "annotations.toml.corrupt-20260301T093015Z-1": b"two [",
        "annotations.toml.corrupt-20260301T093015Z-2": b"three [",
    }


def test_a_newer_file_opens_read_only_and_nothing_is_written(tmp_path: Path) -> None:
    newer = b'schema_version = 3\n[packs.p."A.1"]\nstatus = "reviewed"\nmood = "new field"\n'
    (tmp_path / "annotations.toml").write_bytes(newer)
    with AnnotationStore(tmp_path) as store:
        assert store.read_only
        [message] = store.messages
        assert "was written by a newer gpp-tui (schema_version 3; this version reads up to 2)" in (
            message
        )
        assert "open read-only and nothing will be written" in message
        with pytest.raises(ReadOnlyError, match=r"^not saved: .* newer gpp-tui"), store.update():
            pass
        with pytest.raises(ReadOnlyError):
            store.save()
    assert (tmp_path / "annotations.toml").read_bytes() == newer
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "annotations.toml",
        "annotations.toml.lock",
    ]


def test_a_newer_file_still_shows_what_this_version_understands(tmp_path: Path) -> None:
    (tmp_path / "annotations.toml").write_bytes(
        b'schema_version = 7\n[packs.p."A.1"]\nstatus = "reviewed"\n'
    )
    with AnnotationStore(tmp_path) as store:
        assert store.annotations.status_of("p", "A.1") is ReviewStatus.REVIEWED


def test_a_second_copy_is_read_only_and_says_so(tmp_path: Path) -> None:
    first = _store_with_note(tmp_path)
    before = first.path.read_bytes()
    second = AnnotationStore(tmp_path)
    assert second.read_only and not first.read_only
    assert second.messages == [
        f"Another copy of gpp-tui is already using {tmp_path}: this copy is read-only and will "
        "not save changes. Close the other copy, then restart to make changes."
    ]
    with pytest.raises(ReadOnlyError, match=r"^draft not saved: another copy of gpp-tui is using"):
        second.save_draft(P, "D.3", None, "typed in the second copy")
    assert first.path.read_bytes() == before
    with first.update() as edit:
        edit.add_note(P, "D.3", "written by the first copy")
    first.close()
    second.reload()
    assert not second.read_only
    assert [n.text for n in second.annotations.notes_for(P, "D.3")] == [
        "first note",
        "written by the first copy",
    ]
    second.close()


def _assert_save_fails_and_nothing_is_lost(store: AnnotationStore, expected: str) -> None:
    before = store.path.read_bytes()
    with (
        pytest.raises(SaveError, match=rf"^not saved: {re.escape(expected)}; .* is unchanged$"),
        store.update() as e,
    ):
        e.add_note(P, "D.3", "typed while the disk could not take it")
    assert store.path.read_bytes() == before
    assert store.dirty
    assert (
        store.annotations.notes_for(P, "D.3")[-1].text == "typed while the disk could not take it"
    )


@contextlib.contextmanager
def _tmpfs(path: Path, size: str) -> Iterator[Path]:
    path.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path)],
        capture_output=True,
        check=False,
    )
    if done.returncode:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_a_folder_that_refuses_writes_fails_the_save_visibly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    with _store_with_note(folder) as store:
        # What a folder without write permission answers (root ignores folder modes).
        def refused(*args: object, **kwargs: object) -> NoReturn:
            raise PermissionError(errno.EACCES, "Permission denied", str(folder))

        with monkeypatch.context() as patch:
            patch.setattr(tempfile, "mkstemp", refused)
            _assert_save_fails_and_nothing_is_lost(store, f"no permission to write in {folder}")
            with pytest.raises(SaveError, match=r"^draft not saved: no permission to write in "):
                store.save_draft(P, "D.3", None, "x")
        assert store.save()  # once the folder takes writes again, nothing was lost
    with AnnotationStore(folder) as again:
        assert again.annotations.notes_for(P, "D.3")[-1].text == (
            "typed while the disk could not take it"
        )


def test_a_read_only_mount_is_detected_at_open(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _store_with_note(folder).close()
    view = tmp_path / "view"
    view.mkdir()
    bind = subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(view)], check=False)
    if bind.returncode:
        pytest.skip("running as root and cannot make a read-only mount")
    try:
        before = (view / "annotations.toml").read_bytes()
        with AnnotationStore(view) as store:
            assert store.read_only
            assert store.messages == [
                f"The folder {view} cannot be written (Read-only file system): "
                "opened read-only, changes will not be saved."
            ]
            with (
                pytest.raises(ReadOnlyError, match=r"^not saved: the folder .* cannot be written"),
                store.update() as edit,
            ):
                edit.add_note(P, "D.3", "x")
            with pytest.raises(ReadOnlyError, match=r"^draft not saved: the folder"):
                store.save_draft(P, "D.3", None, "x")
        assert (view / "annotations.toml").read_bytes() == before
    finally:
        subprocess.run(["umount", "-l", str(view)], check=False)


def test_a_full_disk_fails_the_save_visibly(tmp_path: Path) -> None:
    with _tmpfs(tmp_path / "small", "128k") as folder:
        store = _store_with_note(folder)
        with contextlib.suppress(OSError), (folder / "filler").open("wb") as filler:
            while True:
                filler.write(b"\0" * 4096)
                filler.flush()
        _assert_save_fails_and_nothing_is_lost(store, "the disk is full")
        (folder / "filler").unlink()
        assert store.save()
        assert not store.dirty
        store.close()


def test_a_file_size_limit_fails_the_save_visibly(tmp_path: Path) -> None:
    store = _store_with_note(tmp_path)
    limit = len(store.path.read_bytes()) + 64
    old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, old_limit[1]))
    try:
        with store.update(save=False) as edit:
            edit.add_note(P, "D.3", "x" * 1000)
        before = store.path.read_bytes()
        with pytest.raises(SaveError, match=r"^not saved: the file would be larger than"):
            store.save()
        assert store.path.read_bytes() == before
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old_limit)
        signal.signal(signal.SIGXFSZ, old_handler)
    assert store.save()
    store.close()


def test_migrations_run_as_a_chain_before_validation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def from_v0(raw: migrations.RawDict) -> migrations.RawDict:
        # Fake v0 kept one flat table of reviewed recommendation ids.
        reviewed = raw.pop("reviewed")
        raw["packs"] = {P: {node: {"status": "reviewed"} for node in reviewed}}
        return raw

    v0 = b'schema_version = 0\nreviewed = ["A.1", "B.2"]\n'
    (tmp_path / "annotations.toml").write_bytes(v0)
    monkeypatch.setattr(migrations, "MIGRATIONS", {**migrations.MIGRATIONS, 0: from_v0})
    with AnnotationStore(tmp_path) as store:
        assert store.messages == []
        assert store.annotations.matching(P, ["A.1", "A.2", "B.2"], NodeFilter.UNREVIEWED) == [
            "A.2"
        ]
        assert store.annotations.status_of(P, "B.2") is ReviewStatus.REVIEWED


def test_a_schema_with_no_migration_path_is_kept_aside(tmp_path: Path) -> None:
    (tmp_path / "annotations.toml").write_bytes(b"schema_version = 0\n")
    with AnnotationStore(tmp_path) as store:
        assert "no migration from schema_version 0" in store.messages[0]
        [aside] = tmp_path.glob("annotations.toml.corrupt-*")
        assert aside.read_bytes() == b"schema_version = 0\n"


def test_orphaned_annotations_survive_saves_and_restarts(tmp_path: Path) -> None:
    with _store_with_note(tmp_path) as store, store.update() as edit:
        edit.add_note(P, "Z.99", "on a recommendation a newer pack removed")
        edit.toggle_bookmark(P, "term:gone")
    with AnnotationStore(tmp_path) as store:
        orphans = store.annotations.orphans(P, {"A.1", "D.3"})
        assert sorted(orphans) == ["Z.99", "term:gone"]
        assert orphans["Z.99"].notes[0].text == "on a recommendation a newer pack removed"
        with store.update() as edit:
            edit.set_status(P, "A.1", ReviewStatus.FOLLOW_UP)
    with AnnotationStore(tmp_path) as store:
        assert sorted(store.annotations.orphans(P, {"A.1", "D.3"})) == ["Z.99", "term:gone"]


def test_drafts_are_kept_listed_and_discarded(tmp_path: Path) -> None:
    with AnnotationStore(tmp_path) as store:
        store.save_draft(P, "D.3", None, "half a thought\r\n🙂")
        store.save_draft(P, "D.3", "note-1", "an edit")
        store.save_draft(P, "D.3", None, "half a thought, longer")
    with AnnotationStore(tmp_path) as store:
        drafts = store.drafts()
        assert [(d.node_id, d.note_id, d.text) for d in drafts] == [
            ("D.3", "note-1", "an edit"),
            ("D.3", None, "half a thought, longer"),
        ]
        assert all(_mode(d.path) == 0o600 for d in drafts)
        store.discard_draft(P, "D.3", None)
        assert [d.note_id for d in store.drafts()] == ["note-1"]


def test_an_unreadable_draft_is_reported_and_left_in_place(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    bad = tmp_path / "drafts" / "0000.toml"
    bad.write_bytes(b"text = '''never closed")
    with AnnotationStore(tmp_path) as store:
        assert store.drafts() == []
        assert store.messages[0].startswith(
            f"A note draft could not be read and was left in place: {bad}"
        )
    assert bad.read_bytes() == b"text = '''never closed"


def test_a_failed_update_changes_nothing(tmp_path: Path) -> None:
    with _store_with_note(tmp_path) as store:
        before = store.annotations
        with pytest.raises(RuntimeError), store.update() as edit:
            edit.add_note(P, "D.3", "abandoned")
            raise RuntimeError("user pressed escape")
        assert store.annotations is before and not store.dirty


def test_saves_from_many_threads_keep_every_note(tmp_path: Path) -> None:
    store = AnnotationStore(tmp_path)
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            for i in range(15):
                with store.update(save=False) as edit:
                    edit.add_note(P, f"N.{worker}", f"{worker}-{i}")
                store.save()
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert not store.dirty
    store.close()
    with AnnotationStore(tmp_path) as again:
        assert again.annotations.note_total == 90
        assert again.annotations == store.annotations


def test_save_skips_writing_when_nothing_changed(tmp_path: Path) -> None:
    with _store_with_note(tmp_path) as store:
        mtime = os.stat(store.path).st_mtime_ns
        assert store.save() is False
        assert os.stat(store.path).st_mtime_ns == mtime


def test_temp_files_left_by_a_killed_save_are_removed_when_the_store_opens(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    with AnnotationStore(folder) as store, store.update() as edit:
        edit.add_note("p", "n", "kept")
    leftover = folder / ".annotations.toml.abc123.tmp"
    leftover.write_bytes(b"half a save")
    draft_leftover = folder / "drafts" / ".x.toml.def.tmp"
    draft_leftover.parent.mkdir(exist_ok=True)
    draft_leftover.write_bytes(b"half a draft")
    with AnnotationStore(folder) as store:
        assert [n.text for n in store.annotations.notes_for("p", "n")] == ["kept"]
    assert not leftover.exists()
    assert not draft_leftover.exists()


def test_a_prepared_store_renders_only_the_edit_on_its_first_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with AnnotationStore(tmp_path) as store, store.update() as edit:
        for i in range(40):
            edit.add_note(P, f"N.{i}", f"note {i}")
    checked: list[tuple[str, ...]] = []
    real_check = serialize._check_reads_back

    def counting(text: str, path: tuple[str, ...], expected: migrations.RawDict) -> None:
        checked.append(path)
        real_check(text, path, expected)

    monkeypatch.setattr(serialize, "_check_reads_back", counting)
    with AnnotationStore(tmp_path) as store:  # a new session, as after a restart
        store.prepare_save()
        assert len(checked) == 40  # every note, in the background, before any edit
        checked.clear()
        with store.update() as edit:
            edit.add_note(P, "N.7", "one more")
        assert checked == [("packs", P, "N.7")]
    with AnnotationStore(tmp_path) as store:
        assert len(store.annotations.notes_for(P, "N.7")) == 2
