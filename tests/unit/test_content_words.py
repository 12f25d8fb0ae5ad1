"""Pack problems counted right, and bundled translations read through the cache or skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpp_tui.content import load_library, loader
from gpp_tui.content.loader import PackError, load_pack, with_bundled_translations


def problem(write_pack, text: str) -> str:
    path = write_pack(text)
    with pytest.raises(PackError) as caught:
        load_pack(path)
    return str(caught.value).removeprefix(f"{path}: ")


def test_one_problem_is_named_alone_and_more_are_counted(write_pack, minimal_pack: str) -> None:
    one = minimal_pack.replace('title = "Extra pack"', 'title = "Extra pack"\ncolour = "red"')
    assert problem(write_pack, one) == (
        "pack.colour: unknown key, not permitted here (check its spelling)"
    )
    three = one.replace('source = "Test source"', 'source = "Test source"\nsize = 1\nshape = 2')
    assert problem(write_pack, three) == (
        "pack.colour: unknown key, not permitted here (check its spelling) (and 2 more)"
    )


def test_bundled_translations_come_through_the_cache(tmp_path: Path) -> None:
    library = load_library()
    cache = tmp_path / "cache"
    widened = with_bundled_translations(library, cache_dir=cache)
    assert [p.pack.language for p in widened.alternates] == ["fr"]
    assert any(cache.iterdir())


def test_a_bundled_translation_that_cannot_be_read_is_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = load_library()
    broken = tmp_path / "principles.de.toml"
    broken.write_text("schema_version = 1\n[pack\n", encoding="utf-8")
    real = loader.bundled_translation_paths()
    monkeypatch.setattr(loader, "bundled_translation_paths", lambda: [broken, *real])
    widened = with_bundled_translations(library)
    assert [p.pack.language for p in widened.alternates] == ["fr"]


def test_the_pack_cache_is_made_private_even_several_folders_deep(tmp_path: Path) -> None:
    from gpp_tui.content.cache import load_cached, store_cached

    data = loader.bundled_pack_path().read_bytes()
    pack = load_pack(loader.bundled_pack_path())
    folder = tmp_path / "cache" / "gpp-tui" / "packs"
    store_cached(folder, data, pack)
    assert load_cached(folder, data) == pack
    assert folder.stat().st_mode & 0o777 == 0o700
    assert [p.suffix for p in folder.iterdir()] == [".marshal"]


def test_a_pack_cache_that_cannot_be_written_is_skipped(tmp_path: Path) -> None:
    from gpp_tui.content.cache import load_cached, store_cached

    data = loader.bundled_pack_path().read_bytes()
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    store_cached(blocked / "packs", data, load_pack(loader.bundled_pack_path()))  # no error
    assert load_cached(blocked / "packs", data) is None


def test_the_cache_folder_is_named_after_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    from gpp_tui.store.locations import APP_NAME, CACHE_DIR_ENV, cache_dir

    monkeypatch.delenv(CACHE_DIR_ENV, raising=False)
    assert cache_dir().name == APP_NAME


def test_a_regional_french_chooses_the_french_version() -> None:
    library = load_library()
    for language in ("fr-CA", "fr_BE.UTF-8", "fr"):
        shown = library.in_language(language)
        assert shown.packs[0].pack.language == "fr", language
        assert [p.pack.language for p in shown.alternates] == ["en"], language


def test_a_locale_name_gives_its_language_and_region() -> None:
    from gpp_tui.content.models import language_tag

    assert language_tag("fr_FR.UTF-8") == ("fr", "fr")
    assert language_tag("sr_RS@latin") == ("sr", "rs")
    assert language_tag("sr@latin@extra") == ("sr", "")


def test_the_top_of_the_tree_hangs_from_the_pack() -> None:
    nodes = load_library().packs[0].nodes
    for node_id in (":background", "A", "D", ":glossary"):
        assert nodes[node_id].parent_id == ":pack", node_id


def test_a_term_with_no_latin_letters_gets_a_plain_slug() -> None:
    from gpp_tui.content.models import slugify

    assert slugify("Do no harm") == "do-no-harm"
    assert slugify("دری") == "term"


def test_the_library_is_read_through_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_library(cache_dir=cache)
    assert len(list(cache.glob("*.marshal"))) == 2  # the pack and its French translation


def test_a_broken_bundled_translation_is_left_out_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "principles.de.toml"
    broken.write_text("schema_version = 1\n[pack\n", encoding="utf-8")
    real = loader.bundled_translation_paths

    monkeypatch.setattr(
        loader, "bundled_translation_paths", lambda folder=None: [broken, *real(folder)]
    )
    library = load_library()
    assert [p.pack.language for p in (*library.packs, *library.alternates)] == ["en", "fr"]


def test_a_translation_missing_a_node_is_refused() -> None:
    import dataclasses

    from gpp_tui.content.translation import TranslationProblem, check_translation

    library = load_library()
    original, (french,) = library.packs[0], library.alternates
    shorter = dataclasses.replace(french, glossary=french.glossary[:-1])
    with pytest.raises(TranslationProblem, match="missing term:retaliation"):
        check_translation(original, shorter)


def test_the_bundled_pack_is_found_inside_an_installed_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from importlib import resources

    installed = tmp_path / "site-packages" / "gpp_tui"
    (installed / "content").mkdir(parents=True)
    (installed / "data").mkdir()
    (installed / "data" / loader.PACK_FILE).write_text("x", encoding="utf-8")
    monkeypatch.setattr(loader, "__file__", str(installed / "content" / "loader.py"))
    assert loader.bundled_pack_path() == installed / "data" / loader.PACK_FILE
    (installed / "data" / loader.PACK_FILE).unlink()  # neither place: ask the package
    expected = Path(str(resources.files("gpp_tui").joinpath("data", loader.PACK_FILE)))
    assert loader.bundled_pack_path() == expected


def test_a_pack_too_big_says_its_size_in_mb(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    with path.open("wb") as file:
        file.truncate(20_050_000)  # sparse: nothing written to disk
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert str(caught.value) == f"{path}: file is 20.1 MB; a content pack may be at most 16 MB"


def test_a_pack_with_a_number_too_long_says_so(write_pack, minimal_pack: str) -> None:
    text = minimal_pack.replace("schema_version = 1", "schema_version = 1" + "0" * 5000)
    assert problem(write_pack, text) == "holds a number too long to read (over 4,300 digits)"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'id = "extra"',
            'id = "bad id!"',
            "pack.id: 'bad id!' is not a valid id (up to 64 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit)",
        ),
        ('id = "X"', 'id = "X?"', "areas[0].id: 'X?' is not a valid id"),
        ('id = "X.1"', 'id = "X 1"', "areas[0].recommendations[0].id: 'X 1' is not a valid id"),
        (
            'source = "Test source"',
            'source = "Test source"\nretrieved = {day = 1}',
            "pack.retrieved: must be a day such as 2026-05-01, not a table",
        ),
    ],
)
def test_pack_problems_say_where_word_for_word(
    write_pack, minimal_pack: str, old: str, new: str, expected: str
) -> None:
    assert old in minimal_pack
    assert problem(write_pack, minimal_pack.replace(old, new, 1)).startswith(expected)


def test_a_plain_http_source_link_is_accepted(write_pack, minimal_pack: str) -> None:
    text = minimal_pack.replace(
        'source = "Test source"', 'source = "Test source"\nsource_url = "http://example.org/"'
    )
    assert load_pack(write_pack(text)).pack.source_url == "http://example.org/"
