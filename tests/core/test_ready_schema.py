"""The ready schema (hramada.core.ready_schema) is exactly what `migrate` writes into an empty SQLite database, and a
first run uses it only when it is current."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from hramada.core import ready_schema
from tests.conftest import REPO_ROOT


def _contents(database: Path) -> tuple[list[tuple[Any, ...]], dict[str, list[tuple[Any, ...]]]]:
    """Every schema object and every table's rows; the times the migrations wrote read as ``now``."""
    connection = sqlite3.connect(database)
    try:
        schema = connection.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        rows = {}
        for (table,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ):
            found = connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()  # noqa: S608
            rows[table] = [
                tuple("now" if value == "2000-01-01 00:00:00" else value for value in row) for row in found
            ]
        return schema, rows
    finally:
        connection.close()


def test_the_stored_script_is_current() -> None:
    assert ready_schema.stored_fingerprint() == ready_schema.fingerprint(), (
        "a migration (or Django, or SQLite) changed: run `manage.py ready_schema` and commit ready_schema.sql"
    )


@pytest.mark.slow
def test_the_script_creates_exactly_what_migrate_creates(tmp_path: Path) -> None:
    script = ready_schema.build(Path(settings.BASE_DIR) / "manage.py")
    assert script == ready_schema.SCRIPT.read_text(encoding="utf-8"), (
        "regenerate with `manage.py ready_schema`"
    )
    # The same migration, kept as a database this time, against the script run into another empty one.
    migrated, loaded = tmp_path / "migrated.sqlite3", tmp_path / "loaded.sqlite3"
    subprocess.run(
        [sys.executable, str(REPO_ROOT / "manage.py"), "migrate", "--no-input", "-v", "0"],
        env=_manage_env(migrated),
        check=True,
    )
    connection = sqlite3.connect(migrated)
    for table, column in (
        ("django_migrations", "applied"),
        ("rapid_clockpolicy", "changed_at"),
        ("rapid_benchmarkpolicy", "changed_at"),
    ):
        connection.execute(f'UPDATE "{table}" SET "{column}" = ?', ("2000-01-01 00:00:00",))  # noqa: S608
    connection.commit()
    connection.close()
    target = sqlite3.connect(loaded)
    target.executescript(script.replace(ready_schema.NOW_MARK, "'2000-01-01 00:00:00'"))
    target.close()
    assert _contents(loaded) == _contents(migrated)


def _manage_env(database: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE,
    }


@pytest.mark.slow
def test_an_empty_database_created_from_the_script_has_every_migration_applied(tmp_path: Path) -> None:
    database = tmp_path / "fresh.sqlite3"
    code = "import django; django.setup(); from hramada.core import ready_schema; print(ready_schema.apply_if_empty())"
    first = subprocess.run(
        [sys.executable, "-c", code],
        env={**_manage_env(database), "PYTHONPATH": str(REPO_ROOT / "src")},
        capture_output=True,
        text=True,
        check=True,
    )
    assert first.stdout.strip() == "True"
    again = subprocess.run(
        [sys.executable, "-c", code],
        env={**_manage_env(database), "PYTHONPATH": str(REPO_ROOT / "src")},
        capture_output=True,
        text=True,
        check=True,
    )
    assert again.stdout.strip() == "False", "a database with tables is never touched"
    check = subprocess.run(
        [sys.executable, str(REPO_ROOT / "manage.py"), "migrate", "--check", "--no-input"],
        env=_manage_env(database),
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_stale_or_missing_script_is_not_used(tmp_path: Path, monkeypatch: Any) -> None:
    stale = tmp_path / "ready_schema.sql"
    stale.write_text(
        f"{ready_schema.FINGERPRINT_PREFIX}{'0' * 64}\nBEGIN TRANSACTION;\nCOMMIT;\n", encoding="utf-8"
    )
    monkeypatch.setattr(ready_schema, "SCRIPT", stale)
    assert not ready_schema.usable()
    monkeypatch.setattr(ready_schema, "SCRIPT", tmp_path / "missing.sql")
    assert not ready_schema.usable()


def test_apps_with_their_migrations_elsewhere_migrate_as_usual(monkeypatch: Any) -> None:
    monkeypatch.setattr(settings, "MIGRATION_MODULES", {"core": None}, raising=False)
    assert not ready_schema.usable()


@pytest.mark.django_db
def test_a_database_with_tables_is_left_alone() -> None:
    assert not ready_schema.apply_if_empty()
