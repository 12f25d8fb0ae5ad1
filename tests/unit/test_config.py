"""The settings file: good values are used, bad ones are reported and replaced by defaults."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

from gpp_tui.store.config import EXAMPLE, Config, config_path, load_config


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "config.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_defaults_silently(tmp_path: Path) -> None:
    assert load_config(tmp_path / "absent.toml") == (Config(), [])


SETTINGS = {field.name for field in dataclasses.fields(Config)}


def test_example_is_valid_and_documents_every_setting(tmp_path: Path) -> None:
    _, problems = load_config(write(tmp_path, EXAMPLE))
    assert problems == []
    assert "lock_after_minutes" in SETTINGS  # the list below is the real one, not a copy
    assert set(tomllib.loads(EXAMPLE)) == SETTINGS


def test_the_readme_example_sets_every_setting_and_loads_cleanly(tmp_path: Path) -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    start = readme.index("```toml\n", readme.index("config.toml")) + len("```toml\n")
    example = readme[start : readme.index("```", start)]
    config, problems = load_config(write(tmp_path, example))
    assert problems == []
    assert set(tomllib.loads(example)) == SETTINGS
    assert config != Config()


def test_every_setting_is_read_from_the_file(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'author = "A"\ntheme = "t"\nascii = false\nlock_after_minutes = 2.5\nlanguage = "fr"\n'
        'plain = true\n[keys]\n"app.help" = "f2"\n',
    )
    config, problems = load_config(path)
    assert problems == []
    assert {name: getattr(config, name) for name in SETTINGS} == {
        "author": "A",
        "theme": "t",
        "ascii": False,
        "lock_after_minutes": 2.5,
        "keys": {"app.help": "f2"},
        "language": "fr",
        "plain": True,
    }


def test_a_bad_lock_time_is_reported_and_never_locks(tmp_path: Path) -> None:
    for bad in ("-1", '"10"', "true"):
        config, problems = load_config(write(tmp_path, f"lock_after_minutes = {bad}\n"))
        assert config.lock_after_minutes == 0
        assert len(problems) == 1 and "lock_after_minutes must be a number" in problems[0]


def test_good_values_are_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'author = " Amina K. "\ntheme = "textual-light"\nascii = true\n'
        '[keys]\n"notes.bookmark" = "ctrl+b"\n',
    )
    config, problems = load_config(path)
    assert problems == []
    assert config == Config("Amina K.", "textual-light", True, {"notes.bookmark": "ctrl+b"})


def test_bad_toml_names_the_file_and_uses_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, "author = \n")
    config, problems = load_config(path)
    assert config == Config()
    assert len(problems) == 1 and str(path) in problems[0] and "invalid TOML" in problems[0]


def test_wrong_types_are_reported_one_line_each(tmp_path: Path) -> None:
    path = write(tmp_path, 'author = 3\nascii = "yes"\nkeys = 5\ncolour = "red"\n')
    config, problems = load_config(path)
    assert config == Config()
    assert len(problems) == 4
    assert all("\n" not in p and str(path) in p for p in problems)
    joined = " ".join(problems)
    for key in ("author", "ascii", "[keys]", "'colour'"):
        assert key in joined


def test_bad_utf8_is_reported(tmp_path: Path) -> None:
    config, problems = load_config(write(tmp_path, b'author = "\xff"\n'))
    assert config == Config() and "cannot be read" in problems[0]


def test_path_can_be_overridden(monkeypatch: object, tmp_path: Path) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setenv("GPP_TUI_CONFIG", str(tmp_path / "x.toml"))
    assert config_path() == tmp_path / "x.toml"
