"""The plain mode through a pipe: each operation stores what the app stores, in plain lines."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from plain_helpers import PACK, PERSIAN, assert_plain, run_plain, stored

from gpp_tui.plain.shell import UNKNOWN

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch


def test_the_done_when_command_leaves_b2_reviewed_with_its_note(tmp_path: Path) -> None:
    folder = tmp_path / "D"
    typed = "open B.2\nmark reviewed\nnote\nfirst line\n.\nquit\n"

    result = subprocess.run(
        [sys.executable, "-m", "gpp_tui", "--plain", "--data-dir", str(folder)],
        input=typed,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "GPP_TUI_CONFIG": str(tmp_path / "none.toml")},
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert_plain(result.stdout)
    b2 = tomllib.loads((folder / "annotations.toml").read_text("utf-8"))["packs"][PACK]["B.2"]
    assert b2["status"] == "reviewed"
    assert [note["text"] for note in b2["notes"]] == ["first line"]
    lines = result.stdout.splitlines()
    assert "B.2 Anti-Retaliation Safeguards, recommendation 5 of 11, reviewed, 1 note" in lines
    assert lines[-1] == "Saved. Goodbye."
    assert not list((folder / "drafts").glob("*.toml")), "a saved note leaves no draft"


def test_the_plain_mode_never_loads_textual(tmp_path: Path) -> None:
    probe = (
        "import io, sys; sys.stdin = io.StringIO('B.2\\nread\\nsearch reparation\\nquit\\n'); "
        "import gpp_tui.cli; "
        f"status = gpp_tui.cli.main(['--plain', '--data-dir', {str(tmp_path)!r}]); "
        "print(status, sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )

    assert result.stdout.splitlines()[-1] == "0 []", result.stderr


def test_browse_by_list_number_next_previous_and_up(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    typed = "list\nopen 3\nlist\n2\nnext\nprevious\nup\nnext unreviewed\nread\n"

    status, out = run_plain(capsys, monkeypatch, tmp_path, typed)

    assert status == 0
    assert_plain(out)
    wheres = [
        line for line in out.splitlines() if ", focus area " in line or "recommendation " in line
    ]
    assert "3. B Protection, focus area" in out
    assert "2. B.2 Anti-Retaliation Safeguards, recommendation, unreviewed" in out
    assert wheres[:2] == [
        "B Protection, focus area 2 of 4, 0 of 3 recommendations reviewed",
        "B Protection, focus area 2 of 4, 0 of 3 recommendations reviewed",
    ]
    order = [line.split(",")[0] for line in out.splitlines() if ", recommendation " in line]
    assert order == [
        "B.2 Anti-Retaliation Safeguards",
        "B.3 Tailored Measures",
        "B.2 Anti-Retaliation Safeguards",
        "B.1 Comprehensive Frameworks",
        "B.1 Comprehensive Frameworks",
    ]
    assert "Context added by gpp-tui, not part of the principle:" in out
    assert "Your review: unreviewed, no notes." in out


def test_mark_and_bookmark_store_what_the_app_stores(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    typed = "B.2\nm r\nnext\nmark follow-up\nbookmark\nb to raise with the team\nC.1\nb\nb\n"

    status, out = run_plain(capsys, monkeypatch, tmp_path, typed)

    assert status == 0
    assert_plain(out)
    nodes = stored(tmp_path)
    assert nodes["B.2"]["status"] == "reviewed"
    assert nodes["B.3"]["status"] == "follow-up"
    assert nodes["B.3"]["bookmark"]["label"] == "to raise with the team"
    assert "bookmark" not in nodes.get("C.1", {}), "a second b removes the bookmark"
    where = "B.3 Tailored Measures, recommendation 6 of 11, needs follow-up"
    assert f'{where}, bookmarked "to raise with the team", no notes' in out
    assert "Bookmark removed. Type undo to take it back." in out


def test_a_multi_line_persian_note_is_stored_word_for_word(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    typed = f"open B.2\nnote\n{PERSIAN}\n\nsecond paragraph\n.\nnotes\n"

    status, out = run_plain(capsys, monkeypatch, tmp_path, typed)

    assert status == 0
    assert_plain(out)
    (note,) = stored(tmp_path)["B.2"]["notes"]
    assert note["text"] == f"{PERSIAN}\n\nsecond paragraph"
    assert "Note 1 of 1 on B.2." in out
    assert PERSIAN in out.splitlines(), "the note is read back as it was typed"


def test_delete_asks_quoting_the_note_and_undo_brings_it_back(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    typed = "B.2\nnote\nkeep me\n.\nnote\nthrow me\n.\ndelete 2\nno\ndelete 2\nyes\n"

    run_plain(capsys, monkeypatch, tmp_path, typed)
    texts = [note["text"] for note in stored(tmp_path)["B.2"]["notes"]]
    assert texts == ["keep me"]

    status, out = run_plain(capsys, monkeypatch, tmp_path, "B.2\nnote\nagain\n.\nd 2\ny\nundo\n")

    assert status == 0
    assert_plain(out)
    assert "Delete note 2 on B.2 Anti-Retaliation Safeguards?" in out
    assert '"again" (' in out
    assert "Undone: deleted a note on B.2." in out
    texts = [note["text"] for note in stored(tmp_path)["B.2"]["notes"]]
    assert texts == ["keep me", "again"]


def test_edit_writes_the_note_again(capsys: Capsys, monkeypatch: Patch, tmp_path: Path) -> None:
    typed = "B.2\nnote\nfirst\n.\nedit 1\nsecond\nversion\n.\nedit 1\n.\ntags 1 urgent, survivors\n"

    status, out = run_plain(capsys, monkeypatch, tmp_path, typed)

    assert status == 0
    (note,) = stored(tmp_path)["B.2"]["notes"]
    assert note["text"] == "second\nversion"
    assert note["tags"] == ["urgent", "survivors"]
    assert "The note is unchanged." in out


def test_search_numbers_results_and_open_goes_to_one(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    typed = (
        "D.1\nnote\nask about the reprisal hotline\n.\nup\n"
        "search reprisal hotline\nopen 1\nmark reviewed\n"
    )

    status, out = run_plain(capsys, monkeypatch, tmp_path, typed)

    assert status == 0
    assert_plain(out)
    assert "1. Note on D.1 Holistic Support, in your note: ask about the reprisal hotline" in out
    assert "The search found this note:" in out
    assert stored(tmp_path)["D.1"]["status"] == "reviewed"


def test_export_writes_the_review_and_the_notes(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    review, notes = tmp_path / "review.md", tmp_path / "notes.json"
    typed = f"B.2\nnote\n{PERSIAN}\n.\nexport md {review}\nx {notes}\n"

    status, out = run_plain(capsys, monkeypatch, tmp_path / "data", typed)

    assert status == 0
    assert_plain(out)
    assert f"Written to {review}." in out
    assert PERSIAN in review.read_text("utf-8")
    assert PERSIAN in notes.read_text("utf-8")


def test_bad_input_gets_one_line_saying_what_would_work(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    typed = "frobnicate\nlist\nopen 99\nB.2\ndelete 1\nmark maybe\nnote\n.\nedit x\nexport pdf\n\n"

    status, out = run_plain(capsys, monkeypatch, tmp_path, typed)

    assert status == 0
    assert_plain(out)
    lines = out.splitlines()
    assert "'frobnicate' is not a command. " + UNKNOWN in lines
    assert "99 is not a number from 1 to 6: try open 1." in lines
    assert "There are no notes on this node." in lines
    assert "Say which: mark reviewed (m r), mark follow-up (m f) or mark unreviewed (m u)." in lines
    assert "Empty note: nothing was saved." in lines
    assert any(line.startswith("Say which format:") for line in lines)
    assert "notes" not in stored(tmp_path).get("B.2", {})


def test_end_of_input_mid_note_keeps_the_draft_and_it_is_offered_next_time(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    status, out = run_plain(capsys, monkeypatch, tmp_path, f"B.2\nnote\n{PERSIAN}\nhalf a thought")

    assert status == 0
    assert "kept as a draft" in out
    assert "notes" not in stored(tmp_path).get("B.2", {})
    (draft,) = (tmp_path / "drafts").glob("*.toml")
    assert "half a thought" in draft.read_text("utf-8")

    status, out = run_plain(capsys, monkeypatch, tmp_path, "drafts\nrecover 1\n")

    lines = out.splitlines()
    assert lines[0] == "gpp-tui plain mode. Type help for the commands, quit to leave."
    assert lines[1] == (
        "1 note you were writing was not saved; it is kept as a draft. Type drafts to read "
        "it, recover 1 to save it as a note, discard 1 to throw it away."
    ), "the notice comes after the banner, in the singular"
    assert f"{PERSIAN}\nhalf a thought" in out
    (note,) = stored(tmp_path)["B.2"]["notes"]
    assert note["text"] == f"{PERSIAN}\nhalf a thought"
    assert not list((tmp_path / "drafts").glob("*.toml"))


def test_a_second_copy_is_read_only_and_says_so(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    from gpp_tui.store.annotation_store import AnnotationStore

    with AnnotationStore(tmp_path):
        status, out = run_plain(capsys, monkeypatch, tmp_path, "B.2\nmark reviewed\nnote\n")

    assert status == 0
    assert "Read-only: another copy of gpp-tui is using" in out
    assert "Not saved: another copy of gpp-tui is using" in out
    assert stored(tmp_path) == {}


def test_orphaned_notes_are_announced_and_can_be_read(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    from gpp_tui.store.annotation_store import AnnotationStore

    with AnnotationStore(tmp_path) as store, store.update() as edit:
        edit.add_note(PACK, "Z.9", "written on a node that went away")

    status, out = run_plain(capsys, monkeypatch, tmp_path, "orphans\nopen 1\nnotes\n")

    assert status == 0
    assert "1 annotated node(s) are no longer in" in out
    assert "1. Z.9 (not in the pack), orphaned notes, no longer in the pack, 1 note" in out
    assert "written on a node that went away" in out.splitlines()


def test_encrypted_notes_ask_the_passphrase_and_stay_encrypted(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    from gpp_tui import cli_lock
    from gpp_tui.store.annotation_store import AnnotationStore
    from gpp_tui.store.crypto import encrypt_folder, unlock

    encrypt_folder(tmp_path, "correct horse")
    asked: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return "wrong" if len(asked) == 1 else "correct horse"

    monkeypatch.setattr(cli_lock, "ask_passphrase", ask)
    typed = f"B.2\nnote\n{PERSIAN}\n.\nexport md {tmp_path / 'r.md'}\nno\n"

    status, out = run_plain(capsys, monkeypatch, tmp_path, typed)

    assert status == 0
    assert len(asked) == 2
    assert "wrong passphrase" in out
    assert "an export is plain text" in out
    assert not (tmp_path / "r.md").exists()
    assert PERSIAN.encode() not in (tmp_path / "annotations.toml").read_bytes()
    with AnnotationStore(tmp_path, codec=unlock(tmp_path, "correct horse")) as store:
        assert [n.text for n in store.annotations.notes_for(PACK, "B.2")] == [PERSIAN]


def test_hostile_note_text_reaches_the_terminal_as_visible_escapes(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    from gpp_tui.store.annotation_store import AnnotationStore

    with AnnotationStore(tmp_path) as store, store.update() as edit:
        edit.add_note(PACK, "B.2", "\x1b]52;c;aGk=\x07 title \x1b[2J \u202eevil\u009b")

    status, out = run_plain(capsys, monkeypatch, tmp_path, "B.2\nnotes\nsearch title\n")

    assert status == 0
    assert_plain(out)
    assert "\\x1b]52;c;aGk=\\x07" in out


def test_the_position_is_remembered_for_next_time(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    run_plain(capsys, monkeypatch, tmp_path, "C.2\nquit\n")

    _, out = run_plain(capsys, monkeypatch, tmp_path, "")

    assert out.splitlines()[1].startswith("C.2 ")


def _without_times_and_ids(value: object) -> object:
    if isinstance(value, dict):
        skip = {"id", "created", "updated", "status_changed"}
        kept = {k: _without_times_and_ids(v) for k, v in value.items() if k not in skip}
        if "deleted" in value:  # note ids and fingerprints (which hold times): count them
            kept["deleted"] = len(value["deleted"])
        return kept
    if isinstance(value, list):
        return [_without_times_and_ids(v) for v in value]
    return value


def test_the_store_holds_what_the_app_s_session_would_hold(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    from gpp_tui.content import load_library
    from gpp_tui.session import Session
    from gpp_tui.store.kinds import ReviewStatus

    typed = (
        f"B.2\nm f\nb ask the unit\nnote\n{PERSIAN}\nline 2\n.\nC.1\nb\nnote\ngone\n.\nd 1\nyes\n"
    )
    run_plain(capsys, monkeypatch, tmp_path / "plain", typed)

    library = load_library()
    session = Session(library, tmp_path / "app")
    session.load()
    b2, c1 = library.find("B.2"), library.find("C.1")
    assert b2 is not None and c1 is not None
    session.set_status(ReviewStatus.FOLLOW_UP, b2)
    session.label_bookmark("ask the unit", b2)
    session.save_note(f"{PERSIAN}\nline 2", node=b2)
    session.toggle_bookmark(c1)
    gone = session.save_note("gone", node=c1)
    assert gone.note_id is not None
    session.delete_note(gone.note_id, c1)
    session.save()
    session.close()

    plain, app = stored(tmp_path / "plain"), stored(tmp_path / "app")
    assert _without_times_and_ids(plain) == _without_times_and_ids(app)
    assert plain["C.1"]["deleted"], "the deletion is remembered, as the app remembers it"
