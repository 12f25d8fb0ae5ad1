"""The core packages and the non-interactive CLI never import textual."""

from __future__ import annotations

import json
import subprocess
import sys

CORE_PACKAGES = (
    "gpp_tui.content",
    "gpp_tui.store",
    "gpp_tui.search",
    "gpp_tui.exchange",
    "gpp_tui.team",
    "gpp_tui.session",
    "gpp_tui.plain",
)

# Runs in a fresh interpreter: imports every module of the core packages (found with
# pkgutil, so new modules are covered), runs the CLI commands, then reports.
PROBE = """
import contextlib, importlib, importlib.util, io, json, pkgutil, sys

imported = []
for name in CORE_PACKAGES:
    if importlib.util.find_spec(name) is None:
        continue
    package = importlib.import_module(name)
    imported.append(name)
    for info in pkgutil.walk_packages(package.__path__, name + "."):
        importlib.import_module(info.name)
        imported.append(info.name)

import gpp_tui.cli
from gpp_tui.content import bundled_pack_path

with contextlib.redirect_stdout(io.StringIO()):
    statuses = [
        gpp_tui.cli.main(["list"]),
        gpp_tui.cli.main(["list", "--json"]),
        gpp_tui.cli.main(["show", "B.2"]),
        gpp_tui.cli.main(["validate", str(bundled_pack_path())]),
    ]
textual = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(json.dumps({"imported": imported, "statuses": statuses, "textual": textual}))
"""


def test_core_and_cli_run_without_textual() -> None:
    code = f"CORE_PACKAGES = {CORE_PACKAGES!r}\n{PROBE}"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr

    report = json.loads(result.stdout)
    assert report["statuses"] == [0, 0, 0, 0]
    assert "gpp_tui.content.loader" in report["imported"]
    assert "gpp_tui.store.locations" in report["imported"]
    assert "gpp_tui.session.core" in report["imported"]
    assert report["textual"] == [], "core modules must not import textual"
