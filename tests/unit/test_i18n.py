"""The interface language: choice, catalogs complete and compiled, nothing loaded for English."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from gpp_tui import i18n

PACKAGE = Path(i18n.__file__).parent
ROOT = PACKAGE.parents[1]
CATALOGS = sorted(PACKAGE.glob("locale/*/LC_MESSAGES/gpp_tui.po"))
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)[srd]|%[srd]")


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    i18n.use_language("en")


def test_french_is_shipped() -> None:
    assert [p.parents[1].name for p in CATALOGS] == ["fr"]
    assert i18n.available_languages() == ("en", "fr")


@pytest.mark.parametrize(
    ("given", "setting", "environ", "expected"),
    [
        (None, "", {}, "en"),
        (None, "", {"LANG": "fr_FR.UTF-8"}, "fr"),
        (None, "", {"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "de_DE"}, "de"),
        (None, "", {"LANG": "fr_FR", "LC_MESSAGES": "de_DE", "LC_ALL": "es_ES"}, "es"),
        (None, "", {"LANG": "C.UTF-8"}, "en"),
        (None, "", {"LC_ALL": "POSIX", "LANG": "fr_FR"}, "en"),
        (None, "fr", {"LANG": "de_DE.UTF-8"}, "fr"),
        ("en", "fr", {"LANG": "fr_FR.UTF-8"}, "en"),
        ("fr-CA", "", {}, "fr"),
        (None, "", {"LC_ALL": "", "LANG": "fr_BE@euro"}, "fr"),
    ],
)
def test_the_language_comes_from_lang_then_settings_then_the_locale(
    given: str | None, setting: str, environ: dict[str, str], expected: str
) -> None:
    assert i18n.choose_language(given, setting, environ) == expected


def test_switching_the_interface_to_french_and_back() -> None:
    assert i18n.use_language("fr_FR.UTF-8")
    assert (i18n.language(), i18n._("Glossary")) == ("fr", "Glossaire")
    assert i18n._("a message no catalog has") == "a message no catalog has"
    assert i18n.ngettext("{n} note", "{n} notes", 1) == "{n} note"
    assert i18n.use_language("en")
    assert i18n._("Glossary") == "Glossary"


def test_a_language_without_a_catalog_falls_back_to_english() -> None:
    assert not i18n.use_language("xx")
    assert i18n.language() == "en"
    assert i18n._("Glossary") == "Glossary"


def test_numbers_and_dates_follow_the_language() -> None:
    moment = datetime(2026, 12, 1, 19, 52, tzinfo=UTC)
    assert i18n.format_number(1234.5) == "1,234.5"
    english = i18n.format_datetime(moment)
    i18n.use_language("fr")
    assert i18n.format_number(1234.5).replace("\u202f", " ").replace("\xa0", " ") == "1 234,5"
    assert "déc." in i18n.format_datetime(moment)
    assert "Dec" in english
    assert i18n.format_long_date(moment.date()) == "1 décembre 2026"
    i18n.use_language("en")
    assert i18n.format_long_date(moment.date()) == "1 December 2026"


def test_a_note_time_is_short_and_in_the_language() -> None:
    """English keeps ISO digits; French writes Babel's short format, without importing Babel."""
    from babel.dates import format_datetime as babel_format

    moment = datetime(2026, 12, 2, 3, 38, tzinfo=UTC)
    local = moment.astimezone()
    assert i18n.format_time(moment) == f"{local:%Y-%m-%d %H:%M}"
    i18n.use_language("fr")
    assert i18n.format_time(moment) == babel_format(local, "short", locale="fr")
    assert i18n.format_time(datetime(2026, 5, 1, 9, 5).astimezone()) == "01/05/2026 09:05"


def _extracted() -> set[str]:
    method_map = [("**.py", "python")]
    found = set()
    for _, _, message, _, _ in extract_from_dir(str(PACKAGE), method_map):
        found.add(message if isinstance(message, str) else message[0])
    return found


def _ids(catalog: object) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}  # type: ignore[attr-defined]


def test_the_template_holds_every_string_marked_in_the_code() -> None:
    with (PACKAGE / "locale" / "gpp_tui.pot").open("rb") as file:
        template = read_po(file)

    assert _ids(template) == _extracted(), "run: python scripts/update-catalogs"


