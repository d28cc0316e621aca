"""The embedded database's schema made ready: what `migrate` writes into an empty SQLite database, stored as one
SQL script, so that a first run creates its database in a fraction of a second instead of migrating it.

Migrating an empty database replays every migration through Django's model states: about 10 s of CPU on a first
run, for tables that are the same on every machine. ``manage.py ready_schema`` migrates a new, empty SQLite
database and stores its dump (every table, index and trigger, and the rows the migrations and Django's
``post_migrate`` write: the migration records, content types, permissions, the default policies) in
``ready_schema.sql``, with a fingerprint of what produced it: every migration file of every installed app, Django's
version and SQLite's. ``manage.py setup`` runs that script only on an empty SQLite database and only when the
fingerprint is that of the code and libraries at hand; anything else migrates as before, so a stale script costs
time, never a wrong schema. Times the migrations wrote (when each was applied, when a default policy was set) are
stored as a mark and become the time the script runs. A test regenerates the script and compares.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

SCRIPT = Path(__file__).with_name("ready_schema.sql")
FINGERPRINT_PREFIX = "-- fingerprint: "
# Stands for the time the script runs, where the migrations wrote the time they ran.
NOW_MARK = "'@@ready-schema-now@@'"
_TIMESTAMP = re.compile(r"'(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})?)'")


def _migration_files() -> list[tuple[str, Path]]:
    """Every migration file of every installed app, as (app label, path), in a stable order."""
    found: list[tuple[str, Path]] = []
    for config in apps.get_app_configs():
        spec = importlib.util.find_spec(f"{config.name}.migrations")
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            found += [(config.label, path) for path in sorted(Path(folder).glob("*.py"))]
    return found


def fingerprint() -> str:
    """What the schema depends on: every migration file's name and bytes, Django's version and SQLite's."""
    digest = hashlib.sha256()
    digest.update(f"django {django.__version__}\nsqlite {sqlite3.sqlite_version}\n".encode())
    for label, path in _migration_files():
        digest.update(f"{label}/{path.name}\n".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def stored_fingerprint() -> str | None:
    try:
        with SCRIPT.open(encoding="utf-8") as handle:
            first = handle.readline()
    except OSError:
        return None
    return first[len(FINGERPRINT_PREFIX) :].strip() if first.startswith(FINGERPRINT_PREFIX) else None


def usable(using: str = DEFAULT_DB_ALIAS) -> bool:
    """Whether the stored script may create this database: SQLite, migrations where the apps keep them, and the
    fingerprint of this code."""
    return (
        connections[using].vendor == "sqlite"
        and not getattr(settings, "MIGRATION_MODULES", None)
        and stored_fingerprint() == fingerprint()
    )


def apply_if_empty(using: str = DEFAULT_DB_ALIAS) -> bool:
    """Create the schema from the stored script when the database is empty and the script is current; returns
    whether it did (False: migrate as usual)."""
    connection = connections[using]
    if not usable(using):
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_master")
        if cursor.fetchone()[0]:
            return False
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    script = SCRIPT.read_text(encoding="utf-8").replace(NOW_MARK, f"'{now}'")
    connection.ensure_connection()
    # One transaction (the script's own BEGIN ... COMMIT): a failure leaves the database empty.
    connection.connection.executescript(script)
    return True


def dump(database: Path, *, migrated_from: datetime, migrated_to: datetime) -> str:
    """The SQL that recreates ``database``, its times between the two instants (the migration's own) marked."""
    low = (migrated_from - timedelta(seconds=1)).replace(tzinfo=None)
    high = (migrated_to + timedelta(seconds=1)).replace(tzinfo=None)

    def mark(match: re.Match[str]) -> str:
        value = datetime.fromisoformat(match.group(1))
        return NOW_MARK if low <= value <= high else match.group(0)

    source = sqlite3.connect(database)
    try:
        statements = list(source.iterdump())
    finally:
        source.close()
    # Every table first, then the rows (the sequence counters last), then indexes and triggers: Django's
    # connection checks foreign keys, and a row may not name a table that does not exist yet.
    tables = [s for s in statements if s.startswith("CREATE TABLE")]
    sequences = [s for s in statements if '"sqlite_sequence"' in s.split("VALUES", 1)[0]]
    rows = [_TIMESTAMP.sub(mark, s) for s in statements if s.startswith("INSERT INTO") and s not in sequences]
    rest = [
        s
        for s in statements
        if s not in ("BEGIN TRANSACTION;", "COMMIT;")
        and not s.startswith(("CREATE TABLE", "INSERT INTO", "DELETE FROM"))
    ]
    return "\n".join(["BEGIN TRANSACTION;", *tables, *rows, *sequences, *rest, "COMMIT;"]) + "\n"


def build(manage: Path) -> str:
    """Migrate a new, empty SQLite database with ``manage.py migrate`` in a process of its own and return the
    script: the fingerprint line, then the dump."""
    with tempfile.TemporaryDirectory(prefix="hramada-ready-schema-") as folder:
        database = Path(folder) / "fresh.sqlite3"
        env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
        env["DATABASE_URL"] = f"sqlite:///{database}"
        env["DJANGO_SETTINGS_MODULE"] = settings.SETTINGS_MODULE
        started = timezone.now()
        subprocess.run(  # noqa: S603 - our own manage.py with this interpreter
            [sys.executable, str(manage), "migrate", "--no-input", "-v", "0"], env=env, check=True
        )
        return f"{FINGERPRINT_PREFIX}{fingerprint()}\n" + dump(
            database, migrated_from=started, migrated_to=timezone.now()
        )
