"""Every source-text field of the bundled pack is the seed document's text, byte for byte.

The seed is kept as tests/fixtures/gender-persecution-principles.txt, a copy of the
text the pack was made from. Only the context (references, glossary, tags) is
gpp-tui's own; these tests fail on any change to a word, a quote mark or a comma
of the source text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gpp_tui.content import Pack, bundled_pack_path, load_pack

SEED = Path(__file__).parents[1] / "fixtures" / "gender-persecution-principles.txt"

FOCUS_LIST_TITLES = {"D": "Recovery"}
"""Where the seed's list of focus areas names an area differently from its recommendations."""


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(bundled_pack_path())


def seed_recommendations(seed: str) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """The seed's recommendation list: area id -> title, and rec id -> (title, text)."""
    block = seed.split("Key Recommendations for Principles on Gender Persecution", 1)[1]
    areas: dict[str, str] = {}
    recs: dict[str, tuple[str, str]] = {}
    lines = block.splitlines()
    area = ""
    for i, line in enumerate(lines):
        heading = re.fullmatch(r"([A-Z])\. (.+)", line)
        if heading:
            area = heading[1]
            areas[area] = heading[2]
        elif line.isdigit():
            title, _, text = lines[i + 1].partition(": ")
            recs[f"{area}.{line}"] = (title, text)
    return areas, recs


def test_the_fixture_is_the_seed_document(seed: str) -> None:
    assert seed.startswith("Gender Persecution Principles\n")
    assert seed.endswith("Cumulative Charging: Reflect intersectional harms in legal cases.")
    assert "\r" not in seed


def test_pack_title_and_source_are_the_seed_title_and_author(seed: str, pack: Pack) -> None:
    assert seed.splitlines()[0] == pack.pack.title
    assert f"submitted by {pack.pack.source} to the Office of the Prosecutor" in seed


def test_pack_description_is_the_seed_s_own_sentences(seed: str, pack: Pack) -> None:
    assert pack.pack.description
    assert f"\n\n{pack.pack.description}" in seed


def test_each_section_is_a_seed_heading_and_the_paragraphs_under_it(seed: str, pack: Pack) -> None:
    assert pack.sections
    for section in pack.sections:
        assert f"\n\n{section.title}\n\n{section.body.strip()}\n\n" in seed, section.id


def test_every_seed_paragraph_of_running_text_is_in_a_section(seed: str, pack: Pack) -> None:
    before_list = seed.split("\n\nA. Prevention\n")[0]
    heading = "\n\nKey Recommendations for Principles on Gender Persecution\n\n"
    prose = before_list.split("\n\nFocus Areas\n\n")[0] + "\n\n" + before_list.split(heading)[1]
    bodies = "\n\n".join(section.body for section in pack.sections)
    paragraphs = [p for p in prose.split("\n\n") if p.endswith(".")]
    assert len(paragraphs) == 5
    for paragraph in paragraphs:
        assert paragraph in bodies


def test_each_area_aim_is_the_seed_s_line_under_its_focus_area(seed: str, pack: Pack) -> None:
    focus_list = seed.split("\n\nFocus Areas\n\n", 1)[1].split("\n\nGender Persecution")[0]
    entries = focus_list.split("\n\n")
    seed_aims = dict(zip(entries[::2], entries[1::2], strict=True))
    for area in pack.areas:
        assert seed_aims[FOCUS_LIST_TITLES.get(area.id, area.title)] == area.summary
    assert len(seed_aims) == len(pack.areas)


def test_area_titles_are_the_seed_s_recommendation_headings(seed: str, pack: Pack) -> None:
    areas, _ = seed_recommendations(seed)

    assert {area.id: area.title for area in pack.areas} == areas


def test_the_seed_names_area_d_recovery_in_one_list_and_relief_and_recovery_in_the_other(
    seed: str, pack: Pack
) -> None:
    assert "\n\nRecovery\n\nAdvancing reparative justice" in seed
    assert "\nD. Relief and Recovery\n" in seed
    assert pack.areas[3].title == "Relief and Recovery"


def test_recommendation_titles_and_texts_are_the_seed_s(seed: str, pack: Pack) -> None:
    _, recs = seed_recommendations(seed)

    found = {rec.id: (rec.title, rec.summary) for rec in pack.recommendations}

    assert len(recs) == 11
    assert list(found) == list(recs)
    for rec_id, words in recs.items():
        assert found[rec_id] == words, rec_id


def test_recommendations_sit_under_the_area_the_seed_lists_them_in(seed: str, pack: Pack) -> None:
    _, recs = seed_recommendations(seed)
    for area in pack.areas:
        assert [rec.id for rec in area.recommendations] == [
            rec_id for rec_id in recs if rec_id.startswith(f"{area.id}.")
        ]
