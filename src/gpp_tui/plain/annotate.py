"""Plain-mode commands on the user's annotations: status, bookmark, notes, undo, drafts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gpp_tui.content import Node
from gpp_tui.i18n import N_, _
from gpp_tui.plain import describe
from gpp_tui.session import Refused
from gpp_tui.store.kinds import ReviewStatus

if TYPE_CHECKING:
    from gpp_tui.plain.shell import Handler, PlainShell
    from gpp_tui.store.drafts import Draft
    from gpp_tui.store.models import Note

NOTE_PROMPT = "> "
END = "."
YES = ("yes", "y", "oui", "o")
"""Answers that say yes (the French too: the questions are asked in the user's language)."""
STATUSES = {
    "reviewed": ReviewStatus.REVIEWED,
    "r": ReviewStatus.REVIEWED,
    "follow-up": ReviewStatus.FOLLOW_UP,
    "followup": ReviewStatus.FOLLOW_UP,
    "follow up": ReviewStatus.FOLLOW_UP,
    "f": ReviewStatus.FOLLOW_UP,
    "unreviewed": ReviewStatus.UNREVIEWED,
    "u": ReviewStatus.UNREVIEWED,
}
KEPT_AS_DRAFT = N_(
    "Not saved as a note yet: what you typed is kept as a draft, on disk. "
    "Type drafts to read it, recover {number} to save it as a note."
)
"""In English: `_()` where said."""


def writable(shell: PlainShell) -> None:
    """Refuse before the user types a word when nothing can be saved (loading, read-only)."""
    store = shell.session.store
    if store is None:
        raise Refused(_("Your notes are still loading."))
    if store.read_only:
        raise Refused(
            _("Not saved: {read_only_reason}.").format(read_only_reason=store.read_only_reason)
        )


def _mark(shell: PlainShell, rest: str) -> list[str]:
    status = STATUSES.get(" ".join(rest.casefold().split()))
    if status is None:
        return [_("Say which: mark reviewed (m r), mark follow-up (m f) or mark unreviewed (m u).")]
    return shell.apply(shell.session.set_status(status, shell.node), "")


def _bookmark(shell: PlainShell, rest: str) -> list[str]:
    if rest:
        return shell.apply(shell.session.label_bookmark(rest, shell.node), "")
    return shell.apply(shell.session.toggle_bookmark(shell.node), "")


def _notes(shell: PlainShell, rest: str) -> list[str]:
    notes = shell.session.notes(shell.node)
    if shell.session.mine(shell.node) is None:
        return [_("Your notes are still loading.")]
    if not notes:
        return [_("No notes on this node. Type note to write one.")]
    stale = shell.session.stale_notes(shell.node)
    lines: list[str] = []
    for number, note in enumerate(notes, 1):
        lines += describe.note_lines(note, number, len(notes), note.id in stale)
    lines.append(_("edit N writes note N again; delete N deletes it."))
    return lines


def _pick_note(shell: PlainShell, rest: str, verb: str) -> Note:
    notes = shell.session.notes(shell.node)
    if not notes:
        raise Refused(_("There are no notes on this node."))
    return notes[shell.number(rest, verb, len(notes))]


def _note(shell: PlainShell, rest: str) -> list[str]:
    if rest:
        return [_("Type note alone, then the note's lines, then a line with only a dot.")]
    writable(shell)
    return _write(shell, shell.node, None, "", ())


def _edit(shell: PlainShell, rest: str) -> list[str]:
    note = _pick_note(shell, rest, "edit")
    writable(shell)
    return _write(shell, shell.node, note.id, note.text, note.tags)


def _write(
    shell: PlainShell, node: Node, note_id: str | None, old: str, tags: tuple[str, ...]
) -> list[str]:
    """Read a note's lines up to a line with only a dot, keeping a draft on disk meanwhile."""
    from gpp_tui.store.errors import StoreError

    session, terminal = shell.session, shell.terminal
    key = (node.pack_id, node.id, note_id)
    intro = [
        (_("Edit the note on {node}.") if note_id else _("New note on {node}.")).format(
            node=node.label
        )
    ]
    if old:
        intro += [_("It says now:"), *old.splitlines(), _("Type its new text in full.")]
    intro.append(_("Type the lines, then a line with only a dot (.) to save."))
    shell.answer(intro)
    session.drafts.reopen(key)
    typed: list[str] = []
    problem: list[str] = []
    history = terminal.history_length()
    try:
        while True:
            try:
                line = terminal.ask(NOTE_PROMPT)
            except KeyboardInterrupt:
                line = None
            if line is None:
                return _unfinished(shell, key, typed) + problem
            if line.strip() == END:
                break
            typed.append(line)
            try:
                session.drafts.keep(key, "\n".join(typed))
            except StoreError as error:
                if not problem:
                    problem = [
                        _("The draft could not be kept on disk: {error}.").format(error=error)
                    ]
                    shell.terminal.say(problem)
    finally:
        terminal.forget_since(history)
    text = "\n".join(typed).strip("\n")
    if not text.strip() or text == old:
        session.drafts.discard(key)
        return [_("The note is unchanged.") if note_id else _("Empty note: nothing was saved.")]
    changed = session.save_note(text, tags, note_id, node)
    notes = session.notes(node)
    number = next((i for i, n in enumerate(notes, 1) if n.id == changed.note_id), 0)
    lines = shell.apply(changed, "")
    if number:
        lines.insert(
            0,
            _("Note {number} of {count} on {id}.").format(
                number=number, count=len(notes), id=node.id
            ),
        )
    return lines


def _unfinished(shell: PlainShell, key: tuple[str, str, str | None], typed: list[str]) -> list[str]:
    """The input ended (ctrl+d) or was interrupted mid-note: the draft stays on disk."""
    if not "\n".join(typed).strip():
        shell.session.drafts.discard(key)
        return [_("No note written.")]
    drafts = shell.session.drafts.pending()
    place = key[:2]
    number = next(
        (i for i, d in enumerate(drafts, 1) if (d.pack_id, d.node_id, d.note_id) == key), None
    )
    if number is None:
        return [
            _("Not saved: the draft on {place} could not be kept on disk.").format(place=place[1])
        ]
    return [_(KEPT_AS_DRAFT).format(number=number)]


def _tags(shell: PlainShell, rest: str) -> list[str]:
    number, _space, words = rest.partition(" ")
    note = _pick_note(shell, number, "tags")
    writable(shell)
    tags = tuple(dict.fromkeys(tag.strip() for tag in words.split(",") if tag.strip()))
    if tags == note.tags:
        return [_("The note already has these tags.")]
    return shell.apply(shell.session.save_note(note.text, tags, note.id, shell.node), "")


def _delete(shell: PlainShell, rest: str) -> list[str]:
    note = _pick_note(shell, rest, "delete")
    writable(shell)
    node = shell.node
    number = shell.session.notes(node).index(note) + 1
    question = [
        _("Delete note {number} on {label}?").format(number=number, label=node.label),
        describe.quote(note),
    ]
    if note.conflict_of:
        question.append(
            _(
                "It is a conflict copy: delete it once what you want of its text is in "
                "the other version; importing the old version again will not bring it "
                "back."
            )
        )
    question.append(_("Type yes to delete it; anything else keeps it."))
    shell.answer(question)
    answer = shell.terminal.ask(_("Delete? "))
    if answer is None or answer.strip().casefold() not in YES:
        return [_("Kept: the note was not deleted.")]
    return shell.apply(shell.session.delete_note(note.id, node), "")


def _undo(shell: PlainShell, rest: str) -> list[str]:
    return shell.apply(shell.session.undo(), _("Nothing to undo."))


def _redo(shell: PlainShell, rest: str) -> list[str]:
    return shell.apply(shell.session.redo(), _("Nothing to redo."))


def draft_lines(shell: PlainShell, draft: Draft, number: int) -> str:
    """One draft for a list: where, what, when, its first line."""
    node = shell.outline.at((draft.pack_id, draft.node_id))
    where = node.label if node else f"{draft.pack_id}/{draft.node_id}"
    what = _("a change to a note") if draft.note_id else _("a new note")
    saved = describe.when(draft.saved)
    return _('{number}. On {where}, {what}, kept {saved}: "{text}"').format(
        number=number,
        where=where,
        what=what,
        saved=saved,
        text=describe.first_line(draft.text),
    )


def _drafts(shell: PlainShell, rest: str) -> list[str]:
    drafts = shell.session.drafts.pending()
    if not drafts:
        return [_("No unsaved drafts.")]
    lines = []
    for number, draft in enumerate(drafts, 1):
        lines += [draft_lines(shell, draft, number), *draft.text.splitlines()]
    lines.append(_("recover N saves draft N as a note; discard N throws it away."))
    return lines


def _pick_draft(shell: PlainShell, rest: str, verb: str) -> Draft:
    drafts = shell.session.drafts.pending()
    if not drafts:
        raise Refused(_("There are no unsaved drafts."))
    return drafts[shell.number(rest, verb, len(drafts))]


def _recover(shell: PlainShell, rest: str) -> list[str]:
    draft = _pick_draft(shell, rest, "recover")
    node = shell.outline.at((draft.pack_id, draft.node_id))
    if node is None:
        return [
            _(
                "Its node {node_id} is not in the loaded packs: start with --content "
                "and that pack's file to recover it. The draft is kept."
            ).format(node_id=draft.node_id)
        ]
    shell.go(node)
    note_id = draft.note_id
    note = next((n for n in shell.session.notes(node) if n.id == note_id), None)
    if note is None:
        # A new note, or the note was deleted since: the text comes back as a new note.
        lines = shell.apply(shell.session.save_note(draft.text, (), None, node), "")
        if note_id is not None:
            shell.session.drafts.discard((draft.pack_id, draft.node_id, note_id))
        return lines
    return shell.apply(shell.session.save_note(draft.text, note.tags, note_id, node), "")


def _discard(shell: PlainShell, rest: str) -> list[str]:
    draft = _pick_draft(shell, rest, "discard")
    number = shell.session.drafts.pending().index(draft) + 1
    shell.answer(
        [
            _("Throw away this draft? {draft}").format(draft=draft_lines(shell, draft, number)),
            _("It cannot be brought back. Type yes to throw it away; anything else keeps it."),
        ]
    )
    answer = shell.terminal.ask(_("Throw away? "))
    if answer is None or answer.strip().casefold() not in YES:
        return [_("Kept: the draft is still there.")]
    shell.session.drafts.discard((draft.pack_id, draft.node_id, draft.note_id))
    return [_("Draft thrown away.")]


HANDLERS: dict[str, Handler] = {
    "mark": _mark,
    "bookmark": _bookmark,
    "notes": _notes,
    "note": _note,
    "edit": _edit,
    "tags": _tags,
    "delete": _delete,
    "undo": _undo,
    "redo": _redo,
    "drafts": _drafts,
    "recover": _recover,
    "discard": _discard,
}
