"""The offline bundle: built for this machine, installed into a fresh venv with no index, run.

Building the bundle downloads wheels from the package index (pip as configured), so it needs
the network; if that download fails for a network reason the tests are skipped and say so.
Installing from the bundle must not need the network: pip runs with --no-index, without any
pip configuration, and with proxies pointing nowhere.

The tests that build the bundle are slow (about 30 s together): deselect them with
`-m "not slow"`. The check of the dependency tree per platform runs on fake wheels, offline.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build-offline-bundle"
EXIT_PIP_FAILED = 3  # build-offline-bundle: a pip step failed
BIN = "Scripts" if os.name == "nt" else "bin"
EXE = ".exe" if os.name == "nt" else ""
FOCUS_AREAS = ("Prevention", "Protection", "Participation", "Relief and Recovery")

# What pip prints when the index cannot be reached.
NETWORK_SIGNS = (
    "NewConnectionError",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Name or service not known",
    "NameResolutionError",
    "Failed to resolve",
    "nodename nor servname",
    "Network is unreachable",
    "ConnectTimeoutError",
    "ReadTimeoutError",
    "ProxyError",
    "Max retries exceeded",
    "Could not fetch URL",
)


def offline_env(tmp: Path) -> dict[str, str]:
    """The environment of a machine with no network and no pip configuration."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
    for key in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME"):
        env.pop(key, None)
    env["PIP_CONFIG_FILE"] = os.devnull  # no pip.conf: no index, no find-links from there
    for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        env[proxy] = "http://127.0.0.1:9"  # anything that still tries the network fails
    env["NO_PROXY"] = env["no_proxy"] = ""
    env["HOME"] = str(tmp / "home")
    env["PYTHONNOUSERSITE"] = "1"
    return env


def run(command: list[str | Path], env: dict[str, str], cwd: Path) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=300,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"{command} exited {result.returncode}:\n{output[-4000:]}"
    return result.stdout


@pytest.fixture(scope="module")
def script() -> ModuleType:
    """scripts/build-offline-bundle, imported as a module."""
    loader = importlib.machinery.SourceFileLoader("build_offline_bundle", str(SCRIPT))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[loader.name] = module  # dataclasses look their module up there
    loader.exec_module(module)
    return module


def fake_wheel(folder: Path, filename: str, *requires: str, python: str = "") -> None:
    name, version = filename.split("-")[:2]
    lines = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}"]
    lines += [f"Requires-Dist: {requirement}" for requirement in requires]
    lines += [f"Requires-Python: {python}"] if python else []
    with zipfile.ZipFile(folder / filename, "w") as wheel:
        wheel.writestr(f"{name}-{version}.dist-info/METADATA", "\n".join(lines) + "\n")


