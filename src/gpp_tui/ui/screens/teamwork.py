"""Team actions of the command palette: status and git sync, told as notifications."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gpp_tui.ui.screens.main import MainScreen

SECONDS = 20


def show_status(screen: MainScreen) -> None:
    """Members, their progress, requests and problems (as `gpp team status` prints them)."""
    from gpp_tui.team.status import status_lines

    live, store = screen.session.team.live, screen.session.store
    if live is None or store is None:
        screen.notify("This data folder is in no team: `gpp team join PATH`", timeout=5)
        return
    live.review.refresh()
    lines = status_lines(live.review, store.annotations)
    screen.notify("\n".join(lines), title="Team", timeout=SECONDS)


def sync(screen: MainScreen) -> None:
    """Commit this device's files, pull and push, off the UI thread; then say what happened."""
    live, store = screen.session.team.live, screen.session.store
    if live is None or store is None:
        screen.notify("This data folder is in no team: `gpp team join PATH`", timeout=5)
        return

    def work() -> None:
        from gpp_tui.team.git import GitSyncError, sync_review
        from gpp_tui.team.review import TeamError

        try:
            lines = sync_review(live.review, store.annotations)
            severity = "information"
        except (GitSyncError, TeamError) as error:
            lines, severity = [str(error)], "warning"
        screen.app.call_from_thread(
            screen.notify, "\n".join(lines), title="Team sync", severity=severity, timeout=SECONDS
        )
        screen.app.call_from_thread(screen.look_at_team)

    screen.run_worker(work, thread=True, exclusive=True, group="team-sync")
