"""What each `gpp` subcommand's --help says it does, with examples (kept under 80 columns)."""

from __future__ import annotations

from typing import Any

from gpp_tui.i18n import N_, _

HELP: dict[str, tuple[str, tuple[str, ...]]] = {
    "list": (
        N_(
            "List the focus areas and recommendations with their ids. With --all, also\n"
            "the background sections and the glossary terms (ids such as\n"
            "term:reparations), every id that `gpp show` and `gpp cite` accept."
        ),
        ("gpp list", "gpp list --all", "gpp list --json > ids.json"),
    ),
    "show": (
        N_(
            "Print one node: its words as the source gives them, then the context\n"
            "gpp-tui adds (references, related recommendations, tags), kept apart."
        ),
        ("gpp show B.2", "gpp show term:reparations", "gpp show wigj-gpp/D.3 --json"),
    ),
    "validate": (
        N_(
            "Check a content pack (a .toml file, or a folder of them) without starting\n"
            "the app: each problem is one line naming the file, the field and the fault."
        ),
        ("gpp validate my-framework.toml", "gpp validate packs/"),
    ),
    "search": (
        N_(
            "Search the principles, their context and your notes and bookmark labels,\n"
            "ranked as / ranks them in the app. Several words need no quotes; put a\n"
            "phrase in double quotes (inside single quotes for the shell)."
        ),
        ("gpp search gender persecution", "gpp search '\"witness protection\"' --limit 5"),
    ),
    "export": (
        N_(
            "Write your review to read or print (md, html) or to draft in Word (docx),\n"
            "or your annotations for a colleague's `gpp import` (json, toml). Reviews\n"
            "open with the follow-ups, then progress per focus area. Writes to stdout\n"
            "unless --output (docx needs it). Exports are not encrypted, even when your\n"
            "notes are."
        ),
        (
            "gpp export --format md --only notes > review.md",
            "gpp export --format docx -o review.docx --only follow-up",
            "gpp export -o for-ana.json",
        ),
    ),
    "import": (
        N_(
            "Merge a colleague's json or toml export into your annotations. It lists\n"
            "what would be added or updated first; a note edited on both sides keeps\n"
            "both versions. --dry-run prints that list and writes nothing."
        ),
        ("gpp import --dry-run from-ana.json", "gpp import from-ana.json"),
    ),
    "cite": (
        N_(
            "Print a citation of one node to paste into a submission: the source's\n"
            "author and title, the part cited (recommendation B.2 and its title), whom\n"
            "it was submitted to, its address and the day its text was taken\n"
            "(accessed). OSCOLA by default; --style plain for a plain sentence."
        ),
        ("gpp cite B.2", "gpp cite D.3 --style plain -o d3.txt", "gpp cite term:reparations"),
    ),
    "encrypt": (
        N_(
            "Encrypt your notes behind a passphrase, asked twice on the terminal (the\n"
            "app must not be running). The app then asks for it at start."
        ),
        ("gpp encrypt",),
    ),
    "decrypt": (
        N_("Turn encrypted notes back into plain TOML (asks for the passphrase)."),
        ("gpp decrypt",),
    ),
    "config": (
        N_("Say where the settings file is, and show an example when there is none."),
        ("gpp config", "gpp config --path"),
    ),
    "team": (
        N_(
            "Review as a team over a folder that Syncthing, Nextcloud, git or a USB\n"
            "stick carries: each device writes only its own files there and reads\n"
            "everyone's. `sync` commits, pulls and pushes when the folder is in git."
        ),
        (
            "gpp team create ~/Sync/herat --name 'Herat team'",
            "gpp team join ~/Sync/herat",
            "gpp team status",
            "gpp team sync",
        ),
    ),
}
"""Subcommand -> (what it does, examples)."""


def describe(commands: Any) -> None:
    """Give every subcommand parser its description and an examples epilog."""
    import argparse

    for name, parser in commands.choices.items():
        if name not in HELP:
            continue
        description, examples = HELP[name]
        parser.description = _(description)
        parser.epilog = _("examples:") + "\n" + "\n".join(f"  {example}" for example in examples)
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
