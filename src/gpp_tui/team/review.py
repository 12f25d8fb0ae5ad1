"""The team as this device sees it: its own files written after each save, everyone else's
read and joined into the team view. UI-free: the CLI and the app call the same object."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from gpp_tui.i18n import _
from gpp_tui.store.atomic import atomic_write_bytes
from gpp_tui.store.models import Annotations, utc_now
from gpp_tui.team import device_file
from gpp_tui.team.guarded import GuardedReadError, read_guarded
from gpp_tui.team.join import join_node_into, join_nodes
from gpp_tui.team.layout import DESCRIPTION_FILE, TeamFolder, TeamFolderError, new_device_id
from gpp_tui.team.link import LinkError, TeamLink, fingerprint, load_link, save_link
from gpp_tui.team.members import Member, read_members, render_member
from gpp_tui.team.seal import AgeSeal, NotForUsError, PlainSeal, Seal, open_text, seal_text
from gpp_tui.team.view import DeviceFiles, NodeKey, Refresh, StatKey, folder_stat, stat_key

_WRITERS: dict[str, device_file.DeviceFileWriter] = {}
"""Device id → the writer of its file last made in this process: the team opened again
(the app's store reopened, a CLI step then the app) renders only the notes that changed."""
_WRITERS_MAX = 4
_WRITERS_LOCK = threading.Lock()


class TeamError(Exception):
    """Something about the team the user must be told; one line."""


class NotOurFileError(TeamError):
    """A file with this device's name that this device did not write: left untouched."""


class TeamReview:
    """One data folder's membership of one team folder."""

    def __init__(
        self, data_folder: Path, link: TeamLink, team: TeamFolder, author: str, identity: Any
    ) -> None:
        self.data_folder = data_folder
        self.link = link
        self.team = team
        self.author = author
        self._identity = identity
        self.members: dict[str, Member] = {}
        self.member_problems: list[str] = []
        self._members_stat: tuple[tuple[str, StatKey], ...] = ()
        with _WRITERS_LOCK:
            self._writer = device_file.DeviceFileWriter.after(_WRITERS.pop(link.device_id, None))
            _WRITERS[link.device_id] = self._writer
            while len(_WRITERS) > _WRITERS_MAX:
                del _WRITERS[next(iter(_WRITERS))]
        self._last_written: dict[str, tuple[bytes, StatKey]] = {}
        self._published: Annotations | None = None
        self.publish_problem = ""
        """Why the last write to the team folder failed ("" when it worked)."""
        self.files = DeviceFiles(team.devices, self._seal(), link.device_id, team.info.team_id)

    @classmethod
    def open(cls, data_folder: Path, author: str = "", identity: Any = None) -> TeamReview | None:
        """The team this data folder joined, or None. `identity`: the age identity when the
        data folder is encrypted (`AgeCodec.identity`). Raises TeamError."""
        try:
            link = load_link(data_folder)
        except LinkError as error:
            raise TeamError(str(error)) from None
        if link.team_path is None:
            return None
        try:
            team = TeamFolder.open(link.team_path)
        except TeamFolderError as error:
            raise TeamError(
                _("the team folder cannot be used: {error}").format(error=error)
            ) from None
        if team.info.team_id != link.team_id:
            raise TeamError(
                _(
                    "{team_path} now holds another team than the one joined; `gpp team "
                    "leave`, then join again"
                ).format(team_path=link.team_path)
            )
        if team.info.encrypted and identity is None:
            raise TeamError(
                _("the team {name!r} is encrypted: unlock your notes first").format(
                    name=team.info.name
                )
            )
        review = cls(data_folder, link, team, author, identity if team.info.encrypted else None)
        review.refresh_members()
        return review

    @property
    def device_id(self) -> str:
        """This device's id."""
        return self.link.device_id

    @property
    def me(self) -> Member:
        """This device's member file as it should be."""
        known = self.members.get(self.device_id)
        seal = self.files.seal
        return Member(
            device_id=self.device_id,
            name=self.author,
            recipient=seal.recipient,
            accepted=(known.accepted if known else frozenset()) | {seal.recipient}
            if seal.recipient
            else frozenset(),
            refused=known.refused if known else frozenset(),
        )

    def publish(self, local: Annotations, *, force: bool = False) -> bool:
        """Write this device's file if its notes changed since the last write; True if written.

        Raises TeamError (nothing written) when the disk refuses or the file is not ours.
        """
        if local is self._published and not force:
            return False
        data = device_file.render(
            self.team.info.team_id, self.device_id, self.author, local, self._writer
        )
        path = self.team.device_file(self.device_id)
        if not force and self._published is None and self._holds(path, data):
            self._published = local  # a new session, nothing changed since the last one
            return False
        self._write_own(path, self.files.seal.seal(data))
        self._published = local
        return True

    def _holds(self, path: Path, data: bytes) -> bool:
        """True when this device's file on disk already holds `data` (sealed or not)."""
        try:
            return self.files.seal.open(read_guarded(path)) == data
        except (GuardedReadError, NotForUsError):
            return False

    def publish_after_save(self, local: Annotations) -> None:
        """`AnnotationStore.after_save`: publish, keeping a failure in `publish_problem`."""
        try:
            self.publish(local)
        except TeamError as error:
            self.publish_problem = str(error)
        else:
            self.publish_problem = ""

    def write_member(self, member: Member | None = None) -> None:
        """Write this device's member file (its name, key and whom it accepted)."""
        member = replace(member or self.me, written=utc_now())
        on_disk = member
        if member.recipient:
            readers = set(member.accepted)
            if readers <= {member.recipient}:  # a newcomer: the members must see who asks
                readers |= {m.recipient for m in self.members.values() if m.recipient}
            readers -= member.refused
            on_disk = replace(
                member, sealed_name=seal_text(member.name, readers | {member.recipient})
            )
        self._write_own(self.team.member_file(self.device_id), render_member(on_disk))
        self.members[self.device_id] = member

    def refresh(self) -> Refresh:
        """Look for new or changed files of other devices; cheap when nothing changed."""
        self.refresh_members()
        return self.files.refresh()

    def refresh_members(self) -> bool:
        """Read the member files again if any changed; True when they did."""
        stat = folder_stat(self.team.members)
        if stat == self._members_stat:
            return False
        self._members_stat = stat
        self.members, self.member_problems = read_members(self.team.members)
        if self._identity is not None:
            self.members = {
                device: replace(member, name=open_text(member.sealed_name, self._identity))
                if member.sealed_name
                else member
                for device, member in self.members.items()
            }
        seal = self.files.seal
        if isinstance(seal, AgeSeal):
            seal.set_recipients(self.me.accepted)
        return True

    def view(self, local: Annotations) -> Annotations:
        """The team view: this device's notes joined with every other device's (whose join
        is kept until one of their files changes: the same as joining them all at once)."""
        return self.files.view(local)

    def view_nodes(
        self, view: Annotations, local: Annotations, nodes: Iterable[NodeKey]
    ) -> Annotations:
        """The team view with some nodes joined again (after a local edit or a refresh)."""
        for pack_id, node_id in nodes:
            versions = [
                node
                for source in (local, *self.files.sources())
                if (node := source.packs.get(pack_id, {}).get(node_id)) is not None
            ]
            joined = join_nodes(versions) if versions else None
            if joined is None:
                packs = {p: dict(n) for p, n in view.packs.items()}
                packs.get(pack_id, {}).pop(node_id, None)
                view = view.model_copy(update={"packs": packs})
            else:
                view = join_node_into(view, pack_id, node_id, joined)
        return view

    def own_files(self) -> list[Path]:
        """Every file this device wrote in the team folder (that is still there)."""
        paths = [self.team.path / relative for relative in sorted(self.link.written)]
        return [path for path in paths if path.exists()]

    def requests(self) -> list[Member]:
        """Members with a public key this device has neither accepted nor refused."""
        me = self.me
        return [
            member
            for device_id, member in sorted(self.members.items())
            if device_id != self.device_id
            and member.recipient
            and member.recipient not in me.accepted | me.refused
        ]

    def asks(self, member: Member) -> str:
        """What to tell the user about a request: 'Name (age1…) asks to join'."""
        mine = self.members.get(self.device_id)
        joined_before = (
            mine is not None
            and mine.written is not None
            and member.written is not None
            and member.written < mine.written
        )
        if joined_before or member.accepted - {member.recipient}:
            return _("{label} is in the team; accept to share your notes with them").format(
                label=member.label()
            )
        return _("{label} asks to join").format(label=member.label())

    def find_member(self, who: str) -> Member:
        """The member named by device id, public key, its last characters, or name."""
        wanted = who.strip().removeprefix("age1…").casefold()
        found = [
            member
            for device_id, member in self.members.items()
            if device_id != self.device_id
            and wanted
            and (
                wanted in (device_id, member.recipient.casefold(), member.name.casefold())
                or (len(wanted) >= 6 and member.recipient.casefold().endswith(wanted))
            )
        ]
        if not found:
            raise TeamError(
                _("no member {who!r} in the team folder; `gpp team status` lists them").format(
                    who=who
                )
            )
        if len(found) > 1:
            raise TeamError(
                _("{who!r} names {count} devices; give the key's last characters").format(
                    who=who, count=len(found)
                )
            )
        return found[0]

    def decide(self, who: str, local: Annotations, *, accept: bool) -> Member:
        """Accept or refuse a member; on accept, this device's file is sealed to them too."""
        if self.files.seal.recipient == "":
            raise TeamError(_("this team is not encrypted: every member reads every file"))
        member = self.find_member(who)
        me = self.me
        if accept:
            me = replace(
                me,
                accepted=me.accepted | {member.recipient},
                refused=me.refused - {member.recipient},
            )
        else:
            me = replace(
                me,
                accepted=me.accepted - {member.recipient},
                refused=me.refused | {member.recipient},
            )
        self.write_member(me)
        seal = self.files.seal
        if isinstance(seal, AgeSeal):
            seal.set_recipients(me.accepted)
        self.publish(local, force=True)
        return member

    def problems(self) -> list[str]:
        """One line per file of the folder that is skipped now."""
        return [*self.member_problems, *self.files.problems()]

    def _seal(self) -> Seal:
        if self._identity is None:
            return PlainSeal()
        mine = self.members.get(self.link.device_id)
        return AgeSeal(self._identity, mine.accepted if mine else ())

    def _write_own(self, path: Path, data: bytes) -> None:
        relative = path.relative_to(self.team.path).as_posix()
        self._check_ours(path, relative)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, data)
            info = os.lstat(path)
        except OSError as error:
            raise TeamError(
                _("not written to the team folder: {path} ({strerror})").format(
                    path=path, strerror=error.strerror
                )
            ) from None
        self._last_written[relative] = (data, stat_key(info))
        self.link = self.link.wrote(relative, data)
        try:
            save_link(self.data_folder, self.link)
        except OSError as error:
            raise TeamError(
                _("cannot record what was written ({strerror})").format(strerror=error.strerror)
            ) from None

    def _check_ours(self, path: Path, relative: str) -> None:
        """Refuse to overwrite a file this device did not write (a copied data folder?)."""
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            return
        except OSError as error:
            raise TeamError(
                _("cannot look at {path} ({strerror})").format(path=path, strerror=error.strerror)
            ) from None
        stat = stat_key(info)
        last = self._last_written.get(relative)
        if last is not None and last[1] == stat:
            return
        recorded = self.link.written.get(relative)
        try:
            current = fingerprint(read_guarded(path))
        except GuardedReadError:
            current = ""
        if recorded is None or current != recorded:
            raise NotOurFileError(
                _(
                    "{path} was not written by this device (was this data folder copied "
                    "from another?); it was left untouched. `gpp team leave` then `gpp "
                    "team join` gives this device its own id"
                ).format(path=path)
            )


