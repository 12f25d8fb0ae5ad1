"""Citations a lawyer can paste: OSCOLA and plain, from `gpp cite` and the exchange layer."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpp_tui.cli import main
from gpp_tui.content import Library, Node, load_library
from gpp_tui.exchange.cite import CitationStyle, citation

WIGJ = "Women's Initiatives for Gender Justice"
URL = "https://4genderjustice.org/gender-persecution-principles/"
OTP = "the Office of the Prosecutor of the International Criminal Court"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def node(library: Library, ref: str) -> Node:
    found = library.find(ref)
    assert found is not None
    return found


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_oscola_citation_of_a_recommendation(library: Library) -> None:
    text = citation(library, node(library, "B.2"), CitationStyle.OSCOLA)

    assert text == (
        f"{WIGJ}, 'Gender Persecution Principles' (submission to {OTP}) "
        f"recommendation B.2, 'Anti-Retaliation Safeguards' <{URL}> accessed 28 November 2026."
    )


def test_plain_citation_of_a_recommendation(library: Library) -> None:
    text = citation(library, node(library, "B.2"), CitationStyle.PLAIN)

    assert text == (
        f'{WIGJ}, "Gender Persecution Principles", recommendation B.2, '
        f'"Anti-Retaliation Safeguards". Submitted to {OTP}. '
        f"Available at {URL} (accessed 28 November 2026)."
    )


@pytest.mark.parametrize("style", list(CitationStyle))
@pytest.mark.parametrize("ref", ["B.2", "A", "understanding", ":pack", "D.3"])
def test_no_citation_carries_app_jargon(library: Library, style: CitationStyle, ref: str) -> None:
    text = citation(library, node(library, ref), style)

    assert text.startswith(WIGJ)
    for jargon in ("pack", "wigj-gpp", "2026.1", "gpp-tui", "version"):
        assert jargon not in text
    assert "\n" not in text
    assert text.endswith(".")


@pytest.mark.parametrize(
    ("ref", "pinpoint"),
    [
        ("A", "focus area A, 'Prevention'"),
        ("understanding", "section 'Understanding Gender Persecution'"),
        ("D.3", "recommendation D.3, 'Cumulative Charging'"),
    ],
)
def test_oscola_pinpoints_the_part_cited_before_the_address(
    library: Library, ref: str, pinpoint: str
) -> None:
    text = citation(library, node(library, ref), CitationStyle.OSCOLA)

    assert f") {pinpoint} <{URL}>" in text


@pytest.mark.parametrize("style", list(CitationStyle))
def test_a_glossary_entry_is_cited_as_gpp_tui_s_not_the_source_s(
    library: Library, style: CitationStyle
) -> None:
    text = citation(library, node(library, "term:retaliation"), style)

    assert "Retaliation" in text
    assert "added by gpp-tui" in text
    assert "not part of that text" in text
    assert not text.startswith(WIGJ)


def test_a_pack_without_provenance_is_cited_with_what_it_records(
    write_pack, minimal_pack: str
) -> None:
    library = load_library(write_pack(minimal_pack))
    rec = node(library, "extra/X.1")

    assert citation(library, rec, "oscola") == (
        "Test source, 'Extra pack' recommendation X.1, 'Extra recommendation'."
    )
    assert citation(library, rec, "plain") == (
        'Test source, "Extra pack", recommendation X.1, "Extra recommendation".'
    )


def test_a_recorded_year_and_address_without_a_day(write_pack, minimal_pack: str) -> None:
    keys = 'published = "2024"\nsource_url = "https://example.org/p"\n'
    text = minimal_pack.replace('source = "Test source"\n', f'source = "Test source"\n{keys}')
    library = load_library(write_pack(text))
    rec = node(library, "extra/X.1")

    assert citation(library, rec, "oscola") == (
        "Test source, 'Extra pack' (2024) recommendation X.1, 'Extra recommendation' "
        "<https://example.org/p>."
    )
    assert citation(library, rec, "plain").endswith(
        ". Published 2024. Available at https://example.org/p."
    )


def test_gpp_cite_defaults_to_oscola(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "cite", "b.2")

    assert status == 0
    assert out.startswith(f"{WIGJ}, 'Gender Persecution Principles' (submission to")
    assert out.endswith("accessed 28 November 2026.\n")


def test_gpp_cite_plain_style(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "cite", "B.2", "--style", "plain")

    assert status == 0
    assert "Available at https://" in out


def test_gpp_cite_writes_the_citation_to_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "b2.txt"

    status, out, err = run(capsys, "cite", "B.2", "--output", str(target))

    assert status == 0
    assert target.read_text(encoding="utf-8") == out
    assert err == f"written to {target}\n"


def test_gpp_cite_to_a_folder_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, "cite", "B.2", "-o", str(tmp_path))

    assert status == 2
    assert err.startswith("gpp: not written:")
    assert err.count("\n") == 1


def test_gpp_cite_refuses_an_unknown_style(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["cite", "B.2", "--style", "bluebook"])

    assert caught.value.code == 2
    assert "invalid choice: 'bluebook'" in capsys.readouterr().err
