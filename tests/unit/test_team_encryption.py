"""Encrypted teams: device files sealed to accepted members only; a non-member learns nothing."""

from __future__ import annotations

from pathlib import Path

import pyrage
import pytest
from pyrage import x25519
from team_helpers import PACK, join, make_team, texts

from gpp_tui.team import device_file
from gpp_tui.team.members import Member, render_member

SECRET = "Survivor S-14 named the checkpoint commander"


def test_a_newcomer_reads_nothing_before_acceptance_and_everything_after(tmp_path: Path) -> None:
    team = make_team(tmp_path, encrypted=True)
    amina_key, bruno_key = x25519.Identity.generate(), x25519.Identity.generate()
    amina = join(tmp_path, team, "amina", amina_key)
    amina.add("B.2", SECRET)
    bruno = join(tmp_path, team, "bruno", bruno_key)
    bruno.add("C.1", "bruno's first note")
    assert texts(bruno.view) == {("C.1", "bruno", "bruno's first note")}
    assert any("not encrypted to you" in problem for problem in bruno.review.problems())

    amina.review.refresh()
    (request,) = amina.review.requests()
    assert (
        amina.review.asks(request) == f"bruno (age1…{str(bruno_key.to_public())[-8:]}) asks to join"
    )
    # Bruno does not know Amina's name yet: only her key.
    (other,) = bruno.review.requests()
    assert other.name == "" and other.recipient == str(amina_key.to_public())

    amina.review.decide(request.recipient, amina.store.annotations, accept=True)
    amina.add("B.2", "written after accepting")
    assert texts(bruno.view) >= {
        ("B.2", "amina", SECRET),
        ("B.2", "amina", "written after accepting"),
    }
    assert ("C.1", "bruno", "bruno's first note") not in texts(amina.view)  # not shared back yet
    bruno.review.decide("amina", bruno.store.annotations, accept=True)
    assert ("C.1", "bruno", "bruno's first note") in texts(amina.view)
    assert bruno.review.requests() == [] and amina.review.requests() == []


def test_a_non_member_learns_nothing_and_files_open_with_pyrage(tmp_path: Path) -> None:
    team = make_team(tmp_path, encrypted=True)
    keys = [x25519.Identity.generate() for _ in range(3)]
    amina = join(tmp_path, team, "amina", keys[0])
    bruno = join(tmp_path, team, "bruno", keys[1])
    amina.review.refresh()
    bruno.review.refresh()
    amina.review.decide("bruno", amina.store.annotations, accept=True)
    bruno.review.decide(str(keys[0].to_public())[-10:], bruno.store.annotations, accept=True)
    amina.add("B.2", SECRET)
    bruno.add("D.3", "Kandahar shura testimony")
    with amina.store.update() as edit:
        edit.set_bookmark(PACK, "A.1", "confidential label")
    # Someone who can write to the folder plants a request, and is never accepted.
    stranger = keys[2]
    (team / "members" / "dstranger00000.toml").write_bytes(
        render_member(
            Member("dstranger00000", "Mallory", str(stranger.to_public()), frozenset(), frozenset())
        )
    )
    amina.add("A.2", "after the stranger came")
    files = [path for path in team.rglob("*") if path.is_file()]
    for needle in ("checkpoint", "Kandahar", "confidential", "stranger came", "amina", "bruno"):
        assert not [p for p in files if needle.encode() in p.read_bytes()], needle
    device_files = list((team / "devices").iterdir())
    assert len(device_files) == 2
    for path in device_files:
        with pytest.raises(pyrage.DecryptError):
            pyrage.decrypt(path.read_bytes(), [stranger])
        for key in keys[:2]:
            contribution = device_file.parse(bytes(pyrage.decrypt(path.read_bytes(), [key])))
            assert contribution.annotations.note_total >= 1
    for path in (team / "members").iterdir():
        assert b"sealed_name" in path.read_bytes() or path.name.startswith("dstranger")
