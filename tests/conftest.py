"""Shared fixtures: a private data folder for every test, and pack files to load."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# No deadline and no "too slow" check: on a loaded machine (two cores, eight users)
# slow generation or one slow example is no bug.
settings.register_profile("gpp-tui", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("gpp-tui")
if os.environ.get("GPP_TUI_MUTATION_RUN"):
    # scripts/mutation-report: each mutant runs the tests that cover it, property tests
    # included; a few examples each find most mutants at a tenth of the cost.
    _MUTATION_EXAMPLES = 12
    _real_settings_init = settings.__init__

    def _capped_settings_init(self: settings, parent: settings | None = None, **kw: Any) -> None:
        kw["max_examples"] = min(kw.get("max_examples", _MUTATION_EXAMPLES), _MUTATION_EXAMPLES)
        _real_settings_init(self, parent, **kw)

    settings.__init__ = _capped_settings_init  # type: ignore[method-assign]
    settings.register_profile("gpp-tui-mutation", deadline=None, max_examples=_MUTATION_EXAMPLES)
    settings.load_profile("gpp-tui-mutation")

MINIMAL_PACK = """\
schema_version = 1

[pack]
id = "extra"
title = "Extra pack"
source = "Test source"

[[areas]]
id = "X"
title = "Extra area"

[[areas.recommendations]]
id = "X.1"
title = "Extra recommendation"
summary = "An extra summary."
"""

WritePack = Callable[..., Path]


def _text(content: str, name: str = "bad.toml") -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_text(content, encoding="utf-8")
        return path

    return build


def _edit(old: str, new: str) -> Callable[[Path], Path]:
    assert old in MINIMAL_PACK
    return _text(MINIMAL_PACK.replace(old, new, 1))


def _bad_utf8(folder: Path) -> Path:
    path = folder / "bad.toml"
    path.write_bytes(MINIMAL_PACK.encode().replace(b"An extra", b"An \xff extra"))
    return path


def _too_big(folder: Path) -> Path:
    path = folder / "bad.toml"
    with path.open("wb") as file:
        file.truncate(50_000_000)  # sparse: 50 MB on paper, nothing written to disk
    return path


def _empty_folder(folder: Path) -> Path:
    (folder / "packs").mkdir()
    (folder / "packs" / "notes.txt").write_text("not a pack")
    return folder / "packs"


def _same_pack_id(folder: Path) -> Path:
    (folder / "packs").mkdir()
    (folder / "packs" / "a.toml").write_text(MINIMAL_PACK)
    (folder / "packs" / "b.toml").write_text(MINIMAL_PACK.replace("X", "Y"))
    return folder / "packs"


_REC = 'id = "X.1"\ntitle = "Extra recommendation"\n'

BAD_PACKS: dict[str, tuple[Callable[[Path], Path], tuple[str, ...]]] = {
    "toml-syntax": (_edit('title = "Extra area"', 'title = "Extra area'), ("line 10", "TOML")),
    "not-utf8": (_bad_utf8, ("line 15", "UTF-8")),
    "title-not-text": (
        _edit('title = "Extra recommendation"', "title = 3"),
        ("areas[0] (X).recommendations[0] (X.1).title", "valid string"),
    ),
    "tags-not-list": (_edit(_REC, _REC + 'tags = "x"\n'), ("(X.1).tags",)),
    "missing-key": (_edit('source = "Test source"\n', ""), ("pack.source", "required")),
    "empty-title": (
        _edit('title = "Extra area"', 'title = "  "'),
        ("(X).title", "must not be empty"),
    ),
    "duplicate-recommendation-id": (
        _text(MINIMAL_PACK + "\n[[areas.recommendations]]\n" + _REC),
        ("duplicate id 'X.1'",),
    ),
    "area-id-equals-recommendation-id": (_edit('id = "X.1"', 'id = "X"'), ("duplicate id 'X'",)),
    "dangling-related": (_edit(_REC, _REC + 'related = ["Z.9"]\n'), ("(X.1)", "'Z.9'")),
    "unknown-key": (_edit(_REC, _REC + 'colour = "red"\n'), ("(X.1).colour", "not permitted")),
    "newer-schema": (_edit("schema_version = 1", "schema_version = 99"), ("schema_version 99",)),
    "nested-too-deeply": (_text(MINIMAL_PACK + "x = " + "[" * 5000 + "]" * 5000), ("nested",)),
    "key-with-newline": (_edit(_REC, _REC + '"bad\\nkey" = 1\n'), ("bad\\nkey",)),
    "too-big": (_too_big, ("50.0 MB", "at most")),
    "missing-file": (lambda folder: folder / "nowhere.toml", ("no such file",)),
    "empty-folder": (_empty_folder, ("no .toml files",)),
    "same-pack-id-in-folder": (_same_pack_id, ("b.toml", "pack id 'extra' is already used")),
}


@dataclass(frozen=True)
class BadPack:
    """A broken pack on disk and the words its one-line error must contain."""

    path: Path
    expected: tuple[str, ...]


@pytest.fixture(params=sorted(BAD_PACKS))
def bad_pack(request: pytest.FixtureRequest, tmp_path: Path) -> BadPack:
    """Each kind of broken pack (file or folder) in turn."""
    build, expected = BAD_PACKS[request.param]
    return BadPack(build(tmp_path), expected)


@pytest.fixture(autouse=True)
def private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the data and cache folders at fresh ones: no test touches the user's files."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("GPP_TUI_DATA_DIR", str(folder))
    monkeypatch.setenv("GPP_TUI_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("GPP_TUI_CONFIG", str(folder / "no-config.toml"))
    return folder


@pytest.fixture(autouse=True)
def english_interface(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English whatever the developer's locale, and ends in it."""
    from gpp_tui.i18n import use_language

    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    use_language("en")
    yield
    use_language("en")


