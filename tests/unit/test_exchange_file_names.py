"""The file name the export and import prompts suggest: kind, local date and suffix."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from gpp_tui.exchange.export import ExportFormat, suggested_file_name


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("md", "gpp-review-2026-05-01.md"),
        ("html", "gpp-review-2026-05-01.html"),
        ("docx", "gpp-review-2026-05-01.docx"),
        ("json", "gpp-notes-2026-05-01.json"),
        (ExportFormat.TOML, "gpp-notes-2026-05-01.toml"),
    ],
)
def test_reviews_and_importable_notes_are_named_apart(fmt: str, expected: str) -> None:
    # Noon UTC is 1 May in every time zone from UTC-12 to UTC+11.
    assert suggested_file_name(fmt, datetime(2026, 5, 1, 12, 0, tzinfo=UTC)) == expected


def test_the_date_is_the_users_local_date(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    with monkeypatch.context() as patch:
        patch.setenv("TZ", "Asia/Kabul")  # UTC+4:30: late evening in UTC is tomorrow there
        time.tzset()
        try:
            moment = datetime(2026, 5, 1, 22, 0, tzinfo=UTC)
            assert suggested_file_name("md", moment) == "gpp-review-2026-05-02.md"
        finally:
            patch.undo()
            time.tzset()


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError):
        suggested_file_name("pdf", datetime(2026, 5, 1, tzinfo=UTC))
