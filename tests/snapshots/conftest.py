"""Snapshots start on an empty data folder: the first-start welcome is left out of them."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def no_welcome(monkeypatch: pytest.MonkeyPatch) -> None:
    """No welcome screen over the main screen (test_welcome_screen puts it back)."""
    monkeypatch.setattr("gpp_tui.ui.screens.welcome.is_first_start", lambda folder: False)
