"""The main screen's user-data actions: bookmarks, review status, notes, drafts, saving."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.screen import Screen

from gpp_tui.content import Library, Node, NodeKind
from gpp_tui.store.errors import StoreError
from gpp_tui.store.kinds import ReviewStatus, text_hash
from gpp_tui.ui.glyphs import Glyphs
from gpp_tui.ui.history import Place
from gpp_tui.ui.widgets.detail import DetailPane
from gpp_tui.ui.widgets.notes import NotesList, local_time
from gpp_tui.ui.widgets.principles_tree import PrinciplesTree

if TYPE_CHECKING:
    # The store (pydantic, filelock) is imported off the UI thread after the first paint.
    from gpp_tui.store.annotation_store import AnnotationStore
    from gpp_tui.store.drafts import Draft
    from gpp_tui.ui.screens.note_editor import NoteInput

MESSAGE_SECONDS = 12


class Annotating(Screen[None]):
    """Mixin of MainScreen: everything that reads or writes the user's annotations."""

    _library: Library
    _glyphs: Glyphs
    _state_dir: Path
    _author: str
    store: AnnotationStore | None = None

    @property
    def current_node(self) -> Node | None:
        """The highlighted node (MainScreen.current)."""
        raise NotImplementedError

    def store_ready(self, store: AnnotationStore) -> None:
        """The annotations are loaded: tell the user what happened, show the markers."""
        self.store = store
        for message in store.messages:
            self.notify(message, severity="warning", timeout=MESSAGE_SECONDS)
        if store.read_only:
            self.notify(
                f"Read-only: {store.read_only_reason}", severity="warning", timeout=MESSAGE_SECONDS
            )
        self.query_one(PrinciplesTree).marker = self.marker
        for pack, count in self.show_orphans():
            self.notify(
                f"{count} annotated node(s) are no longer in {pack}: "
                "their notes are kept under Orphaned notes",
                severity="warning",
                timeout=MESSAGE_SECONDS,
            )
        loaded = {pack.pack.id for pack in self._library.packs}
        for pack_id, nodes in store.annotations.packs.items():
            count = sum(node.has_content for node in nodes.values())
            if pack_id not in loaded and count:
                self.notify(
                    f"Your notes on {count} node(s) of pack {pack_id!r} are kept, but that "
                    "pack is not loaded: start with --content and its file to see them",
                    severity="warning",
                    timeout=MESSAGE_SECONDS,
                )
        self.annotations_changed(None)
        drafts = [] if store.read_only else store.drafts()
        if drafts:
            self.offer_drafts(drafts)

    def show_orphans(self) -> list[tuple[str, int]]:
        """Put annotations on nodes the packs lack under "Orphaned notes".

        Returns the title of each pack that has such nodes, with their number.
        """
        assert self.store is not None
        tree = self.query_one(PrinciplesTree)
        found: list[tuple[str, int]] = []
        for pack in self._library.packs:
            orphans = self.store.annotations.orphans(pack.pack.id, pack.nodes)
            if orphans or tree.has_orphans(pack.pack.id):
                tree.set_orphans(pack.pack.id, orphans)
            if orphans:
                found.append((pack.pack.title, len(orphans)))
        return found

    def annotations_replaced(self) -> None:
        """Many nodes changed at once (an import): redraw everything, then save."""
        self.show_orphans()
        self.annotations_changed(None)
        self.save_in_background(None)

    def marker(self, node: Node) -> str:
        """Status, bookmark and notes markers for a tree label."""
        if self.store is None:
            return ""
        mine = self.store.annotations.node(node.pack_id, node.id)
        g = self._glyphs
        marks = ""
        if mine.status is ReviewStatus.REVIEWED:
            marks += g.reviewed
        elif mine.status is ReviewStatus.FOLLOW_UP:
            marks += g.follow_up
        if mine.bookmark is not None:
            marks += g.bookmark
        if mine.notes:
            marks += g.note
        return marks

    def annotations_changed(self, places: list[Place] | None) -> None:
        """Redraw what depends on annotations (markers, progress, the detail pane)."""
        self.query_one(PrinciplesTree).refresh_markers(places)
        self.show_progress()
        self.show_node_annotations()

    def show_node_annotations(self) -> None:
        """Give the detail pane the highlighted node's annotations."""
        node = self.current_node
        if node is None or self.store is None:
            return
        mine = self.store.annotations.node(node.pack_id, node.id)
        now = text_hash(node.text)
        changed = {note.id for note in mine.notes if note.text_changed(now)}
        self.query_one(DetailPane).show_annotations(mine, changed)

    def show_progress(self) -> None:
        """Review progress of the pack (and of the current focus area) in the header."""
        node = self.current_node
        if self.store is None or node is None:
            return
        pack = self._library.pack(node.pack_id)
        assert pack is not None
        annotations = self.store.annotations
        overall = annotations.progress(pack.pack.id, (r.id for r in pack.recommendations))
        text = str(overall)
        area = pack.area_of(node.id)
        if area is not None:
            in_area = annotations.progress(pack.pack.id, (r.id for r in area.recommendations))
            text += f" {self._glyphs.separator} {area.title}: {in_area.reviewed} of {in_area.total}"
        self.app.sub_title = text + self.filter_summary()

    def filter_summary(self) -> str:
        """What the tree is filtered by, for the header ("" when it is not)."""
        return ""

    def _writable(self) -> AnnotationStore | None:
        if self.store is None:
            self.notify("Your notes are still loading", timeout=2)
            return None
        if self.store.read_only:
            self.notify(f"Not saved: {self.store.read_only_reason}", severity="warning")
            return None
        return self.store

    def action_toggle_bookmark(self) -> None:
        """Bookmark the highlighted node, or remove its bookmark."""
        node, store = self.current_node, self._writable()
        if node is None or store is None:
            return
        with store.update(save=False) as edit:
            marked = edit.toggle_bookmark(node.pack_id, node.id)
        self.notify(f"Bookmarked {node.label}" if marked else "Bookmark removed", timeout=2)
        self.edited(node)

    def action_label_bookmark(self) -> None:
        """Give the highlighted node's bookmark a short label (bookmarking it if needed)."""
        from gpp_tui.ui.screens.prompt import PromptScreen

        node, store = self.current_node, self._writable()
        if node is None or store is None:
            return
        bookmark = store.annotations.node(node.pack_id, node.id).bookmark

        def answered(label: str | None) -> None:
            store = self._writable()
            if label is None or store is None:
                return
            with store.update(save=False) as edit:
                edit.set_bookmark(node.pack_id, node.id, label)
            self.edited(node)

        self.app.push_screen(
            PromptScreen(
                f"Label for the bookmark on {node.label}", bookmark.label if bookmark else ""
            ),
            answered,
        )

    def action_show_bookmarks(self) -> None:
        """List the bookmarks; enter jumps to one."""
        from gpp_tui.ui.screens.bookmarks import BookmarksScreen

        if self.store is None:
            self.notify("Your notes are still loading", timeout=2)
            return

        def chosen(place: Place | None) -> None:
            if place is not None:
                self.jump(place)

        self.app.push_screen(
            BookmarksScreen(self._library, self.store.annotations, self._glyphs), chosen
        )

    def jump(self, place: Place) -> None:
        """Go to a node as a new history entry (MainScreen.jump)."""
        raise NotImplementedError

    def action_cycle_status(self) -> None:
        """Move the review status on: unreviewed, reviewed, needs follow-up."""
        self._set_status(None)

    def action_set_status(self, value: str) -> None:
        """Set the review status of the highlighted recommendation."""
        self._set_status(ReviewStatus(value))

    def _set_status(self, status: ReviewStatus | None) -> None:
        node = self.current_node
        if node is None:
            return
        if node.kind is not NodeKind.RECOMMENDATION:
            self.notify("Review status is set on recommendations", timeout=2)
            return
        store = self._writable()
        if store is None:
            return
        with store.update(save=False) as edit:
            if status is None:
                status = edit.cycle_status(node.pack_id, node.id)
            else:
                edit.set_status(node.pack_id, node.id, status)
        self.notify(f"{node.id}: {status.value}", timeout=2)
        self.edited(node)

    def action_add_note(self) -> None:
        """Write a new note on the highlighted node."""
        node = self.current_node
        if node is not None and self._writable() is not None:
            self.open_editor(node, None)

    @on(NotesList.EditRequested)
    def _edit_requested(self, event: NotesList.EditRequested) -> None:
        node = self.current_node
        if node is not None and self._writable() is not None:
            self.open_editor(node, event.note_id)

    def open_editor(self, node: Node, note_id: str | None, draft: str | None = None) -> None:
        """Open the editor on a new note (note_id None) or an existing one."""
        # TextArea is slow to import: load the editor when it is first needed.
        from gpp_tui.ui.screens.note_editor import NoteEditor

        store = self.store
        assert store is not None
        note = store.annotations.node(node.pack_id, node.id).note(note_id) if note_id else None
        heading = f"{'Edit note' if note else 'New note'} on {node.label}"
        text = draft if draft is not None else (note.text if note else "")

        def keep_draft(text: str) -> None:
            self.save_draft(node.pack_id, node.id, note_id, text)

        def done(result: NoteInput | None) -> None:
            if result is not None:
                self.save_note(node, note_id, result)
            else:
                self.discard_draft(node.pack_id, node.id, note_id)

        editor = NoteEditor(
            heading,
            text,
            note.tags if note else (),
            on_draft=keep_draft,
            changed=draft is not None,
        )
        self.app.push_screen(editor, done)

    def save_note(self, node: Node, note_id: str | None, note: NoteInput) -> None:
        """Store the note from the editor, then save off the UI thread."""
        store = self._writable()
        if store is None:
            return
        with store.update(save=False) as edit:
            if note_id is None:
                edit.add_note(node.pack_id, node.id, note.text, tags=note.tags, node_text=node.text)
            else:
                edit.edit_note(
                    node.pack_id,
                    node.id,
                    note_id,
                    text=note.text,
                    tags=note.tags,
                    node_text=node.text,
                )
        self.edited(node, discard_draft=(node.pack_id, node.id, note_id))

    @on(NotesList.DeleteRequested)
    def _delete_requested(self, event: NotesList.DeleteRequested) -> None:
        from gpp_tui.ui.screens.confirm import ConfirmScreen

        node = self.current_node
        if node is None or self._writable() is None:
            return

        def answered(yes: bool | None) -> None:
            store = self._writable()
            if yes and store is not None:
                with store.update(save=False) as edit:
                    edit.delete_note(node.pack_id, node.id, event.note_id)
                self.notify("Note deleted", timeout=2)
                self.edited(node)

        store = self.store
        note = store.annotations.node(node.pack_id, node.id).note(event.note_id) if store else None
        question = f"Delete this note on {node.label}?"
        if note is not None and note.conflict_of:
            question = (
                f"Delete this conflict copy on {node.label}? Do it once what you want of its "
                "text is in the other version: the conflict then counts as settled, and "
                "importing the old version again will not bring the copy back."
            )
        self.app.push_screen(ConfirmScreen(question, "Delete", "Keep"), answered)

    def edited(self, node: Node, discard_draft: tuple[str, str, str | None] | None = None) -> None:
        """Show an edit at once, then write it to disk without making the user wait."""
        self.annotations_changed([(node.pack_id, node.id)])
        self.save_in_background(discard_draft)

    @work(thread=True, group="save")
    def save_in_background(self, discard_draft: tuple[str, str, str | None] | None) -> None:
        """Save the annotations atomically (the store serialises concurrent saves)."""
        store = self.store
        if store is None:
            return
        try:
            store.save()
            if discard_draft is not None:
                store.discard_draft(*discard_draft)
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, str(error), severity="error", timeout=MESSAGE_SECONDS
            )

    @work(thread=True, group="drafts")
    def save_draft(self, pack_id: str, node_id: str, note_id: str | None, text: str) -> None:
        """Keep the text being typed on disk, so a crash loses seconds at most."""
        if self.store is None:
            return
        try:
            self.store.save_draft(pack_id, node_id, note_id, text)
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="warning")

    @work(thread=True, group="drafts")
    def discard_draft(self, pack_id: str, node_id: str, note_id: str | None) -> None:
        """Remove a draft once its note is saved or deliberately thrown away."""
        if self.store is None:
            return
        try:
            self.store.discard_draft(pack_id, node_id, note_id)
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="warning")

    def offer_drafts(self, drafts: list[Draft]) -> None:
        """Offer back the first unsaved draft (the others follow once it is handled)."""
        from gpp_tui.ui.screens.confirm import ConfirmScreen

        draft, rest = drafts[0], drafts[1:]
        pack = self._library.pack(draft.pack_id)
        node = pack.nodes.get(draft.node_id) if pack else None
        where = node.label if node else f"{draft.pack_id}/{draft.node_id}"

        def answered(restore: bool | None) -> None:
            if restore and node is not None:
                self.open_editor(node, draft.note_id, draft.text)
            elif not restore and self.store is not None:
                self.store.discard_draft(draft.pack_id, draft.node_id, draft.note_id)
            if rest:
                self.offer_drafts(rest)

        question = (
            f"A note you were writing on {where} ({local_time(draft.saved)}) was not saved. "
            "Open it again? (No throws the draft away.)"
        )
        self.app.push_screen(ConfirmScreen(question, "Open it", "Throw away"), answered)
