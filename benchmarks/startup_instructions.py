"""Instructions executed up to the first frame: `gpp` against a bare Textual app, under valgrind.

Wall-clock times on a shared machine swing by a third from run to run; the number of
instructions a start executes does not (within about 0.5%). Each app runs once under
`valgrind --tool=cachegrind` in an 80x24 pseudo-terminal and exits the moment it hands
its first frame (the one with the tree's last focus area) to the terminal; the bare
app is the one benchmarks/startup.py uses. About a minute per app.

Run:  python benchmarks/startup_instructions.py [--lang fr]   # needs valgrind
      (with an installed copy, as for startup.py)
Goal: gpp / bare <= 1.15, as for the wall-clock ratio.
"""

from __future__ import annotations

import argparse
import os
import re
import select
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

from startup import BARE_APP, time_to_marker

RUNNER = """
import os, sys
from textual.drivers import linux_driver

write = linux_driver.LinuxDriver.write

def write_then_stop(self, data):
    write(self, data)
    if "Relief and Recovery" in data or "Secours et relèvement" in data:
        os._exit(0)

linux_driver.LinuxDriver.write = write_then_stop
if sys.argv[1] == "bare":
    exec(compile(open(sys.argv[2]).read(), "bare_app", "exec"), {"__name__": "__main__"})
else:
    from gpp_tui.cli import main
    sys.argv = ["gpp"]
    main()
"""


def instructions(argv: list[str], env: dict[str, str], log: Path, timeout: float = 900) -> int:
    """Instructions valgrind counted for `argv`, run in an 80x24 pseudo-terminal."""
    import fcntl
    import struct
    import termios

    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        f"--log-file={log}",
        *argv,
    ]
    pid, fd = os.forkpty()
    if pid == 0:
        os.execvpe(command[0], command, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.monotonic()
    try:
        while time.monotonic() - start < timeout:
            if select.select([fd], [], [], 0.5)[0]:
                try:
                    if not os.read(fd, 65536):
                        break
                except OSError:
                    break
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                pid = 0
                break
        else:
            raise RuntimeError(f"{argv} did not paint within {timeout}s")
    finally:
        if pid:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)
    found = re.search(r"I\s+refs:\s+([\d,]+)", log.read_text(encoding="utf-8"))
    if found is None:
        raise RuntimeError(f"valgrind wrote no count for {argv}: see {log}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    """Count both apps' instructions to the first frame and print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", metavar="LANG", help="also gpp with `language = LANG`")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed")
    work = Path(tempfile.mkdtemp())
    (work / "bare_app.py").write_text(BARE_APP, encoding="utf-8")
    (work / "runner.py").write_text(RUNNER, encoding="utf-8")
    (work / "config.toml").write_text("", encoding="utf-8")
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "PYTHONHASHSEED": "0",
        "GPP_TUI_DATA_DIR": str(work / "data"),
        "GPP_TUI_CACHE_DIR": str(work / "cache"),
        "GPP_TUI_CONFIG": str(work / "config.toml"),
    }
    gpp = shutil.which("gpp") or str(Path(sys.executable).with_name("gpp"))
    time_to_marker([gpp], env)  # fills the pack cache, as any start after the first has it
    runs = {
        "bare textual": (
            [sys.executable, str(work / "runner.py"), "bare", str(work / "bare_app.py")],
            env,
        ),
        "gpp": ([sys.executable, str(work / "runner.py"), "gpp"], env),
    }
    if args.lang:
        settings = work / "lang.toml"
        settings.write_text(f"language = {args.lang!r}\n", encoding="utf-8")
        runs[f"gpp {args.lang}"] = (runs["gpp"][0], {**env, "GPP_TUI_CONFIG": str(settings)})
    counts = {}
    for name, (argv, run_env) in runs.items():
        counts[name] = instructions(argv, run_env, work / f"{name.replace(' ', '-')}.log")
        print(f"{name:>13}: {counts[name]:>15,} instructions")
    print(f"ratio gpp / bare: {counts['gpp'] / counts['bare textual']:.3f}  (goal <= 1.15)")
    if args.lang:
        name = f"gpp {args.lang}"
        print(f"ratio {name} / gpp: {counts[name] / counts['gpp']:.3f}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
