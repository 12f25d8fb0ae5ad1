"""A team folder of 20 devices x 2,500 notes (50,000 notes): how fast the team view is ready,
what a local save costs, peak memory, and what a refresh reads after one file changes.

Every measurement runs in a fresh process, on a fresh copy of the folders:
- cold: the team view ready as the app gets it (`Session.open_store`: this device's
  store opened, the team found, this device's file published, the 19 other device files
  read and joined with its own 2,500 notes), timed from the process's start (interpreter
  and imports included) and from after the imports, wall clock and CPU (the CPU figure
  moves less on a loaded machine); the OS file cache is warm, as it is once the sync tool
  has written the files;
- warm: the same again in that process (modules loaded, files unchanged);
- local save: one edit saved to the store, then this device's file written to the
  team folder (what every change costs), median of --runs;
- refresh: one colleague's file rewritten with one more note; the refresh must read
  that file only;
- peak memory: the process's maximum resident set size, all of the above done;
- --rounds N: N processes, medians; --against SRC: the same alternating with the
  gpp_tui package in SRC (PYTHONPATH), e.g. a checkout of an older commit, and ratios;
- --encrypted: an encrypted team (device files sealed with age, this device's store
  encrypted too; the passphrase's key derivation is not timed: the user types it);
- with --paint N: time to first paint of `gpp` (benchmarks/startup.py's clock) on this
  data folder joined to the team and on a copy of it not joined, alternating, N runs.

Run:  python benchmarks/team.py [--devices 20] [--notes 2500] [--runs 15] [--rounds 1] [--encrypted]
                                [--against OTHER/src] [--paint 7]
Goals: view ready < 10 s cold and < 2 s warm, save < 200 ms median, peak < 300 MB.
The load average is printed at the start and the end: quote it with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.atomic import atomic_write_bytes
from gpp_tui.store.models import Annotations, NodeAnnotations, Note, ReviewStatus
from gpp_tui.team import device_file
from gpp_tui.team.layout import TeamFolder, new_device_id
from gpp_tui.team.review import TeamReview, join_team

PACK = "wigj-gpp"
RATIOS = ("cold_start", "cold", "cold_cpu", "warm", "warm_cpu", "save_ms", "refresh_ms", "peak_mb")
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


def make_folder(
    root: Path, devices: int, notes: int, *, encrypted: bool = False
) -> tuple[Path, Path]:
    """The team folder with `devices - 1` colleagues' files, and this device's data folder.

    Encrypted: this device's store is, and the colleagues' files are sealed to it (and
    to their writer); its identity is in `root/me.key` (no passphrase to derive a key)."""
    import pyrage
    from pyrage import x25519

    identity = x25519.Identity.generate() if encrypted else None
    if identity is not None:
        (root / "me.key").write_text(str(identity), encoding="utf-8")
    team = TeamFolder.create(root / "team", "Benchmark team", encrypted=encrypted)
    for number in range(devices - 1):
        annotations = build(notes, f"Colleague {number}", number + 1)
        data = device_file.render(
            team.info.team_id,
            new_device_id(),
            f"Colleague {number}",
            annotations,
        )
        if identity is not None:
            readers = [identity.to_public(), x25519.Identity.generate().to_public()]
            data = bytes(pyrage.encrypt(data, readers))
        atomic_write_bytes(team.device_file(new_device_id()), data)
    data_folder = root / "me"
    with own_store(data_folder) as store, store.update() as edit:
        edit.annotations = build(notes, "Me", 0)
    join_team(data_folder, team.path, "Me", identity)
    return team.path, data_folder


def codec_of(data_folder: Path) -> Any:
    """This device's store codec: an AgeCodec when the benchmark is encrypted, else None."""
    key = data_folder.with_name("me.key")
    if not key.exists():
        return None
    from gpp_tui.store.crypto import AgeCodec

    return AgeCodec(key.read_text(encoding="utf-8"))


def own_store(data_folder: Path) -> AnnotationStore:
    """This device's store, with its codec when encrypted."""
    codec = codec_of(data_folder)
    if codec is None:
        return AnnotationStore(data_folder, author="Me")
    return AnnotationStore(data_folder, author="Me", codec=codec)


