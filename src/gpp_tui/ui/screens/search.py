"""Search-as-you-type over the packs and the user's notes; enter jumps, escape returns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from gpp_tui.i18n import N_, _, ngettext
from gpp_tui.search import Hit
from gpp_tui.session.finding import where_found
from gpp_tui.ui.glyphs import Glyphs
from gpp_tui.ui.widgets.footer import QUIT, FittingFooter
from gpp_tui.ui.widgets.hanging import Hanging
from gpp_tui.ui.widgets.lists import StraightOptionList

RESULT_LIMIT = 100


@dataclass(frozen=True)
class SearchTarget:
    """Where the user chose to go: a node, and a note on it when a note matched."""

    pack_id: str
    node_id: str
    note_id: str | None


def hit_prompt(hit: Hit, glyphs: Glyphs) -> Text | Hanging:
    """A result: what matched (id and title, or "note on B.2") and a highlighted snippet.

    The snippet is indented under the heading, and so is every line it wraps to.
    """
    prompt = Text(hit.heading, style="bold")
    if hit.note_id is not None:
        prompt.append(f" {glyphs.separator} {hit.label}")
    prompt.append(f"  ({where_found(hit)})", style="italic dim")
    if hit.snippet.strip("… ") in hit.label:
        return prompt  # A title match: the heading already shows it.
    snippet = Text(hit.snippet)
    for start, end in hit.spans:
        snippet.stylize("reverse", start, end)
    return Hanging([("", prompt), ("  ", snippet)])


class SearchScreen(ModalScreen[SearchTarget | None]):
    """Type to search; results update as you type without blocking a key."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", N_("Back to where you were"), id="search.close"),
        Binding("down", "to_results", N_("Results"), show=False, id="search.results"),
        QUIT,  # on the results; in the query field q is a letter and ctrl+q quits
    ]

    def __init__(
        self, search: Callable[[str, int], list[Hit]], glyphs: Glyphs, query: str = ""
    ) -> None:
        super().__init__()
        self._search = search
        self._glyphs = glyphs
        self._query = query
        self._hits: list[Hit] = []
        self._hits_for: str | None = None
        """The query `_hits` answer (a search runs off the UI thread: it may lag the field)."""
        self._open_when_found = False

    def compose(self) -> ComposeResult:
        """The query field, a status line and the results."""
        with Vertical(id="search-box"):
            yield Input(self._query, placeholder=_("search principles, context and your notes"))
            yield Static("", id="search-status")
            yield StraightOptionList(id="search-results")
        yield FittingFooter()

    def on_mount(self) -> None:
        """Search for the initial query, if any."""
        if self._query:
            self.run_search(self._query)

    def on_key(self, event: events.Key) -> None:
        """Letters typed right after / (before the field has the focus) go into the query.

        Over a slow link "/" and the words after it arrive at once, while the screen
        is still opening: without this they would be lost.
        """
        if self.focused is None and event.is_printable and event.character:
            field = self.query_one(Input)
            field.focus()
            field.insert_text_at_cursor(event.character)
            event.stop()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._open_when_found = False  # typed on after enter: the new query is still to read
        self.run_search(event.value)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        """Search off the UI thread; a newer query cancels this one's result."""
        hits = self._search(query, RESULT_LIMIT) if query.strip() else []
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, query, hits)

    def _show(self, query: str, hits: list[Hit]) -> None:
        if query != self.query_one(Input).value:
            return  # A stale answer: the user has typed on.
        self._hits, self._hits_for = hits, query
        if self._open_when_found:
            self._open_when_found = False
            if hits:
                self._open(0)
                return
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(Option(hit_prompt(hit, self._glyphs)) for hit in hits)
        if not query.strip():
            status = _("Type to search; enter opens the top result, down reaches the list")
        elif len(hits) >= RESULT_LIMIT:
            status = _("{count} results (first {count})").format(count=len(hits))
        elif hits:
            status = ngettext("{count} result", "{count} results", len(hits)).format(
                count=len(hits)
            )
        else:
            status = _("No results")
        self.query_one("#search-status", Static).update(status)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        """Enter in the query opens the highlighted result (the top one unless moved).

        Typed before the results came in ("/retaliation" and enter at once), it opens
        the top result as soon as they do.
        """
        query = self.query_one(Input).value
        if self._hits_for != query:
            self._open_when_found = bool(query.strip())
        elif self._hits:
            self._open(self.query_one(OptionList).highlighted or 0)

    def _open(self, index: int) -> None:
        hit = self._hits[min(index, len(self._hits) - 1)]
        self.dismiss(SearchTarget(hit.pack_id, hit.node_id, hit.note_id))

    def action_to_results(self) -> None:
        """Move from the query to the results."""
        results = self.query_one(OptionList)
        if results.option_count:
            results.highlighted = results.highlighted or 0
            results.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        hit = self._hits[event.option_index]
        self.dismiss(SearchTarget(hit.pack_id, hit.node_id, hit.note_id))

    def action_dismiss_none(self) -> None:
        """Return to where the user was."""
        self.dismiss(None)
