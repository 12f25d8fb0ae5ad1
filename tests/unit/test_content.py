"""The content layer: the bundled pack matches the source, and broken packs fail clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpp_tui.content import (
    NodeKind,
    PackError,
    bundled_pack_path,
    load_library,
    load_pack,
)


def test_bundled_pack_has_the_four_focus_areas_in_order() -> None:
    pack = load_pack(bundled_pack_path())

    assert [(a.id, a.title) for a in pack.areas] == [
        ("A", "Prevention"),
        ("B", "Protection"),
        ("C", "Participation"),
        ("D", "Relief and Recovery"),
    ]


def test_bundled_recommendations_use_the_source_wording(
    source_recommendations: dict[str, tuple[str, str]],
) -> None:
    pack = load_pack(bundled_pack_path())

    found = {rec.id: (rec.title, rec.summary) for rec in pack.recommendations}

    assert list(found) == list(source_recommendations)
    assert found == source_recommendations


def test_each_recommendation_sits_under_the_area_its_id_names() -> None:
    pack = load_pack(bundled_pack_path())

    for rec in pack.recommendations:
        area = pack.area_of(rec.id)
        assert area is not None
        assert rec.id.startswith(area.id + ".")


def test_bundled_pack_flags_unverified_references() -> None:
    pack = load_pack(bundled_pack_path())

    unverified = [
        ref.label for rec in pack.recommendations for ref in rec.references if not ref.verified
    ]

    assert "Elements of Crimes, persecution" in unverified


def test_bundled_related_ids_point_at_recommendations() -> None:
    pack = load_pack(bundled_pack_path())

    for rec in pack.recommendations:
        for target in rec.related:
            assert pack.nodes[target].kind is NodeKind.RECOMMENDATION


def test_library_finds_nodes_whatever_the_case_and_by_pack() -> None:
    library = load_library()

    node = library.find("b.2")
    assert node is not None
    assert node.label == "B.2 Anti-Retaliation Safeguards"
    assert library.find("WIGJ-GPP/b.2") == node
    assert library.find("other-pack/B.2") is None
    assert library.find("Z.9") is None


def test_markup_looking_text_loads_verbatim(write_pack, minimal_pack: str) -> None:
    title = "[b]Bold[/b] and [x] box \\[escaped]"
    text = minimal_pack.replace('"Extra recommendation"', f"'{title}'")

    pack = load_pack(write_pack(text))

    assert pack.nodes["X.1"].title == title


def test_byte_order_mark_is_accepted(write_pack, minimal_pack: str) -> None:
    path = write_pack(b"\xef\xbb\xbf" + minimal_pack.encode())

    assert load_pack(path).pack.title == "Extra pack"


def test_folder_of_packs_loads_after_the_bundled_pack(tmp_path: Path, minimal_pack: str) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "b.toml").write_text(minimal_pack)
    (folder / "a.toml").write_text(minimal_pack.replace('"extra"', '"first"'))
    (folder / "readme.txt").write_text("not a pack")

    library = load_library(folder)

    assert [p.pack.id for p in library.packs] == ["wigj-gpp", "first", "extra"]
    node = library.find("extra/X.1")
    assert node is not None
    assert node.title == "Extra recommendation"


def test_extra_pack_may_not_reuse_the_bundled_pack_id(write_pack, minimal_pack: str) -> None:
    path = write_pack(minimal_pack.replace('"extra"', '"wigj-gpp"'), "clash.toml")

    with pytest.raises(PackError, match="pack id 'wigj-gpp' is already used") as caught:
        load_library(path)
    assert str(caught.value).startswith(f"{path}: ")


def test_folder_is_not_a_pack_file(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="is a folder"):
        load_pack(tmp_path)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_device_is_refused_rather_than_read_forever() -> None:
    with pytest.raises(PackError, match="not a regular file"):
        load_pack(Path("/dev/zero"))


def test_bad_pack_gives_one_line_naming_file_and_problem(bad_pack) -> None:
    with pytest.raises(PackError) as caught:
        load_library(bad_pack.path, include_bundled=False)

    message = str(caught.value)
    assert "\n" not in message
    assert str(bad_pack.path) in message
    for words in bad_pack.expected:
        assert words in message
