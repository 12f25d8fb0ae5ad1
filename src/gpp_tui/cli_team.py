"""`gpp team …`: make, join, leave, look at and sync a team folder; and the team view that
`gpp export` and `gpp search` read when this data folder is in a team."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gpp_tui.display import safe_line
from gpp_tui.i18n import _

if TYPE_CHECKING:
    from gpp_tui.store.annotation_store import AnnotationStore
    from gpp_tui.store.models import Annotations
    from gpp_tui.team.review import TeamReview

Ask = Callable[[str], str]


class TeamCommandError(Exception):
    """A problem the user can fix; one line."""


def add_team_commands(commands: Any) -> None:
    """The `gpp team` subcommands."""
    team = commands.add_parser("team", help=_("review as a team over a shared or synced folder"))
    sub = team.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    create = sub.add_parser("create", help=_("make a team folder and join it"))
    create.add_argument("path", type=Path, metavar="PATH", help=_("the shared folder"))
    create.add_argument("--name", required=True, help=_("the team's name"))
    join = sub.add_parser("join", help=_("join the team in a folder"))
    join.add_argument("path", type=Path, metavar="PATH", help=_("the shared folder"))
    sub.add_parser("leave", help=_("stop sharing (your files stay in the folder)"))
    sub.add_parser("status", help=_("members, their progress, requests and problems"))
    sub.add_parser("sync", help=_("when the folder is a git work tree: commit, pull, push"))
    decisions = {
        "accept": _("accept a member of an encrypted team"),
        "refuse": _("refuse a member of an encrypted team"),
    }
    for action, words in decisions.items():
        decide = sub.add_parser(action, help=words)
        decide.add_argument("who", metavar="WHO", help=_("a name, device id, or key (age1…)"))


def ask_line(prompt: str) -> str:
    """A line typed on the terminal."""
    if not sys.stdin.isatty():
        raise TeamCommandError(_("your name is needed: set author in the settings file"))
    return input(prompt)


@dataclass
class Opened:
    """The user's store, their team (None when not in one), and what to read."""

    store: AnnotationStore
    review: TeamReview | None
    identity: Any = None
    """The age identity of an encrypted data folder (None when plain)."""

    @property
    def annotations(self) -> Annotations:
        """The team view when in a team, else the user's own annotations."""
        if self.review is None:
            return self.store.annotations
        self.review.refresh()
        return self.review.view(self.store.annotations)


@contextlib.contextmanager
def open_store(
    folder: Path, author: str = "", ask: Ask | None = None
) -> Iterator[tuple[AnnotationStore, Any]]:
    """The user's store (asking the passphrase when encrypted) and its age identity (None
    when plain), whatever team it is in."""
    from gpp_tui.cli_lock import LockCommandError, ask_passphrase
    from gpp_tui.store.annotation_store import AnnotationStore
    from gpp_tui.store.crypto import encryption_enabled, unlock
    from gpp_tui.store.errors import StoreError

    codec = None
    if encryption_enabled(folder):
        try:
            codec = unlock(folder, (ask or ask_passphrase)(_("Passphrase for your notes: ")))
        except (StoreError, LockCommandError) as error:
            raise TeamCommandError(str(error)) from None
    author = author or _configured_author()
    store = (
        AnnotationStore(folder, codec=codec, author=author)
        if codec
        else AnnotationStore(folder, author=author)
    )
    for message in store.messages:
        print(f"gpp: {safe_line(message)}", file=sys.stderr)
    try:
        yield store, codec.identity if codec else None
    finally:
        store.close()


@contextlib.contextmanager
def open_with_team(folder: Path, author: str = "", ask: Ask | None = None) -> Iterator[Opened]:
    """Open the store (asking the passphrase when encrypted) and the team it is in."""
    from gpp_tui.team.review import TeamError, TeamReview

    with open_store(folder, author, ask) as (store, identity):
        try:
            review = TeamReview.open(folder, store.author, identity)
        except TeamError as error:
            raise TeamCommandError(str(error)) from None
        if review is not None:
            store.after_save = review.publish_after_save
        yield Opened(store, review, identity)


def run_team(args: argparse.Namespace, data_folder: Path, ask: Ask | None = None) -> list[str]:
    """Run one `gpp team` action; the lines to print."""
    from gpp_tui.team.git import GitSyncError
    from gpp_tui.team.layout import TeamFolderError
    from gpp_tui.team.review import TeamError

    try:
        if args.team_command in ("create", "join"):
            return _create_or_join(args, data_folder, ask)
        if args.team_command == "leave":
            from gpp_tui.team.membership import leave

            return [leave(data_folder)]
        with open_with_team(data_folder) as opened:
            review = opened.review
            if review is None:
                raise TeamCommandError(_("this data folder is in no team; `gpp team join PATH`"))
            if args.team_command == "status":
                from gpp_tui.team.status import status_lines

                review.refresh()
                return status_lines(review, opened.store.annotations)
            if args.team_command == "sync":
                from gpp_tui.team.git import sync_review

                return sync_review(review, opened.store.annotations)
            member = review.decide(
                args.who, opened.store.annotations, accept=args.team_command == "accept"
            )
            if args.team_command == "accept":
                return [
                    _("Accepted {label}: your notes are now encrypted to them too.").format(
                        label=member.label()
                    )
                ]
            return [
                _("Refused {label}: they cannot read what you write from now on.").format(
                    label=member.label()
                )
            ]
    except (TeamError, TeamFolderError, GitSyncError) as error:
        raise TeamCommandError(str(error)) from None


def _create_or_join(args: argparse.Namespace, data_folder: Path, ask: Ask | None) -> list[str]:
    from gpp_tui.store.config import config_path, set_author
    from gpp_tui.team.membership import enter_team

    lines: list[str] = []
    author = _configured_author()
    if not author:
        author = " ".join((ask or ask_line)(_("Your name, shown with your notes: ")).split())
        if not author:
            raise TeamCommandError(_("a name is needed to join a team; nothing was changed"))
        try:
            lines.append(_("Your name is kept in {path}.").format(path=set_author(author)))
        except OSError as error:
            raise TeamCommandError(
                _("cannot write {path} ({strerror})").format(
                    path=config_path(), strerror=error.strerror
                )
            ) from None
    create = args.name if args.team_command == "create" else None
    with open_store(data_folder, author, ask) as (store, identity):
        entered = enter_team(
            data_folder, args.path, author, store.annotations, identity, create=create
        )
    lines += entered.lines
    review = entered.review
    lines += [
        _("{asks}: gpp team accept {recipient}").format(
            asks=review.asks(member), recipient=member.recipient
        )
        for member in review.requests()
    ]
    return lines


def _configured_author() -> str:
    from gpp_tui.store.config import load_config

    config, _problems = load_config()
    return config.author
