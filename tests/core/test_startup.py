"""Start-up refuses to run on an unusable set-up and says what to do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO_ROOT


def manage(*args: str, var_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update({"HRAMADA_VAR_DIR": str(var_dir), "DATABASE_URL": f"sqlite:///{var_dir / 'fresh.sqlite3'}"})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_serving_an_unmigrated_database_is_refused_with_the_fix(tmp_path: Path) -> None:
    assert manage("generate_keys", var_dir=tmp_path).returncode == 0
    result = manage("serve", "--no-worker", "--port", "8999", var_dir=tmp_path)
    assert result.returncode != 0
    assert "unapplied migration" in result.stderr and "manage.py migrate" in result.stderr


@pytest.mark.slow
def test_healthz_reports_an_unmigrated_database(tmp_path: Path) -> None:
    assert manage("generate_keys", var_dir=tmp_path).returncode == 0
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz'); print(r.status_code, r.content.decode())"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        {
            "HRAMADA_VAR_DIR": str(tmp_path),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
            "DJANGO_SETTINGS_MODULE": "hramada.settings.base",
            "HRAMADA_ALLOWED_HOSTS": "testserver",
            "PYTHONPATH": str(REPO_ROOT / "src"),
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.startswith("503"), result.stdout + result.stderr
    assert "migrations not applied" in result.stdout


def test_generated_secrets_are_private_files(tmp_path: Path) -> None:
    result = manage("generate_keys", var_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    for path in tmp_path.iterdir():
        if path.name in {"secret_key", "keyring.json"}:
            assert path.stat().st_mode & 0o777 == 0o600, path


@pytest.mark.django_db
def test_the_stylesheet_is_served_without_debug(client: Any) -> None:
    from django.conf import settings

    assert settings.DEBUG is False
    page = client.get("/staff/login/").content.decode()
    assert "/static/hramada/hramada.css" in page
    response = client.get("/static/hramada/hramada.css")
    assert response.status_code == 200
