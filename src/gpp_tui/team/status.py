"""What `gpp team status` and the team screen say: members seen, their progress and last
change, requests to join, and files skipped. One summary, rendered by both."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from gpp_tui.i18n import _, format_time, ngettext
from gpp_tui.store.models import Annotations, ReviewStatus
from gpp_tui.team.review import TeamReview


@dataclass(frozen=True)
class MemberProgress:
    """One device's part of the review."""

    device_id: str
    name: str
    notes: int
    reviewed: int
    follow_up: int
    last_change: datetime | None
    this_device: bool = False
    readable: bool = True
    """False when no file of this device could be read here (not accepted by them yet?)."""
    label: str = ""
    """How the device is named: 'Name (age1…abcdefgh)', the name, or its device id."""


@dataclass(frozen=True)
class JoinRequest:
    """A member whose key this device has neither accepted nor refused."""

    recipient: str
    """Their public key (age1…): what accepting or refusing names."""
    label: str
    """'Name (age1…abcdefgh)'."""
    text: str
    """'Name (age1…abcdefgh) asks to join' (or: is in the team, accept to share with them)."""


@dataclass(frozen=True)
class TeamSummary:
    """The team as this device sees it now."""

    name: str
    path: Path
    encrypted: bool
    this_device: MemberProgress
    others: tuple[MemberProgress, ...]
    requests: tuple[JoinRequest, ...]
    problems: tuple[str, ...]

    @property
    def members(self) -> tuple[MemberProgress, ...]:
        """This device first, then the others by name."""
        return (self.this_device, *self.others)


_COUNTED: dict[int, tuple[Annotations, datetime | None, MemberProgress]] = {}
"""id of annotations → them and their counts: the team screen looks again every few
seconds, and 50,000 notes need not be counted again while they are the same (frozen)."""


def progress_of(
    device_id: str,
    name: str,
    annotations: Annotations,
    written: datetime | None,
    *,
    this_device: bool = False,
) -> MemberProgress:
    """Counts over one device's own annotations."""
    known = _COUNTED.get(id(annotations))
    if known is not None and known[0] is annotations and known[1] == written:
        row = known[2]
        if (row.device_id, row.name, row.this_device) == (device_id, name, this_device):
            return row
    row = _count(device_id, name, annotations, written, this_device=this_device)
    if len(_COUNTED) > 256:
        _COUNTED.clear()
    _COUNTED[id(annotations)] = (annotations, written, row)
    return row


def _count(
    device_id: str,
    name: str,
    annotations: Annotations,
    written: datetime | None,
    *,
    this_device: bool,
) -> MemberProgress:
    reviewed = follow_up = 0
    latest = written
    for nodes in annotations.packs.values():
        for node in nodes.values():
            reviewed += node.status is ReviewStatus.REVIEWED
            follow_up += node.status is ReviewStatus.FOLLOW_UP
            moments = [note.updated for note in node.notes]
            if node.status_changed is not None:
                moments.append(node.status_changed)
            if moments and (latest is None or max(moments) > latest):
                latest = max(moments)
    return MemberProgress(
        device_id, name, annotations.note_total, reviewed, follow_up, latest, this_device
    )


def team_progress(review: TeamReview, local: Annotations) -> list[MemberProgress]:
    """This device first, then every other device with a file or a member file, by name."""
    rows = {
        review.device_id: progress_of(
            review.device_id, review.author, local, None, this_device=True
        )
    }
    for contribution in review.files.contributions().values():
        device = contribution.device_id
        if device == review.device_id:
            continue
        row = progress_of(
            device, contribution.author, contribution.annotations, contribution.written
        )
        before = rows.get(device)
        if before is None or row.notes > before.notes:
            rows[device] = row
    for device, member in review.members.items():
        if device not in rows:
            rows[device] = MemberProgress(
                device, member.name, 0, 0, 0, member.written, readable=False
            )
    labelled = []
    for row in rows.values():
        known = review.members.get(row.device_id)
        who = known.label() if known else (row.name or _("device {id}").format(id=row.device_id))
        labelled.append(replace(row, label=who))
    mine = next(row for row in labelled if row.device_id == review.device_id)
    others = sorted(
        (row for row in labelled if row is not mine),
        key=lambda row: (row.name.casefold(), row.device_id),
    )
    return [mine, *others]


def team_summary(review: TeamReview, local: Annotations) -> TeamSummary:
    """What the team screen and `gpp team status` show (as last read: refresh first)."""
    info = review.team.info
    mine, *others = team_progress(review, local)
    requests = tuple(
        JoinRequest(member.recipient, member.label(), review.asks(member))
        for member in review.requests()
    )
    problems = review.problems()
    if review.publish_problem:
        problems.insert(0, review.publish_problem)
    return TeamSummary(
        info.name, review.team.path, info.encrypted, mine, tuple(others), requests, tuple(problems)
    )


def member_text(row: MemberProgress) -> str:
    """One member's line: who, their notes and progress, and when they last changed any."""
    who = row.label
    if row.this_device:
        who = _("{who} — this device").format(who=who)
    when = _(", last change {when}").format(when=_local(row.last_change)) if row.last_change else ""
    if not row.readable:
        return _("{who}: no notes readable here yet{when}").format(who=who, when=when)
    notes = ngettext("{n} note", "{n} notes", row.notes).format(n=row.notes)
    return _("{who}: {notes}, {reviewed} reviewed, {follow_up} follow-up{when}").format(
        who=who, notes=notes, reviewed=row.reviewed, follow_up=row.follow_up, when=when
    )


def heading(summary: TeamSummary) -> str:
    """'Team 'Herat team' in /path (encrypted)'."""
    kind = _("encrypted") if summary.encrypted else _("plain")
    return _("Team {name!r} in {path} ({kind})").format(
        name=summary.name, path=summary.path, kind=kind
    )


def status_lines(review: TeamReview, local: Annotations) -> list[str]:
    """The lines of `gpp team status`."""
    summary = team_summary(review, local)
    lines = [heading(summary), _("Members seen:")]
    lines += [f"  {member_text(row)}" for row in summary.members]
    if summary.requests:
        lines.append(_("Waiting for you:"))
        lines += [
            "  "
            + _("{asks}: gpp team accept {key} (or refuse)").format(
                asks=request.text, key=request.recipient
            )
            for request in summary.requests
        ]
    if summary.problems:
        lines.append(_("Problems:"))
        lines += [f"  {problem}" for problem in summary.problems]
    return lines


def _local(moment: datetime) -> str:
    return format_time(moment)