def ready(data_folder: Path) -> dict[str, float | int]:
    """The team view ready as the app gets it (`Session.open_store`: the store, then the
    team found, this device's file published and the view built): seconds of wall clock
    and of CPU, how many notes it holds, and the part spent opening this device's own store
    (as without a team)."""
    from gpp_tui.session.teamwork import Teamwork

    wall, cpu = time.perf_counter(), time.process_time()
    store = own_store(data_folder)
    own = time.perf_counter() - wall
    team = Teamwork()
    team.open(store, "Me", codec_of(data_folder))
    assert team.live is not None, team.messages
    total = team.view(store).note_total
    result = {
        "wall": time.perf_counter() - wall,
        "cpu": time.process_time() - cpu,
        "own": own,
        "notes": total,
    }
    store.close()
    return result


def child(data_folder: Path, runs: int) -> None:
    """Every measurement, in a fresh process (its start is the cold clock's); prints JSON."""
    cold = ready(data_folder)
    started = float(os.environ.get("TEAM_BENCH_SPAWNED", "0"))
    from_start = time.time() - started if started else cold["wall"]
    warm = ready(data_folder)
    result: dict[str, object] = {
        "cold_start": from_start,
        "cold": cold["wall"],
        "cold_cpu": cold["cpu"],
        "cold_own": cold["own"],
        "warm": warm["wall"],
        "warm_cpu": warm["cpu"],
        "warm_own": warm["own"],
        "notes": cold["notes"],
        "encrypted": codec_of(data_folder) is not None,
    }
    result.update(save_and_refresh(data_folder, runs))
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def save_and_refresh(data_folder: Path, runs: int) -> dict[str, object]:
    """The local save's median, and what a refresh reads after one colleague's file changed."""
    store = own_store(data_folder)
    codec = codec_of(data_folder)
    review = TeamReview.open(data_folder, "Me", codec.identity if codec else None)
    assert review is not None
    store.after_save = review.publish_after_save
    review.refresh()
    store.prepare_save()
    review.publish(store.annotations)
    times = []
    for number in range(runs):
        started = time.perf_counter()
        with store.update() as edit:
            edit.add_note(PACK, "B.2", f"benchmark note {number}")
        times.append(time.perf_counter() - started)
    assert not review.publish_problem, review.publish_problem

    victim = sorted(review.files.contributions())[0]
    contribution = review.files.contributions()[victim]
    with AnnotationStore(data_folder.with_name("victim")) as other:
        with other.update() as edit:
            edit.annotations = contribution.annotations
            edit.add_note(PACK, "C.1", "one more from a colleague")
        changed = other.annotations
    data = device_file.render(
        review.team.info.team_id, contribution.device_id, contribution.author, changed
    )
    if codec is not None:
        import pyrage
        from pyrage import x25519

        data = bytes(pyrage.encrypt(data, [x25519.Recipient.from_str(review.files.seal.recipient)]))
    atomic_write_bytes(review.team.devices / victim, data)
    started = time.perf_counter()
    refresh = review.refresh()
    elapsed = time.perf_counter() - started
    started = time.perf_counter()
    review.view_nodes(review.view(store.annotations), store.annotations, refresh.nodes)
    view_elapsed = time.perf_counter() - started
    started = time.perf_counter()
    idle = review.refresh()
    idle_elapsed = time.perf_counter() - started
    store.close()
    return {
        "save_ms": statistics.median(times) * 1000,
        "refresh_read": list(refresh.read),
        "refresh_nodes": len(refresh.nodes),
        "refresh_ms": elapsed * 1000,
        "view_ms": view_elapsed * 1000,
        "idle_read": len(idle.read),
        "idle_ms": idle_elapsed * 1000,
    }


