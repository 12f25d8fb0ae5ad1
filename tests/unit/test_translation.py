"""Translated packs: same ids as their original, attached to it, refused when they differ."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpp_tui.cli import main
from gpp_tui.content import PackError, load_library
from gpp_tui.content.models import NodeKind

ORIGINAL = """\
schema_version = 1

[pack]
id = "extra"
title = "Extra pack"
source = "Test source"

[[areas]]
id = "X"
title = "Extra area"

[[areas.recommendations]]
id = "X.1"
title = "Extra recommendation"
summary = "An extra summary."
related = ["X.2"]
tags = ["reprisal"]

[[areas.recommendations.references]]
label = "A reference"
verified = false

[[areas.recommendations]]
id = "X.2"
title = "Second recommendation"

[[glossary]]
term = "Retaliation"
definition = "Reprisals."
"""

TRANSLATION = """\
schema_version = 1

[pack]
id = "extra-fr"
title = "Paquet supplémentaire"
source = "Test source"
language = "fr"
translation_of = "extra"
translation_note = "Traduction non officielle ; le texte anglais fait foi."

[[areas]]
id = "X"
title = "Domaine supplémentaire"

[[areas.recommendations]]
id = "X.1"
title = "Recommandation supplémentaire"
summary = "Un résumé."

[[areas.recommendations.references]]
label = "Une référence"
verified = true

[[areas.recommendations]]
id = "X.2"
title = "Deuxième recommandation"

[[glossary]]
id = "term:retaliation"
term = "Représailles"
definition = "Mesures de rétorsion."
"""


def _folder(tmp_path: Path, translation: str = TRANSLATION) -> Path:
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "extra.toml").write_text(ORIGINAL, encoding="utf-8")
    (folder / "extra.fr.toml").write_text(translation, encoding="utf-8")
    return folder


def test_a_translation_is_attached_to_its_original_with_the_same_ids(tmp_path: Path) -> None:
    library = load_library(_folder(tmp_path), include_bundled=False)

    assert [p.pack.id for p in library.packs] == ["extra"]
    assert library.languages == ("en", "fr")
    french = library.in_language("fr_FR.UTF-8")
    pack = french.pack("extra")
    assert pack is not None
    assert pack.pack.is_translation
    assert pack.pack.language == "fr"
    assert french.original("extra") is library.pack("extra")
    node = french.find("X.1")
    assert node is not None
    # Annotations are keyed by pack and node id: the same whatever language is shown.
    assert (node.pack_id, node.title) == ("extra", "Recommandation supplémentaire")
    assert french.find("term:retaliation") is not None
    assert french.find("term:retaliation").kind is NodeKind.TERM  # type: ignore[union-attr]


def test_a_translation_takes_related_ids_tags_and_verified_from_the_original(
    tmp_path: Path,
) -> None:
    pack = load_library(_folder(tmp_path), include_bundled=False).in_language("fr").packs[0]

    rec = next(pack.recommendations)
    assert rec.related == ("X.2",)
    assert rec.tags == ("reprisal",)
    # The translation said verified = true; only the original can say that.
    assert [(r.label, r.verified) for r in rec.references] == [("Une référence", False)]


def test_counterparts_and_language_choice(tmp_path: Path) -> None:
    library = load_library(_folder(tmp_path), include_bundled=False)
    english = library.find("X.2")
    assert english is not None

    assert [n.title for n in library.counterparts(english)] == ["Deuxième recommandation"]
    assert library.in_language("de") is library
    assert library.in_language("en") is library
    back = library.in_language("fr").in_language("en")
    assert back.find("X.2").title == "Second recommendation"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            ('id = "X.2"', 'id = "X.3"'),
            "ids differ from 'extra': missing X.2; ids not in the original: X.3",
        ),
        (('[[glossary]]\nid = "term:retaliation"\n', "[[glossary]]\n"), "missing term:retaliation"),
        (('language = "fr"', 'language = "en"'), "needs its own language"),
        (('translation_of = "extra"', 'translation_of = "other"'), "pack 'other' is not loaded"),
        (
            (
                'label = "Une référence"\nverified = true\n',
                'label = "Une"\n[[areas.recommendations.references]]\nlabel = "Deux"\n',
            ),
            "X.1: 2 references, but 1",
        ),
        (('summary = "Un résumé."', 'summary = "Un résumé."\nrelated = ["X.1"]'), "X.1.related"),
        (('translation_of = "extra"', 'translation_of = "extra-fr"'), "translation of itself"),
    ],
)
def test_validate_refuses_a_translation_that_does_not_match(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: tuple[str, str], expected: str
) -> None:
    assert edit[0] in TRANSLATION
    folder = _folder(tmp_path, TRANSLATION.replace(*edit))

    status = main(["validate", str(folder)])

    _, err = capsys.readouterr()
    assert status == 2
    assert err.startswith("gpp: ") and err.count("\n") == 1, err
    assert str(folder / "extra.fr.toml") in err
    assert expected in err
    with pytest.raises(PackError, match=r"extra\.fr\.toml"):
        load_library(folder, include_bundled=False)


def test_validate_accepts_a_matching_translation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["validate", str(_folder(tmp_path))])

    out, _ = capsys.readouterr()
    assert status == 0
    assert "'fr' translation of 'extra' (ids match)" in out


def test_a_translation_id_for_a_term_must_be_a_term_id(tmp_path: Path) -> None:
    folder = _folder(tmp_path, TRANSLATION.replace('"term:retaliation"', '"retaliation"'))

    with pytest.raises(PackError, match="not a valid term id"):
        load_library(folder, include_bundled=False)


def test_a_second_translation_into_the_same_language_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "extra.fr2.toml").write_text(
        TRANSLATION.replace('"extra-fr"', '"extra-fr2"'), encoding="utf-8"
    )

    with pytest.raises(PackError, match="already a 'fr' translation of 'extra'"):
        load_library(folder, include_bundled=False)


def test_search_finds_a_node_by_words_of_either_language(tmp_path: Path) -> None:
    from gpp_tui.search import SearchIndex

    library = load_library(_folder(tmp_path), include_bundled=False)

    for shown in (library, library.in_language("fr")):
        index = SearchIndex.build(shown)
        assert [h.node_id for h in index.search("deuxième")] == ["X.2"]
        assert [h.node_id for h in index.search("second")] == ["X.2"]
    hit = SearchIndex.build(library).search("deuxieme")[0]
    assert hit.snippet == "Deuxième recommandation"
    assert hit.label == "X.2 Second recommendation"
    # A snippet from the other language version says so; one from the shown language not.
    assert hit.language == "fr"
    assert SearchIndex.build(library).search("second")[0].language == ""
    assert SearchIndex.build(library.in_language("fr")).search("deuxieme")[0].language == ""
    assert SearchIndex.build(library.in_language("fr")).search("second")[0].language == "en"
