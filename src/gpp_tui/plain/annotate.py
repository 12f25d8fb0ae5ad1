"""Plain-mode commands on the user's annotations: status, bookmark, notes, undo, drafts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gpp_tui.content import Node
from gpp_tui.plain import describe
from gpp_tui.session import Refused
from gpp_tui.store.kinds import ReviewStatus

if TYPE_CHECKING:
    from gpp_tui.plain.shell import Handler, PlainShell
    from gpp_tui.store.drafts import Draft
    from gpp_tui.store.models import Note

NOTE_PROMPT = "> "
END = "."
YES = ("yes", "y")
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
KEPT_AS_DRAFT = (
    "Not saved as a note yet: what you typed is kept as a draft, on disk. "
    "Type drafts to read it, recover {number} to save it as a note."
)


def writable(shell: PlainShell) -> None:
    """Refuse before the user types a word when nothing can be saved (loading, read-only)."""
    store = shell.session.store
    if store is None:
        raise Refused("Your notes are still loading.")
    if store.read_only:
        raise Refused(f"Not saved: {store.read_only_reason}.")


def _mark(shell: PlainShell, rest: str) -> list[str]:
    status = STATUSES.get(" ".join(rest.casefold().split()))
    if status is None:
        return ["Say which: mark reviewed (m r), mark follow-up (m f) or mark unreviewed (m u)."]
    return shell.apply(shell.session.set_status(status, shell.node), "")


def _bookmark(shell: PlainShell, rest: str) -> list[str]:
    if rest:
        return shell.apply(shell.session.label_bookmark(rest, shell.node), "")
    return shell.apply(shell.session.toggle_bookmark(shell.node), "")


def _notes(shell: PlainShell, rest: str) -> list[str]:
    notes = shell.session.notes(shell.node)
    if shell.session.mine(shell.node) is None:
        return ["Your notes are still loading."]
    if not notes:
        return ["No notes on this node. Type note to write one."]
    stale = shell.session.stale_notes(shell.node)
    lines: list[str] = []
    for number, note in enumerate(notes, 1):
        lines += describe.note_lines(note, number, len(notes), note.id in stale)
    lines.append("edit N writes note N again; delete N deletes it.")
    return lines


def _pick_note(shell: PlainShell, rest: str, verb: str) -> Note:
    notes = shell.session.notes(shell.node)
    if not notes:
        raise Refused("There are no notes on this node.")
    return notes[shell.number(rest, verb, len(notes))]


def _note(shell: PlainShell, rest: str) -> list[str]:
    if rest:
        return ["Type note alone, then the note's lines, then a line with only a dot."]
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
    intro = [f"{'Edit the note' if note_id else 'New note'} on {node.label}."]
    if old:
        intro += ["It says now:", *old.splitlines(), "Type its new text in full."]
    intro.append("Type the lines, then a line with only a dot (.) to save.")
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
                    problem = [f"The draft could not be kept on disk: {error}."]
                    shell.terminal.say(problem)
    finally:
        terminal.forget_since(history)
    text = "\n".join(typed).strip("\n")
    if not text.strip() or text == old:
        session.drafts.discard(key)
        return ["The note is unchanged." if note_id else "Empty note: nothing was saved."]
    changed = session.save_note(text, tags, note_id, node)
    notes = session.notes(node)
    number = next((i for i, n in enumerate(notes, 1) if n.id == changed.note_id), 0)
    lines = shell.apply(changed, "")
    if number:
        lines.insert(0, f"Note {number} of {len(notes)} on {node.id}.")
    return lines


def _unfinished(shell: PlainShell, key: tuple[str, str, str | None], typed: list[str]) -> list[str]:
    """The input ended (ctrl+d) or was interrupted mid-note: the draft stays on disk."""
    if not "\n".join(typed).strip():
        shell.session.drafts.discard(key)
        return ["No note written."]
    drafts = shell.session.drafts.pending()
    place = key[:2]
    number = next(
        (i for i, d in enumerate(drafts, 1) if (d.pack_id, d.node_id, d.note_id) == key), None
    )
    if number is None:
        return [f"Not saved: the draft on {place[1]} could not be kept on disk."]
    return [KEPT_AS_DRAFT.format(number=number)]


def _tags(shell: PlainShell, rest: str) -> list[str]:
    number, _, words = rest.partition(" ")
    note = _pick_note(shell, number, "tags")
    writable(shell)
    tags = tuple(dict.fromkeys(tag.strip() for tag in words.split(",") if tag.strip()))
    if tags == note.tags:
        return ["The note already has these tags."]
    return shell.apply(shell.session.save_note(note.text, tags, note.id, shell.node), "")


def _delete(shell: PlainShell, rest: str) -> list[str]:
    note = _pick_note(shell, rest, "delete")
    writable(shell)
    node = shell.node
    number = shell.session.notes(node).index(note) + 1
    question = [f"Delete note {number} on {node.label}?", describe.quote(note)]
    if note.conflict_of:
        question.append(
            "It is a conflict copy: delete it once what you want of its text is in the "
            "other version; importing the old version again will not bring it back."
        )
    question.append("Type yes to delete it; anything else keeps it.")
    shell.answer(question)
    answer = shell.terminal.ask("Delete? ")
    if answer is None or answer.strip().casefold() not in YES:
        return ["Kept: the note was not deleted."]
    return shell.apply(shell.session.delete_note(note.id, node), "")


def _undo(shell: PlainShell, rest: str) -> list[str]:
    return shell.apply(shell.session.undo(), "Nothing to undo.")


def _redo(shell: PlainShell, rest: str) -> list[str]:
    return shell.apply(shell.session.redo(), "Nothing to redo.")


def draft_lines(shell: PlainShell, draft: Draft, number: int) -> str:
    """One draft for a list: where, what, when, its first line."""
    node = shell.outline.at((draft.pack_id, draft.node_id))
    where = node.label if node else f"{draft.pack_id}/{draft.node_id}"
    what = "a change to a note" if draft.note_id else "a new note"
    saved = describe.when(draft.saved)
    return f'{number}. On {where}, {what}, kept {saved}: "{describe.first_line(draft.text)}"'


def _drafts(shell: PlainShell, rest: str) -> list[str]:
    drafts = shell.session.drafts.pending()
    if not drafts:
        return ["No unsaved drafts."]
    lines = []
    for number, draft in enumerate(drafts, 1):
        lines += [draft_lines(shell, draft, number), *draft.text.splitlines()]
    lines.append("recover N saves draft N as a note; discard N throws it away.")
    return lines


def _pick_draft(shell: PlainShell, rest: str, verb: str) -> Draft:
    drafts = shell.session.drafts.pending()
    if not drafts:
        raise Refused("There are no unsaved drafts.")
    return drafts[shell.number(rest, verb, len(drafts))]


def _recover(shell: PlainShell, rest: str) -> list[str]:
    draft = _pick_draft(shell, rest, "recover")
    node = shell.outline.at((draft.pack_id, draft.node_id))
    if node is None:
        return [
            f"Its node {draft.node_id} is not in the loaded packs: start with --content "
            "and that pack's file to recover it. The draft is kept."
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
            f"Throw away this draft? {draft_lines(shell, draft, number)}",
            "It cannot be brought back. Type yes to throw it away; anything else keeps it.",
        ]
    )
    answer = shell.terminal.ask("Throw away? ")
    if answer is None or answer.strip().casefold() not in YES:
        return ["Kept: the draft is still there."]
    shell.session.drafts.discard((draft.pack_id, draft.node_id, draft.note_id))
    return ["Draft thrown away."]


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
