"""Team actions of the main screen and the palette: the team screen, git sync, and making,
joining and leaving a team."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from gpp_tui.i18n import N_, _
from gpp_tui.session.teamwork import NOT_IN_A_TEAM, POLL_SECONDS

if TYPE_CHECKING:
    from gpp_tui.ui.screens.main import MainScreen

SECONDS = 20
GO_ON_HINT = N_("enter to go on · escape to cancel")
"""In English: `_()` where shown."""


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


def start_view(screen: MainScreen) -> None:
    """In a team: "Notes" (everyone's) in the pane, and a look at the folder every few seconds."""
    from gpp_tui.ui.widgets.detail import DetailPane

    screen.query_one(DetailPane).notes_title = _("Notes")
    if screen.team_timer is None:
        screen.team_timer = screen.set_interval(POLL_SECONDS, screen.look_at_team)
    else:
        screen.team_timer.resume()


def create_team(screen: MainScreen) -> None:
    """Ask for a folder, the team's name and (if unset) the user's name; make the team, join it."""
    _ask_folder(screen, create=True)


def join_team(screen: MainScreen) -> None:
    """Ask for a team folder and (if unset) the user's name; join the team there."""
    _ask_folder(screen, create=False)


def _ask_folder(screen: MainScreen, *, create: bool) -> None:
    from gpp_tui.ui.screens.prompt import PromptScreen
    from gpp_tui.ui.screens.sharing import path_prompt

    if screen.session.team.joined:
        screen.notify(
            _("This data folder is in a team already: ctrl+p, Leave the team first"),
            severity="warning",
            timeout=8,
        )
        return
    if not screen.writable():
        return
    if create:
        question = _(
            "Where to make the team folder (a folder your sync tool shares; it may be new):"
        )
    else:
        question = _("The team folder to join (the shared folder a member made the team in):")

    def folder_chosen(answer: str | None) -> None:
        if not answer:
            return
        path = Path(answer).expanduser()
        if not create:
            _ask_author(screen, path, None)
            return

        def named(name: str | None) -> None:
            if name is None:
                return
            name = " ".join(name.split())
            if name:
                _ask_author(screen, path, name)
            else:
                screen.notify(_("the team needs a name; nothing was changed"), severity="warning")

        screen.app.push_screen(
            PromptScreen(
                _("The team's name (anyone who can read the folder sees it):"),
                hint=_(GO_ON_HINT),
            ),
            named,
        )

    screen.app.push_screen(path_prompt(question, f"{Path.home()}{os.sep}"), folder_chosen)


def _ask_author(screen: MainScreen, path: Path, create: str | None) -> None:
    """Join once the user has a name (asked, and kept in the settings, when there is none)."""
    from gpp_tui.ui.screens.prompt import PromptScreen

    if screen.session.author:
        _enter(screen, path, create)
        return

    def answered(name: str | None) -> None:
        if name is None:
            return
        name = " ".join(name.split())
        if not name:
            screen.notify(
                _("a name is needed to join a team; nothing was changed"), severity="warning"
            )
            return
        keep_author = getattr(screen.app, "keep_author", None)
        if keep_author is not None:
            keep_author(name)
        screen.session.author = name
        _enter(screen, path, create)

    screen.app.push_screen(
        PromptScreen(_("Your name, shown with your notes to the team:"), hint=_(GO_ON_HINT)),
        answered,
    )


def _enter(screen: MainScreen, path: Path, create: str | None) -> None:
    """Make and join, or join, off the UI thread (it reads every device file)."""
    from gpp_tui.team.review import TeamError

    session, store = screen.session, screen.session.store
    if store is None:
        return
    codec = getattr(screen.app, "codec", None)
    screen.notify(_("Reading the team folder {path}").format(path=path), timeout=4)

    def work() -> None:
        try:
            lines = session.team.enter(store, path, session.author, codec, create)
        except (TeamError, OSError) as error:
            screen.app.call_from_thread(screen.notify, str(error), severity="error", timeout=12)
            return
        screen.app.call_from_thread(_entered, screen, lines)

    screen.run_worker(work, thread=True, exclusive=True, group="team-join")


def _entered(screen: MainScreen, lines: list[str]) -> None:
    start_view(screen)
    _view_changed(screen)
    screen.notify("\n".join(lines), timeout=SECONDS)


def leave_team(screen: MainScreen) -> None:
    """Say what leaving does, and leave once the user says yes (escape: nothing changes)."""
    from gpp_tui.ui.screens.confirm import ConfirmScreen

    team = screen.session.team
    if not team.joined:
        screen.notify(_("This data folder is in no team"), timeout=4)
        return
    if not screen.writable():
        return
    if any(w.group == "team-sync" and not w.is_finished for w in screen.workers):
        screen.notify(_("A team sync is under way: leave once it is done"), timeout=6)
        return
    folder = team.folder
    bullet = f"{screen.glyphs.bullet} "
    question = "\n".join(
        [
            _("Leave the team {name!r}?").format(name=team.name)
            if team.name
            else _("Leave the team?"),
            bullet + _("Your notes stay in this data folder."),
            bullet
            + (
                _("Your files in {folder} are left as they are.").format(folder=folder)
                if folder is not None
                else _("Your files in the team folder are left as they are.")
            ),
            bullet + _("Colleagues' notes disappear from your view."),
        ]
    )

    def answered(yes: bool | None) -> None:
        if yes:
            _leave(screen)

    screen.app.push_screen(ConfirmScreen(question, _("Leave the team"), _("Stay")), answered)


def _leave(screen: MainScreen) -> None:
    from gpp_tui.team.review import TeamError
    from gpp_tui.ui.screens.team import TeamScreen

    store = screen.session.store
    if store is None:
        return
    try:
        line = screen.session.team.leave(store)
    except TeamError as error:
        screen.notify(str(error), severity="error", timeout=12)
        return
    if isinstance(screen.app.screen, TeamScreen):  # left from the palette over it
        screen.app.screen.dismiss()
    if screen.team_timer is not None:
        screen.team_timer.pause()
    from gpp_tui.ui.widgets.detail import DetailPane

    screen.query_one(DetailPane).notes_title = _("Your notes")
    screen.session.finder.author_filter = ""  # "mine" and "by others" mean nothing now
    _view_changed(screen)
    screen.notify(line, timeout=SECONDS)


def _view_changed(screen: MainScreen) -> None:
    """Everyone's notes came or went: the tree, the pane, the header and the search index."""
    from gpp_tui.ui.screens.finding import apply_filters

    finder = screen.session.finder
    finder.forget_index()
    screen.show_orphans()
    screen.redraw(None)
    if finder.visible() is not None:
        apply_filters(screen)
    screen.warm_up()
