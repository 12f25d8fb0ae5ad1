"""Damaged and odd files: huge numbers, deep nesting, pipes, devices; one line, nothing lost."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from gpp_tui.cli import main
from gpp_tui.content import PackError, load_pack
from gpp_tui.exchange.io import ImportRefusedError, read_export
from gpp_tui.exchange.portable import FORMAT
from gpp_tui.filereader import NotRegularFileError, ParseError, TooLargeError, read_bytes, read_toml
from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.config import MAX_KEYS, load_config
from gpp_tui.store.models import Annotations
from gpp_tui.store.state import load_state

HUGE = "1" + "0" * 5000
NOTE = (
    'schema_version = 2\n[[packs.wigj-gpp."B.2".notes]]\nid = "n1"\ntext = "kept"\n'
    "created = 2026-01-01T00:00:00Z\nupdated = 2026-01-01T00:00:00Z\n"
)
DAMAGED: dict[str, str] = {
    "5000-digit time": NOTE.replace("created = 2026-01-01T00:00:00Z", f"created = {HUGE}"),
    "5000-digit schema": f"schema_version = {HUGE}\n",
    "arrays nested 100,000 deep": "x = " + "[" * 100_000 + "]" * 100_000 + "\n",
    "inline tables nested 100,000 deep": "x = " + "{a = " * 100_000 + "}" * 100_000 + "\n",
}


def gpp(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = main(list(argv))
    return status, out.getvalue()


def gpp_process(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`gpp` in a child process with a timeout: a hang fails the test instead of stalling CI."""
    return subprocess.run(
        [sys.executable, "-m", "gpp_tui", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        check=False,
    )


@pytest.mark.parametrize("case", sorted(DAMAGED))
def test_a_damaged_store_is_moved_aside_byte_for_byte_and_the_backup_used(
    tmp_path: Path, case: str
) -> None:
    (tmp_path / "annotations.toml").write_text(DAMAGED[case], encoding="utf-8")
    (tmp_path / "annotations.toml.bak").write_text(NOTE, encoding="utf-8")

    with AnnotationStore(tmp_path) as store:
        assert store.annotations.node("wigj-gpp", "B.2").notes[0].text == "kept"
        [message] = store.messages
    [aside] = tmp_path.glob("annotations.toml.corrupt-*")
    assert aside.read_text(encoding="utf-8") == DAMAGED[case]
    assert "\n" not in message and "could not be read: it " in message


@pytest.mark.parametrize("case", sorted(DAMAGED))
def test_a_damaged_store_through_the_cli_is_one_line(tmp_path: Path, case: str) -> None:
    (tmp_path / "annotations.toml").write_text(DAMAGED[case], encoding="utf-8")

    status, output = gpp("--data-dir", str(tmp_path), "search", "kept")

    assert status == 0
    assert output.splitlines()[0].startswith("gpp: ")
    assert "Traceback" not in output
    [aside] = tmp_path.glob("annotations.toml.corrupt-*")
    assert aside.read_text(encoding="utf-8") == DAMAGED[case]


def test_a_store_file_that_is_a_named_pipe_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "annotations.toml")

    result = gpp_process("--data-dir", str(tmp_path), "search", "x")

    assert result.returncode == 0
    assert "named pipe" in result.stderr and result.stderr.count("\n") == 1
    [aside] = tmp_path.glob("annotations.toml.corrupt-*")
    assert aside.is_fifo()


@pytest.mark.parametrize("case", sorted(DAMAGED))
def test_a_damaged_pack_is_one_line(tmp_path: Path, case: str) -> None:
    pack = tmp_path / "pack.toml"
    pack.write_text(DAMAGED[case], encoding="utf-8")

    with pytest.raises(PackError) as raised:
        load_pack(pack)
    for argv in (["validate", str(pack)], ["--content", str(pack), "list"]):
        status, output = gpp(*argv)
        assert status == 2
        assert output.splitlines()[-1] == f"gpp: {raised.value}"  # after "reading…" for big ones


@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "/dev/null"])
def test_packs_imports_settings_never_read_a_pipe_or_a_device(tmp_path: Path, special: str) -> None:
    path = tmp_path / "fifo" if special == "fifo" else Path(special)
    if special == "fifo":
        os.mkfifo(path)
    with pytest.raises(NotRegularFileError):
        read_bytes(path, limit=100)
    result = gpp_process("validate", str(path))
    assert (result.returncode, result.stderr.count("\n")) == (2, 1)
    result = gpp_process("import", "--dry-run", str(path))
    assert (result.returncode, result.stderr.count("\n")) == (2, 1)
    assert "not a regular file" in result.stderr
    result = gpp_process("export", "--format", "json", env={"GPP_TUI_CONFIG": str(path)})
    assert result.returncode == 0
    assert "not a regular file; using defaults" in result.stderr
    config, problems = load_config(path)
    assert config.lock_after_minutes == 0 and len(problems) == 1


