"""Create, join and leave a team: one operation each, for `gpp team` and the app's palette."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from gpp_tui.i18n import _
from gpp_tui.store.models import Annotations
from gpp_tui.team.layout import DEVICES_DIR, MEMBERS_DIR, TeamFolder, TeamFolderError
from gpp_tui.team.link import LINK_FILE, LinkError, TeamLink, load_link, save_link
from gpp_tui.team.review import TeamError, TeamReview, join_team, leave_team


@dataclass(frozen=True)
class Entered:
    """A team just joined: the review to keep, and what to tell the user (a line each)."""

    review: TeamReview
    lines: list[str]


def enter_team(
    data_folder: Path,
    path: Path,
    author: str,
    local: Annotations,
    identity: Any = None,
    *,
    create: str | None = None,
) -> Entered:
    """Join the team in `path` (made first, named `create`, when given) and publish `local`.

    `identity`: the age identity of an encrypted data folder (a team made from one is
    encrypted; only such a folder can join an encrypted team). Raises TeamError, one
    line, with nothing changed: not in a team already, no name, a path that is no team
    folder, or one that cannot be written.
    """
    author = " ".join(author.split())
    if not author:
        raise TeamError(_("a name is needed to join a team; nothing was changed"))
    path = path.expanduser()
    link = _link(data_folder)
    _check_not_elsewhere(link, path, creating=create is not None)
    lines: list[str] = []
    try:
        if create is not None:
            encrypted = identity is not None
            team = TeamFolder.create(path, create, encrypted=encrypted)
            kind = (
                _("encrypted")
                if encrypted
                else _("plain: anyone who can read the folder reads the notes")
            )
            lines.append(
                _("Created the team {name!r} in {path} ({kind}).").format(
                    name=team.info.name, path=path, kind=kind
                )
            )
        else:
            team = TeamFolder.open(path)
            _check_writable(team.path)
    except TeamFolderError as error:
        raise TeamError(str(error)) from None
    try:
        review = join_team(data_folder, path, author, identity, created=create is not None)
        review.publish(local)
    except TeamError:
        if not link.joined:
            _unjoin(data_folder)  # not left half joined
        raise
    review.refresh()
    lines.append(
        _(
            "Joined {name!r} as {author} (device {device_id}); your notes are "
            "written there after each save."
        ).format(name=review.team.info.name, author=author, device_id=review.device_id)
    )
    if team.info.encrypted and create is None:
        lines.append(
            _(
                "The team is encrypted: you read a member's notes once they accept you "
                "(they see your request on their team screen)."
            )
        )
    return Entered(review, lines)


def leave(data_folder: Path) -> str:
    """Disconnect the data folder from its team; the line to tell the user (TeamError)."""
    return _("Left the team in {folder}; your files there stay.").format(
        folder=leave_team(data_folder)
    )


def _link(data_folder: Path) -> TeamLink:
    try:
        return load_link(data_folder)
    except LinkError as error:
        raise TeamError(str(error)) from None


def _check_not_elsewhere(link: TeamLink, path: Path, *, creating: bool) -> None:
    """Refuse when the data folder is in a team already (joining the same one again is fine)."""
    if link.team_path is None:
        return
    if not creating and _same(link.team_path, path):
        return
    raise TeamError(
        _("this data folder is already in the team in {team_path}; leave it first").format(
            team_path=link.team_path
        )
    )


def _same(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return False


def _check_writable(team_path: Path) -> None:
    """Each device writes its own files there: a folder it cannot write is refused first."""
    for folder in (team_path, team_path / DEVICES_DIR, team_path / MEMBERS_DIR):
        if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
            raise TeamError(
                _("{path} cannot be written: your notes could not reach the team").format(
                    path=folder
                )
            )


def _unjoin(data_folder: Path) -> None:
    """Take the team out of the link again, keeping the device id and what it wrote (the
    join's own error says what went wrong)."""
    with contextlib.suppress(LinkError, OSError):
        if (data_folder / LINK_FILE).exists():
            current = load_link(data_folder)
            if current.joined:
                save_link(data_folder, replace(current, team_path=None, team_id=""))