def join_team(
    data_folder: Path, team_path: Path, author: str, identity: Any = None, *, created: bool = False
) -> TeamReview:
    """Connect a data folder to the team in `team_path` and write its member file.

    `created`: this device made the team, so its description file is recorded as its own.
    """
    try:
        team = TeamFolder.open(team_path)
        link = load_link(data_folder)
    except (TeamFolderError, LinkError) as error:
        raise TeamError(str(error)) from None
    if link.team_path is not None and link.team_id != team.info.team_id:
        raise TeamError(
            _("this data folder is in another team ({team_path}); leave it first").format(
                team_path=link.team_path
            )
        )
    if team.info.encrypted and identity is None:
        raise TeamError(
            _(
                "the team {name!r} is encrypted: turn on encryption for your notes "
                "first (`gpp encrypt`), then join"
            ).format(name=team.info.name)
        )
    link = replace(link, team_path=team_path.resolve(), team_id=team.info.team_id)
    if created:
        description = team.path / DESCRIPTION_FILE
        link = link.wrote(DESCRIPTION_FILE, description.read_bytes())
    try:
        save_link(data_folder, link)
    except OSError as error:
        raise TeamError(
            _("cannot write {data_folder} ({strerror})").format(
                data_folder=data_folder, strerror=error.strerror
            )
        ) from None
    review = TeamReview(data_folder, link, team, author, identity if team.info.encrypted else None)
    review.refresh_members()
    review.write_member()
    return review


def leave_team(data_folder: Path) -> str:
    """Disconnect the data folder (its files stay in the team folder); the team's path."""
    try:
        link = load_link(data_folder)
    except LinkError as error:
        raise TeamError(str(error)) from None
    if link.team_path is None:
        raise TeamError(_("this data folder is not in a team"))
    try:
        # A device that joins again is a new device: its old file stays for the others.
        save_link(data_folder, replace(link, device_id=new_device_id(), team_path=None, team_id=""))
    except OSError as error:
        raise TeamError(
            _("cannot write {data_folder} ({strerror})").format(
                data_folder=data_folder, strerror=error.strerror
            )
        ) from None
    return str(link.team_path)
