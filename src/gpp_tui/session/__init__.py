"""What a user does in gpp-tui, without any user interface (no textual here).

A `Session` owns the library, the annotation store, the selection, the
back/forward history, the filters, the search index and the undo stack. The
main screen, a plain-text mode or a team-folder sync drive the same object:

    session = Session(library, data_dir, author="Amina K.")
    session.load()                        # open the store (any thread)
    session.startup_messages()            # one line per thing to tell the user
    session.open(session.find("B.2"))     # the selection
    session.notes()                       # notes on the selection, oldest first
    changed = session.save_note("text", ("tag",))  # -> Changed; on disk as a draft
    session.save()                        # write the annotations (any thread)
    session.drafts.keep(key, text)        # while typing; .pending() after a crash
    session.delete_note(note_id)          # -> Changed(undoable=True)
    session.undo()                        # -> Changed | None; session.redo() likewise
    session.set_status(ReviewStatus.REVIEWED); session.next_unreviewed()
    session.finder.search("reparation", 20); session.finder.visible()
    preview = session.read_import(path)   # read and preview; then
    session.apply_import(preview)         # apply (undo takes it back as a whole)
    session.export("html", path)

Every operation returns a `Changed` (what to redraw, whether to save, one line
to say) or raises `Refused` (one line saying why not). Each change is a
`Command` on the `UndoStack` holding the touched nodes before and after.
"""

from gpp_tui.session.core import Session
from gpp_tui.session.history import History, Place
from gpp_tui.session.results import Changed, Refused

__all__ = ["Changed", "History", "Place", "Refused", "Session"]
