"""CLI output that fits the terminal, ids a user can find, help pages, a misspelt --data-dir."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gpp_tui import cli_output
from gpp_tui.cli import READING_COMMANDS, build_parser, main
from gpp_tui.cli_help import HELP
from gpp_tui.content import loader
from gpp_tui.store.annotation_store import AnnotationStore

ROOT = Path(__file__).resolve().parents[2]

WRAPPED = [
    ("list",),
    ("list", "--all"),
    ("show", "B.2"),
    ("show", "A.2"),
    ("show", "understanding"),
    ("search", "gender", "persecution"),
    ("search", "herat"),
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def noted(private_data_dir: Path) -> Path:
    """A data folder with a long note, so search prints a note's snippet too."""
    with AnnotationStore(private_data_dir) as store, store.update() as edit:
        edit.add_note(
            "wigj-gpp",
            "C.2",
            "Met the Herat women's shura about testimony; they asked that the "
            "interpreters be women and that no names be written down anywhere.",
        )
    return private_data_dir


@pytest.mark.parametrize("argv", WRAPPED, ids=" ".join)
def test_every_line_fits_80_columns_and_breaks_between_words(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    noted: Path,
    argv: tuple[str, ...],
) -> None:
    monkeypatch.setenv("COLUMNS", "1000")
    status, wide, _ = run(capsys, *argv)
    assert status == 0
    monkeypatch.setenv("COLUMNS", "80")
    status, narrow, _ = run(capsys, *argv)
    assert status == 0

    lines = narrow.splitlines()
    assert lines and max(len(line) for line in lines) <= 80
    # Only spaces became line breaks: no word, id or reference was cut.
    assert narrow.split() == wide.split()
    assert not [line for line in lines if line != line.rstrip()]


def test_wrapped_entries_hang_under_their_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    _, listing, _ = run(capsys, "list")
    _, shown, _ = run(capsys, "show", "B.2")

    # A recommendation's wrapped summary continues under its title, not under its id.
    recommendation = re.compile(r"^    [A-D]\.\d  \S")
    lines = listing.splitlines()
    entries = lines[next(i for i, line in enumerate(lines) if line.startswith("  A  ")) :]
    assert any(line.startswith(" " * 9) for line in entries)
    for before, line in itertools.pairwise(entries):
        if line.startswith("     "):
            assert re.match(r"^ {9}\S", line), line
            assert recommendation.match(before) or before.startswith(" " * 9), before
    # A wrapped reference continues under its text, not under its bullet.
    lines = shown.splitlines()
    refs = [i for i, line in enumerate(lines) if line.startswith("  * ")]
    assert refs
    for i in refs:
        for line in lines[i + 1 :]:
            if not line.startswith("    "):
                break
            assert re.match(r"^ {4}\S", line), line
    assert shown.startswith("B.2 Anti-Retaliation Safeguards\nFocus area: B Protection\n")


