"""The Session: library, store, selection, history, filters and undo, as plain methods."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from gpp_tui.content import Library, Node, NodeKind
from gpp_tui.content.models import language_tag
from gpp_tui.i18n import _, ngettext
from gpp_tui.session.drafts import DraftKeeper
from gpp_tui.session.finding import Finder
from gpp_tui.session.history import History, Place
from gpp_tui.session.languages import (
    ContentLanguages,
    load_translations,
    next_language,
    shown_language,
    switch_message,
)
from gpp_tui.session.results import Changed, Refused
from gpp_tui.session.teamwork import Teamwork
from gpp_tui.session.undo import Command, UndoStack
from gpp_tui.store.kinds import ReviewStatus

if TYPE_CHECKING:
    # The store (pydantic, filelock) loads off the UI thread after the first paint.
    from gpp_tui.session.sharing import ImportPreview
    from gpp_tui.store.annotation_store import AnnotationStore
    from gpp_tui.store.editor import AnnotationsEditor
    from gpp_tui.store.models import Annotations, NodeAnnotations, Note
    from gpp_tui.store.serialize import ByteCodec

T = TypeVar("T")


class Session:
    """Everything a user does in gpp-tui, without any user interface.

    Operations return `Changed` or raise `Refused`. Reading and operations run
    on one thread (the UI's); `load`, `save`, `keep_draft`, `warm_up`, `search`,
    `export` and `read_import` are safe to call from a worker thread.
    """

    def __init__(self, library: Library, data_dir: Path, author: str = "") -> None:
        self.library = library
        self.data_dir = data_dir
        self.author = author
        self.store: AnnotationStore | None = None
        """None until `load` has run (the UI loads it after the first paint)."""
        self.history = History()
        self.current: Node | None = None
        self.undo_stack = UndoStack()
        self.finder = Finder(library, lambda: self.annotations)
        self.drafts = DraftKeeper(lambda: self.store)
        self.team = Teamwork()
        self.finder.authored = self.team.matching
        self.languages = ContentLanguages(load_translations)
        """The packs in their other languages, read when first shown or searched."""
        self.finder.widen = self._searchable

    def load(self, codec: ByteCodec | None = None) -> AnnotationStore:
        """Open the annotations and use them; what happened is in `startup_messages()`."""
        return self.attach(self.open_store(codec))

    def open_store(self, codec: ByteCodec | None = None) -> AnnotationStore:
        """Open the annotation store without using it yet (any thread: it reads the file)."""
        from gpp_tui.store.annotation_store import AnnotationStore
        from gpp_tui.store.serialize import PLAIN

        store = AnnotationStore(self.data_dir, codec=codec or PLAIN, author=self.author)
        self.team.open(store, self.author, codec)
        return store

    def attach(self, store: AnnotationStore) -> AnnotationStore:
        """Use an opened store from now on (on the thread that runs the operations)."""
        self.store = store
        return store

    @property
    def annotations(self) -> Annotations | None:
        """The user's annotations (with the team's, in a team), None while not loaded."""
        return self.team.view(self.store) if self.store is not None else None

    def startup_alarms(self) -> list[str]:
        """What the user must acknowledge after loading: a damaged or newer notes file."""
        return list(self.store.alarms) if self.store is not None else []

    def startup_messages(self) -> list[str]:
        """One line for each thing the user should know about their notes after loading.

        The alarms among them too (`startup_alarms`): the app shows those in a dialog.
        """
        store = self.store
        if store is None:
            return []
        messages = [*store.messages, *self.team.messages]
        if store.read_only:
            messages.append(_("Read-only: {reason}").format(reason=store.read_only_reason))
        loaded = {pack.pack.id for pack in self.library.packs}
        for pack_id, nodes in store.annotations.packs.items():
            count = sum(node.has_content for node in nodes.values())
            if pack_id not in loaded and count:
                messages.append(
                    ngettext(
                        "Your notes on {count} node of pack {pack!r} are kept, but that pack "
                        "is not loaded: start with --content and its file to see them",
                        "Your notes on {count} nodes of pack {pack!r} are kept, but that pack "
                        "is not loaded: start with --content and its file to see them",
                        count,
                    ).format(count=count, pack=pack_id)
                )
        return messages

    def orphans(self) -> dict[str, tuple[str, ...]]:
        """Loaded pack id → ids of annotated nodes that pack no longer has."""
        annotations = self.annotations
        if annotations is None:
            return {}
        return {
            pack.pack.id: tuple(sorted(annotations.orphans(pack.pack.id, pack.nodes)))
            for pack in self.library.packs
        }

    def warm_up(self) -> None:
        """Build the search index and prepare the first save (call off the UI thread)."""
        from gpp_tui.store.errors import StoreError

        self.finder.search("", 1)
        if self.store is not None:
            # A problem here is the save's to report, when the user has something to save.
            with contextlib.suppress(StoreError):
                self.store.prepare_save()

    def with_translations(self) -> Library:
        """Every language the packs come in (reads the translations once; any thread)."""
        return self.languages.everything(self.library)

    def show_language(self, language: str | None = None, preferred: str = "") -> Changed:
        """Show the principles in `language`, or switch between the original and a translation.

        The selection stays on the same node (now in that language); notes, bookmarks
        and status are the node's whatever language is shown. `preferred` is the
        translation a switch from the original goes to (the interface language).
        """
        at_hand = {language_tag(lang)[0] for lang in self.library.languages}
        if language and language_tag(language)[0] in at_hand:
            everything = self.library  # already loaded (a start in the remembered language)
        else:
            everything = self.with_translations()
        shown = everything.in_language(shown_language(self.library))
        target = language or next_language(shown, preferred)
        if target is None:
            raise Refused(_("These principles come in one language only"))
        self.use_library(everything.in_language(target))
        return Changed(switch_message(self.library))

    def _searchable(self, library: Library) -> Library:
        """The shown packs with their other languages, so search finds words of either."""
        return self.languages.everything(library).in_language(shown_language(library))

    def include_translations(self) -> None:
        """Keep the language shown, with the translations at hand (to show side by side)."""
        self.use_library(self.with_translations().in_language(shown_language(self.library)))

    def use_library(self, library: Library) -> None:
        """Show these packs from now on (the same ids: another language of the same packs)."""
        self.library = library
        self.finder.use_library(library)
        if self.current is not None:
            self.current = self.node_at((self.current.pack_id, self.current.id)) or self.current

    def source_text(self, node: Node) -> str:
        """The node's text in the original: what a note's "source changed" mark is checked on."""
        original = self.library.original(node.pack_id)
        same = original.nodes.get(node.id) if original is not None else None
        return same.text if same is not None else node.text

    def find(self, ref: str) -> Node | None:
        """A node by id or title fragment ("B.2", "reparations")."""
        return self.library.find(ref)

    def node_at(self, place: Place) -> Node | None:
        """The pack node at a place (None for an unknown one)."""
        pack = self.library.pack(place[0])
        return pack.nodes.get(place[1]) if pack else None

    def open(self, node: Node) -> None:
        """Make `node` the selection, moving there (replaces the current history entry)."""
        self.current = node
        self.history.visit((node.pack_id, node.id))

    def jump(self, place: Place) -> None:
        """Record a jump to `place` as a new history entry (links, search, palette)."""
        self.history.jump(place)

    def mine(self, node: Node | None = None) -> NodeAnnotations | None:
        """The user's annotations on a node (the selection by default); None while loading."""
        node = node or self.current
        annotations = self.annotations
        if node is None or annotations is None:
            return None
        return annotations.node(node.pack_id, node.id)

    def notes(self, node: Node | None = None) -> tuple[Note, ...]:
        """The notes on a node (the selection by default), oldest first."""
        mine = self.mine(node)
        return mine.notes if mine is not None else ()

    def stale_notes(self, node: Node) -> set[str]:
        """Ids of the node's notes written on a source text that has changed since."""
        from gpp_tui.store.kinds import text_hash

        now = text_hash(self.source_text(node))
        return {note.id for note in self.notes(node) if note.text_changed(now)}

    def progress(
        self, separator: str, node: Node | None = None, marks: tuple[str, str] | None = None
    ) -> str:
        """Review progress of the node's pack and focus area, and the filters, for a header.

        With `marks` (the reviewed and follow-up marks) it is the short form for a narrow
        header: "9/11 ✓ · 2 ! · B 1/3 · filter: bookmarked".
        """
        node, annotations = node or self.current, self.annotations
        if node is None or annotations is None:
            return ""
        pack = self.library.pack(node.pack_id)
        if pack is None:
            return ""
        overall = annotations.progress(pack.pack.id, (r.id for r in pack.recommendations))
        text = str(overall).replace(" · ", f" {separator} ")  # "-" on a Linux console
        if marks is not None:
            done, follow = marks
            reviewed = f"{overall.reviewed}/{overall.total} {done}"
            text = f"{reviewed} {separator} {overall.follow_up} {follow}"
        area = pack.area_of(node.id)
        if area is not None:
            in_area = annotations.progress(pack.pack.id, (r.id for r in area.recommendations))
            if marks is not None:
                text += f" {separator} {area.id} {in_area.reviewed}/{in_area.total}"
            else:
                of = _("{area}: {reviewed} of {total}").format(
                    area=area.title, reviewed=in_area.reviewed, total=in_area.total
                )
                text += f" {separator} {of}"
        return text + self.finder.summary(separator)

    def next_unreviewed(self, after: Node | None = None) -> Place | None:
        """The next unreviewed recommendation after `after` in reading order, wrapping round."""
        annotations = self.annotations
        if annotations is None:
            return None
        order = [
            (r_pack.pack.id, r.id) for r_pack in self.library.packs for r in r_pack.recommendations
        ]
        after = after or self.current
        start = (
            order.index((after.pack_id, after.id)) + 1
            if after and (after.pack_id, after.id) in order
            else 0
        )
        for place in order[start:] + order[:start]:
            if annotations.status_of(*place) is ReviewStatus.UNREVIEWED:
                return place
        return None

    def _writable(self) -> AnnotationStore:
        if self.store is None:
            raise Refused(_("Your notes are still loading"))
        if self.store.read_only:
            reason = self.store.read_only_reason
            raise Refused(_("Not saved: {reason}").format(reason=reason), warning=True)
        return self.store

    def _target(self, node: Node | None) -> Node:
        node = node or self.current
        if node is None:
            raise Refused(_("Nothing is selected"))
        return node

    def _record(
        self, description: str, change: Callable[[AnnotationsEditor], T]
    ) -> tuple[T, Command | None]:
        store = self._writable()
        with store.update(save=False) as edit:
            old = edit.annotations
            value = change(edit)
            new = edit.annotations
        if new is old:
            return value, None
        command = Command.between(description, old, new)
        if not command.nodes:
            return value, None  # the same values again (a label set to what it was)
        self.undo_stack.push(command)
        self.team.changed(command.places)
        self.finder.reindex(command.places)
        return value, command

    def toggle_bookmark(self, node: Node | None = None) -> Changed:
        """Bookmark the node, or remove its bookmark (its label goes with it; undo restores it)."""
        node = self._target(node)
        had = self.mine(node)
        if had and had.bookmark:
            description = _("removed the bookmark of {node}").format(node=node.id)
        else:
            description = _("bookmarked {node}").format(node=node.id)
        marked, _command = self._record(
            description, lambda edit: edit.toggle_bookmark(node.pack_id, node.id)
        )
        message = (
            _("Bookmarked {node}").format(node=node.label) if marked else _("Bookmark removed")
        )
        return Changed(message, ((node.pack_id, node.id),), undoable=True)

    def label_bookmark(self, label: str, node: Node | None = None) -> Changed:
        """Give the node's bookmark a label, bookmarking it if needed."""
        node = self._target(node)
        self._record(
            _("labelled the bookmark of {node}").format(node=node.id),
            lambda edit: edit.set_bookmark(node.pack_id, node.id, label),
        )
        return Changed(
            _("Bookmark labelled {label!r}").format(label=label)
            if label
            else _("Bookmark label removed"),
            ((node.pack_id, node.id),),
            undoable=True,
        )

    def set_status(self, status: ReviewStatus | None, node: Node | None = None) -> Changed:
        """Set a recommendation's review status (None: move it on, as `r` does)."""
        node = self._target(node)
        if node.kind is not NodeKind.RECOMMENDATION:
            raise Refused(_("Review status is set on recommendations"))

        def change(edit: AnnotationsEditor) -> ReviewStatus:
            self.team.adopt_status(edit, (node.pack_id, node.id))
            if status is None:
                return edit.cycle_status(node.pack_id, node.id)
            edit.set_status(node.pack_id, node.id, status)
            return status

        if status is None:
            description = _("marked {node} with the next status").format(node=node.id)
        else:
            description = _("marked {node} {status}").format(node=node.id, status=status.label)
        new, _command = self._record(description, change)
        shown = _("{name}: {value}").format(name=node.id, value=new.label)
        return Changed(shown, ((node.pack_id, node.id),), undoable=True)

    def save_note(
        self,
        text: str,
        tags: tuple[str, ...] = (),
        note_id: str | None = None,
        node: Node | None = None,
    ) -> Changed:
        """Add a note (note_id None) or change one; the text is on disk before this returns.

        It goes into an fsynced draft first, then into the annotations; `save()`
        writes those and removes the draft. `undo()` takes it back, `redo()` brings
        it again.
        """
        from gpp_tui.store.errors import StoreError

        node = self._target(node)
        self._writable()
        key = (node.pack_id, node.id, note_id)
        try:
            self.drafts.keep_last(key, text)
            message = _("Saved")
        except StoreError as error:
            message = _("Kept, but not on disk yet: {error}").format(error=error)

        existing = note_id is not None and any(n.id == note_id for n in self.notes(node))
        source = self.source_text(node)
        if note_id is not None and not existing:
            message += _(" as a new note: the one you were editing was deleted meanwhile")

        def change(edit: AnnotationsEditor) -> str:
            if note_id is None or not existing:
                note = edit.add_note(node.pack_id, node.id, text, tags=tags, node_text=source)
            else:
                self.team.adopt(edit, (node.pack_id, node.id), note_id)
                note = edit.edit_note(
                    node.pack_id, node.id, note_id, text=text, tags=tags, node_text=source
                )
            return note.id

        if existing:
            description = _("edited a note on {node}").format(node=node.id)
        else:
            description = _("added a note on {node}").format(node=node.id)
        new_id, _command = self._record(description, change)
        self.drafts.done(key)
        return Changed(message, ((node.pack_id, node.id),), note_id=new_id, undoable=True)

    def delete_note(self, note_id: str, node: Node | None = None) -> Changed:
        """Delete a note of the node (NoteNotFoundError is turned into Refused)."""
        from gpp_tui.store.edits import NoteNotFoundError

        node = self._target(node)

        def change(edit: AnnotationsEditor) -> None:
            self.team.adopt(edit, (node.pack_id, node.id), note_id)
            edit.delete_note(node.pack_id, node.id, note_id)

        try:
            self._record(_("deleted a note on {node}").format(node=node.id), change)
        except NoteNotFoundError as error:
            raise Refused(_("That note is already gone")) from error
        return Changed(_("Note deleted"), ((node.pack_id, node.id),), undoable=True)

    def undo(self) -> Changed | None:
        """Take back the newest change of this session; None when there is nothing to undo."""
        return self._step(self.undo_stack.pop, undo=True)

    def redo(self) -> Changed | None:
        """Make the newest undone change again; None when there is nothing to redo."""
        return self._step(self.undo_stack.pop_redo, undo=False)

    def _step(self, take: Callable[[], Command | None], *, undo: bool) -> Changed | None:
        store = self._writable()
        command = take()
        if command is None:
            return None
        with store.update(save=False) as edit:
            if not (
                command.applies_to(edit.annotations)
                if undo
                else _applies_before(command, edit.annotations)
            ):
                self.undo_stack.forget(command)
                refusal = (
                    _("Not undone: the notes it touched changed since")
                    if undo
                    else _("Not redone: the notes it touched changed since")
                )
                raise Refused(refusal, warning=True)
            previous = edit.annotations
            edit.annotations = (
                command.undo(edit.annotations) if undo else command.redo(edit.annotations)
            )
            back = _note_back(previous, edit.annotations, command.places)
        self.team.changed(command.places)
        self.finder.reindex(command.places)
        many = len(command.places) > 1
        done = _("Undone: {change}") if undo else _("Redone: {change}")
        return Changed(
            done.format(change=command.description), command.places, everything=many, note_id=back
        )

    def read_import(self, path: Path) -> ImportPreview:
        """Read a colleague's export and what merging it would do (any thread; Refused if bad)."""
        from gpp_tui.exchange.io import ImportRefusedError
        from gpp_tui.session.sharing import read_import

        store = self._writable()
        try:
            return read_import(path, self.library, store.annotations)
        except ImportRefusedError as error:
            raise Refused(str(error), warning=True) from error

    def apply_import(self, preview: ImportPreview) -> Changed:
        """Merge a previewed import into the user's notes (undo takes it back as a whole)."""
        from gpp_tui.session.sharing import merged

        def change(edit: AnnotationsEditor) -> str:
            result = merged(preview, edit.annotations)
            edit.annotations = result.annotations
            return result.report.summary()

        summary, _command = self._record(
            _("imported {file}").format(file=preview.path.name), change
        )
        self.team.changed(None)
        self.finder.forget_index()
        message = _("Imported {file}: {summary}").format(file=preview.path.name, summary=summary)
        return Changed(message, everything=True, undoable=True)

    def export(
        self, fmt: str, path: Path, only: str | None = None, *, replace: bool = False
    ) -> str:
        """Write an export (any thread); the line to tell the user. Refused when it cannot.

        `only` keeps the bookmarked, noted or follow-up parts, as `gpp export --only`.
        A file already at `path` is replaced only with `replace` (after the user's
        yes to `sharing.export_question`): refused otherwise, the file untouched.
        """
        from gpp_tui.exchange.export import ExportWriteError
        from gpp_tui.session.sharing import write_export

        annotations = self.annotations
        if annotations is None:
            raise Refused(_("Your notes are still loading"))
        try:
            write_export(self.library, annotations, fmt, path, self.author, only, replace=replace)
        except ExportWriteError as error:
            raise Refused(str(error), warning=True) from error
        return _("Written to {path}").format(path=path)

    def rename(self, name: str) -> str:
        """Sign the notes written from now on with `name` (notes written keep theirs).

        In a team, the member file says it to the others. A problem, in one line
        ("" when none); the settings file is the caller's (`store.config.set_author`).
        """
        self.author = name  # for a store still loading
        if self.store is not None:
            self.store.author = name
        return self.team.rename(name)

    def save(self) -> bool:
        """Write the annotations if they changed, then drop the drafts they now hold (any thread).

        Raises StoreError (one line saying why) with the data kept in memory.
        """
        store = self.store
        if store is None or store.read_only:
            return False
        with self.drafts.saving():
            return store.save()

    def close(self) -> None:
        """Let go of the store's lock (does not save)."""
        if self.store is not None:
            self.store.close()


def _applies_before(command: Command, annotations: Annotations) -> bool:
    return all(annotations.node(*c.place) == c.before for c in command.nodes)


def _note_back(before: Annotations, after: Annotations, places: tuple[Place, ...]) -> str | None:
    """The one note an undo or redo brought back on one node (to show it), else None."""
    if len(places) != 1:
        return None
    had = {note.id for note in before.node(*places[0]).notes}
    back = [note.id for note in after.node(*places[0]).notes if note.id not in had]
    return back[0] if len(back) == 1 else None
