"""Without a key ring Django refuses to start, naming the missing file and the command that makes it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT


def manage(*args: str, var_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("HRAMADA_") and k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update({"HRAMADA_VAR_DIR": str(var_dir), "DATABASE_URL": f"sqlite:///{var_dir / 'fresh.sqlite3'}"})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.slow
@pytest.mark.parametrize("command", [["migrate", "--noinput"], ["runserver", "--noreload", "127.0.0.1:8996"]])
def test_starting_without_a_key_ring_is_refused_with_the_fix(tmp_path: Path, command: list[str]) -> None:
    result = manage(*command, var_dir=tmp_path)
    assert result.returncode != 0
    assert "hramada.E101" in result.stderr
    assert str(tmp_path / "keyring.json") in result.stderr and "generate_keys" in result.stderr
    assert not (tmp_path / "fresh.sqlite3").exists() or "Applying" not in result.stdout


@pytest.mark.slow
def test_a_key_ring_from_the_environment_needs_no_file(tmp_path: Path) -> None:
    ring = manage("generate_keys", "--print", var_dir=tmp_path).stdout
    env_ring = {"HRAMADA_KEYRING": ring}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=REPO_ROOT,
        env={
            **{
                k: v
                for k, v in os.environ.items()
                if not k.startswith("HRAMADA_") and k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
            },
            "HRAMADA_VAR_DIR": str(tmp_path),
            **env_ring,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "hramada.E101" not in result.stdout + result.stderr
    assert not (tmp_path / "keyring.json").exists()
