"""The team view in one process: unchanged device files are parsed once, whoever opens the
team again; a changed or new file is read again, a gone one forgotten."""

from __future__ import annotations

from pathlib import Path

import pytest
from team_helpers import PACK, join, make_team, texts

from gpp_tui.team import view
from gpp_tui.team.join import join as join_all
from gpp_tui.team.review import TeamReview


def test_a_team_opened_again_parses_only_files_that_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team = make_team(tmp_path)
    amina, bruno, chen = (join(tmp_path, team, name) for name in ("amina", "bruno", "chen"))
    bruno.add("B.2", "bruno's")
    chen.add("C.1", "chen's")
    parsed: list[int] = []
    real = view.parse
    monkeypatch.setattr(view, "parse", lambda data: parsed.append(1) or real(data))

    def reopened() -> TeamReview:
        review = TeamReview.open(tmp_path / "amina", "amina")
        assert review is not None
        review.refresh()
        return review

    first = reopened()
    expected = join_all([amina.store.annotations, *first.files.sources()])
    assert first.view(amina.store.annotations) == expected
    before = len(parsed)
    again = reopened()
    assert len(parsed) == before  # nothing changed: nothing parsed again
    assert again.view(amina.store.annotations) == expected
    assert again.files.joined() is first.files.joined()  # nor joined again
    chen.add("C.1", "chen's second")
    third = reopened()
    assert len(parsed) == before + 1  # chen's file only
    assert ("C.1", "chen", "chen's second") in texts(third.view(amina.store.annotations))
    assert third.view(amina.store.annotations) == join_all(
        [amina.store.annotations, *third.files.sources()]
    )
    bruno_file = team / "devices" / f"{bruno.review.device_id}.json"
    key = (str(bruno_file), "")
    assert key in view._PARSED
    bruno_file.unlink()  # gone (the sync tool removed it): forgotten here too
    third.refresh()
    assert key not in view._PARSED
    assert ("B.2", "bruno", "bruno's") not in texts(third.view(amina.store.annotations))
    assert amina.store.annotations.notes_for(PACK, "B.2") == ()
