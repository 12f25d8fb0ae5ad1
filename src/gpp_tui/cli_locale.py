"""The command line's language, chosen before the arguments are parsed so --help speaks it too."""

from __future__ import annotations

from collections.abc import Sequence

from gpp_tui.i18n import (
    N_,
    _,
    available_languages,
    choose_language,
    language,
    ngettext,
    use_language,
)

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("expected one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
)
"""argparse's own messages, which it looks up with gettext: translated in our catalogs."""


class LanguageError(ValueError):
    """--lang names a language gpp-tui does not have; str() is one line."""


def language_argument(argv: Sequence[str]) -> str | None:
    """The value of --lang LANG or --lang=LANG among the arguments, if given."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def setup_language(argv: Sequence[str], setting: str | None = None) -> str:
    """Switch the interface to the language asked for and return it (for the content too).

    --lang wins, then `setting` (the settings file's `language`, read here when not
    given), then the locale. A --lang without a catalog raises LanguageError; a
    setting or locale without one leaves the interface in English, while the content
    can still be shown in that language if a pack has it.
    """
    given = language_argument(argv)
    if given is not None and not given.strip():
        raise LanguageError(_("--lang needs a language, such as en or fr"))
    if given is None and setting is None:
        from gpp_tui.store.config import load_config

        setting = load_config()[0].language
    chosen = choose_language(given, setting or "")
    if not use_language(chosen) and given is not None:
        raise LanguageError(
            _("--lang {given}: no such language (available: {languages})").format(
                given=given, languages=", ".join(available_languages())
            )
        )
    if language() != "en" and argv:  # `gpp` alone (the app) parses nothing: no argparse
        _translate_argparse()
    return chosen


def _translate_argparse() -> None:
    """argparse calls the gettext of its own module: hand it ours."""
    import argparse

    setattr(argparse, "_", _)  # noqa: B010 (argparse's globals, not typed attributes)
    setattr(argparse, "ngettext", ngettext)  # noqa: B010
