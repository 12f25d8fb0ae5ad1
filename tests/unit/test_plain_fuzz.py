"""Whatever is typed, the plain mode answers in plain lines and keeps every saved note."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plain_helpers import NOT_PLAIN

from gpp_tui.content import load_library
from gpp_tui.plain.shell import PlainShell
from gpp_tui.plain.terminal import Terminal
from gpp_tui.session import Session

LIBRARY = load_library()
WORDS = [
    "help", "list", "list all", "open", "next", "previous", "nu", "up", "back", "forward",
    "read", "mark", "m r", "m f", "m u", "bookmark", "notes", "note", "edit", "delete",
    "undo", "redo", "search", "filter", "filter notes", "filter text", "export", "cite",
    "drafts", "recover", "discard", "orphans", "where", "B.2", "yes", ".", "",
]  # fmt: skip
TYPED = st.characters(
    exclude_categories=("Co", "Cs"),
    exclude_characters="".join(map(chr, range(0x2500, 0x27C0))),
)
"""Anything a keyboard types (the check below would flag a drawing character typed and echoed)."""
LINE = st.builds(
    lambda word, rest: f"{word} {rest}".strip(),
    st.sampled_from(WORDS),
    st.one_of(st.just(""), st.integers(-3, 40).map(str), st.text(TYPED, max_size=12)),
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(LINE, max_size=15))
def test_any_typing_gets_plain_answers_and_loses_no_saved_note(
    tmp_path_factory: object, lines: list[str]
) -> None:
    folder = Path(tmp_path_factory.mktemp("fuzz"))  # type: ignore[attr-defined]
    session = Session(LIBRARY, folder)
    session.load()
    session.save_note("a note that must survive", node=LIBRARY.find("A.1"))
    session.save()
    out = io.StringIO()
    terminal = Terminal(io.StringIO("\n".join(lines) + "\n"), out)
    shell = PlainShell(session, terminal, LIBRARY.packs[0].nodes[":pack"])
    shell.run()  # returns on quit or at the end of the input
    session.save()
    notes = [n.text for n in session.notes(LIBRARY.find("A.1"))]
    session.close()

    for line in out.getvalue().splitlines():
        assert NOT_PLAIN.search(line) is None, line
        assert not line.startswith("That did not work"), line
    # Only a delete confirmed with yes, or an undo, takes the note away; never silently.
    if "Note deleted" not in out.getvalue() and "Undone" not in out.getvalue():
        assert "a note that must survive" in notes
