"""Save and load time of the annotations file with 10,000 notes, against plain tomli_w.

Measured in one process, alternating, on a temporary folder:
- save after one edit: what the UI pays for each change (the usual case);
- first save: every note rendered and checked to read back (once per session,
  unless prepared);
- prepare: the app renders and checks everything in the background after the
  annotations load, so its first save costs what a later one does;
- baseline: `tomli_w.dumps` of the same dict and a plain write (no fsync, no
  read-back check, no .bak), so the ratio shows what the safety steps cost;
- load: opening the store (read, parse with tomllib, validate), and tomllib alone.

Run:  python benchmarks/annotations.py [--notes 10000] [--runs 7]
Goal: median save after one edit of 10,000 notes < 200 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import tomli_w

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.models import Annotations, NodeAnnotations, Note, ReviewStatus
from gpp_tui.store.serialize import annotations_to_raw

PACK = "wigj-gpp"
GOAL_MS = 200.0
PARAGRAPH = (
    "The survivor's account was consistent across both interviews; corroboration from the "
    "medical report (page 4) and from the NGO's intake notes. Follow up on the date of the "
    "second incident. سلام — دری و فارسی 🙂"
)


def build(notes: int) -> Annotations:
    """`notes` notes over about notes / 20 nodes, with statuses, bookmarks and tags."""
    start = datetime(2025, 1, 1, tzinfo=UTC)
    nodes: dict[str, NodeAnnotations] = {}
    per_node = 20
    for first in range(0, notes, per_node):
        node_id = f"{chr(65 + first // per_node % 6)}.{first // per_node}"
        node_notes = tuple(
            Note(
                text=f"Note {i}.\n\n{PARAGRAPH}" if i % 3 else f"Note {i}: {PARAGRAPH}",
                tags=("asylum", "follow-up") if i % 2 else (),
                created=start + timedelta(minutes=i),
                updated=start + timedelta(minutes=i, seconds=30),
                author="Reviewer",
                text_hash="0123456789abcdef",
            )
            for i in range(first, min(first + per_node, notes))
        )
        nodes[node_id] = NodeAnnotations(
            status=list(ReviewStatus)[first // per_node % 3],
            status_changed=start,
            notes=node_notes,
        )
    return Annotations(packs={PACK: nodes})


def _ms(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def main() -> int:
    """Print the medians; exit 1 when the save goal is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    value = build(args.notes)
    raw = annotations_to_raw(value)
    timings: dict[str, list[float]] = {
        "save after one edit": [],
        "first save": [],
        "prepare (background)": [],
        "first save, prepared": [],
        "baseline tomli_w + write": [],
        "load (open store)": [],
        "baseline tomllib parse": [],
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        baseline = Path(tmp) / "baseline.toml"
        for run in range(args.runs):
            with AnnotationStore(folder) as store:
                store._annotations = value  # as if built by many edits
                timings["first save"].append(_ms(store.save))
                with store.update(save=False) as edit:
                    edit.add_note(PACK, "A.0", f"one more note, run {run}")
                timings["save after one edit"].append(_ms(store.save))
            with AnnotationStore(folder) as store:  # as the app opens it
                timings["prepare (background)"].append(_ms(store.prepare_save))
                with store.update(save=False) as edit:
                    edit.add_note(PACK, "A.0", f"a note after the restart, run {run}")
                timings["first save, prepared"].append(_ms(store.save))

            def plain_write() -> None:
                baseline.write_text(tomli_w.dumps(raw, multiline_strings=True), encoding="utf-8")

            timings["baseline tomli_w + write"].append(_ms(plain_write))

            def load() -> None:
                AnnotationStore(folder).close()

            timings["load (open store)"].append(_ms(load))
            timings["baseline tomllib parse"].append(
                _ms(partial(tomllib.loads, baseline.read_text()))
            )
        size = (folder / "annotations.toml").stat().st_size
    print(f"{args.notes} notes, {size / 1e6:.1f} MB file, median of {args.runs} runs:")
    medians = {name: statistics.median(values) for name, values in timings.items()}
    for name, median in medians.items():
        spread = f"{min(timings[name]):7.1f} to {max(timings[name]):7.1f}"
        print(f"  {name:26} {median:8.1f} ms   (min to max {spread})")
    ratio = medians["save after one edit"] / medians["baseline tomli_w + write"]
    print(f"  save after one edit / baseline: {ratio:.2f}")
    print(f"Goal: save after one edit < {GOAL_MS:.0f} ms median")
    print("Rerun: python benchmarks/annotations.py --notes 10000 --runs 7")
    return 0 if medians["save after one edit"] < GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
