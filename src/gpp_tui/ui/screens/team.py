"""The team screen: members and progress, requests to join (accept, refuse), problems, sync."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.widgets.option_list import Option

from gpp_tui.i18n import N_, _
from gpp_tui.session.teamwork import POLL_SECONDS
from gpp_tui.ui.glyphs import Glyphs
from gpp_tui.ui.widgets.footer import QUIT, FittingFooter
from gpp_tui.ui.widgets.lists import StraightOptionList

if TYPE_CHECKING:
    # Not at run time: the help screen imports this module for its keys, and the team
    # modules are loaded only once a team is opened.
    from gpp_tui.session.results import Changed
    from gpp_tui.session.teamwork import Teamwork
    from gpp_tui.team.status import TeamSummary


def accept_question(label: str) -> str:
    """What accepting does, said before it is done."""
    return _(
        "Accept {who}? Your file in the team folder is encrypted again to their key too: "
        "they can read all your notes there, and what you write from now on. "
        "Only your own files are written."
    ).format(who=label)


def refuse_question(label: str) -> str:
    """What refusing does, said before it is done."""
    return _(
        "Refuse {who}? Your file in the team folder is encrypted again without their key: "
        "they cannot read what you write from now on (what they read before stays with "
        "them). Their files are not touched."
    ).format(who=label)


class TeamScreen(ModalScreen[None]):
    """The team as this device sees it; a/r answer the highlighted request, s syncs with git."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Close"), id="team.close"),
        QUIT,
        Binding(
            "a", "decide(True)", N_("Accept the highlighted request to join"), id="team.accept"
        ),
        Binding(
            "r", "decide(False)", N_("Refuse the highlighted request to join"), id="team.refuse"
        ),
        Binding("s", "sync", N_("Sync the team folder with git"), id="team.sync"),
    ]

    def __init__(self, team: Teamwork, glyphs: Glyphs, changed: Callable[[Changed], None]) -> None:
        super().__init__()
        self._team = team
        self._glyphs = glyphs
        self._changed = changed
        self._summary: TeamSummary | None = None
        self._requests: dict[str, tuple[str, str]] = {}
        """Option id → (public key, label) of a request to join."""

    def compose(self) -> ComposeResult:
        """A heading, the list, the last action's result and the keys."""
        sep = self._glyphs.separator
        with Vertical(id="team-box") as box:
            box.border_title = _("Team")
            yield Static(id="team-heading")
            yield StraightOptionList(id="team-list")
            yield Static(id="team-result")
            yield Static(
                Text(
                    _("a accept {sep} r refuse {sep} s sync (git) {sep} escape close").format(
                        sep=sep
                    )
                ),
                id="team-keys",
            )
        yield FittingFooter()

    def on_mount(self) -> None:
        """Show the team now, and again whenever what the folder holds changes."""
        self.show(self._team.summary())
        self.query_one(StraightOptionList).focus()
        self.set_interval(POLL_SECONDS, self._look_again)

    def _look_again(self) -> None:
        summary = self._team.summary()
        if summary != self._summary:
            self.show(summary)

    def show(self, summary: TeamSummary | None) -> None:
        """List the summary, keeping the highlight where it was."""

        self._summary = summary
        listing = self.query_one(StraightOptionList)
        was = listing.highlighted
        listing.clear_options()
        self._requests = {}
        if summary is None:
            self.query_one("#team-heading", Static).update(
                Text(_("This data folder is in no team."))
            )
            return
        me = summary.this_device
        # The name comes from the team folder: Text, so that "[" is never read as markup.
        self.query_one("#team-box").border_title = Text(_("Team: {name}").format(name=summary.name))
        kind = _("encrypted") if summary.encrypted else _("plain, not encrypted")
        self.query_one("#team-heading", Static).update(
            Text(
                _("Folder ({kind}): {path}").format(kind=kind, path=summary.path)
                + "\n"
                + _("This device: {who} (device {id})").format(who=me.label, id=me.device_id)
            )
        )
        listing.add_options(self._options(summary))
        if listing.option_count:
            enabled = [i for i, o in enumerate(listing.options) if not o.disabled]
            if was is not None and was < listing.option_count and not listing.options[was].disabled:
                listing.highlighted = was
            elif enabled:
                # The first request when there is one: it is what the user must answer.
                first = next((i for i in enabled if listing.options[i].id in self._requests), None)
                listing.highlighted = enabled[0] if first is None else first

    def _options(self, summary: TeamSummary) -> list[Option]:
        from gpp_tui.team.status import member_text

        options = [_section(_("Members ({n})").format(n=len(summary.members)))]
        options += [
            Option(Text(f"  {member_text(row)}"), id=f"member-{index}")
            for index, row in enumerate(summary.members)
        ]
        if summary.requests:
            options.append(_section(_("Asking to join ({n})").format(n=len(summary.requests))))
            for index, request in enumerate(summary.requests):
                option_id = f"request-{index}"
                self._requests[option_id] = (request.recipient, request.label)
                options.append(Option(Text(f"  {request.text}"), id=option_id))
        if summary.problems:
            options.append(_section(_("Problems ({n})").format(n=len(summary.problems))))
            options += [
                Option(Text(f"  {problem}"), id=f"problem-{index}")
                for index, problem in enumerate(summary.problems)
            ]
        return options

    def _say(self, line: str) -> None:
        self.query_one("#team-result", Static).update(Text(line))

    def action_decide(self, accept: bool) -> None:
        """Accept or refuse the highlighted request, once the user has confirmed."""
        from gpp_tui.ui.screens.confirm import ConfirmScreen

        listing = self.query_one(StraightOptionList)
        index = listing.highlighted
        option_id = None
        if index is not None and index < listing.option_count:
            option_id = listing.options[index].id
        if option_id not in self._requests:
            self._say(
                _("No one asks to join.")
                if not self._requests
                else _("Highlight a request to join first (j/k), then a or r.")
            )
            return
        assert option_id is not None
        recipient, label = self._requests[option_id]
        question = accept_question(label) if accept else refuse_question(label)
        yes = _("Accept") if accept else _("Refuse")

        def answered(sure: bool | None) -> None:
            if not sure:
                self._say(_("Nothing was changed."))
                return
            line, _done = self._team.decide(recipient, accept=accept)
            self._say(line)
            self.show(self._team.summary())

        self.app.push_screen(ConfirmScreen(question, yes, _("Cancel")), answered)

    def action_sync(self) -> None:
        """git: commit this device's files, pull, push, off the UI thread; one line of result."""
        self._say(_("Syncing with git…"))
        self.run_worker(self._sync, thread=True, exclusive=True, group="team-sync")

    def _sync(self) -> None:
        line, _worked, changed = self._team.sync()
        self.app.call_from_thread(self._synced, line, changed)

    def _synced(self, line: str, changed: Changed | None) -> None:
        self._say(line)
        if changed is not None:
            self._changed(changed)
        self.show(self._team.summary())

    def action_close(self) -> None:
        """Close the team screen."""
        self.dismiss(None)


def _section(title: str) -> Option:
    return Option(Text(title, style="bold"), disabled=True)
