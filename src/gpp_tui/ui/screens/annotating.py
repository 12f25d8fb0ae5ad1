"""Dialogs around the user's annotations: the note editor, delete, bookmark label, drafts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from gpp_tui.content import Node
from gpp_tui.i18n import _
from gpp_tui.session import Place
from gpp_tui.store.errors import StoreError
from gpp_tui.ui.widgets.notes import local_time

if TYPE_CHECKING:
    from gpp_tui.store.drafts import Draft
    from gpp_tui.store.models import Annotations, Note
    from gpp_tui.ui.screens.main import MainScreen
    from gpp_tui.ui.screens.note_editor import NoteInput

QUOTE_WIDTH = 60
"""Characters of a note's first line quoted in a question."""


def first_line(text: str, width: int = QUOTE_WIDTH) -> str:
    """The first non-empty line of a text, shortened to `width` characters."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= width else line[: width - 1] + "…"


def describe_note(note: Note) -> str:
    """A note quoted for a question: its first line, its time and its author."""
    when = local_time(note.updated)
    if note.author:
        return _('"{text}" ({time}, by {author})').format(
            text=first_line(note.text), time=when, author=note.author
        )
    return _('"{text}" ({time})').format(text=first_line(note.text), time=when)


def in_background(screen: MainScreen, write: Callable[[], None]) -> None:
    """Write a draft (or remove one) off the UI thread; a failure is said, not raised."""

    def work() -> None:
        try:
            write()
        except StoreError as error:
            screen.app.call_from_thread(screen.notify, str(error), severity="warning")

    screen.run_worker(work, thread=True, group="drafts")


def open_editor(
    screen: MainScreen, node: Node, note_id: str | None, draft: str | None = None
) -> None:
    """Open the editor on a new note (note_id None) or an existing one."""
    # TextArea is slow to import: load the editor when it is first needed.
    from gpp_tui.ui.screens.note_editor import NoteEditor

    session = screen.session
    note = next((n for n in session.notes(node) if n.id == note_id), None) if note_id else None
    heading = (_("Edit note on {node}") if note else _("New note on {node}")).format(
        node=node.label
    )
    text = draft if draft is not None else (note.text if note else "")
    key = (node.pack_id, node.id, note_id)
    session.drafts.reopen(key)

    def keep_draft(text: str) -> None:
        in_background(screen, lambda: session.drafts.keep(key, text))

    def done(result: NoteInput | None) -> None:
        if result is not None:
            screen.run(lambda: session.save_note(result.text, result.tags, note_id, node))
        else:
            in_background(screen, lambda: session.drafts.discard(key))

    editor = NoteEditor(
        heading, text, note.tags if note else (), on_draft=keep_draft, changed=draft is not None
    )
    screen.app.push_screen(editor, done)


def confirm_delete(screen: MainScreen, node: Node, note_id: str) -> None:
    """Ask before deleting a note, quoting it; undo can still bring it back."""
    from gpp_tui.ui.screens.confirm import ConfirmScreen

    note = next((n for n in screen.session.notes(node) if n.id == note_id), None)
    if note is None:
        return

    def answered(yes: bool | None) -> None:
        if yes:
            screen.run(lambda: screen.session.delete_note(note_id, node))

    question = _("Delete this note on {node}?").format(node=node.label)
    question += f"\n{describe_note(note)}"
    if note.conflict_of:
        question = _("Delete this conflict copy on {node}?").format(node=node.label)
        question += f"\n{describe_note(note)}\n" + _(
            "Do it once what you want of its text is in the other version: the conflict then "
            "counts as settled, and importing the old version again will not bring the copy back."
        )
    screen.app.push_screen(ConfirmScreen(question, _("Delete"), _("Keep")), answered)


def ask_label(screen: MainScreen, node: Node, then: Callable[[], None] | None = None) -> None:
    """Ask for the label of the node's bookmark (bookmarking it if needed); then call `then`."""
    from gpp_tui.ui.screens.prompt import PromptScreen

    mine = screen.session.mine(node)
    bookmark = mine.bookmark if mine is not None else None

    def answered(label: str | None) -> None:
        if label is not None:
            screen.run(lambda: screen.session.label_bookmark(label, node))
        if then is not None:
            then()

    question = _("Label for the bookmark on {node}").format(node=node.label)
    screen.app.push_screen(PromptScreen(question, bookmark.label if bookmark else ""), answered)


def show_bookmarks(screen: MainScreen) -> None:
    """List the bookmarks; enter jumps to one."""
    from gpp_tui.ui.screens.bookmarks import BookmarksScreen

    annotations = screen.session.annotations
    if annotations is None:
        screen.notify(_("Your notes are still loading"), timeout=2)
        return

    def chosen(place: Place | None) -> None:
        if place is not None:
            screen.jump(place)

    def node_at(place: Place) -> Node | None:
        pack = screen.session.library.pack(place[0])
        node = pack.nodes.get(place[1]) if pack is not None else None
        if node is None:
            screen.notify(_("This node is no longer in the pack"), timeout=3)
        elif not screen.writable():
            return None
        return node

    def remove(place: Place, then: Callable[[], None]) -> None:
        node = node_at(place)
        if node is not None:
            screen.run(lambda: screen.session.toggle_bookmark(node))  # says so; u undoes it
            then()

    def relabel(place: Place, then: Callable[[], None]) -> None:
        node = node_at(place)
        if node is not None:
            ask_label(screen, node, then)

    def current() -> Annotations | None:
        return screen.session.annotations

    def step(undo: bool) -> tuple[Place, ...] | None:
        changed = screen.undo_step(undo=undo)
        return None if changed is None else changed.places

    screen.app.push_screen(
        BookmarksScreen(
            screen.session.library,
            current,
            screen.glyphs,
            remove=remove,
            relabel=relabel,
            step=step,
        ),
        chosen,
    )


def offer_drafts(screen: MainScreen, drafts: list[Draft]) -> None:
    """Offer back the first unsaved draft (the others follow once it is answered)."""
    from gpp_tui.ui.screens.confirm import DraftAnswer, DraftScreen

    draft, rest = drafts[0], drafts[1:]
    node = screen.session.node_at((draft.pack_id, draft.node_id))
    where = node.label if node else f"{draft.pack_id}/{draft.node_id}"

    def answered(answer: DraftAnswer | None) -> None:
        if answer is DraftAnswer.OPEN and node is not None:
            open_editor(screen, node, draft.note_id, draft.text)
        elif answer is DraftAnswer.THROW_AWAY:
            try:
                screen.session.drafts.discard((draft.pack_id, draft.node_id, draft.note_id))
            except StoreError as error:
                screen.notify(str(error), severity="warning")
        if rest:
            offer_drafts(screen, rest)

    question = _(
        "A note you were writing on {node} ({time}) was not saved:\n"
        '"{text}"\n'
        "Open it again? Not now keeps it for next time."
    ).format(node=where, time=local_time(draft.saved), text=first_line(draft.text))
    screen.app.push_screen(DraftScreen(question, can_open=node is not None), answered)
