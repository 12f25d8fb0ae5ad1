"""Attribution and provenance: gpp-tui's words are never credited to the source's author."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from gpp_tui.cli import main
from gpp_tui.content import PackError, bundled_pack_path, load_pack

WIGJ = "Women's Initiatives for Gender Justice"

PROVENANCE = """\
source_url = "https://example.org/framework"
published = "2024"
submitted_to = "the Office of the Prosecutor"
retrieved = 2026-05-01
rights = "CC BY 4.0"
note = "Unofficial compilation."
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def with_pack_keys(minimal_pack: str, keys: str) -> str:
    return minimal_pack.replace('source = "Test source"\n', f'source = "Test source"\n{keys}')


def test_show_term_labels_the_definition_as_gpp_tui_s(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "term:retaliation")

    assert status == 0
    assert "Definition added by gpp-tui, not part of the source:" in out
    assert WIGJ not in out


def test_show_json_of_a_term_gives_no_source(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "--json", "term:retaliation")

    data = json.loads(out)
    assert status == 0
    assert data["source"] is None
    assert data["added_by"] == "gpp-tui"
    assert WIGJ not in out


@pytest.mark.parametrize("node_id", ["A", "understanding", "B.2", ":pack"])
def test_show_of_source_text_prints_the_attribution_line(
    capsys: pytest.CaptureFixture[str], node_id: str
) -> None:
    _, out, _ = run(capsys, "show", node_id)
    _, raw, _ = run(capsys, "show", "--json", node_id)

    assert f"\n  \u2014 {WIGJ}\n" in out
    assert json.loads(raw)["source"] == WIGJ
    if "Context" in out:  # The attribution follows the source text, before any context.
        assert out.index(f"\u2014 {WIGJ}") < out.index("Context")


def test_show_pack_prints_its_provenance(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", ":pack")
    _, raw, _ = run(capsys, "show", "--json", ":pack")

    assert "Address: https://4genderjustice.org/gender-persecution-principles/" in out
    assert "Text taken on: 28 November 2026" in out
    assert "Note: An unofficial compilation, not endorsed by" in out
    provenance = json.loads(raw)["provenance"]
    assert provenance["retrieved"] == "2026-11-28"
    assert provenance["submitted_to"].startswith("the Office of the Prosecutor")


def test_bundled_pack_records_where_and_when_its_text_was_taken() -> None:
    info = load_pack(bundled_pack_path()).pack

    assert info.source_url == "https://4genderjustice.org/gender-persecution-principles/"
    assert info.retrieved == date(2026, 11, 28)
    assert "not endorsed by Women's Initiatives for Gender Justice" in info.note
    assert "English text" in info.note and "authoritative" in info.note
    assert '"Recovery"' in info.note
    assert info.rights


def test_provenance_keys_load_and_survive_the_cache(
    write_pack, minimal_pack: str, tmp_path: Path
) -> None:
    path = write_pack(with_pack_keys(minimal_pack, PROVENANCE))

    first = load_pack(path, cache_dir=tmp_path / "cache")
    again = load_pack(path, cache_dir=tmp_path / "cache")

    assert list((tmp_path / "cache").iterdir())
    for info in (first.pack, again.pack):
        assert info.source_url == "https://example.org/framework"
        assert info.published == "2024"
        assert info.submitted_to == "the Office of the Prosecutor"
        assert info.retrieved == date(2026, 5, 1)
        assert (info.rights, info.note) == ("CC BY 4.0", "Unofficial compilation.")


def test_a_pack_without_provenance_stays_valid(write_pack, minimal_pack: str) -> None:
    info = load_pack(write_pack(minimal_pack)).pack

    assert (info.source_url, info.published, info.rights, info.note) == ("", "", "", "")
    assert info.retrieved is None


def test_retrieved_may_be_iso_text(write_pack, minimal_pack: str) -> None:
    path = write_pack(with_pack_keys(minimal_pack, 'retrieved = "2026-05-01"\n'))

    assert load_pack(path).pack.retrieved == date(2026, 5, 1)


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ("retrieved = 5\n", "pack.retrieved: must be a day such as 2026-05-01, not a number"),
        ('retrieved = "yesterday"\n', "not 'yesterday'"),
        ('retrieved = "2026-02-30"\n', "not '2026-02-30'"),
        ("retrieved = 2026-05-01T10:00:00\n", "not a date with a time of day"),
        ("retrieved = [2026]\n", "not a list"),
        ("rights = 3\n", "pack.rights: Input should be a valid string"),
        ("note = true\n", "pack.note: Input should be a valid string"),
        ('published = ["2024"]\n', "pack.published"),
        ("submitted_to = {}\n", "pack.submitted_to"),
        ('source_url = "ftp://example.org"\n', "pack.source_url: must start with https://"),
        ("source_url = 7\n", "pack.source_url: Input should be a valid string"),
        ('licence = "x"\n', "pack.licence: unknown key"),
    ],
)
def test_provenance_keys_of_the_wrong_type_are_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], write_pack, minimal_pack: str, keys: str, expected: str
) -> None:
    path = write_pack(with_pack_keys(minimal_pack, keys))

    with pytest.raises(PackError, match="pack"):
        load_pack(path)
    status, _, err = run(capsys, "validate", str(path))
    assert status == 2
    assert expected in err
    assert err.count("\n") == 1
