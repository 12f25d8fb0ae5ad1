"""Pilot: a colleague's note appears in the running app without a restart, with its author;
an edit made in the app travels back to the colleague's view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.team.layout import TeamFolder
from gpp_tui.team.review import TeamReview, join_team
from gpp_tui.ui.app import GppApp

from .conftest import detail_text
from .test_annotations import PACK, go, ready, saved

MakeApp = Callable[..., GppApp]


async def test_a_colleagues_note_appears_with_its_author_and_an_edit_travels_back(
    make_app: MakeApp, tmp_path: Path
) -> None:
    team = TeamFolder.create(tmp_path / "team", "Herat team", encrypted=False)
    join_team(tmp_path / "data", team.path, "")
    bruno = join_team(tmp_path / "bruno", team.path, "Bruno")
    bruno_store = AnnotationStore(tmp_path / "bruno", author="Bruno")
    bruno_store.after_save = bruno.publish_after_save
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await go(pilot, "B.2")
        assert "Herat team" in app.sub_title
        with bruno_store.update() as edit:
            note = edit.add_note(PACK, "B.2", "Checkpoint commander named by two witnesses")
        screen.look_at_team()  # what the timer does every few seconds
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        shown = detail_text(app)
        assert "Checkpoint commander named by two witnesses" in shown and "Bruno" in shown
        assert "Notes (1)" in shown and "Your notes" not in shown
        from textual.widgets import Tree

        tree = screen.query_one(Tree)
        labels = [str(tree.get_node_at_line(i).label) for i in range(tree.last_line + 1)]  # type: ignore[union-attr]
        assert any("✎+ B.2" in label for label in labels), labels
        assert app.main_screen.current is not None and app.main_screen.current.id == "B.2"
        finder = screen.session.finder
        finder.author_filter = "by others"
        assert finder.visible() == {(PACK, "B.2")}
        finder.author_filter = "mine"
        assert finder.visible() == set()
        finder.author_filter = ""
        titles = [command.title for command in app.get_system_commands(screen)]
        assert "Team  T" in titles and "Team sync" in titles
        summary = screen.session.team.summary()
        assert summary is not None and [row.name for row in summary.members] == ["", "Bruno"]
        assert summary.others[0].notes == 1
        changed = screen.session.save_note(
            "Checkpoint commander named by three witnesses", note_id=note.id
        )
        screen.apply(changed)
        await saved(pilot)
    bruno.refresh()
    (seen,) = bruno.view(bruno_store.annotations).notes_for(PACK, "B.2")
    assert (seen.text, seen.author) == ("Checkpoint commander named by three witnesses", "Bruno")
    bruno_store.close()
    again = TeamReview.open(tmp_path / "data", "")
    assert again is not None
