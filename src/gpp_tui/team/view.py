"""Read every device file of a team folder and keep their join up to date, re-reading only
files whose size, times or inode changed since the last look (in this process: a team
opened again does not parse its unchanged files again)."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from gpp_tui.collector import collector_paused
from gpp_tui.i18n import _
from gpp_tui.store.models import Annotations, NodeAnnotations
from gpp_tui.team.device_file import Contribution, DeviceFileError, NewerDeviceFileError, parse
from gpp_tui.team.guarded import GuardedReadError, read_guarded
from gpp_tui.team.join import JoinedView, join_indexed, join_with
from gpp_tui.team.layout import is_ignored
from gpp_tui.team.seal import NotForUsError, Seal

NodeKey = tuple[str, str]
StatKey = tuple[int, int, int, int]
"""What tells a file changed without reading it: (mtime_ns, size, inode, ctime_ns).

mtime alone is not enough: sync tools copy the writer's mtime, some file systems keep it
to the second (FAT: two), and two atomic renames between looks can bring back the inode
of the file seen last. ctime no program can set (short of moving the clock): a rewrite or
a rename sets it to this machine's time. What is left unseen: a file rewritten in place
(same inode), to the same size and mtime, within the tick of the clock that stamps ctime
(a few milliseconds) of the change the last look saw; it is read at its next change
(`tests/unit/test_team_cache_changes.py`)."""


def stat_key(info: os.stat_result) -> StatKey:
    """The `StatKey` of an lstat result."""
    return (info.st_mtime_ns, info.st_size, info.st_ino, info.st_ctime_ns)


_PARSED: dict[tuple[str, str], tuple[StatKey, Contribution]] = {}
"""(file path, reader's public key) → the stat and the contents of a device file read in
this process. The models are frozen, so every reader can share them; a file whose
`StatKey` changed is read again."""
_PARSED_MAX = 1024
_PARSED_LOCK = threading.Lock()

_JOINED: list[tuple[tuple[Contribution, ...], JoinedView]] = []
"""The last join of device files made in this process, with what it joined."""

_VIEWED: dict[str, tuple[Annotations, JoinedView, Annotations]] = {}
"""The last team view made in this process, with the two it joined: this device's
annotations and the others' join (immutable, compared by identity, so kept alive here)."""


@dataclass
class _Seen:
    stat: StatKey
    contribution: Contribution | None = None
    problem: str = ""


@dataclass(frozen=True)
class Refresh:
    """What one look at the folder found."""

    read: tuple[str, ...] = ()
    """File names read (again) this time."""
    gone: tuple[str, ...] = ()
    nodes: frozenset[NodeKey] = frozenset()
    """(pack id, node id) of every node whose join may have changed (`TeamReview.view_nodes`)."""
    problems: tuple[str, ...] = ()
    """New problems, one line each (a file's problem is told once, until it changes)."""

    @property
    def changed(self) -> bool:
        """True when the join may differ from before."""
        return bool(self.nodes)


@dataclass
class DeviceFiles:
    """The device files of a team folder as last read.

    The file of `own_device` is left out: this device's notes come from its own store.
    """

    folder: Path
    seal: Seal
    own_device: str = ""
    team_id: str = ""
    _seen: dict[str, _Seen] = field(default_factory=dict)

    def contributions(self) -> dict[str, Contribution]:
        """File name → what it holds, for every file read without a problem."""
        return {
            name: seen.contribution
            for name, seen in sorted(self._seen.items())
            if seen.contribution is not None
        }

    def sources(self) -> list[Annotations]:
        """The annotations of every file read, to join with this device's own."""
        return [contribution.annotations for contribution in self.contributions().values()]

    def joined(self) -> JoinedView:
        """The join of every file read, made again only when a file's contents changed."""
        contributions = tuple(self.contributions().values())
        for known, joined in _JOINED:
            if len(known) == len(contributions) and all(
                one is other for one, other in zip(known, contributions, strict=True)
            ):
                return joined
        with collector_paused():
            joined = join_indexed([contribution.annotations for contribution in contributions])
        _JOINED[:] = [(contributions, joined)]
        return joined

    def view(self, local: Annotations) -> Annotations:
        """`local` joined with every file read (the last such view is kept in this process)."""
        others = self.joined()
        last = _VIEWED.get("last")  # one read: another thread may replace it meanwhile
        if last is not None and last[0] is local and last[1] is others:
            return last[2]
        with collector_paused():
            view = join_with(local, others)
        _VIEWED["last"] = (local, others, view)
        return view

    def problems(self) -> list[str]:
        """One line per file skipped now."""
        return [seen.problem for _, seen in sorted(self._seen.items()) if seen.problem]

    def refresh(self) -> Refresh:
        """Look at the folder: a stat per file; files that changed are read and joined again."""
        current = self._scan()
        read: list[str] = []
        problems: list[str] = []
        touched: set[NodeKey] = set()
        gone = tuple(sorted(set(self._seen) - set(current)))
        for name in gone:
            _PARSED.pop((str(self.folder / name), self.seal.recipient), None)
            old = self._seen.pop(name)
            if old.contribution is not None:
                touched |= _nodes_of(old.contribution.annotations)
        for name, stat in current.items():
            old_seen = self._seen.get(name)
            if old_seen is not None and old_seen.stat == stat:
                continue
            read.append(name)
            with collector_paused():
                seen = self._read(name, stat)
            if seen.problem and (old_seen is None or old_seen.problem != seen.problem):
                problems.append(seen.problem)
            before = old_seen.contribution if old_seen else None
            if seen.contribution is None and before is not None and seen.problem:
                # Still arriving or damaged: keep what it held until it parses again.
                seen.contribution = before
            after = seen.contribution
            touched |= _changed_nodes(
                before.annotations if before else None, after.annotations if after else None
            )
            self._seen[name] = seen
        return Refresh(tuple(read), gone, frozenset(touched), tuple(problems))

    def _scan(self) -> dict[str, StatKey]:
        found: dict[str, StatKey] = {}
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return found
        for entry in entries:
            name = entry.name
            # This device's own file is its store; a conflict copy of it is read like any other.
            if is_ignored(name) or name in (f"{self.own_device}.json", f"{self.own_device}.age"):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            found[name] = stat_key(info)
        return found

    def _read(self, name: str, stat: StatKey) -> _Seen:
        where = f"{self.folder.name}/{name}"
        key = (str(self.folder / name), self.seal.recipient)
        cached = _PARSED.get(key)
        if cached is not None and cached[0] == stat:
            contribution = cached[1]
        else:
            try:
                contribution = parse(self.seal.open(read_guarded(self.folder / name)))
            except NewerDeviceFileError as error:
                return _Seen(
                    stat,
                    problem=_("skipped {where}: {error}; update gpp-tui to read it").format(
                        where=where, error=error
                    ),
                )
            except (GuardedReadError, DeviceFileError, NotForUsError) as error:
                return _Seen(
                    stat, problem=_("skipped {where}: {error}").format(where=where, error=error)
                )
            with _PARSED_LOCK:  # two teams may look at their folders on two threads
                _PARSED.pop(key, None)
                if len(_PARSED) >= _PARSED_MAX:
                    del _PARSED[next(iter(_PARSED))]
                _PARSED[key] = (stat, contribution)
        if self.team_id and contribution.team_id != self.team_id:
            return _Seen(
                stat, problem=_("skipped {where}: it belongs to another team").format(where=where)
            )
        return _Seen(stat, contribution)


def _nodes_of(annotations: Annotations) -> set[NodeKey]:
    return {(pack_id, node_id) for pack_id, nodes in annotations.packs.items() for node_id in nodes}


def _changed_nodes(before: Annotations | None, after: Annotations | None) -> set[NodeKey]:
    if before is None or after is None:
        return _nodes_of(before or after or Annotations())
    changed: set[NodeKey] = set()
    for key in _nodes_of(before) | _nodes_of(after):
        old: NodeAnnotations | None = before.packs.get(key[0], {}).get(key[1])
        new = after.packs.get(key[0], {}).get(key[1])
        if old != new:
            changed.add(key)
    return changed


def folder_stat(folder: Path) -> tuple[tuple[str, StatKey], ...]:
    """(name, `StatKey`) of every file in `folder`, sorted (empty when it cannot be listed)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return ()
    found = []
    for entry in entries:
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        found.append((entry.name, stat_key(info)))
    return tuple(sorted(found))
