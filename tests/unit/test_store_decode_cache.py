"""The store opened again on the same bytes skips the TOML parse (keyed by the bytes' hash,
never by the file's times); any other bytes are parsed, and a key is checked every time."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gpp_tui.store import serialize
from gpp_tui.store.annotation_store import AnnotationStore

P = "wigj-gpp"


def counting_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    real = serialize.loads_toml

    def counted(text: str) -> dict[str, object]:
        parsed.append(text)
        return real(text)

    monkeypatch.setattr(serialize, "loads_toml", counted)
    return parsed


def test_a_store_opened_again_on_the_same_bytes_is_not_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with AnnotationStore(tmp_path) as store, store.update() as edit:
        edit.add_note(P, "A.1", "first")
    parsed = counting_parses(monkeypatch)
    with AnnotationStore(tmp_path) as first:
        loaded = first.annotations
    assert len(parsed) == 1
    with AnnotationStore(tmp_path) as again:
        assert again.annotations is loaded  # frozen models: shared
        assert not again.dirty
        with again.update() as edit:
            edit.add_note(P, "A.1", "second")
    assert len(parsed) == 1
    with AnnotationStore(tmp_path) as third:  # the file changed: parsed
        assert [n.text for n in third.annotations.notes_for(P, "A.1")] == ["first", "second"]
    assert len(parsed) == 2


def test_bytes_changed_with_the_same_size_and_times_are_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with AnnotationStore(tmp_path) as store, store.update() as edit:
        edit.add_note(P, "A.1", "apple")
    path = tmp_path / "annotations.toml"
    with AnnotationStore(tmp_path) as store:
        assert store.annotations.notes_for(P, "A.1")[0].text == "apple"
    before = os.stat(path)
    data = path.read_bytes()
    with path.open("r+b") as file:  # in place: same inode, same size, same mtime below
        file.write(data.replace(b'"apple"', b'"mango"'))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    parsed = counting_parses(monkeypatch)
    with AnnotationStore(tmp_path) as store:
        assert store.annotations.notes_for(P, "A.1")[0].text == "mango"
    assert len(parsed) == 1


def test_a_cached_encrypted_store_still_needs_its_key(tmp_path: Path) -> None:
    from pyrage import x25519

    from gpp_tui.store.crypto import AgeCodec

    key = AgeCodec(str(x25519.Identity.generate()))
    with AnnotationStore(tmp_path, codec=key) as store, store.update() as edit:
        edit.add_note(P, "D.3", "sealed")
    with AnnotationStore(tmp_path, codec=key) as store:  # decoded once: in the cache
        assert store.annotations.notes_for(P, "D.3")[0].text == "sealed"
    with AnnotationStore(tmp_path, codec=AgeCodec(str(x25519.Identity.generate()))) as other:
        assert other.read_only
        assert other.annotations.note_total == 0
    with AnnotationStore(tmp_path) as plain:  # no key at all
        assert plain.read_only
        assert plain.annotations.note_total == 0


def test_the_cache_keeps_only_the_last_few(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = [tmp_path / str(number) for number in range(serialize._DECODED_MAX + 1)]
    for number, folder in enumerate(folders):
        with AnnotationStore(folder) as store, store.update() as edit:
            edit.add_note(P, "A.1", f"note {number}")
    for folder in folders:
        AnnotationStore(folder).close()
    assert len(serialize._DECODED) == serialize._DECODED_MAX
    parsed = counting_parses(monkeypatch)
    AnnotationStore(folders[-1]).close()
    assert parsed == []
    AnnotationStore(folders[0]).close()  # the oldest was let go
    assert len(parsed) == 1
