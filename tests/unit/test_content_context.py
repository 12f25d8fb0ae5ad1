"""The bundled pack's context says what the law and the record say (legal review of 2026)."""

from __future__ import annotations

import pytest

from gpp_tui.content import GlossaryEntry, Pack, Recommendation, bundled_pack_path, load_pack


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(bundled_pack_path())


def rec(pack: Pack, rec_id: str) -> Recommendation:
    item = pack.nodes[rec_id].item
    assert isinstance(item, Recommendation)
    return item


def notes(pack: Pack, rec_id: str) -> str:
    return "\n".join(f"{r.label}: {r.note}" for r in rec(pack, rec_id).references)


def term(pack: Pack, name: str) -> str:
    entry = next(e for e in pack.glossary if e.term == name)
    assert isinstance(entry, GlossaryEntry)
    return entry.definition


def test_al_hassan_was_not_convicted_of_gender_persecution(pack: Pack) -> None:
    context = rec(pack, "D.3").context

    assert "confirmed in 2019 named religious and gender grounds" in context
    assert "two of the three judges found that persecution on gender grounds" in context
    assert "no majority convicted him of it" in context
    assert "persecution on religious grounds only" in context
    assert "acquitted" not in context


def test_al_hassan_is_not_presented_as_cumulative_charging(pack: Pack) -> None:
    context = rec(pack, "D.3").context

    assert "charging several crimes for the same conduct" in context
    assert "several grounds in one count" in context
    assert "Al Hassan shows why it matters" not in context


def test_the_judges_positions_are_flagged_to_verify(pack: Pack) -> None:
    refs = {r.label: r for r in rec(pack, "D.3").references}

    assert refs["Al Hassan judgment: the judges on the gender ground"].verified is False
    assert "acquitted" not in notes(pack, "D.3")


def test_complementarity_includes_inaction(pack: Pack) -> None:
    for text in (rec(pack, "A.2").context, notes(pack, "A.2"), term(pack, "Complementarity")):
        assert "genuinely investigating or prosecuting" in text
        assert "no state" in text
        assert "unwilling or unable" in text
    assert "inaction" in notes(pack, "A.2")
    assert "inaction" in term(pack, "Complementarity")
    assert "art. 17" in term(pack, "Complementarity")


def test_retaliation_is_an_offence_against_witnesses_and_officials_only(pack: Pack) -> None:
    definition = term(pack, "Retaliation")

    assert "witness for giving testimony (art. 70(1)(c))" in definition
    assert "official of the Court (art. 70(1)(e))" in definition
    assert "protected under art. 68" in definition
    b2 = rec(pack, "B.2").context
    assert "witness for giving testimony" in b2
    assert "who do not testify are protected under art. 68" in b2
    assert "Victims and Witnesses Unit" in b2


def test_the_connection_is_an_element_not_a_charging_rule(pack: Pack) -> None:
    context = rec(pack, "A.2").context

    assert "must be charged in connection" not in context
    assert "committed in connection with" in context


def test_statutory_words_are_quoted_exactly(pack: Pack) -> None:
    a2 = notes(pack, "A.2")
    assert (
        "\u201cPersecution against any identifiable group or collectivity on political, racial, "
        "national, ethnic, cultural, religious, gender as defined in paragraph 3, or other grounds "
        "that are universally recognized as impermissible under international law, in connection "
        "with any act referred to in this paragraph or any crime within the jurisdiction of the "
        "Court\u201d"
    ) in a2
    assert (
        "\u201cthe intentional and severe deprivation of fundamental rights contrary to "
        "international law by reason of the identity of the group or collectivity\u201d"
    ) in a2
    a3 = notes(pack, "A.3")
    assert (
        "the term \u2018gender\u2019 refers to the two sexes, male and female, within the context "
        "of society. The term \u2018gender\u2019 does not indicate any meaning different from the "
        "above.\u201d"
    ) in a3
    assert "\u201cunable to agree on the organization of the arbitration\u201d" in a3


def test_victims_views_shall_be_permitted(pack: Pack) -> None:
    assert "shall permit their views and concerns" in rec(pack, "C.1").context
    assert "shall permit their views and concerns" in notes(pack, "C.1")


def test_reparations_name_restitution_and_rule_97(pack: Pack) -> None:
    for text in (rec(pack, "D.2").context, notes(pack, "D.2"), term(pack, "Reparations")):
        assert "restitution" in text
        assert "rule 97(1)" in text


def test_tailored_measures_name_age_gender_and_health(pack: Pack) -> None:
    b3 = rec(pack, "B.3").context
    assert "age, gender and health" in b3
    assert "art. 54(1)(b)" in b3
    assert "art. 68(1)" in b3


def test_survivor_centred_trauma_informed_belongs_to_the_2023_policy(pack: Pack) -> None:
    context = rec(pack, "B.1").context

    assert "2023 Policy on Gender-Based Crimes describes a survivor-centred" in context
    assert "2022 policy on gender persecution and its 2023" not in context


def test_the_roundtable_is_named_and_still_to_verify(pack: Pack) -> None:
    (roundtable,) = [r for r in rec(pack, "C.2").references if "roundtable" in r.label]

    assert "23\u201324 May 2023" in roundtable.label
    assert "gender persecution" in roundtable.label
    assert roundtable.verified is False


def test_intersectionality_names_race_first_as_the_seed_does(pack: Pack) -> None:
    assert "race, ethnicity, religion" in term(pack, "Intersectionality")
    assert "race, ethnicity, religion" in rec(pack, "A.1").context


def test_universal_jurisdiction_wording(pack: Pack) -> None:
    assert (
        "regardless of where the crime was committed or the nationality of those involved"
        in term(pack, "Universal jurisdiction")
    )


def test_a1_opens_softly(pack: Pack) -> None:
    first = rec(pack, "A.1").context.strip().split(". ")[0]

    assert "is often sharpened when" in first
    assert "rarely" not in first


@pytest.mark.parametrize("query", ["survivor-centered", '"survivor-centered"', "survivor centred"])
def test_the_seed_s_spelling_finds_the_survivor_centred_entry(query: str) -> None:
    from gpp_tui.content import load_library
    from gpp_tui.search import SearchIndex

    hits = SearchIndex.build(load_library()).search(query)

    assert "term:survivor-centred" in [hit.node_id for hit in hits[:2]]
