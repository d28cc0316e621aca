"""The custody log is append-only in the database itself: whoever bypasses the application (a raw UPDATE or
DELETE, a TRUNCATE) is refused by a trigger, on SQLite and on PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction

from hramada.evidence import services
from hramada.evidence.models import CustodyEntry, EvidenceFile
from tests.evidence import factories

pytestmark = pytest.mark.django_db

TABLE = CustodyEntry._meta.db_table


def _entry(cast: Any) -> CustodyEntry:
    item = factories.upload(cast.group, cast.recorder)
    services.read_file(item.original, by=cast.colleague, purpose="look")
    return CustodyEntry.objects.get(item=item, seq=2)


def _refused(sql: str, params: list[Any]) -> None:
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)


def test_the_database_refuses_to_update_a_custody_entry(cast: Any) -> None:
    entry = _entry(cast)
    _refused(f"UPDATE {TABLE} SET purpose = %s WHERE id = %s", ["nobody looked", entry.pk])  # noqa: S608
    _refused(f"UPDATE {TABLE} SET hash = prev_hash WHERE id = %s", [entry.pk])  # noqa: S608
    entry.refresh_from_db()
    assert entry.purpose == "look" and entry.hash == entry.compute_hash()


def test_the_database_refuses_to_delete_a_custody_entry(cast: Any, settings: Any) -> None:
    # The test settings let the test runner empty the database between tests; a real installation does not.
    settings.EVIDENCE_ALLOW_CUSTODY_PURGE = False
    entry = _entry(cast)
    _refused(f"DELETE FROM {TABLE} WHERE id = %s", [entry.pk])  # noqa: S608
    _refused(f"DELETE FROM {TABLE} WHERE item_id = %s", [entry.item_id])  # noqa: S608
    assert CustodyEntry.objects.filter(item=entry.item).count() == 2


def test_new_custody_entries_are_still_appended(cast: Any) -> None:
    entry = _entry(cast)
    services.read_file(entry.item.original, by=cast.colleague, purpose="look again")
    assert list(CustodyEntry.objects.filter(item=entry.item).values_list("seq", flat=True)) == [1, 2, 3]


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL only")
@pytest.mark.parametrize("table", [TABLE, EvidenceFile._meta.db_table])
def test_postgresql_refuses_to_truncate_the_custody_log_and_the_files(cast: Any, table: str) -> None:
    _entry(cast)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the entries' foreign keys checked now
            cursor.execute("SET LOCAL hramada.allow_audit_truncate = off")
            cursor.execute(f"TRUNCATE {table} CASCADE")


def test_the_database_refuses_to_change_or_delete_an_evidence_files_hashes(cast: Any, settings: Any) -> None:
    settings.EVIDENCE_ALLOW_CUSTODY_PURGE = False
    original = factories.upload(cast.group, cast.recorder).original
    table = EvidenceFile._meta.db_table
    _refused(f"UPDATE {table} SET sha256 = %s WHERE id = %s", ["0" * 64, original.pk])  # noqa: S608
    _refused(f"DELETE FROM {table} WHERE id = %s", [original.pk])  # noqa: S608
    original.refresh_from_db()
    assert original.sha256 != "0" * 64


def test_a_key_rotation_still_reencrypts_evidence_file_names(
    cast: Any, tmp_path: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The write-once trigger leaves the encrypted original name alone: key rotation must reach it."""
    from hramada.core import crypto, personal_data

    monkeypatch.delenv("HRAMADA_KEYRING", raising=False)
    ring = tmp_path / "keyring.json"
    crypto.save_keyring_file(crypto.generate_keyring(), ring, replace=False)
    settings.HRAMADA_KEYRING_FILE = str(ring)
    crypto.forget_cached_keyring()
    try:
        original = factories.upload(cast.group, cast.recorder, name="arrest.jpg").original
        crypto.save_keyring_file(crypto.load_keyring().rotated(), ring)
        crypto.forget_cached_keyring()
        [report] = personal_data.reencrypt(models_to_scan=[EvidenceFile])
        assert report.done >= 1
        original.refresh_from_db()
        assert original.original_name.key_id == crypto.load_keyring().current
        assert original.reveal("original_name", by=cast.recorder, purpose="t") == "arrest.jpg"
    finally:
        crypto.forget_cached_keyring()
