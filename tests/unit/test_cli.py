"""The `gpp` command without the UI: list, show, validate, --version."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import gpp_tui
from gpp_tui.cli import main
from gpp_tui.content import bundled_pack_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `gpp ARGV...` in-process and return (exit status, stdout, stderr)."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_line_error(err: str) -> None:
    assert err.startswith("gpp: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_list_json_has_the_source_areas_and_recommendations(
    capsys: pytest.CaptureFixture[str], source_recommendations: dict[str, tuple[str, str]]
) -> None:
    status, out, _ = run(capsys, "list", "--json")

    assert status == 0
    (pack,) = json.loads(out)["packs"]
    assert [a["title"] for a in pack["areas"]] == [
        "Prevention",
        "Protection",
        "Participation",
        "Relief and Recovery",
    ]
    recs = {
        r["id"]: (r["title"], r["summary"]) for a in pack["areas"] for r in a["recommendations"]
    }
    assert recs == source_recommendations


def test_list_text_shows_ids_titles_and_summaries(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    status, out, _ = run(capsys, "list")

    assert status == 0
    assert (
        "    D.1  Holistic Support: Address survivors\u2019 mental, economic, and social\n"
        "         needs.\n" in out
    )


def test_show_separates_the_principle_from_added_context(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "show", "B.2")

    assert status == 0
    assert out.startswith("B.2 Anti-Retaliation Safeguards\n")
    principle, label, context = out.partition("Context")
    assert label
    assert "Ensure survivors' safety during justice processes." in principle
    assert "Women's Initiatives for Gender Justice" in principle
    assert "reprisals" not in principle
    assert "reprisals" in context
    assert "Rome Statute art. 70(1)(c)" in context


def test_show_flags_unverified_references(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", "A.2")

    assert "Elements of Crimes, persecution [to verify]" in out
    assert "Rome Statute art. 7(1)(h) [to verify]" not in out


def test_show_ids_are_case_insensitive(capsys: pytest.CaptureFixture[str]) -> None:
    _, upper, _ = run(capsys, "show", "B.2")

    assert run(capsys, "show", "b.2") == (0, upper, "")
    assert run(capsys, "show", "WIGJ-GPP/b.2") == (0, upper, "")


def test_show_json_keeps_source_text_and_context_apart(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "d.1", "--json")

    assert status == 0
    data = json.loads(out)
    assert data["id"] == "D.1"
    assert data["text"] == "Address survivors\u2019 mental, economic, and social needs."
    assert data["area"] == {"id": "D", "title": "Relief and Recovery"}
    assert "Trust Fund for Victims" in data["context"]["text"]


@pytest.mark.parametrize("ref", ["Z.9", "nope/B.2", ""])
def test_show_unknown_id_is_a_one_line_error(capsys: pytest.CaptureFixture[str], ref: str) -> None:
    status, out, err = run(capsys, "show", ref)

    assert status == 2
    assert out == ""
    assert_one_line_error(err)
    assert repr(ref) in err


def test_extra_pack_given_before_the_command(
    capsys: pytest.CaptureFixture[str], write_pack, minimal_pack: str
) -> None:
    path = write_pack(minimal_pack)

    status, out, _ = run(capsys, "--content", str(path), "show", "x.1")

    assert status == 0
    assert out.startswith("X.1 Extra recommendation\n")
    assert "An extra summary." in out

    _, out, _ = run(capsys, "--content", str(path), "list", "--json")
    assert [p["id"] for p in json.loads(out)["packs"]] == ["wigj-gpp", "extra"]


def test_markup_looking_title_prints_verbatim(
    capsys: pytest.CaptureFixture[str], write_pack, minimal_pack: str
) -> None:
    path = write_pack(minimal_pack.replace('"Extra recommendation"', '"[b]Bold[/b] [x]"'))

    _, out, _ = run(capsys, "--content", str(path), "show", "X.1")

    assert out.startswith("X.1 [b]Bold[/b] [x]\n")


def test_broken_extra_pack_stops_list_with_one_line(
    capsys: pytest.CaptureFixture[str], bad_pack
) -> None:
    status, out, err = run(capsys, "--content", str(bad_pack.path), "list")

    assert status == 2
    assert out == ""
    assert_one_line_error(err)


def test_validate_good_packs(
    capsys: pytest.CaptureFixture[str], write_pack, minimal_pack: str
) -> None:
    extra = write_pack(minimal_pack)

    status, out, err = run(capsys, "validate", str(bundled_pack_path()))
    assert (status, err) == (0, "")
    assert "ok, pack 'wigj-gpp', 4 focus areas, 11 recommendations" in out

    status, out, err = run(capsys, "validate", str(extra.parent))
    assert (status, err) == (0, "")
    assert f"{extra}: ok, pack 'extra', 1 focus areas, 1 recommendations" in out


def test_validate_bad_pack_is_one_line_on_stderr(
    capsys: pytest.CaptureFixture[str], bad_pack
) -> None:
    status, _, err = run(capsys, "validate", str(bad_pack.path))

    assert status == 2
    assert_one_line_error(err)
    for words in bad_pack.expected:
        assert words in err


def test_validate_accepts_a_copy_of_the_bundled_pack_but_not_another_pack_with_its_id(
    capsys: pytest.CaptureFixture[str], write_pack
) -> None:
    bundled = bundled_pack_path().read_text(encoding="utf-8")
    copy = write_pack(bundled, "copy.toml")

    status, out, err = run(capsys, "validate", str(copy))
    assert (status, err) == (0, "")
    assert f"{copy}: ok, pack 'wigj-gpp'" in out

    changed = write_pack(bundled.replace("Ensure survivors'", "Ensure all survivors'"), "b.toml")
    status, _, err = run(capsys, "validate", str(changed))
    assert status == 2
    assert_one_line_error(err)
    assert "pack id 'wigj-gpp' is already used" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])

    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"gpp-tui {gpp_tui.__version__}"


def test_installed_script_and_module_run(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("gpp")
    shown = subprocess.run(
        [str(script), "show", "B.2"], capture_output=True, text=True, encoding="utf-8", check=False
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("B.2 Anti-Retaliation Safeguards\n")

    missing = subprocess.run(
        [sys.executable, "-m", "gpp_tui", "--content", str(tmp_path / "none.toml"), "list"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert missing.returncode == 2
    assert missing.stdout == ""
    assert missing.stderr == f"gpp: {tmp_path / 'none.toml'}: no such file or folder\n"


def test_a_big_pack_read_for_the_first_time_says_so_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    terms = "".join(
        f'[[glossary]]\nterm = "Term {i}"\ndefinition = "{"A definition of some length. " * 6}"\n'
        for i in range(3500)
    )
    big = tmp_path / "big.toml"
    big.write_text(
        'schema_version = 1\n[pack]\nid = "big"\ntitle = "Big"\nsource = "Test"\n'
        '[[areas]]\nid = "X"\ntitle = "Area"\nsummary = "s"\n'
        '[[areas.recommendations]]\nid = "X.1"\ntitle = "One"\nsummary = "s"\n' + terms,
        encoding="utf-8",
    )
    assert big.stat().st_size > 512 * 1024

    status, _, err = run(capsys, "--content", str(big), "show", "X.1")
    assert status == 0, err
    assert err == (
        f"gpp: reading {big} ({big.stat().st_size / 1_048_576:.1f} MB) for the first time; "
        "later starts use a cache and are quicker...\n"
    )
    status, _, err = run(capsys, "--content", str(big), "show", "X.1")
    assert (status, err) == (0, "")  # from the cache: nothing to say
