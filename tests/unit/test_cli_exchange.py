"""`gpp export`, `gpp import` and `gpp cite`, run in-process, including two users swapping notes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gpp_tui.cli import main
from gpp_tui.exchange.merge import conflict_copy_id
from gpp_tui.store import edits
from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.models import Annotations, ReviewStatus

PACK = "wigj-gpp"
T0 = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `gpp ARGV...` in-process and return (exit status, stdout, stderr)."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def store_with(folder: Path, annotations: Annotations) -> None:
    with AnnotationStore(folder) as store, store.update() as editor:
        editor.annotations = annotations


def annotations_in(folder: Path) -> Annotations:
    with AnnotationStore(folder) as store:
        return store.annotations


def test_cite_an_unknown_id_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "cite", "Q.9")

    assert (status, out) == (2, "")
    assert err == "gpp: no node with id 'Q.9'; `gpp list --all` shows every id\n"


def test_export_markdown_to_stdout(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, _ = edits.add_note(Annotations(), PACK, "B.2", "check the <b>dates</b>", author="Ana")
    store_with(tmp_path, a)

    status, out, err = run(capsys, "--data-dir", str(tmp_path), "export", "--format", "md")

    assert (status, err) == (0, "")
    assert out.startswith("# Gender Persecution Principles: annotated review\n")
    assert "- **Reviewer:** Ana\n" in out
    assert "> check the \\<b\\>dates\\</b\\>" in out


def test_export_to_a_file_takes_the_format_from_its_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    a, _ = edits.add_note(Annotations(), PACK, "B.2", "<script>x</script>")
    store_with(tmp_path / "data", a)
    output = tmp_path / "review.html"

    status, out, err = run(
        capsys, "--data-dir", str(tmp_path / "data"), "export", "-o", str(output), "--author", "Ana"
    )

    assert (status, out, err) == (0, "", f"written to {output}\n")
    page = output.read_text()
    assert "&lt;script&gt;x&lt;/script&gt;" in page and "<script" not in page
    assert '<dd dir="auto">Ana</dd>' in page


def test_export_only_follow_up_as_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a = edits.set_status(Annotations(), PACK, "A.1", ReviewStatus.FOLLOW_UP)
    a = edits.set_status(a, PACK, "A.2", ReviewStatus.REVIEWED)
    store_with(tmp_path, a)

    status, out, _ = run(
        capsys, "--data-dir", str(tmp_path), "export", "--format", "json", "--only", "follow-up"
    )

    assert status == 0
    assert list(json.loads(out)["packs"][PACK]) == ["A.1"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export"], "gpp: choose a format with --format md|html|docx|json|toml\n"),
        (
            ["export", "-o", "notes.txt"],
            "gpp: choose a format with --format md|html|docx|json|toml\n",
        ),
    ],
)
def test_export_needs_a_format(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, out, err = run(capsys, *argv)

    assert (status, out, err) == (2, "", message)


def test_export_into_a_missing_folder_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "nowhere" / "review.md"

    status, _, err = run(capsys, "export", "-o", str(target))

    assert status == 2
    assert err == f"gpp: not written: {target} (No such file or directory)\n"


def test_import_into_a_store_another_copy_holds(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "colleague"
    store_with(source, edits.add_note(Annotations(), PACK, "A.1", "hers")[0])
    export_file = tmp_path / "hers.toml"
    assert run(capsys, "--data-dir", str(source), "export", "-o", str(export_file))[0] == 0
    mine = tmp_path / "mine"
    store_with(mine, edits.add_note(Annotations(), PACK, "A.1", "mine")[0])
    before = (mine / "annotations.toml").read_bytes()

    with AnnotationStore(mine):
        status, _, err = run(capsys, "--data-dir", str(mine), "import", str(export_file))
        dry_status, dry_out, _ = run(
            capsys, "--data-dir", str(mine), "import", "--dry-run", str(export_file)
        )

    assert status == 2
    assert err.endswith(
        f"gpp: not imported: another copy of gpp-tui is using {mine}; nothing was changed\n"
    )
    assert dry_status == 0 and "1 added" in dry_out
    assert (mine / "annotations.toml").read_bytes() == before


def two_users(tmp_path: Path) -> tuple[Path, Path, str]:
    """Ana and Ben share notes on B.2 and A.1; both edited the B.2 note differently."""
    shared, b2 = edits.add_note(Annotations(), PACK, "B.2", "draft", author="Ana", now=T0)
    shared, _ = edits.add_note(shared, PACK, "A.1", "agreed", author="Ana", now=T0)
    ana, _ = edits.edit_note(
        shared, PACK, "B.2", b2.id, text="Ana's wording", now=T0 + timedelta(1)
    )
    ana, _ = edits.add_note(ana, PACK, "C.1", "only Ana", author="Ana", now=T0)
    ana = edits.set_status(ana, PACK, "A.1", ReviewStatus.REVIEWED, now=T0)
    ben, _ = edits.edit_note(
        shared, PACK, "B.2", b2.id, text="Ben's wording", now=T0 + timedelta(2)
    )
    ben = edits.set_bookmark(ben, PACK, "D.3", "Ben's mark", now=T0)
    ben = edits.set_status(ben, PACK, "A.1", ReviewStatus.FOLLOW_UP, now=T0 + timedelta(3))
    store_with(tmp_path / "ana", ana)
    store_with(tmp_path / "ben", ben)
    return tmp_path / "ana", tmp_path / "ben", b2.id


@pytest.mark.parametrize(("ana_format", "ben_format"), [("toml", "json"), ("json", "toml")])
def test_two_users_swap_exports_and_end_with_the_same_notes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, ana_format: str, ben_format: str
) -> None:
    ana, ben, b2 = two_users(tmp_path)
    from_ana = tmp_path / f"from-ana.{ana_format}"
    from_ben = tmp_path / f"from-ben.{ben_format}"
    assert run(capsys, "--data-dir", str(ana), "export", "-o", str(from_ana))[0] == 0
    assert run(capsys, "--data-dir", str(ben), "export", "-o", str(from_ben))[0] == 0

    dry = run(capsys, "--data-dir", str(ana), "import", "--dry-run", str(from_ben))
    ana_bytes = (ana / "annotations.toml").read_bytes()
    first = run(capsys, "--data-dir", str(ana), "import", str(from_ben))
    assert run(capsys, "--data-dir", str(ben), "import", str(from_ana))[0] == 0

    assert dry[0] == 0 and dry[1].endswith("Dry run: nothing was written.\n")
    assert dry[1].replace("Dry run: nothing was written.", "") == first[1].replace(
        f"Imported into {ana / 'annotations.toml'}.", ""
    )
    assert "  kept both versions of note on B.2: “Ana's wording”" in first[1]
    assert "  updated status on A.1: reviewed → follow-up" in first[1]
    assert "  added bookmark on D.3: “Ben's mark”" in first[1]
    assert "1 added, 1 updated, 1 kept as conflict copies, 1 unchanged." in first[1]
    assert ana_bytes != (ana / "annotations.toml").read_bytes()

    merged = annotations_in(ana)
    assert merged == annotations_in(ben)
    versions = merged.notes_for(PACK, "B.2")
    assert [(n.id, n.text, n.conflict_of) for n in versions] == [
        (b2, "Ben's wording", ""),
        (conflict_copy_id(b2, "Ana's wording", ()), "Ana's wording", b2),
    ]
    assert [n.text for n in merged.notes_for(PACK, "C.1")] == ["only Ana"]
    assert merged.status_of(PACK, "A.1") is ReviewStatus.FOLLOW_UP

    for folder, export_file in ((ana, from_ben), (ben, from_ana)):
        before = (folder / "annotations.toml").read_bytes()
        status, out, _ = run(capsys, "--data-dir", str(folder), "import", str(export_file))
        assert status == 0
        assert out.endswith("Nothing to import: your annotations already hold all of it.\n")
        assert (folder / "annotations.toml").read_bytes() == before


def test_the_reviewer_comes_from_the_settings_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = tmp_path / "config.toml"
    settings.write_text('author = "Dr. Amina"\n')
    monkeypatch.setenv("GPP_TUI_CONFIG", str(settings))
    store_with(tmp_path / "data", edits.add_note(Annotations(), PACK, "A.1", "x", author="Ben")[0])

    _, named, _ = run(capsys, "--data-dir", str(tmp_path / "data"), "export", "--format", "md")
    _, given, _ = run(capsys, "export", "--format", "md", "--author", "Chi")

    assert "- **Reviewer:** Dr. Amina\n" in named
    assert "- **Reviewer:** Chi\n" in given


def test_export_works_while_the_app_holds_the_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    store_with(tmp_path, edits.add_note(Annotations(), PACK, "A.1", "while open")[0])

    with AnnotationStore(tmp_path):
        status, out, err = run(capsys, "--data-dir", str(tmp_path), "export", "--format", "toml")

    assert status == 0
    assert 'text = "while open"' in out
    assert "read-only" in err
