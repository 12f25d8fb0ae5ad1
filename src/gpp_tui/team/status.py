"""What `gpp team status` and the team screen say: members seen, their progress and last
change, requests to join, and files skipped."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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


def progress_of(
    device_id: str,
    name: str,
    annotations: Annotations,
    written: datetime | None,
    *,
    this_device: bool = False,
) -> MemberProgress:
    """Counts over one device's own annotations."""
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
        known = rows.get(device)
        if known is None or row.notes > known.notes:
            rows[device] = row
    for device, member in review.members.items():
        if device not in rows:
            rows[device] = MemberProgress(
                device, member.name, 0, 0, 0, member.written, readable=False
            )
    mine = rows.pop(review.device_id)
    return [mine, *sorted(rows.values(), key=lambda row: (row.name.casefold(), row.device_id))]


def status_lines(review: TeamReview, local: Annotations) -> list[str]:
    """The lines of `gpp team status`."""
    info = review.team.info
    kind = "encrypted" if info.encrypted else "plain"
    lines = [f"Team {info.name!r} in {review.team.path} ({kind})", "Members seen:"]
    for row in team_progress(review, local):
        member = review.members.get(row.device_id)
        who = member.label() if member else (row.name or f"device {row.device_id}")
        if row.this_device:
            who += " — this device"
        when = f", last change {_local(row.last_change)}" if row.last_change else ""
        if not row.readable:
            lines.append(f"  {who}: no notes readable here yet{when}")
            continue
        lines.append(
            f"  {who}: {row.notes} note{'s' if row.notes != 1 else ''}, "
            f"{row.reviewed} reviewed, {row.follow_up} follow-up{when}"
        )
    requests = review.requests()
    if requests:
        lines.append("Waiting for you:")
        lines += [
            f"  {review.asks(m)}: gpp team accept {m.recipient} (or refuse)" for m in requests
        ]
    problems = review.problems()
    if review.publish_problem:
        problems.insert(0, review.publish_problem)
    if problems:
        lines.append("Problems:")
        lines += [f"  {problem}" for problem in problems]
    return lines


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
