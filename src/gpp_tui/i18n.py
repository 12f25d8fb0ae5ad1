"""The interface language: gettext catalogs (.po/.mo) chosen at start, `_()` for every layer.

English needs no catalog, so an English start imports nothing more; another language
loads its compiled catalog (`locale/<lang>/LC_MESSAGES/gpp_tui.mo`) with the standard
library's gettext. Babel is only for extraction, compilation (see the README) and the
dates and numbers of `format_datetime` / `format_number`, imported when first used.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from gettext import NullTranslations

DOMAIN = "gpp_tui"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE_LANGUAGE = "en"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""Where the language comes from when neither --lang nor the settings give one, in order."""


class _Catalog(Protocol):
    def gettext(self, message: str, /) -> str: ...
    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...
    def pgettext(self, context: str, message: str, /) -> str: ...


class _Source:
    """The English source strings, as written in the code."""

    def gettext(self, message: str, /) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int, /) -> str:
        return singular if n == 1 else plural

    def pgettext(self, context: str, message: str, /) -> str:
        return message


_catalog: _Catalog = _Source()
_language = SOURCE_LANGUAGE


def _(message: str) -> str:
    """The message in the interface language (the English text if it has no translation)."""
    return _catalog.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, in the interface language."""
    return _catalog.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """The message in the interface language, where one English word has two senses.

    `context` tells them apart ("provenance" for the "Note" of a pack's sources).
    """
    return _catalog.pgettext(context, message)


def clauses(parts: Iterable[str]) -> str:
    """Parts joined by semicolons as the language writes them: "a; b", in French "a ; b"."""
    return pgettext("between the items of a list", "; ").join(parts)


def N_(message: str) -> str:
    """Mark a message for extraction without translating it yet (for module constants)."""
    return message


_MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)


def language() -> str:
    """The interface language in use: "en", "fr", ..."""
    return _language


def available_languages() -> tuple[str, ...]:
    """English and every language with a compiled catalog."""
    found = sorted(mo.parents[1].name for mo in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return (SOURCE_LANGUAGE, *found)


def choose_language(
    given: str | None = None, setting: str = "", environ: Mapping[str, str] | None = None
) -> str:
    """The language asked for: --lang, else the `language` setting, else the locale, else English.

    The locale comes from LC_ALL, LC_MESSAGES, then LANG, as the C library reads them;
    "C" and "POSIX" mean English. The result is a primary language ("fr" for
    "fr_FR.UTF-8"), whether or not a catalog exists for it.
    """
    environ = os.environ if environ is None else environ
    for candidate in (given, setting, *(environ.get(name) for name in LOCALE_VARIABLES)):
        if candidate and candidate.strip():
            return _primary(candidate)
    return SOURCE_LANGUAGE


def _primary(name: str) -> str:
    base = name.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_").lower()
    primary = base.split("_", 1)[0]
    return SOURCE_LANGUAGE if primary in ("c", "posix", "") else primary


def use_language(name: str) -> bool:
    """Switch the interface to `name` ("fr", "fr_FR.UTF-8"); False (English) without a catalog."""
    global _catalog, _language
    wanted = _primary(name)
    if wanted == SOURCE_LANGUAGE:
        _catalog, _language = _Source(), SOURCE_LANGUAGE
        return True
    catalog = _load(wanted)
    if catalog is None:
        _catalog, _language = _Source(), SOURCE_LANGUAGE
        return False
    _catalog, _language = catalog, wanted
    return True


def _load(wanted: str) -> NullTranslations | None:
    mo = LOCALE_DIR / wanted / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not mo.is_file():
        return None
    import gettext

    try:
        with mo.open("rb") as file:
            return gettext.GNUTranslations(file)
    except (OSError, ValueError):
        return None  # A damaged catalog: English rather than a crash.


def format_number(value: float) -> str:
    """A number as the interface language writes it ("1,234.5"; in French "1 234,5")."""
    if _language == SOURCE_LANGUAGE:
        return f"{value:,}"
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=_language))


def format_long_date(day: date) -> str:
    """A day written out in the interface language: "28 November 2026", "28 novembre 2026".

    From the catalog, not Babel: the app shows such a date on its first screen, and
    Babel's import and locale data would slow every start.
    """
    return _("{day} {month} {year}").format(
        day=day.day, month=_(_MONTHS[day.month - 1]), year=day.year
    )


def format_time(moment: datetime, zone: tzinfo | None = None) -> str:
    """A stored time on the user's clock (or in `zone`), short, as the language writes it.

    "2026-12-02 03:38" in English (unambiguous, and a screen reader says it well),
    "02/12/2026 03:38" in French: Babel's short format, but from the catalog, since
    importing Babel would slow the screen that first shows a note.
    """
    local = moment.astimezone(zone)
    # Translators: a note's date and time, short; French: Babel's short "dd/MM/y HH:mm".
    return _("{year}-{month}-{day} {hour}:{minute}").format(
        year=local.year,
        month=f"{local.month:02}",
        day=f"{local.day:02}",
        hour=f"{local.hour:02}",
        minute=f"{local.minute:02}",
    )


def format_datetime(moment: datetime, pattern: str = "medium") -> str:
    """A date and time as the interface language writes it (Babel's `medium` format by default)."""
    from babel.dates import format_datetime as babel_format

    return str(babel_format(moment, pattern, locale=_language))
