"""The main screen's key bindings, as data: each has an id the settings file can remap."""

from __future__ import annotations

from textual.binding import Binding, BindingType

MAIN_BINDINGS: list[BindingType] = [
    # Footer order: what fits in 80 columns comes first, help before all.
    Binding("question_mark,f1", "app.help", "Help", id="app.help"),
    Binding("b", "toggle_bookmark", "Bookmark", id="notes.bookmark"),
    Binding(
        "r",
        "cycle_status",
        "Status",
        tooltip="Review status: unreviewed → reviewed → follow-up",
        id="notes.status",
    ),
    Binding("n", "add_note", "Note", id="notes.add"),
    Binding(
        "N",
        "focus_notes",
        "Notes",
        tooltip="Go to the notes of the shown node",
        id="notes.focus",
    ),
    Binding("u", "undo", "Undo the last change", show=False, id="edit.undo"),
    Binding("slash", "search", "Search", id="find.search"),
    Binding("F", "choose_filter", "Filter", id="find.filter"),
    Binding("x", "export", "Export", id="share.export"),
    Binding("B", "show_bookmarks", "Bookmarks", id="notes.bookmarks"),
    Binding(
        "m",
        "reviewed_next",
        "Mark reviewed, go to the next unreviewed",
        show=False,
        id="status.reviewed_next",
    ),
    Binding("U", "redo", "Redo (what u undid)", show=False, id="edit.redo"),
    Binding("c", "cite", "Cite", show=False, id="share.cite"),
    Binding("I", "import", "Import notes", show=False, id="share.import"),
    Binding("L", "label_bookmark", "Label bookmark", show=False, id="notes.label"),
    Binding("1", "set_status('unreviewed')", "Mark unreviewed", show=False, id="status.none"),
    Binding("2", "set_status('reviewed')", "Mark reviewed", show=False, id="status.reviewed"),
    Binding("3", "set_status('follow-up')", "Mark needs follow-up", show=False, id="status.follow"),
    Binding("backspace,alt+left", "back", "Back", id="nav.back"),
    Binding("alt+right", "forward", "Forward", id="nav.forward"),
    Binding("f", "follow", "Links", id="nav.follow"),
    Binding("escape", "focus_tree", "Back to the tree", show=False, id="nav.tree"),
]