def test_the_reader_caps_size_and_names_every_parse_failure(tmp_path: Path) -> None:
    path = tmp_path / "f.toml"
    path.write_bytes(b"x = 1\n" * 100)
    with pytest.raises(TooLargeError):
        read_bytes(path, limit=599)
    assert read_bytes(path, limit=600) == b"x = 1\n" * 100
    for text, words in [
        (b"x = \xff", "not UTF-8"),
        (b"x = ", "not valid TOML"),
        (f"x = {HUGE}".encode(), "over 4,300 digits"),
        (("x = " + "[" * 5000).encode(), "nested too deeply"),
    ]:
        path.write_bytes(text)
        with pytest.raises(ParseError, match=words):
            read_toml(path, limit=1_000_000)


@pytest.mark.parametrize(
    "text",
    [
        f"lock_after_minutes = {HUGE}\n",
        "lock_after_minutes = " + "[" * 100_000 + "]" * 100_000 + "\n",
        "lock_after_minutes = inf\n",
        "lock_after_minutes = nan\n",
        f"lock_after_minutes = {10**4000}\n",
    ],
)
def test_bad_settings_give_one_line_and_the_default(tmp_path: Path, text: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")

    config, problems = load_config(path)

    assert config.lock_after_minutes == 0
    assert len(problems) == 1 and "\n" not in problems[0]


def test_ten_thousand_keys_are_capped_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    unknown = "".join(f'u{i} = "x"\n' for i in range(10_000))
    path.write_text(unknown + "[keys]\n" + "".join(f'k{i} = "x"\n' for i in range(10_000)))

    config, problems = load_config(path)

    assert len(config.keys) == MAX_KEYS
    assert len(problems) < 10


def test_a_damaged_state_file_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "state.toml").write_text("last = " + "[" * 100_000, encoding="utf-8")
    assert load_state(tmp_path).node_id == ""
    (tmp_path / "state.toml").unlink()
    os.mkfifo(tmp_path / "state.toml")
    assert load_state(tmp_path).node_id == ""


def _export(tmp_path: Path, notes: list[dict[str, object]]) -> Path:
    document = {
        "format": FORMAT,
        "schema_version": 2,
        "packs": {"wigj-gpp": {"B.2": {"notes": notes}}},
        "totals": {"nodes": 1, "notes": len(notes)},
    }
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _note(note_id: str, text: str) -> dict[str, object]:
    stamp = "2026-01-01T00:00:00Z"
    return {"id": note_id, "text": text, "created": stamp, "updated": stamp}


def test_an_import_with_two_notes_of_one_id_is_refused(tmp_path: Path) -> None:
    path = _export(tmp_path, [_note("same", "one"), _note("same", "two")])

    status, output = gpp("--data-dir", str(tmp_path / "data"), "import", str(path))

    assert status == 2
    assert "two notes with the id 'same'" in output and output.count("\n") == 1
    with AnnotationStore(tmp_path / "data") as store:
        assert store.annotations == Annotations()


@pytest.mark.parametrize(
    "body",
    [
        '{"format": "gpp-tui-annotations", "schema_version": ' + HUGE + "}",
        '{"format": ' + "[" * 100_000 + "]" * 100_000 + "}",
        f'format = "gpp-tui-annotations"\nschema_version = {HUGE}\n',
    ],
)
def test_an_import_beyond_the_parsers_limits_is_one_line(tmp_path: Path, body: str) -> None:
    from gpp_tui.content import load_library

    path = tmp_path / "export.json"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ImportRefusedError):
        read_export(path, load_library())
    status, output = gpp("--data-dir", str(tmp_path / "data"), "import", "--dry-run", str(path))
    assert status == 2 and output.count("\n") == 1


@pytest.mark.parametrize("field", ['id = "extra"', 'id = "X.1"'])
def test_an_id_with_a_trailing_newline_never_keeps_it(
    write_pack: Callable[..., Path], minimal_pack: str, field: str
) -> None:
    path = write_pack(minimal_pack.replace(field, field[:-1] + '\\n"', 1))

    pack = load_pack(path)  # Strings are stripped; the pattern is matched in full.

    assert (pack.pack.id, pack.areas[0].recommendations[0].id) == ("extra", "X.1")
    with pytest.raises(PackError, match="is not a valid id"):
        load_pack(write_pack(minimal_pack.replace(field, field[:-1] + '\\nB"', 1)))


def test_setting_the_author_never_reads_a_pipe(tmp_path: Path) -> None:
    from gpp_tui.store.config import set_author

    os.mkfifo(tmp_path / "config.toml")
    with pytest.raises(OSError, match="named pipe"):
        set_author("Ana", tmp_path / "config.toml")


def test_a_draft_or_key_file_that_is_a_pipe_is_never_waited_on(tmp_path: Path) -> None:
    from gpp_tui.store.crypto import unlock
    from gpp_tui.store.errors import DamagedKeyError

    (tmp_path / "drafts").mkdir()
    os.mkfifo(tmp_path / "drafts" / "0123.toml")
    with AnnotationStore(tmp_path) as store:
        assert store.drafts() == []
        assert any("0123.toml" in message for message in store.messages)
    assert (tmp_path / "drafts" / "0123.toml").is_fifo()
    os.mkfifo(tmp_path / "key.age")
    with pytest.raises(DamagedKeyError, match="named pipe"):
        unlock(tmp_path, "any passphrase")
