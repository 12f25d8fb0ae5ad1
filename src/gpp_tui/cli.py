"""The `gpp` command: starts the app, or answers non-interactive commands without textual."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gpp_tui import __version__
from gpp_tui.cli_help import describe

if TYPE_CHECKING:
    from gpp_tui.cli_team import Opened
    from gpp_tui.content import Library, Node

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXPORT_FORMATS = ("md", "html", "docx", "json", "toml")
CITATION_STYLES = ("oscola", "plain")
EXPORT_FILTERS = ("bookmarked", "notes", "follow-up")


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for `gpp` and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="gpp",
        description=(
            "Review the Gender Persecution Principles offline and keep private notes. "
            "Without a command, starts the app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"gpp-tui {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="PATH",
        help="folder for your notes and state (default: the user data folder; "
        "also $GPP_TUI_DATA_DIR)",
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="a line-by-line mode for screen readers and braille displays "
        "(also TERM=dumb, GPP_TUI_PLAIN=1 or plain = true in the settings)",
    )
    parser.add_argument(
        "--content",
        type=Path,
        metavar="PATH",
        help="an extra content pack: a .toml file or a folder of them",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    list_cmd = commands.add_parser("list", help="list focus areas and recommendations")
    list_cmd.add_argument(
        "--all", action="store_true", help="also the background sections and glossary terms"
    )
    list_cmd.add_argument("--json", action="store_true", help="print JSON")
    show_cmd = commands.add_parser("show", help="print one node (e.g. B.2) with its context")
    show_cmd.add_argument("id", metavar="ID", help="a node id such as B.2, or PACK/ID")
    show_cmd.add_argument("--json", action="store_true", help="print JSON")
    validate_cmd = commands.add_parser("validate", help="check a content pack without the UI")
    validate_cmd.add_argument("path", type=Path, metavar="PATH", help="a .toml file or folder")
    _add_exchange_commands(commands)
    search_cmd = commands.add_parser(
        "search", help="search the principles, context and your notes (as / in the app)"
    )
    search_cmd.add_argument(
        "query", nargs="+", metavar="WORD", help='words (no quotes needed), or a "quoted phrase"'
    )
    search_cmd.add_argument("--json", action="store_true", help="print JSON")
    search_cmd.add_argument(
        "--limit", type=int, default=20, metavar="N", help="at most N results (default 20)"
    )
    commands.add_parser(
        "encrypt", help="encrypt your notes behind a passphrase (asked on the terminal)"
    )
    commands.add_parser("decrypt", help="turn encrypted notes back into plain TOML")
    config_cmd = commands.add_parser("config", help="where the settings file is")
    config_cmd.add_argument("--path", action="store_true", help="print the settings file's path")
    from gpp_tui.cli_team import add_team_commands

    add_team_commands(commands)
    describe(commands)
    return parser


def _add_exchange_commands(commands: Any) -> None:
    export_cmd = commands.add_parser(
        "export",
        help="write your review (md, html) or your annotations for import elsewhere (json, toml)",
    )
    export_cmd.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        help="md or html: a review to read or print; docx: a Word document (needs --output); "
        "json or toml: for `gpp import` "
        "(default: from the --output file name)",
    )
    export_cmd.add_argument(
        "--output", "-o", type=Path, metavar="PATH", help="the file to write (default: stdout)"
    )
    export_cmd.add_argument(
        "--only",
        choices=EXPORT_FILTERS,
        help="only bookmarked nodes, nodes with notes, or follow-up",
    )
    export_cmd.add_argument(
        "--author",
        metavar="NAME",
        help="the reviewer named in a review (default: author in the settings file, "
        "else the authors of the notes)",
    )
    import_cmd = commands.add_parser(
        "import", help="merge a colleague's json or toml export into your annotations"
    )
    import_cmd.add_argument("path", type=Path, metavar="PATH", help="a file from `gpp export`")
    import_cmd.add_argument(
        "--dry-run", action="store_true", help="print what would change, write nothing"
    )
    cite_cmd = commands.add_parser("cite", help="print a citation of one node (e.g. B.2)")
    cite_cmd.add_argument("id", metavar="ID", help="a node id such as B.2, or PACK/ID")
    cite_cmd.add_argument(
        "--style",
        choices=CITATION_STYLES,
        default=CITATION_STYLES[0],
        help="oscola (the default) or plain",
    )
    cite_cmd.add_argument(
        "--output", "-o", type=Path, metavar="PATH", help="also write it to this file"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `gpp` script; returns the exit status."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _guarded(_run_app, args)
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
        message = "no input; stopped"
    except KeyboardInterrupt:
        print("gpp: interrupted", file=sys.stderr)
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
    library = _library(args.content)
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
            f"--data-dir {given}: no such folder (check the spelling; "
            "`gpp import`, `gpp encrypt` and the app create it)"
        )
    if not folder.is_dir():
        raise CliError(f"--data-dir {given}: not a folder")


SLOW_PARSE_BYTES = 512 * 1024
"""Packs this big take a noticeable time to read when they are not in the cache."""


def _library(content: Path | None) -> Library:
    from gpp_tui.content import PackError, load_library
    from gpp_tui.store.locations import cache_dir

    try:
        return load_library(content, cache_dir=cache_dir() / "packs", on_parse=_reading)
    except PackError as exc:
        raise CliError(str(exc)) from None


def _reading(path: Path, size: int) -> None:
    """Say what is happening before a big pack is parsed, so the wait is not a frozen screen."""
    if size >= SLOW_PARSE_BYTES:
        print(
            f"gpp: reading {path} ({size / 1_048_576:.1f} MB) for the first time; "
            "later starts use a cache and are quicker...",
            file=sys.stderr,
            flush=True,
        )


def _print_citation(library: Library, args: argparse.Namespace) -> None:
    from gpp_tui.exchange.cite import citation
    from gpp_tui.exchange.export import ExportWriteError, write_export

    text = citation(library, _find(library, args.id), args.style)
    print(text)
    if args.output is not None:
        try:
            write_export(args.output, text + "\n")
        except ExportWriteError as exc:
            raise CliError(str(exc)) from None
        print(f"written to {args.output}", file=sys.stderr)


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
            state = "exists" if path.exists() else "does not exist yet; an example:"
            print(f"{path} {state}")
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
        raise CliError("--limit must be 1 or more")
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
        raise CliError("choose a format with --format md|html|docx|json|toml")
    if fmt.binary and output is None:
        raise CliError(f"a {fmt.value} file cannot go to the terminal: add --output review.docx")
    with _open_with_team(args.data_dir) as opened:
        annotations = opened.annotations
        if output is not None and opened.store.path.with_name("key.age").exists():
            print("gpp: note: exports are plain text, not encrypted", file=sys.stderr)
    info = ExportInfo(author=_author(args.author))
    if output is None:
        sys.stdout.write(export(library, annotations, fmt, args.only, info))
        return
    try:
        write_export(output, render(library, annotations, fmt, args.only, info))
    except ExportWriteError as exc:
        raise CliError(str(exc)) from None
    print(f"written to {output}", file=sys.stderr)


def _author(given: str | None) -> str:
    """The reviewer named in a review: --author, else `author` from the settings file."""
    if given is not None:
        return given
    from gpp_tui.store.config import load_config

    config, problems = load_config()
    for problem in problems:
        print(f"gpp: {problem}", file=sys.stderr)
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
            raise CliError(f"not imported: {store.read_only_reason}; nothing was changed")
        result = merge(store.annotations, incoming.annotations)
        for line in describe_import(library, incoming, result):
            print(line)
        if args.dry_run:
            print("Dry run: nothing was written.")
            return
        if not result.changed:
            print("Nothing to import: your annotations already hold all of it.")
            return
        try:
            with store.update() as editor:
                editor.annotations = result.annotations
        except StoreError as exc:
            raise CliError(str(exc)) from None
        print(f"Imported into {store.path}.")


def _run_app(args: argparse.Namespace) -> int:
    import os

    from gpp_tui.plain import wants_plain
    from gpp_tui.store.config import load_config
    from gpp_tui.store.locations import data_dir

    config, problems = load_config()
    if wants_plain(os.environ, config.plain, args.plain):
        return _run_plain(args, config.author, problems)
    library = _library(args.content)
    from gpp_tui.ui.app import GppApp

    app = GppApp(library, data_dir(args.data_dir))
    app.run()
    return app.return_code or 0


def _run_plain(args: argparse.Namespace, author: str, problems: list[str]) -> int:
    from gpp_tui.plain.start import StartError, run
    from gpp_tui.store.locations import data_dir

    library = _library(args.content)
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
            count = sum(1 for _ in pack.recommendations)
            what = f"pack {pack.pack.id!r}"
            if pack.pack.is_translation:
                what += (
                    f", {pack.pack.language!r} translation of {pack.pack.translation_of!r} "
                    "(ids match)"
                )
            print(
                f"{file}: ok, {what}, {len(pack.areas)} focus areas, "
                f"{count} recommendations, {len(pack.glossary)} glossary terms"
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
        raise CliError(f"no node with id {ref!r}; {LIST_ALL_HINT}")
    return node
