"""Time from process start to the first painted screen: `gpp` against a bare Textual app.

Both run side by side in the same run, alternating, in a pseudo-terminal of 80x24;
the clock stops when the screen shows the focus areas of the tree.

Run:  python benchmarks/startup.py [--runs 15]
      python benchmarks/startup.py --lang fr   # also gpp with `language = "fr"` in its settings
      python benchmarks/startup.py --big /tmp/gppbench   # after benchmarks/make_pack.py
Goals (warm start: the first run of each is dropped):
  median(gpp) / median(bare) <= 1.15;
  with --big, median(gpp with the 10,000-recommendation pack and 10,000 notes)
  / median(gpp) <= 1.5.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

MARKERS = (b"Relief and Recovery", "Secours et relèvement".encode())
"""The last focus area's title, in English or (with --lang fr) French."""

BARE_APP = """
from textual.app import App
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static, Tree

AREAS = {"A Prevention": ["A.1 Intersectional Prevention Strategies", "A.2 Legal Accountability",
         "A.3 State-led Initiatives"], "B Protection": ["B.1 Comprehensive Frameworks"],
         "C Participation": ["C.1 Survivor-Informed Processes"],
         "D Relief and Recovery": ["D.1 Holistic Support"]}

class Bare(App):
    CSS = "#tree {width: 36;} #detail {width: 1fr;}"
    def compose(self):
        yield Header()
        with Horizontal():
            tree = Tree("Gender Persecution Principles", id="tree")
            for area, recs in AREAS.items():
                node = tree.root.add(area)
                for rec in recs:
                    node.add_leaf(rec)
            tree.root.expand()
            yield tree
            with VerticalScroll(id="detail"):
                yield Static("Gender Persecution Principles")
                yield Static("Key recommendations submitted by Women's Initiatives")
                yield OptionList("Background", "A Prevention")
        yield Footer()

Bare().run()
"""


def time_to_marker(argv: list[str], env: dict[str, str], timeout: float = 20.0) -> float:
    """Seconds from spawning `argv` in an 80x24 pty until one of MARKERS is written."""
    start = time.perf_counter()
    pid, fd = os.forkpty()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                seen = seen[-max(map(len, MARKERS)) :] + chunk
                if any(marker in seen for marker in MARKERS):
                    return time.perf_counter() - start
        raise RuntimeError(f"{argv} did not paint {MARKERS!r} within {timeout}s")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def main() -> None:
    """Measure both apps alternately and print medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--big", type=Path, help="folder written by make_pack.py (pack.toml and data/)"
    )
    parser.add_argument(
        "--lang", metavar="LANG", help="also time gpp with `language = LANG` in its settings"
    )
    args = parser.parse_args()
    gpp = shutil.which("gpp") or str(Path(sys.executable).with_name("gpp"))
    work = Path(tempfile.mkdtemp())
    bare_script = work / "bare_app.py"
    bare_script.write_text(BARE_APP)
    env = {**os.environ, "TERM": "xterm-256color", "GPP_TUI_DATA_DIR": str(work / "data")}
    commands = {"bare textual": [sys.executable, str(bare_script)], "gpp": [gpp]}
    if args.big:
        big = args.big.resolve()
        commands["gpp big"] = [
            gpp,
            "--content",
            str(big / "pack.toml"),
            "--data-dir",
            str(big / "data"),
        ]
    envs = {name: env for name in commands}
    if args.lang:
        settings = work / "config.toml"
        settings.write_text(f"language = {args.lang!r}\n", encoding="utf-8")
        commands[f"gpp {args.lang}"] = [gpp]
        envs[f"gpp {args.lang}"] = {**env, "GPP_TUI_CONFIG": str(settings)}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for run in range(args.runs + 1):
        for name, argv in commands.items():
            seconds = time_to_marker(argv, envs[name])
            if run:  # the first run only warms the file cache
                times[name].append(seconds)
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(
            f"{name:>13}: median {medians[name] * 1000:6.0f} ms  "
            f"(min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}, n={len(values)})"
        )
    ratio = medians["gpp"] / medians["bare textual"]
    print(f"ratio gpp / bare: {ratio:.2f}  (goal <= 1.15)")
    # Each round runs both back to back, so the median of per-round ratios cancels
    # slow drifts of a noisy machine better than the ratio of the two medians.
    pairs = zip(times["gpp"], times["bare textual"], strict=True)
    paired = statistics.median(g / b for g, b in pairs)
    print(f"median of paired ratios: {paired:.2f}")
    if _from_source_without_bytecode():
        print(
            "note: gpp_tui is imported from its source files and PYTHONDONTWRITEBYTECODE is "
            "set, so every start compiles it again; measure an installed copy (pip install .)"
        )
    if args.lang:
        name = f"gpp {args.lang}"
        pairs = zip(times[name], times["bare textual"], strict=True)
        print(
            f"ratio {name} / bare: {medians[name] / medians['bare textual']:.2f}, "
            f"paired {statistics.median(g / b for g, b in pairs):.2f}; "
            f"{name} / gpp: {medians[name] / medians['gpp']:.2f}"
        )
    if "gpp big" in medians:
        big_ratio = medians["gpp big"] / medians["gpp"]
        print(f"ratio gpp big / gpp: {big_ratio:.2f}  (goal <= 1.5)")
    shutil.rmtree(work, ignore_errors=True)


def _from_source_without_bytecode() -> bool:
    """True for an editable install run with PYTHONDONTWRITEBYTECODE (start-up is slower)."""
    import importlib.util

    spec = importlib.util.find_spec("gpp_tui")
    origin = spec.origin if spec is not None else None
    return bool(
        os.environ.get("PYTHONDONTWRITEBYTECODE")
        and origin
        and "site-packages" not in origin
        and not (Path(origin).parent / "__pycache__").is_dir()
    )


if __name__ == "__main__":
    main()