def run_child(work: Path, master: Path, runs: int, pythonpath: str | None) -> dict[str, Any]:
    """One fresh process on a fresh copy of the folders (so every run starts alike)."""
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(master, work, symlinks=True)
    env = {**os.environ, "PYTHONWARNINGS": "ignore", "TEAM_BENCH_SPAWNED": repr(time.time())}
    if pythonpath is not None:
        env["PYTHONPATH"] = pythonpath
    run = subprocess.run(
        [sys.executable, __file__, "--child", str(work / "me"), "--runs", str(runs)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    result: dict[str, Any] = json.loads(run.stdout)
    return result


def report(results: list[dict[str, Any]], devices: int, notes: int) -> dict[str, float]:
    """Print the medians of several runs of one version of the code; returns them."""
    keys = (*RATIOS, "cold_own", "warm_own", "view_ms", "idle_ms")
    m = {key: statistics.median(float(r[key]) for r in results) for key in keys}
    last = results[-1]
    spread = ", ".join(f"{r['warm']:.2f}" for r in results)
    print(f"{devices} devices x {notes} notes: team view of {last['notes']} notes; ", end="")
    print("encrypted; " if last.get("encrypted") else "", end="")
    print(f"median of {len(results)} process(es)")
    print(
        f"  ready cold  {m['cold_start']:.2f} s from process start (imports included; goal "
        f"< 10 s): {m['cold']:.2f} s after the imports, {m['cold_cpu']:.2f} s CPU, "
        f"opening your own store {m['cold_own']:.2f} s of it"
    )
    print(
        f"  ready warm  {m['warm']:.2f} s   (goal < 2 s; {m['warm_cpu']:.2f} s CPU; opening "
        f"your own store {m['warm_own']:.2f} s of it; each run: {spread})"
    )
    print(f"  peak memory {m['peak_mb']:.0f} MB   (goal < 300 MB)")
    print(f"  local save  {m['save_ms']:.0f} ms median (store + device file; goal < 200 ms)")
    print(
        f"  refresh after one file changed: read {len(last['refresh_read'])} file(s) "
        f"{last['refresh_read']} in {m['refresh_ms']:.0f} ms, {last['refresh_nodes']} node(s) "
        f"joined again; full view rebuilt in {m['view_ms']:.0f} ms"
    )
    print(
        f"  refresh with nothing changed: read {last['idle_read']} files in {m['idle_ms']:.1f} ms"
    )
    return m


def load() -> str:
    """The load average, to quote with every figure."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} cores)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=20)
    parser.add_argument("--notes", type=int, default=2500)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=1, help="fresh processes per version")
    parser.add_argument("--paint", type=int, default=0, metavar="N")
    parser.add_argument(
        "--against",
        type=Path,
        metavar="SRC",
        help="also measure the gpp_tui package in SRC (e.g. an older checkout's src/), "
        "alternating with this one, and print the ratios",
    )
    parser.add_argument(
        "--encrypted",
        action="store_true",
        help="an encrypted team: device files sealed with age, this device's store too",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.runs)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work, master = Path(tmp) / "work", Path(tmp) / "master"
        work.mkdir()
        make_folder(work, args.devices, args.notes, encrypted=args.encrypted)
        work.rename(master)  # each run gets a copy at the same path (the link holds it)
        versions: dict[str, str | None] = {"this": None}
        if args.against:
            versions["against"] = str(args.against.resolve())
        results: dict[str, list[dict[str, Any]]] = {name: [] for name in versions}
        print(load(), "at the start")
        for _ in range(args.rounds):
            for name, pythonpath in versions.items():
                results[name].append(run_child(work, master, args.runs, pythonpath))
        medians = {}
        for name, found in results.items():
            if args.against:
                print(f"== {name}: {versions[name] or 'this checkout'}")
            medians[name] = report(found, args.devices, args.notes)
        if args.against:
            this, other = medians["this"], medians["against"]
            print("== ratios this / against (medians; < 1 is faster)")
            print(
                "  "
                + ", ".join(f"{key} {this[key] / other[key]:.2f}" for key in RATIOS if other[key])
            )
        print(load(), "at the end")
        if args.paint:
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(master, work, symlinks=True)
            paint(work / "me", args.paint)
    return 0


def paint(data_folder: Path, runs: int) -> None:
    """First paint of gpp with the team joined against the same notes without a team."""

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
