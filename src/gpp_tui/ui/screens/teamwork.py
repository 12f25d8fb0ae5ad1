"""Team actions of the main screen and the palette: the team screen, and git sync."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gpp_tui.i18n import _
from gpp_tui.session.teamwork import NOT_IN_A_TEAM

if TYPE_CHECKING:
    from gpp_tui.ui.screens.main import MainScreen

SECONDS = 20


def show_team(screen: MainScreen) -> None:
    """The team screen: members, progress, requests to join, problems, sync."""
    team = screen.session.team
    if screen.session.store is None:
        screen.notify(_("Your notes are still loading"), timeout=2)
        return
    if team.live is None:
        # In a team whose folder cannot be used, say why (as at start), not "in no team".
        screen.notify(team.messages[0] if team.messages else _(NOT_IN_A_TEAM), timeout=8)
        return
    from gpp_tui.ui.screens.team import TeamScreen

    screen.app.push_screen(TeamScreen(screen.session.team, screen.glyphs, screen.team_changed))


def sync(screen: MainScreen) -> None:
    """Commit this device's files, pull and push, off the UI thread; then say what happened."""
    team = screen.session.team
    if screen.session.store is None:
        screen.notify(_("Your notes are still loading"), timeout=2)
        return
    if team.live is None:
        screen.notify(_(NOT_IN_A_TEAM), timeout=5)
        return

    def work() -> None:
        line, worked, changed = team.sync()
        severity = "information" if worked else "warning"
        screen.app.call_from_thread(
            screen.notify, line, title=_("Team sync"), severity=severity, timeout=SECONDS
        )
        if changed is not None:
            screen.app.call_from_thread(screen.team_changed, changed)

    screen.run_worker(work, thread=True, exclusive=True, group="team-sync")
