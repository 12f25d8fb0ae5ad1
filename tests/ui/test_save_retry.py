"""Pilot test: a save that fails (a full disk) marks the header and is tried again by itself."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.ui.app import GppApp
from gpp_tui.ui.screens import main

from .test_annotations import PACK, go, ready, saved

MakeApp = Callable[..., GppApp]


async def test_a_full_disk_says_not_saved_until_a_retry_writes_the_change(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main, "SAVE_RETRY_SECONDS", 0.2)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        store = screen.store
        assert store is not None
        real_replace = os.replace

        def full(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))

        monkeypatch.setattr(os, "replace", full)
        await go(pilot, "B.2")
        await pilot.press("b")
        await saved(pilot)
        assert "NOT SAVED" in app.sub_title
        errors = [str(n.message) for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1 and "disk is full" in errors[0]
        await pilot.pause(0.6)  # retries fail again: told once, the mark stays
        assert "NOT SAVED" in app.sub_title
        assert len([n for n in app._notifications if n.severity == "error"]) == 1
        monkeypatch.setattr(os, "replace", real_replace)  # space freed; no key pressed
        for _ in range(100):
            if not store.dirty and "NOT SAVED" not in app.sub_title:
                break
            await pilot.pause(0.05)
        assert not store.dirty and "NOT SAVED" not in app.sub_title
        assert any("on disk now" in str(n.message) for n in app._notifications)
    with AnnotationStore(tmp_path / "data") as again:
        assert [node for node, _ in again.annotations.bookmarks(PACK)] == ["B.2"]
