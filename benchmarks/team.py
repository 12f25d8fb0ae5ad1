"""A team folder of 20 devices x 2,500 notes (50,000 notes): how fast the team view is ready,
what a local save costs, peak memory, and what a refresh reads after one file changes.

- cold: a fresh Python process opens the team, reads and joins the 19 other device files
  and joins them with its own 2,500 notes (imports included; the OS file cache is warm,
  as it is once the sync tool has written the files);
- warm: the same again in that process (modules loaded);
- local save: one edit saved to the store, then this device's file written to the
  team folder (what every change costs), median of --runs;
- refresh: one colleague's file rewritten with one more note; the refresh must read
  that file only;
- peak memory: the cold process's maximum resident set size;
- with --paint N: time to first paint of `gpp` (benchmarks/startup.py's clock) on this
  data folder joined to the team and on a copy of it not joined, alternating, N runs.

Run:  python benchmarks/team.py [--devices 20] [--notes 2500] [--runs 15] [--paint 7]
Goals: view ready < 10 s cold and < 2 s warm, save < 200 ms median, peak < 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.atomic import atomic_write_bytes
from gpp_tui.store.models import Annotations, NodeAnnotations, Note, ReviewStatus
from gpp_tui.team import device_file
from gpp_tui.team.layout import TeamFolder, new_device_id
from gpp_tui.team.review import TeamReview, join_team

PACK = "wigj-gpp"
NODES = ("A.1", "A.2", "A.3", "B.1", "B.2", "B.3", "C.1", "C.2", "D.1", "D.2", "D.3")
PARAGRAPH = (
    "The survivor's account was consistent across both interviews; corroboration from the "
    "medical report (page 4) and from the NGO's intake notes. سلام — دری و فارسی 🙂"
)


def build(notes: int, author: str, seed: int) -> Annotations:
    """`notes` notes by `author` spread over the 11 recommendations, with statuses."""
    start = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(hours=seed)
    by_node: dict[str, list[Note]] = {node: [] for node in NODES}
    for i in range(notes):
        by_node[NODES[i % len(NODES)]].append(
            Note(
                text=f"{author} note {i}. {PARAGRAPH}",
                tags=("asylum",) if i % 2 else (),
                created=start + timedelta(seconds=i),
                updated=start + timedelta(seconds=i, milliseconds=500),
                author=author,
            )
        )
    statuses = list(ReviewStatus)
    packs = {
        PACK: {
            node: NodeAnnotations(
                status=statuses[(seed + index) % 3],
                status_changed=start,
                notes=tuple(items),
            )
            for index, (node, items) in enumerate(by_node.items())
        }
    }
    return Annotations(packs=packs)


def make_folder(root: Path, devices: int, notes: int) -> tuple[Path, Path]:
    """The team folder with `devices - 1` colleagues' files, and this device's data folder."""
    team = TeamFolder.create(root / "team", "Benchmark team", encrypted=False)
    for number in range(devices - 1):
        annotations = build(notes, f"Colleague {number}", number + 1)
        data = device_file.render(
            team.info.team_id,
            new_device_id(),
            f"Colleague {number}",
            annotations,
        )
        atomic_write_bytes(team.devices / f"{new_device_id()}.json", data)
    data_folder = root / "me"
    with AnnotationStore(data_folder, author="Me") as store, store.update() as edit:
        edit.annotations = build(notes, "Me", 0)
    join_team(data_folder, team.path, "Me")
    return team.path, data_folder


def ready(data_folder: Path) -> tuple[float, int, float]:
    """Seconds until the team view is ready, how many notes it holds, and the seconds of
    that spent opening this device's own store (as without a team)."""
    started = time.perf_counter()
    with AnnotationStore(data_folder, author="Me") as store:
        own = time.perf_counter() - started
        review = TeamReview.open(data_folder, "Me")
        assert review is not None
        review.refresh()
        view = review.view(store.annotations)
    return time.perf_counter() - started, view.note_total, own


