"""The `gpp` command: starts the app, or answers non-interactive commands without textual."""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast

from gpp_tui import __version__
from gpp_tui.cli_help import describe
from gpp_tui.i18n import _, format_number

if TYPE_CHECKING:
    import argparse

    from gpp_tui.cli_team import Opened
    from gpp_tui.content import Library, Node

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXPORT_FORMATS = ("md", "html", "docx", "json", "toml")
CITATION_STYLES = ("oscola", "plain")
EXPORT_FILTERS = ("bookmarked", "notes", "follow-up")


APP_DEFAULTS = {"lang": None, "data_dir": None, "plain": False, "content": None, "command": None}
"""What the parser gives for `gpp` without arguments (a test holds the two together)."""


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for `gpp` and its subcommands."""
    import argparse  # here: `gpp` alone (the app) parses nothing

    parser = argparse.ArgumentParser(
        prog="gpp",
        description=_(
            "Review the Gender Persecution Principles offline and keep private notes. "
            "Without a command, starts the app."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"gpp-tui {__version__}",
        help=_("show the version and exit"),
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help=_(
            "interface and content language: en or fr (default: the language setting, "
            "else the locale)"
        ),
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="PATH",
        help=_(
            "folder for your notes and state (default: the user data folder; "
            "also $GPP_TUI_DATA_DIR)"
        ),
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help=_(
            "a line-by-line mode for screen readers and braille displays "
            "(also TERM=dumb, GPP_TUI_PLAIN=1 or plain = true in the settings)"
        ),
    )
    parser.add_argument(
        "--content",
        type=Path,
        metavar="PATH",
        help=_("an extra content pack: a .toml file or a folder of them"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    list_cmd = commands.add_parser("list", help=_("list focus areas and recommendations"))
    list_cmd.add_argument(
        "--all", action="store_true", help=_("also the background sections and glossary terms")
    )
    list_cmd.add_argument("--json", action="store_true", help=_("print JSON"))
    show_cmd = commands.add_parser("show", help=_("print one node (e.g. B.2) with its context"))
    show_cmd.add_argument("id", metavar="ID", help=_("a node id such as B.2, or PACK/ID"))
    show_cmd.add_argument("--json", action="store_true", help=_("print JSON"))
    validate_cmd = commands.add_parser("validate", help=_("check a content pack without the UI"))
    validate_cmd.add_argument("path", type=Path, metavar="PATH", help=_("a .toml file or folder"))
    _add_exchange_commands(commands)
    search_cmd = commands.add_parser(
        "search", help=_("search the principles, context and your notes (as / in the app)")
    )
    search_cmd.add_argument(
        "query", nargs="+", metavar="WORD", help=_('words (no quotes needed), or a "quoted phrase"')
    )
    search_cmd.add_argument("--json", action="store_true", help=_("print JSON"))
    search_cmd.add_argument(
        "--limit", type=int, default=20, metavar="N", help=_("at most N results (default 20)")
    )
    commands.add_parser(
        "encrypt", help=_("encrypt your notes behind a passphrase (asked on the terminal)")
    )
    commands.add_parser("decrypt", help=_("turn encrypted notes back into plain TOML"))
    config_cmd = commands.add_parser("config", help=_("where the settings file is"))
    config_cmd.add_argument("--path", action="store_true", help=_("print the settings file's path"))
    from gpp_tui.cli_team import add_team_commands

    add_team_commands(commands)
    describe(commands)
    return parser


def _add_exchange_commands(commands: Any) -> None:
    export_cmd = commands.add_parser(
        "export",
        help=_(
            "write your review (md, html) or your annotations for import elsewhere (json, toml)"
        ),
    )
    export_cmd.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        help=_(
            "md or html: a review to read or print; docx: a Word document (needs --output); "
            "json or toml: for `gpp import` (default: from the --output file name)"
        ),
    )
    export_cmd.add_argument(
        "--output", "-o", type=Path, metavar="PATH", help=_("the file to write (default: stdout)")
    )
    export_cmd.add_argument(
        "--force", action="store_true", help=_("replace the --output file if it exists")
    )
    export_cmd.add_argument(
        "--only",
        choices=EXPORT_FILTERS,
        help=_("only bookmarked nodes, nodes with notes, or follow-up"),
    )
    export_cmd.add_argument(
        "--author",
        metavar="NAME",
        help=_(
            "the reviewer named in a review (default: author in the settings file, "
            "else the authors of the notes)"
        ),
    )
    import_cmd = commands.add_parser(
        "import", help=_("merge a colleague's json or toml export into your annotations")
    )
    import_cmd.add_argument("path", type=Path, metavar="PATH", help=_("a file from `gpp export`"))
    import_cmd.add_argument(
        "--dry-run", action="store_true", help=_("print what would change, write nothing")
    )
    cite_cmd = commands.add_parser("cite", help=_("print a citation of one node (e.g. B.2)"))
    cite_cmd.add_argument("id", metavar="ID", help=_("a node id such as B.2, or PACK/ID"))
    cite_cmd.add_argument(
        "--style",
        choices=CITATION_STYLES,
        default=CITATION_STYLES[0],
        help=_("oscola (the default) or plain"),
    )
    cite_cmd.add_argument(
        "--output", "-o", type=Path, metavar="PATH", help=_("also write it to this file")
    )
    cite_cmd.add_argument(
        "--force", action="store_true", help=_("replace the --output file if it exists")
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `gpp` script; returns the exit status."""
    # Starting the app creates some 50,000 objects that live as long as it does
    # (modules, classes, packs, widgets); the cyclic collector would walk them all
    # again and again before the first paint (a tenth of the start-up time). It is
    # off until then: GppApp.on_ready turns it back on, and so does every other path.
    gc.disable()
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    finally:
        gc.enable()