@pytest.mark.parametrize("po", CATALOGS, ids=lambda p: p.parents[1].name)
def test_every_message_is_translated_with_the_same_placeholders(po: Path) -> None:
    with po.open("rb") as file:
        catalog = read_po(file)
    assert _ids(catalog) == _extracted(), "run: python scripts/update-catalogs"
    for message in catalog:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        assert "fuzzy" not in message.flags, ids[0]
        assert all(strings), f"untranslated: {ids[0]!r}"
        wanted = sorted(_PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            assert sorted(_PLACEHOLDER.findall(text)) == wanted, (ids[0], text)


@pytest.mark.parametrize("po", CATALOGS, ids=lambda p: p.parents[1].name)
def test_the_compiled_catalog_is_up_to_date(po: Path) -> None:
    with po.open("rb") as file:
        source = read_po(file)
    compiled = io.BytesIO()
    write_mo(compiled, source)
    compiled.seek(0)
    with po.with_suffix(".mo").open("rb") as file:
        shipped = read_mo(file)
    fresh = read_mo(compiled)

    def pairs(catalog: object) -> dict[object, object]:
        def key(value: object) -> object:
            return value if isinstance(value, str) else tuple(value)  # type: ignore[call-overload]

        return {key(m.id): key(m.string) for m in catalog if m.id}  # type: ignore[attr-defined]

    assert pairs(shipped) == pairs(fresh), "run: python scripts/update-catalogs"


def test_start_up_imports_no_babel_and_english_reads_no_catalog() -> None:
    probe = (
        "import sys; from gpp_tui import i18n; import gpp_tui.cli, gpp_tui.content.models; "
        "i18n.use_language(sys.argv[1]); "
        # The app's first screen shows the pack's provenance, dates included.
        "from gpp_tui.content import load_library; "
        "from gpp_tui.exchange.provenance import provenance; "
        "provenance(load_library().in_language(sys.argv[1]).packs[0].pack); "
        "print('babel' in sys.modules, type(i18n._catalog).__name__)"
    )
    for language, catalog in (("en", "_Source"), ("fr", "GNUTranslations")):
        done = subprocess.run(
            [sys.executable, "-c", probe, language], capture_output=True, text=True, check=True
        )
        assert done.stdout.split() == ["False", catalog]


_LOOSE_SPACE = re.compile(r"[ \u202f][:;!?»]|«[ \u202f]")


def test_french_signs_are_held_by_no_break_spaces() -> None:
    """French puts a space before : ; ! ? » and after «, and it must not break there.

    U+00A0 (no-break space), not the narrower U+202F French typography prefers: every
    terminal font and the Linux console have U+00A0, many lack U+202F. Rich counts it
    as one cell, and `ui/nobreak.py` keeps it from being a place to wrap.
    `python scripts/update-catalogs` puts it in (`french_spacing`).
    """
    from rich.cells import cell_len

    assert cell_len("\u00a0") == 1
    with (PACKAGE / "locale" / "fr" / "LC_MESSAGES" / "gpp_tui.po").open("rb") as file:
        catalog = read_po(file)
    loose = []
    for message in catalog:
        if not message.id:
            continue
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        loose += [text for text in strings if _LOOSE_SPACE.search(text)]
    assert loose == [], "run: python scripts/update-catalogs"


def test_a_line_does_not_wrap_at_a_no_break_space() -> None:
    """Rich and Textual would break after "chiffrées" and after "«" (`\\s` matches U+00A0)."""
    from rich.console import Console
    from rich.text import Text
    from textual.content import Content

    from gpp_tui.ui import nobreak

    nobreak.install()
    line = "Elles ne sont pas chiffrées\u00a0: pour «\u00a0Élise D.\u00a0» ok"
    wrapped = [str(part).rstrip() for part in Text(line).wrap(Console(), 28)]
    assert [part.plain for part in Content(line).wrap(28)] == wrapped
    assert wrapped == ["Elles ne sont pas", "chiffrées\u00a0: pour «\u00a0Élise", "D.\u00a0» ok"]
    wrapped = [part.plain for part in Content(line).wrap(40)]
    assert wrapped == ["Elles ne sont pas chiffrées\u00a0: pour", "«\u00a0Élise D.\u00a0» ok"]
