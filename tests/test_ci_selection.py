"""CI runs the suite a second time on PostgreSQL with --database-tests-only: that run must keep every test that opens
a database (by marker, by fixture, or as a Django TestCase) and leave out only those that cannot reach one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _collected(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return {line for line in done.stdout.splitlines() if "::" in line}


def test_database_tests_only_keeps_marked_and_fixture_tests_and_drops_pure_ones() -> None:
    files = [
        "tests/core/test_formatting.py",
        "tests/core/test_accounts.py",
        "tests/core/test_crypto_fields.py",
    ]
    everything = _collected(*files)
    database = _collected("--database-tests-only", *files)
    assert database < everything
    # Pure formatting never opens a connection; the account rules are marked django_db.
    assert "tests/core/test_formatting.py::test_money_follows_the_readers_language" not in database
    assert (
        "tests/core/test_accounts.py::test_an_applicant_cannot_be_made_django_staff_or_superuser" in database
    )
    # Tests that reach the database only through a fixture of their own (sealed_people needs `db`) are kept too.
    assert "tests/core/test_crypto_fields.py::test_the_database_row_holds_no_plaintext" in database
    assert (
        "tests/core/test_crypto_fields.py::test_migrations_see_the_index_column_exactly_once" not in database
    )
