"""Hostile text through every CLI command: shown as visible escapes, stored byte for byte."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
import tomllib
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings

from gpp_tui.cli import main
from gpp_tui.display import is_safe, picture, safe, safe_json, safe_line
from gpp_tui.exchange.portable import FORMAT
from gpp_tui.store.annotation_store import AnnotationStore
from hostile_corpus import ORDINARY, OSC52, assert_terminal_safe, hostile_pack, hostile_text

PACK = "wigj-gpp"
FAST = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def gpp(*argv: str) -> tuple[int, str]:
    """Run `gpp ARGV` in-process; (exit status, stdout and stderr together)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(argv))
        except SystemExit as usage:  # argparse: a word that looks like an option, say
            status = usage.code if isinstance(usage.code, int) else 2
    return status, out.getvalue() + err.getvalue()


def export_file(folder: Path, text: str, tag: str, author: str, node: str = "B.2") -> Path:
    """A JSON export holding one note and a bookmark label, all hostile."""
    note = {
        "id": "n1",
        "created": "2026-01-01T00:00:00Z",
        "updated": "2026-01-01T00:00:00Z",
        "author": author,
        "tags": [tag],
        "text": text,
    }
    bookmark = {"created": "2026-01-01T00:00:00Z", "label": tag}
    document = {
        "format": FORMAT,
        "author": author,
        "schema_version": 2,
        "exported_from": {PACK: {"title": author, "version": tag}},
        "packs": {PACK: {node: {"notes": [note], "bookmark": bookmark}}},
        "totals": {"nodes": 1, "notes": 1},
    }
    path = folder / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_the_sanitiser_shows_controls_and_overrides_and_keeps_ordinary_text() -> None:
    assert safe(OSC52) == "\\x1b]52;c;ZWNobyBwd25lZAo=\\x07"
    assert safe("a\x9b2Jb\u202ec\u2066d\u2069") == "a\\x9b2Jb\\u202ec\\u2066d\\u2069"
    assert safe("line\r\nnext\rover") == "line\nnext\\rover"
    for text in ORDINARY:
        assert safe(text) == text
    assert safe_line("two\nlines\ttab") == "two\\nlines\\ttab"
    assert json.loads(safe_json(json.dumps(["\x9b\u202e\x7f"], ensure_ascii=False))) == [
        "\x9b\u202e\x7f"
    ]


@FAST
@given(hostile_text)
def test_safe_output_is_terminal_safe(text: str) -> None:
    assert_terminal_safe(safe(text))
    assert is_safe(safe(text))
    assert json.loads(safe_json(json.dumps(text, ensure_ascii=False))) == text


@FAST
@given(text=hostile_text, tag=hostile_text, author=hostile_text, node=hostile_text)
@example(text=OSC52, tag="-:", author="a", node="B.2")  # hypothesis found it: an option?
@example(text="-\x1b]0;title\x07", tag="--x\x1b[31m", author="a", node="B.2")
def test_import_search_export_show_hostile_notes(
    text: str, tag: str, author: str, node: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = str(folder / "data")
        path = export_file(folder, text, tag, author, node)
        for argv in (["import", str(path), "--dry-run"], ["import", str(path)]):
            status, output = gpp("--data-dir", data, *argv)
            assert status == 0, output
            assert_terminal_safe(output)
        for argv in (
            ["search", text[:40]],
            ["search", "--json", tag[:40]],
            ["export", "--format", "md"],
            ["export", "--format", "html"],
            ["show", "B.2"],
        ):
            status, output = gpp("--data-dir", data, *argv)
            assert_terminal_safe(output)
        for fmt, parse in (("json", json.loads), ("toml", tomllib.loads)):
            status, output = gpp("--data-dir", data, "export", "--format", fmt)
            assert status == 0
            assert_terminal_safe(output)
            exported = parse(output)["packs"][PACK][node]
            assert exported["notes"][0]["text"] == text
            assert exported["bookmark"]["label"] == tag
        with AnnotationStore(Path(data)) as store:
            stored = store.annotations.node(PACK, node)
        assert stored.notes[0].text == text
        assert stored.notes[0].tags == (tag,)
        assert stored.notes[0].author == author


LOADER_WHITESPACE = "".join(
    char for char in map(chr, range(0x3001)) if char.isspace() and char not in "\x1c\x1d\x1e\x1f"
)
"""What the pack loader strips (Unicode White_Space): Python's isspace adds \\x1c-\\x1f."""


@FAST
@given(title=hostile_text, text=hostile_text)
@example(title="a title\x1f", text="a text")  # hypothesis found it: \x1f is kept
def test_show_list_cite_validate_a_hostile_pack(title: str, text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pack = Path(tmp) / "hostile.toml"
        pack.write_text(hostile_pack(title, text), encoding="utf-8")
        content = ("--content", str(pack))
        for argv in (
            ["show", "hostile/H.1"],
            ["show", "--json", "hostile/H.1"],
            ["show", "hostile/intro"],
            ["cite", "hostile/H.1"],
            ["list"],
            ["list", "--json"],
            ["search", title[:30]],
        ):
            status, output = gpp(*content, *argv)
            assert status == 0, output
            assert_terminal_safe(output)
        status, output = gpp(*content, "show", "--json", "hostile/H.1")
        # Pack strings lose surrounding whitespace when loaded (str_strip_whitespace), no more.
        assert json.loads(output)["title"] == title.strip(LOADER_WHITESPACE)
        status, output = gpp("validate", str(pack))
        assert status == 0
        assert_terminal_safe(output)


@FAST
@given(name=hostile_text)
def test_errors_naming_hostile_paths_are_one_safe_line(name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name.replace("/", "_")[:100].replace("\x00", "_")
        for argv in (["import", str(path)], ["validate", str(path)], ["show", name]):
            status, output = gpp(*argv)
            assert status == 2
            assert_terminal_safe(output)
            assert output.count("\n") == 1, output


def test_pictures_keep_every_offset() -> None:
    text = f"a{OSC52}b\u202ec\r\nd\re\tf\ng\u200ch"
    shown = picture(text)
    assert len(shown) == len(text)
    assert shown == "a␛]52;c;ZWNobyBwd25lZAo=␇b\ufffdc \nd␍e\tf\ng\u200ch"
    assert_terminal_safe(shown)