def test_columns_is_honoured(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("COLUMNS", "50")
    _, out, _ = run(capsys, "show", "A.2")

    assert max(len(line) for line in out.splitlines()) <= 50


def test_off_a_terminal_the_width_is_80() -> None:
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    shown = subprocess.run(
        [sys.executable, "-m", "gpp_tui", "show", "A.2"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )

    assert shown.returncode == 0, shown.stderr
    widths = [len(line) for line in shown.stdout.splitlines()]
    assert 70 < max(widths) <= 80


def test_wrap_keeps_list_items_and_paragraphs() -> None:
    text = "One two three four five six.\n\n- seven eight nine ten eleven\n  plain line"

    assert cli_output.wrap_block(text, 16, "  ") == [
        "  One two three",
        "  four five six.",
        "",
        "  - seven eight",
        "    nine ten",
        "    eleven",
        "    plain line",
    ]
    assert cli_output.wrap("term:universal-jurisdiction is long", 10) == [
        "term:universal-jurisdiction",
        "is long",
    ]


def test_search_takes_several_words_without_quotes(capsys: pytest.CaptureFixture[str]) -> None:
    status, unquoted, err = run(capsys, "search", "gender", "persecution", "--json")
    assert (status, err) == (0, "")
    _, quoted, _ = run(capsys, "search", "gender persecution", "--json")

    results = json.loads(unquoted)["results"]
    assert results and unquoted == quoted
    _, phrase, _ = run(capsys, "search", '"witness protection"', "--json")
    assert [hit["id"] for hit in json.loads(phrase)["results"]][:1] == ["B.2"]


def test_list_all_gives_the_ids_of_sections_and_glossary_terms(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    _, plain, _ = run(capsys, "list")
    _, everything, _ = run(capsys, "list", "--all")
    _, as_json, _ = run(capsys, "list", "--all", "--json")

    assert "term:reparations" not in plain
    assert "    term:reparations             Reparations\n" in everything
    assert "    understanding        Understanding Gender Persecution\n" in everything
    assert "  Glossary\n" in everything and "  Background\n" in everything
    (pack,) = json.loads(as_json)["packs"]
    assert {"id": "term:reparations", "term": "Reparations"} in pack["glossary"]
    assert pack["sections"][0]["id"] == "understanding"
    # Every id listed is one `gpp show` accepts.
    ids = [e["id"] for e in pack["sections"] + pack["glossary"]]
    ids += [r["id"] for a in pack["areas"] for r in a["recommendations"]]
    for node_id in ids:
        assert main(["show", node_id]) == 0, node_id
    capsys.readouterr()


def test_unknown_id_points_to_the_listing_of_every_id(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "show", "term:reparation")

    assert status == 2
    assert err == "gpp: no node with id 'term:reparation'; `gpp list --all` shows every id\n"


def test_every_subcommand_help_says_what_it_does_with_examples(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    parser = build_parser()
    (commands,) = (a for a in parser._actions if a.dest == "command")
    assert commands.choices
    for name in commands.choices:
        assert name in HELP, f"`gpp {name} --help` has no description"
        with pytest.raises(SystemExit) as exited:
            main([name, "--help"])
        assert exited.value.code == 0
        page = capsys.readouterr().out
        description, examples = HELP[name]
        assert description.splitlines()[0] in page
        assert "\nexamples:\n" in page
        assert all(example.startswith(f"gpp {name}") for example in examples), name
        assert max(len(line) for line in page.splitlines()) <= 80, name


@pytest.mark.parametrize("command", READING_COMMANDS)
def test_a_missing_data_dir_is_one_line_for_commands_that_only_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    missing = tmp_path / "notes-misspelt"
    extra = {"show": ["B.2"], "cite": ["B.2"], "search": ["herat"], "export": ["--format", "md"]}

    status, out, err = run(capsys, "--data-dir", str(missing), command, *extra.get(command, []))

    assert (status, out) == (2, "")
    assert err == (
        f"gpp: --data-dir {missing}: no such folder (check the spelling; "
        "`gpp import`, `gpp encrypt` and the app create it)\n"
    )
    assert not missing.exists()


@pytest.mark.parametrize("plain", [[], ["--plain"]])
def test_the_app_refuses_a_data_dir_that_is_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, plain: list[str]
) -> None:
    a_file = tmp_path / "hostname"
    a_file.write_text("box\n", encoding="utf-8")

    status, out, err = run(capsys, "--data-dir", str(a_file), *plain)

    assert (status, out) == (2, "")
    assert err == f"gpp: --data-dir {a_file}: not a folder\n"
    assert a_file.read_text(encoding="utf-8") == "box\n"


def test_commands_that_write_still_create_the_data_dir(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "source"
    with AnnotationStore(source) as store, store.update() as edit:
        edit.add_note("wigj-gpp", "B.2", "A note to share")
    exported = tmp_path / "share.json"
    assert run(capsys, "--data-dir", str(source), "export", "-o", str(exported))[0] == 0
    fresh = tmp_path / "new-colleague"

    status, _, err = run(capsys, "--data-dir", str(fresh), "import", str(exported))

    assert (status, err) == (0, "")
    assert (fresh / "annotations.toml").is_file()


def test_validate_accepts_the_source_pack_in_an_installed_copy(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """After `pip install .` the bundled pack is a copy in site-packages, not data/ here."""
    installed = tmp_path / "site-packages" / "gpp_tui" / "data" / loader.PACK_FILE
    installed.parent.mkdir(parents=True)
    shutil.copyfile(ROOT / "data" / loader.PACK_FILE, installed)
    monkeypatch.setattr(loader, "bundled_pack_path", lambda: installed)
    monkeypatch.setattr("gpp_tui.content.bundled_pack_path", lambda: installed)
    monkeypatch.chdir(ROOT)

    status, out, err = run(capsys, "validate", "data/principles.toml")
    assert (status, err) == (0, "")
    assert out.startswith("data/principles.toml: ok, pack 'wigj-gpp', 4 focus areas")
    status, out, err = run(capsys, "--content", "data/principles.toml", "list", "--json")
    assert (status, err) == (0, "")
    assert len(json.loads(out)["packs"]) == 1