def child(data_folder: Path) -> None:
    """The cold and warm measurements, in a fresh process; prints JSON."""
    cold, total, cold_own = ready(data_folder)
    warm, _, warm_own = ready(data_folder)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "cold": cold,
                "warm": warm,
                "cold_own": cold_own,
                "warm_own": warm_own,
                "notes": total,
                "peak_mb": peak,
            }
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=20)
    parser.add_argument("--notes", type=int, default=2500)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--paint", type=int, default=0, metavar="N")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        _, data_folder = make_folder(Path(tmp), args.devices, args.notes)
        run = subprocess.run(
            [sys.executable, __file__, "--child", str(data_folder)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONWARNINGS": "ignore"},
        )
        result = json.loads(run.stdout)
        print(f"{args.devices} devices x {args.notes} notes: team view of {result['notes']} notes")
        print(
            f"  ready cold  {result['cold']:.2f} s   (goal < 10 s; opening your own store "
            f"{result['cold_own']:.2f} s of it)"
        )
        print(
            f"  ready warm  {result['warm']:.2f} s   (goal < 2 s; opening your own store "
            f"{result['warm_own']:.2f} s of it)"
        )
        print(f"  peak memory {result['peak_mb']:.0f} MB   (goal < 300 MB)")

        store = AnnotationStore(data_folder, author="Me")
        review = TeamReview.open(data_folder, "Me")
        assert review is not None
        store.after_save = review.publish_after_save
        review.refresh()
        store.prepare_save()
        review.publish(store.annotations)
        times = []
        for number in range(args.runs):
            started = time.perf_counter()
            with store.update() as edit:
                edit.add_note(PACK, "B.2", f"benchmark note {number}")
            times.append(time.perf_counter() - started)
        assert not review.publish_problem, review.publish_problem
        print(
            f"  local save  {statistics.median(times) * 1000:.0f} ms median of {args.runs} "
            "(store + device file; goal < 200 ms)"
        )

        victim = sorted(review.files.contributions())[0]
        contribution = review.files.contributions()[victim]
        with AnnotationStore(Path(tmp) / "victim") as other:
            with other.update() as edit:
                edit.annotations = contribution.annotations
                edit.add_note(PACK, "C.1", "one more from a colleague")
            changed = other.annotations
        data = device_file.render(
            review.team.info.team_id,
            contribution.device_id,
            contribution.author,
            changed,
        )
        atomic_write_bytes(review.team.devices / victim, data)
        started = time.perf_counter()
        refresh = review.refresh()
        elapsed = time.perf_counter() - started
        view_started = time.perf_counter()
        review.view_nodes(review.view(store.annotations), store.annotations, refresh.nodes)
        view_elapsed = time.perf_counter() - view_started
        print(
            f"  refresh after one file changed: read {len(refresh.read)} file(s) "
            f"{list(refresh.read)} in {elapsed * 1000:.0f} ms, {len(refresh.nodes)} node(s) "
            f"joined again; full view rebuilt in {view_elapsed * 1000:.0f} ms"
        )
        started = time.perf_counter()
        idle = review.refresh()
        print(
            f"  refresh with nothing changed: read {len(idle.read)} files in "
            f"{(time.perf_counter() - started) * 1000:.1f} ms"
        )
        store.close()
        if args.paint:
            paint(data_folder, args.paint)
    return 0


def paint(data_folder: Path, runs: int) -> None:
    """First paint of gpp with the team joined against the same notes without a team."""
    import shutil

    sys.path.insert(0, str(Path(__file__).parent))
    from startup import time_to_marker

    alone = data_folder.with_name("alone")
    shutil.copytree(data_folder, alone)
    (alone / "team.toml").unlink()
    gpp = shutil.which("gpp") or str(Path(sys.executable).with_name("gpp"))
    env = {**os.environ, "TERM": "xterm-256color"}
    times: dict[str, list[float]] = {"team": [], "alone": []}
    for run in range(runs + 1):
        for name, folder in (("team", data_folder), ("alone", alone)):
            seconds = time_to_marker([gpp, "--data-dir", str(folder)], env)
            if run:
                times[name].append(seconds)
    team, solo = statistics.median(times["team"]), statistics.median(times["alone"])
    paired = statistics.median(t / a for t, a in zip(times["team"], times["alone"], strict=True))
    print(
        f"  first paint {team * 1000:.0f} ms with the team, {solo * 1000:.0f} ms without: "
        f"ratio {team / solo:.2f}, paired {paired:.2f} (goal: within noise)"
    )


if __name__ == "__main__":
    sys.exit(main())