def test_the_dependency_check_uses_each_targets_markers_tags_and_python(
    script: ModuleType, tmp_path: Path
) -> None:
    """pip evaluates markers for the machine it runs on; the script checks every target."""
    fake_wheel(
        tmp_path,
        "app-1.0-py3-none-any.whl",
        'winonly>=1; sys_platform == "win32"',
        "md[linkify]",
        "fast==2.0",
        'new-only; python_version >= "3.12"',
    )
    fake_wheel(tmp_path, "md-1.0-py3-none-any.whl", 'linkify-lib; extra == "linkify"')
    fake_wheel(tmp_path, "linkify_lib-1.0-py3-none-any.whl")
    fake_wheel(tmp_path, "fast-2.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl")
    fake_wheel(tmp_path, "fast-2.0-cp312-cp312-win_amd64.whl")
    fake_wheel(tmp_path, "new_only-1.0-py3-none-any.whl", python=">=3.12")

    def missing(platform: str, python: str) -> list[str]:
        target = script.Target.for_platform(platform, python)
        return sorted(str(req) for req, _parent in script._missing(target, tmp_path, "app==1.0"))

    assert missing("linux-x86_64", "3.11") == []
    assert missing("linux-aarch64", "3.11") == ["fast==2.0"]  # no aarch64 wheel
    assert missing("linux-x86_64", "3.12") == ["fast==2.0"]  # no cp312 Linux wheel
    assert missing("windows-amd64", "3.12") == ['winonly>=1; sys_platform == "win32"']
    fake_wheel(tmp_path, "winonly-1.5-py3-none-any.whl")
    assert missing("windows-amd64", "3.12") == []
    (tmp_path / "linkify_lib-1.0-py3-none-any.whl").unlink()
    assert missing("linux-x86_64", "3.11") == ['linkify-lib; extra == "linkify"']
    fake_wheel(tmp_path, "new_only-0.9-py3-none-any.whl", python=">=3.13")
    fake_wheel(tmp_path, "fast-2.0-cp313-cp313-win_amd64.whl")
    fake_wheel(tmp_path, "linkify_lib-1.0-py3-none-any.whl")
    assert missing("windows-amd64", "3.13") == []


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle folder built for the running interpreter (downloads from the index)."""
    output = tmp_path_factory.mktemp("offline")
    env = dict(os.environ, PIP_RETRIES="1", PIP_TIMEOUT="30", PIP_DISABLE_PIP_VERSION_CHECK="1")
    command = [sys.executable, str(SCRIPT), "--output", str(output), "--platforms", "current"]
    result = subprocess.run(
        [*command, "--format", "tar.gz"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    log = result.stdout + result.stderr
    if result.returncode == EXIT_PIP_FAILED and any(sign in log for sign in NETWORK_SIGNS):
        pytest.skip("cannot build the offline bundle: the package index is unreachable")
    assert result.returncode == 0, f"build-offline-bundle failed:\n{log[-6000:]}"
    (folder,) = (path for path in output.iterdir() if path.is_dir())
    return folder


@pytest.mark.slow
def test_the_bundle_holds_wheels_scripts_and_checksums(bundle: Path) -> None:
    wheels = {path.name.split("-")[0] for path in (bundle / "wheels").glob("*.whl")}
    for needed in ("gpp_tui", "textual", "rich", "pydantic", "pydantic_core", "pip"):
        assert needed in wheels
    assert not [path for path in (bundle / "wheels").iterdir() if path.suffix != ".whl"]
    for script in ("install-offline.sh", "install-offline.ps1", "install-offline.bat"):
        assert (bundle / script).is_file()
    current = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert f'SUPPORTED="{current}"\n' in (bundle / "install-offline.sh").read_text()
    ps1 = (bundle / "install-offline.ps1").read_bytes().decode("ascii")
    assert f"$Supported = @('{current}')\r\n" in ps1
    if os.name != "nt":
        assert os.access(bundle / "install-offline.sh", os.X_OK)
    guide = (bundle / "INSTALL.txt").read_text(encoding="utf-8")
    assert "--no-index --find-links wheels gpp-tui" in guide
    assert "sh install-offline.sh" in guide and "install-offline.bat" in guide
    assert "@" not in guide

    sums = (bundle / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    listed = {}
    for line in sums:
        digest, name = line.split("  ", 1)
        listed[name] = digest
    files = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    assert set(listed) == files - {"SHA256SUMS"}
    for name, digest in listed.items():
        assert hashlib.sha256((bundle / name).read_bytes()).hexdigest() == digest, name

    archive = bundle.with_name(bundle.name + ".tar.gz")
    with tarfile.open(archive) as tar:
        script = tar.getmember(f"{bundle.name}/install-offline.sh")
        assert script.mode & 0o111
        (project_wheel,) = (bundle / "wheels").glob("gpp_tui-*.whl")
        assert f"{bundle.name}/wheels/{project_wheel.name}" in tar.getnames()
    with zipfile.ZipFile(project_wheel) as wheel:
        (license_file,) = (n for n in wheel.namelist() if n.endswith(".dist-info/licenses/LICENSE"))
        assert wheel.read(license_file) == (ROOT / "LICENSE").read_bytes()
        metadata = wheel.read(license_file.split("/")[0] + "/METADATA").decode()
        assert "License-File: LICENSE" in metadata


@pytest.mark.slow
def test_installs_into_a_fresh_venv_with_no_index_and_runs(bundle: Path, tmp_path: Path) -> None:
    env = offline_env(tmp_path)
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", venv], env, tmp_path)
    python = venv / BIN / f"python{EXE}"
    wheels = bundle / "wheels"
    run(
        [python, "-m", "pip", "install", "--no-index", "--find-links", wheels, "gpp-tui"],
        env,
        tmp_path,
    )
    # The app comes from the venv, not from this checkout.
    where = run([python, "-c", "import gpp_tui; print(gpp_tui.__file__)"], env, tmp_path)
    assert Path(where.strip()).is_relative_to(venv)

    gpp = venv / BIN / f"gpp{EXE}"
    (project_wheel,) = wheels.glob("gpp_tui-*.whl")
    version = project_wheel.name.split("-")[1]
    assert run([gpp, "--version"], env, tmp_path).strip() == f"gpp-tui {version}"
    listing = run([gpp, "list"], env, tmp_path)
    for area in FOCUS_AREAS:
        assert area in listing
    for recommendation in ("A.1", "B.2", "C.2", "D.3"):
        assert recommendation in listing
    # The source pack is the same pack as the installed copy, not a clash of ids.
    checked = run([gpp, "validate", "data/principles.toml"], env, ROOT)
    assert checked.startswith("data/principles.toml: ok, pack 'wigj-gpp'")


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="install-offline.sh is for Linux and macOS")
def test_install_script_installs_and_upgrades_in_place(bundle: Path, tmp_path: Path) -> None:
    env = offline_env(tmp_path)
    env["PYTHON"] = sys.executable
    target = tmp_path / "gpp tui"  # a space in the path must not break the script
    output = run(["sh", bundle / "install-offline.sh", target], env, tmp_path)
    assert "gpp-tui " in output and f"Start it with: {target}/bin/gpp" in output
    assert "Prevention" in run([target / "bin" / "gpp", "list"], env, tmp_path)
    # Running it again (a newer bundle) reuses the venv.
    run(["sh", bundle / "install-offline.sh", target], env, tmp_path)