@pytest.fixture
def minimal_pack() -> str:
    """The text of a small valid pack (id "extra", one area X, one recommendation X.1)."""
    return MINIMAL_PACK


@pytest.fixture
def write_pack(tmp_path: Path) -> WritePack:
    """write_pack(text_or_bytes, name="pack.toml") writes a pack file under tmp_path."""

    def write(content: str | bytes, name: str = "pack.toml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


@pytest.fixture
def source_recommendations() -> dict[str, tuple[str, str]]:
    """The 11 recommendations as the source document words them: id -> (title, summary)."""
    return {
        "A.1": (
            "Intersectional Prevention Strategies",
            "Recognize overlapping identities to mitigate risks.",
        ),
        "A.2": (
            "Legal Accountability",
            "Use diverse mechanisms like ICC and universal jurisdiction.",
        ),
        "A.3": ("State-led Initiatives", "Tackle structural drivers via national policies."),
        "B.1": (
            "Comprehensive Frameworks",
            "Support survivors' physical, legal, and psychosocial well-being.",
        ),
        "B.2": (
            "Anti-Retaliation Safeguards",
            "Ensure survivors' safety during justice processes.",
        ),
        "B.3": ("Tailored Measures", "Adapt protections for marginalized groups."),
        "C.1": ("Survivor-Informed Processes", "Prioritize safety and trauma awareness."),
        "C.2": ("Broader Contributions", "Include survivors in advocacy and policy efforts."),
        "D.1": ("Holistic Support", "Address survivors\u2019 mental, economic, and social needs."),
        "D.2": ("Inclusive Reparations", "Recognize community-level harms."),
        "D.3": ("Cumulative Charging", "Reflect intersectional harms in legal cases."),
    }


_SCRYPT_CACHE: dict[tuple[str, bytes, str], bytes] = {}
_SCRYPT_FAILURES: dict[tuple[str, bytes, str], tuple[type[Exception], tuple[Any, ...]]] = {}
_IDENTITIES: list[object] = []


@pytest.fixture(autouse=True)
def memoised_scrypt(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Derive each passphrase's scrypt key once per run, not once per test (~1.5 s each).

    age's passphrase mode is scrypt, on purpose slow; without this, unlocking is a third
    of the suite. Each (sealed bytes, passphrase) is checked for real once per run: a
    wrong passphrase or a damaged file fails for real the first time, and the same
    error (a new exception of the same type and message) is raised again for the same
    bytes and passphrase (decryption is deterministic). Key files stay real age files:
    the Nth identity a test generates is the Nth of the run's pool, so the same
    (identity, passphrase) seals to the same cached bytes. Tests marked `real_scrypt`
    take the unpatched path.
    """
    if request.node.get_closest_marker("real_scrypt"):
        return
    from pyrage import passphrase, x25519

    real_encrypt, real_decrypt = passphrase.encrypt, passphrase.decrypt
    real_generate = x25519.Identity.generate
    generated = 0

    def generate() -> object:
        nonlocal generated
        if generated == len(_IDENTITIES):
            _IDENTITIES.append(real_generate())
        generated += 1
        return _IDENTITIES[generated - 1]

    def encrypt(plain: bytes, secret: str) -> bytes:
        key = ("encrypt", bytes(plain), secret)
        if key not in _SCRYPT_CACHE:
            sealed = bytes(real_encrypt(plain, secret))
            _SCRYPT_CACHE[key] = sealed
            _SCRYPT_CACHE["decrypt", sealed, secret] = bytes(plain)
        return _SCRYPT_CACHE[key]

    def decrypt(sealed: bytes, secret: str) -> bytes:
        key = ("decrypt", bytes(sealed), secret)
        if key in _SCRYPT_FAILURES:
            kind, args = _SCRYPT_FAILURES[key]
            raise kind(*args)
        if key not in _SCRYPT_CACHE:
            try:
                _SCRYPT_CACHE[key] = bytes(real_decrypt(sealed, secret))
            except Exception as error:  # a wrong passphrase or damaged bytes
                _SCRYPT_FAILURES[key] = (type(error), error.args)
                raise
        return _SCRYPT_CACHE[key]

    monkeypatch.setattr(passphrase, "encrypt", encrypt)
    monkeypatch.setattr(passphrase, "decrypt", decrypt)
    monkeypatch.setattr(x25519.Identity, "generate", generate)