def _main(argv: list[str]) -> int:
    from gpp_tui.cli_locale import LanguageError, setup_language

    try:
        # Before the parser is built, so that --help and argparse's errors speak it too.
        language = setup_language(argv)
    except LanguageError as exc:
        from gpp_tui.display import safe_line

        print(f"gpp: {safe_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    # `gpp` alone starts the app: no need to import argparse and build every parser first.
    args = (
        cast("argparse.Namespace", SimpleNamespace(**APP_DEFAULTS))
        if not argv
        else build_parser().parse_args(argv)
    )
    args.language = language
    if args.command is None:
        return _guarded(_run_app, args)
    gc.enable()
    from gpp_tui.display import safe_output

    # Every line printed may carry text from a note, a pack or a file name.
    with safe_output():
        return _guarded(_command, args)


def _guarded(run: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a command; any problem it cannot go past is one line on stderr and exit status 2."""
    from gpp_tui.display import safe_line
    from gpp_tui.store.errors import StoreError

    try:
        return run(args)
    except CliError as exc:
        message = str(exc)
    except BrokenPipeError:
        return 0
    except OSError as exc:
        message = describe_os_error(exc)
    except StoreError as exc:
        message = str(exc)
    except EOFError:
        message = _("no input; stopped")
    except KeyboardInterrupt:
        print("gpp: " + _("interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    print(f"gpp: {safe_line(message)}", file=sys.stderr)
    return EXIT_USAGE


def describe_os_error(error: OSError) -> str:
    """One line for a failed file operation: which file, and why."""
    reason = error.strerror or str(error) or type(error).__name__
    where = error.filename
    if where is None:
        return reason
    also = f" -> {error.filename2}" if error.filename2 is not None else ""
    return f"{where}{also}: {reason}"


def _command(args: argparse.Namespace) -> int:
    if args.command == "validate":
        return _validate(args.path)
    if args.command in ("encrypt", "decrypt", "config"):
        return _settings_command(args)
    if args.command == "team":
        return _team(args)
    if args.command in READING_COMMANDS:
        _require_data_dir(args.data_dir)
    library = _library(args.content, args.language)
    if args.command == "list":
        _print_list(library, as_json=args.json, everything=args.all)
    elif args.command == "show":
        _print_node(library, args.id, as_json=args.json)
    elif args.command == "cite":
        _print_citation(library, args)
    elif args.command == "export":
        _export(args, library)
    elif args.command == "import":
        _import(args, library)
    elif args.command == "search":
        _search(args, library)
    return 0


READING_COMMANDS = ("list", "show", "cite", "search", "export")
"""Commands that only read: a --data-dir they are given must exist (the others create it)."""


def _require_data_dir(given: Path | None) -> None:
    """Refuse a --data-dir that is not there: a misspelt folder would read as no notes at all."""
    if given is None:
        return
    folder = given.expanduser()
    if not folder.exists():
        raise CliError(
            _(
                "--data-dir {path}: no such folder (check the spelling; "
                "`gpp import`, `gpp encrypt` and the app create it)"
            ).format(path=given)
        )
    _refuse_a_file(given)


def _refuse_a_file(given: Path | None) -> None:
    """Refuse a --data-dir that is a file (the app and `gpp --plain` create a missing one)."""
    if given is None:
        return
    folder = given.expanduser()
    if folder.exists() and not folder.is_dir():
        raise CliError(_("--data-dir {path}: not a folder").format(path=given))


SLOW_PARSE_BYTES = 512 * 1024
"""Packs this big take a noticeable time to read when they are not in the cache."""


def _library(content: Path | None, language: str) -> Library:
    """The packs, each shown in `language` where it has a translation into it."""
    from gpp_tui.content import PackError, load_library
    from gpp_tui.store.locations import cache_dir

    try:
        library = load_library(content, cache_dir=cache_dir() / "packs", on_parse=_reading)
    except PackError as exc:
        raise CliError(str(exc)) from None
    return library.in_language(language)


def _reading(path: Path, size: int) -> None:
    """Say what is happening before a big pack is parsed, so the wait is not a frozen screen."""
    if size >= SLOW_PARSE_BYTES:
        message = _(
            "reading {path} ({size} MB) for the first time; "
            "later starts use a cache and are quicker..."
        )
        print(
            "gpp: " + message.format(path=path, size=format_number(round(size / 1_048_576, 1))),
            file=sys.stderr,
            flush=True,
        )


def _print_citation(library: Library, args: argparse.Namespace) -> None:
    from gpp_tui.exchange.cite import citation
    from gpp_tui.exchange.export import ExportWriteError, write_export

    text = citation(library, _find(library, args.id), args.style)
    if args.output is not None and not args.force:
        _refuse_existing(args.output)
    print(text)
    if args.output is not None:
        try:
            write_export(args.output, text + "\n", replace=args.force)
        except ExportWriteError as exc:
            raise CliError(str(exc)) from None
        print(_("written to {path}").format(path=args.output), file=sys.stderr)


@contextlib.contextmanager
def _open_with_team(data_dir_arg: Path | None) -> Iterator[Opened]:
    """The store and, when this data folder is in a team, the team view to read."""
    from gpp_tui.cli_team import TeamCommandError, open_with_team
    from gpp_tui.store.locations import data_dir

    try:
        with open_with_team(data_dir(data_dir_arg)) as opened:
            yield opened
    except TeamCommandError as exc:
        raise CliError(str(exc)) from None


def _team(args: argparse.Namespace) -> int:
    from gpp_tui.cli_team import TeamCommandError, run_team
    from gpp_tui.store.locations import data_dir

    try:
        lines = run_team(args, data_dir(args.data_dir))
    except TeamCommandError as exc:
        raise CliError(str(exc)) from None
    print("\n".join(lines))
    return 0


def _settings_command(args: argparse.Namespace) -> int:
    from gpp_tui.cli_lock import LockCommandError, decrypt, encrypt
    from gpp_tui.store.config import EXAMPLE, config_path
    from gpp_tui.store.locations import data_dir

    if args.command == "config":
        path = config_path()
        if args.path:
            print(path)
        else:
            state = (
                _("{path} exists") if path.exists() else _("{path} does not exist yet; an example:")
            )
            print(state.format(path=path))
            if not path.exists():
                print(EXAMPLE, end="")
        return 0
    change = encrypt if args.command == "encrypt" else decrypt
    try:
        print(change(data_dir(args.data_dir)))
    except LockCommandError as exc:
        raise CliError(str(exc)) from None
    return 0


def _search(args: argparse.Namespace, library: Library) -> None:
    from gpp_tui.cli_output import output_width
    from gpp_tui.cli_search import hits_json, hits_text, search

    if args.limit < 1:
        raise CliError(_("--limit must be 1 or more"))
    with _open_with_team(args.data_dir) as opened:
        annotations = opened.annotations
    hits = search(library, annotations, " ".join(args.query), args.limit)
    print(hits_json(hits) if args.json else hits_text(hits, output_width()))


def _export(args: argparse.Namespace, library: Library) -> None:
    from gpp_tui.exchange.export import (
        ExportFormat,
        ExportWriteError,
        export,
        render,
        write_export,
    )
    from gpp_tui.exchange.portable import ExportInfo

    output: Path | None = args.output
    fmt = ExportFormat(args.format) if args.format else None
    if fmt is None and output is not None:
        fmt = ExportFormat.from_path(output)
    if fmt is None:
        raise CliError(_("choose a format with --format md|html|docx|json|toml"))
    if fmt.binary and output is None:
        raise CliError(
            _("a {format} file cannot go to the terminal: add --output review.docx").format(
                format=fmt.value
            )
        )
    if output is not None and not args.force:
        _refuse_existing(output)
    with _open_with_team(args.data_dir) as opened:
        annotations = opened.annotations
        if output is not None and opened.store.path.with_name("key.age").exists():
            print("gpp: " + _("note: exports are plain text, not encrypted"), file=sys.stderr)
    info = ExportInfo(author=_author(args.author))
    if output is None:
        sys.stdout.write(export(library, annotations, fmt, args.only, info))
        return
    try:
        write_export(output, render(library, annotations, fmt, args.only, info), replace=args.force)
    except ExportWriteError as exc:
        raise CliError(str(exc)) from None
    print(_("written to {path}").format(path=output), file=sys.stderr)


def _refuse_existing(path: Path) -> None:
    """A file already at --output is replaced only with --force: said before any work."""
    from gpp_tui.exchange.destination import existing_file

    if existing_file(path) is not None:
        raise CliError(
            _("{path} exists; nothing was written (add --force to replace it)").format(path=path)
        )


def _author(given: str | None) -> str:
    """The reviewer named in a review: --author, else `author` from the settings file."""
    if given is not None:
        return given
    from gpp_tui.display import safe_line
    from gpp_tui.store.config import load_config

    config, problems = load_config()
    for problem in problems:
        print(f"gpp: {safe_line(problem)}", file=sys.stderr)
    return config.author


def _import(args: argparse.Namespace, library: Library) -> None:
    from gpp_tui.exchange.io import ImportRefusedError, describe_import, read_export
    from gpp_tui.exchange.merge import merge
    from gpp_tui.store.errors import StoreError

    try:
        incoming = read_export(args.path, library)
    except ImportRefusedError as exc:
        raise CliError(str(exc)) from None
    with _open_with_team(args.data_dir) as opened:
        store = opened.store
        if store.read_only and not args.dry_run:
            raise CliError(
                _("not imported: {reason}; nothing was changed").format(
                    reason=store.read_only_reason
                )
            )
        result = merge(store.annotations, incoming.annotations)
        for line in describe_import(library, incoming, result):
            print(line)
        if args.dry_run:
            print(_("Dry run: nothing was written."))
            return
        if not result.changed:
            print(_("Nothing to import: your annotations already hold all of it."))
            return
        try:
            with store.update() as editor:
                editor.annotations = result.annotations
        except StoreError as exc:
            raise CliError(str(exc)) from None
        print(_("Imported into {path}.").format(path=store.path))


def _run_app(args: argparse.Namespace) -> int:
    import os

    from gpp_tui.plain import wants_plain
    from gpp_tui.store.config import load_config
    from gpp_tui.store.locations import data_dir

    _refuse_a_file(args.data_dir)
    config, problems = load_config()
    if wants_plain(os.environ, config.plain, args.plain):
        gc.enable()
        return _run_plain(args, config.author, problems)
    library = _library(args.content, args.language)
    from gpp_tui.ui.app import GppApp

    app = GppApp(library, data_dir(args.data_dir), language_given=args.lang is not None)
    app.run()
    return app.return_code or 0


def _run_plain(args: argparse.Namespace, author: str, problems: list[str]) -> int:
    from gpp_tui.plain.start import StartError, run
    from gpp_tui.store.locations import data_dir

    library = _library(args.content, args.language)
    try:
        return run(library, data_dir(args.data_dir), author, tuple(problems))
    except StartError as exc:
        raise CliError(str(exc)) from None


def _validate(path: Path) -> int:
    from gpp_tui.content import PackError, load_pack
    from gpp_tui.content.loader import assemble, load_bundled, pack_files

    try:
        files = pack_files(path)
        # Check ids as `--content` would, so a pack that validates can also be opened;
        # a translation is checked against its original, bundled or given here.
        bundled = load_bundled()
        loaded = bundled + [(file, load_pack(file)) for file in files]
        assemble(loaded)
        for file, pack in loaded[len(bundled) :]:
            counts = {
                "areas": len(pack.areas),
                "recommendations": sum(1 for _rec in pack.recommendations),
                "terms": len(pack.glossary),
            }
            if pack.pack.is_translation:
                line = _(
                    "{file}: ok, pack {id}, {language} translation of {original} (ids match), "
                    "{areas} focus areas, {recommendations} recommendations, "
                    "{terms} glossary terms"
                )
            else:
                line = _(
                    "{file}: ok, pack {id}, {areas} focus areas, "
                    "{recommendations} recommendations, {terms} glossary terms"
                )
            info = pack.pack
            print(
                line.format(
                    file=file,
                    id=repr(info.id),
                    language=repr(info.language),
                    original=repr(info.translation_of),
                    **counts,
                )
            )
    except PackError as exc:
        raise CliError(str(exc)) from None
    return 0


def _print_list(library: Library, *, as_json: bool, everything: bool) -> None:
    from gpp_tui.cli_output import output_width
    from gpp_tui.cli_show import list_json, list_text

    if as_json:
        print(list_json(library, everything=everything))
    else:
        print(list_text(library, output_width(), everything=everything))


def _print_node(library: Library, ref: str, *, as_json: bool) -> None:
    import json

    from gpp_tui.cli_output import output_width
    from gpp_tui.cli_show import node_json, node_text
    from gpp_tui.display import safe_json

    node = _find(library, ref)
    if as_json:
        print(safe_json(json.dumps(node_json(library, node), ensure_ascii=False, indent=2)))
    else:
        print(node_text(library, node, output_width()))


def _find(library: Library, ref: str) -> Node:
    from gpp_tui.cli_show import LIST_ALL_HINT

    node = library.find(ref)
    if node is None:
        raise CliError(
            _("no node with id {id}; {hint}").format(id=repr(ref), hint=_(LIST_ALL_HINT))
        )
    return node
