"""Peak memory of `gpp` with the 10,000-recommendation pack and 10,000 notes loaded.

Starts the app in an 80x24 pseudo-terminal on the folder written by make_pack.py,
waits until the annotations and the search index are loaded (both happen in the
background after the first paint), then reads the process's peak resident memory.

Run:  python benchmarks/make_pack.py /tmp/gppbench
      python benchmarks/memory.py /tmp/gppbench [--wait 12]
Goal: peak under 200 MB.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import select
import shutil
import signal
import struct
import sys
import termios
import time
from pathlib import Path


def peak_rss_mb(pid: int) -> float:
    """VmHWM (peak resident set) of a running process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc status")


def main() -> None:
    """Run the app on the big pack and print its peak memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--wait", type=float, default=12.0, help="seconds to let it load")
    args = parser.parse_args()
    folder = args.folder.resolve()
    gpp = shutil.which("gpp") or str(Path(sys.executable).with_name("gpp"))
    data = folder / "data-memory"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(folder / "data", data)
    argv = [gpp, "--content", str(folder / "pack.toml"), "--data-dir", str(data)]
    pid, fd = os.forkpty()
    if pid == 0:
        os.execvpe(argv[0], argv, {**os.environ, "TERM": "xterm-256color"})
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    deadline = time.monotonic() + args.wait
    try:
        while time.monotonic() < deadline:
            if select.select([fd], [], [], 0.1)[0]:
                os.read(fd, 65536)
        print(
            f"peak memory with the big pack and its notes: {peak_rss_mb(pid):.0f} MB (goal < 200)"
        )
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
