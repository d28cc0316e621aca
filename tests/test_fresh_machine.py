"""What a machine that cannot run Hramada hears from the two README commands: one sentence naming what is missing,
at once, never a traceback from the middle of a build (scripts/preflight.py, called first by the Makefile).

Each test runs the real Makefile in a copy of the files it reads, so nothing here touches the project's own `.venv`.
An older Python is played by the machine's own interpreter with its reported version lowered before anything runs
(the only interpreter these machines have is 3.11); an unreachable package index is a closed local port.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def project_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "hramada"
    copy.mkdir()
    shutil.copy2(ROOT / "Makefile", copy / "Makefile")
    shutil.copy2(ROOT / "pyproject.toml", copy / "pyproject.toml")
    shutil.copytree(ROOT / "scripts", copy / "scripts")
    shutil.copytree(ROOT / "requirements", copy / "requirements")
    return copy


def run_make(copy: Path, target: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("UV_", "PIP_", "VIRTUAL_ENV"))}
    environment.update(env)
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(copy), target],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )


def python_reporting(tmp_path: Path, version: tuple[int, int, int]) -> Path:
    """A `python3` that is this interpreter, except that it says it is `version`."""
    site = tmp_path / "older-python-site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        textwrap.dedent(
            f"""
            import collections, sys
            VersionInfo = collections.namedtuple("VersionInfo", "major minor micro releaselevel serial")
            sys.version_info = VersionInfo({version[0]}, {version[1]}, {version[2]}, "final", 0)
            """
        )
    )
    shim = tmp_path / "python3"
    shim.write_text(f'#!/bin/sh\nPYTHONPATH="{site}" exec "{sys.executable}" "$@"\n')
    shim.chmod(0o755)
    return shim


@pytest.mark.parametrize("target", ["run", "test"])
def test_an_older_python_stops_either_command_with_one_sentence(tmp_path: Path, target: str) -> None:
    copy = project_copy(tmp_path)
    shim = python_reporting(tmp_path, (3, 10, 12))

    result = run_make(copy, target, PYTHON=str(shim))

    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    said = [line for line in result.stderr.splitlines() if line.startswith("make: ") and "Error" not in line]
    assert len(said) == 1, result.stderr
    assert "needs Python 3.11 or newer" in said[0]
    assert "is 3.10" in said[0]
    assert not (copy / ".venv").exists(), "nothing is set up for an interpreter that cannot run the platform"


@pytest.mark.parametrize("target", ["run", "test"])
def test_an_unreachable_package_index_stops_either_command_with_one_sentence(
    tmp_path: Path, target: str
) -> None:
    copy = project_copy(tmp_path)
    closed = "http://127.0.0.1:9/simple"

    result = run_make(copy, target, PYTHON=sys.executable, UV_INDEX_URL=closed, PIP_INDEX_URL=closed)

    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    said = [line for line in result.stderr.splitlines() if line.startswith("make: ") and "Error" not in line]
    assert len(said) == 1, result.stderr
    assert f"the package index {closed}/ cannot be reached" in said[0]
    assert "needs network access" in said[0]
    assert not (copy / ".venv" / "bin" / "uv").exists(), (
        "nothing half-installed is left to confuse the next run"
    )
