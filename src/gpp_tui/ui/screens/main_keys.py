"""The main screen's key bindings, as data: each has an id the settings file can remap."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from gpp_tui.i18n import N_

MAIN_BINDINGS: list[BindingType] = [
    # Footer order: what fits in 80 columns comes first, help before all.
    Binding("question_mark,f1", "app.help", N_("Help"), id="app.help"),
    Binding("b", "toggle_bookmark", N_("Bookmark"), id="notes.bookmark"),
    Binding(
        "r",
        "cycle_status",
        N_("Status"),
        tooltip=N_("Review status: unreviewed → reviewed → follow-up"),
        id="notes.status",
    ),
    Binding("n", "add_note", N_("Note"), id="notes.add"),
    Binding(
        "N",
        "focus_notes",
        N_("Notes"),
        tooltip=N_("Go to the notes of the shown node"),
        id="notes.focus",
    ),
    Binding("u", "undo", N_("Undo the last change"), show=False, id="edit.undo"),
    Binding("slash", "search", N_("Search"), id="find.search"),
    Binding("F", "choose_filter", N_("Filter"), id="find.filter"),
    Binding("x", "export", N_("Export"), id="share.export"),
    Binding("B", "show_bookmarks", N_("Bookmarks"), id="notes.bookmarks"),
    Binding(
        "T",
        "show_team",
        N_("Team: members, progress, requests to join, sync"),
        show=False,
        id="team.show",
    ),
    Binding(
        "m",
        "reviewed_next",
        N_("Mark reviewed, go to the next unreviewed"),
        show=False,
        id="status.reviewed_next",
    ),
    Binding("U", "redo", N_("Redo (what u undid)"), show=False, id="edit.redo"),
    Binding("c", "cite", N_("Cite"), show=False, id="share.cite"),
    Binding(
        "ctrl+t",
        "switch_language",
        N_("Principles in the other language"),
        show=False,
        id="content.language",
    ),
    Binding(
        "S",
        "side_by_side",
        N_("Side by side: original and translation"),
        show=False,
        id="content.side_by_side",
    ),
    Binding("I", "import", N_("Import notes"), show=False, id="share.import"),
    Binding("L", "label_bookmark", N_("Label bookmark"), show=False, id="notes.label"),
    Binding("1", "set_status('unreviewed')", N_("Mark unreviewed"), show=False, id="status.none"),
    Binding("2", "set_status('reviewed')", N_("Mark reviewed"), show=False, id="status.reviewed"),
    Binding(
        "3", "set_status('follow-up')", N_("Mark needs follow-up"), show=False, id="status.follow"
    ),
    Binding("backspace,alt+left", "back", N_("Back"), id="nav.back"),
    Binding("alt+right", "forward", N_("Forward"), id="nav.forward"),
    Binding("f", "follow", N_("Links"), id="nav.follow"),
    Binding("escape", "focus_tree", N_("Back to the tree"), show=False, id="nav.tree"),
]
