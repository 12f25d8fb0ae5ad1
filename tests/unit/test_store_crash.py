"""Crash test: a process saving in a loop is SIGKILLed again and again; nothing is ever lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from gpp_tui.store.drafts import Drafts
from gpp_tui.store.serialize import decode

CHILD = Path(__file__).with_name("store_crash_child.py")
KILLS = 30


def _note_numbers(folder: Path) -> list[int]:
    annotations = decode((folder / "annotations.toml").read_bytes())
    notes = [note for node in annotations.packs.get("wigj-gpp", {}).values() for note in node.notes]
    return sorted(int(note.text.split("\r\n")[0].removeprefix("note ")) for note in notes)


def test_sigkill_mid_save_leaves_the_previous_or_the_new_state(tmp_path: Path) -> None:
    rng = random.Random(1234)
    folder = tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    seen = 0
    grew = 0
    for kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(folder)], stdout=subprocess.PIPE, text=True, env=env
        )
        assert child.stdout is not None
        ready = child.stdout.readline().split()
        assert ready[:1] == ["ready"], "the child could not open the store"
        assert int(ready[1]) == seen, "the child did not start from the last saved state"
        if kill % 2:  # every other kill comes after a first save, however slow the machine
            assert child.stdout.readline().split()[:1] == ["saved"]
        time.sleep(rng.uniform(0.0, 0.12))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        numbers = _note_numbers(folder)
        assert numbers == list(range(len(numbers))), "notes must be a gap-free prefix"
        assert len(numbers) >= seen, "a save that had completed was lost"
        grew += len(numbers) > seen
        seen = len(numbers)
        drafts, problems = Drafts(folder).all()
        assert problems == []
        assert all(draft.text.startswith("draft ") for draft in drafts)
        assert not list(folder.glob("*.corrupt-*"))
    assert grew >= KILLS // 3, "the child was mostly killed before it could save"
