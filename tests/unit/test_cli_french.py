"""The command line in French: --help, show, cite and errors, chosen by LANG, settings or --lang."""

from __future__ import annotations

import html
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gpp_tui.cli import main

AUTHORITY = "le texte anglais de Women's Initiatives for Gender Justice fait foi"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as done:  # --help
        status = int(done.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def _flat(text: str) -> str:
    """Text with its line wrapping undone, to look for phrases."""
    return " ".join(text.replace("\u00a0", " ").split())


def test_help_is_french_with_a_french_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")

    status, out, _ = run(capsys, "--help")

    assert status == 0
    text = _flat(out)
    assert text.startswith("utilisation : gpp")
    assert "Examiner hors ligne les Principes relatifs à la persécution fondée sur le genre" in text
    assert "afficher ce message d'aide et quitter" in text
    for english in ("usage:", "show this help", "list focus areas", "Without a command"):
        assert english not in text


def test_show_b2_is_french_and_labelled_with_a_french_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")

    status, out, err = run(capsys, "show", "B.2")

    assert (status, err) == (0, "")
    text = _flat(out)
    assert out.startswith("B.2 Garanties contre les représailles\n")
    assert "Domaine d'action : B Protection" in text
    assert "Assurer la sécurité des personnes survivantes" in text
    assert "Traduction non officielle ; " + AUTHORITY in text
    assert "Contexte (ajouté par gpp-tui, ne fait pas partie du principe) :" in text
    assert "Unité d'aide aux victimes et aux témoins" in text
    for english in ("Focus area", "Context (added", "Anti-Retaliation", "Related:", "Tags:"):
        assert english not in text


def test_cite_in_french_names_the_english_text_as_authoritative(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "--lang", "fr", "cite", "B.2")

    assert (status, err) == (0, "")
    assert "recommendation B.2, 'Anti-Retaliation Safeguards'" in out
    assert out.rstrip().endswith(AUTHORITY + ".")
    status, english, _ = run(capsys, "cite", "B.2")
    assert AUTHORITY not in english


def test_the_settings_choose_french_and_lang_overrides_them(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings = tmp_path / "config.toml"
    settings.write_text('language = "fr"\n', encoding="utf-8")
    monkeypatch.setenv("GPP_TUI_CONFIG", str(settings))

    _, french, _ = run(capsys, "show", "D")
    _, english, _ = run(capsys, "--lang", "en", "show", "D")
    _, equals_form, _ = run(capsys, "--lang=en", "show", "D")

    assert french.startswith("D Secours et relèvement")
    assert english.startswith("D Relief and Recovery") and equals_form == english


def test_an_unknown_lang_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--lang", "xx", "list")

    assert (status, out) == (2, "")
    assert err == "gpp: --lang xx: no such language (available: en, fr)\n"


def test_errors_and_search_speak_french(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")

    status, _, err = run(capsys, "show", "Z.9")
    assert status == 2
    assert err.startswith("gpp: aucun nœud d'identifiant 'Z.9'")
    status, out, _ = run(capsys, "search", "représailles")
    assert status == 0
    assert out.startswith("B.2 Garanties contre les représailles  [titre]")
    status, _, err = run(capsys, "show")
    assert status == 2
    assert "les arguments suivants sont obligatoires" in err


def test_gpp_help_in_a_process_with_lang_fr() -> None:
    env = {**os.environ, "LANG": "fr_FR.UTF-8"}
    for name in ("LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)

    done = subprocess.run(
        [sys.executable, "-m", "gpp_tui", "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )

    assert _flat(done.stdout).startswith("utilisation : gpp")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_an_export_in_french_has_french_headings_and_text(
    capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    status, out, err = run(capsys, "--lang", "fr", "export", "--format", fmt)

    assert (status, err) == (0, "")
    text = _flat(html.unescape(out) if fmt == "html" else out)
    for words in (
        "compte rendu d'examen annoté",
        "À suivre",
        "Rien n'est marqué à suivre.",
        "Avancement",
        "0 sur 11 examinées · 0 à suivre",
        "Domaine d'action",
        "Garanties contre les représailles",
        AUTHORITY,
    ):
        assert words in text, words
    for english in ("Needs follow-up", "Progress", "Anti-Retaliation Safeguards", "Focus area"):
        assert english not in text
    if fmt == "html":
        assert '<html lang="fr">' in out


def test_show_json_of_a_translation_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    _, out, _ = run(capsys, "--lang", "fr", "show", "B.2", "--json")
    _, english, _ = run(capsys, "show", "B.2", "--json")

    data = json.loads(out)
    assert (data["pack"], data["language"], data["source"]) == ("wigj-gpp", "fr", None)
    assert data["translation"]["of_language"] == "en"
    assert data["translation"]["authority"].endswith(AUTHORITY + ".")
    plain = json.loads(english)
    assert (plain["language"], plain["source"]) == ("en", "Women's Initiatives for Gender Justice")
    assert "translation" not in plain
