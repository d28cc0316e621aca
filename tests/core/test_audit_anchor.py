"""Anchoring the audit chain: a keyed (HMAC) chain and anchors outside the database, so that deleting the newest
entries together with the chain head, or deleting everything, is detected; and TRUNCATE refused on PostgreSQL."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from hramada.core import crypto
from hramada.core.audit import record, verify_chain
from hramada.core.audit_anchor import Anchor, latest_anchor, write_anchor
from hramada.core.models import AuditChainHead, AuditEntry
from hramada.core.models.audit import CHAIN_HEAD_ID, GENESIS_HASH
from tests.core.test_audit import on_postgresql, raw


@pytest.fixture
def tamper(db: Any) -> Iterator[None]:
    """Raw SQL may change the log, as for an attacker with database access (a superuser on PostgreSQL)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE core_auditentry DISABLE TRIGGER core_auditentry_append_only")
    yield
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Deleted entries leave deferred foreign-key checks (sanctions screened names point at entries);
            # run them now, or ALTER TABLE refuses while trigger events are pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE core_auditentry ENABLE TRIGGER core_auditentry_append_only")


@pytest.fixture(autouse=True)
def anchor_file(settings: Any, tmp_path: Path) -> Path:
    settings.HRAMADA_AUDIT_ANCHOR_FILE = str(tmp_path / "anchors.jsonl")
    return tmp_path / "anchors.jsonl"


def write_entries(count: int) -> list[AuditEntry]:
    return [record(action="test.step", detail={"n": n}) for n in range(count)]


def verify_command(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_audit", *args, stdout=out, stderr=err)
    except CommandError as exc:
        return exc.returncode, out.getvalue() + err.getvalue() + str(exc)
    return 0, out.getvalue() + err.getvalue()


def set_head(seq: int, digest: str) -> None:
    raw("UPDATE core_auditchainhead SET seq = %s, hash = %s WHERE id = %s", [seq, digest, CHAIN_HEAD_ID])


@pytest.mark.django_db
def test_new_entries_are_chained_with_hmac_under_the_rings_audit_key() -> None:
    entry = record(action="test.keyed")
    assert entry.keyed
    assert entry.hash != hashlib.sha256(entry.canonical().encode()).hexdigest()
    assert entry.hash == entry.compute_hash(crypto.load_keyring().audit_key)


@pytest.mark.django_db
def test_deleting_the_newest_entries_and_the_head_is_detected_by_the_anchor(tamper: None) -> None:
    entries = write_entries(5)
    write_anchor()
    raw("DELETE FROM core_auditentry WHERE seq > %s", [entries[2].seq])
    set_head(entries[2].seq, entries[2].hash)  # the head made to agree with what is left
    report = verify_chain()
    assert not report.intact
    assert (
        report.problems[0].kind == "truncated" and f"ends at #{entries[2].seq}" in report.problems[0].message
    )
    code, text = verify_command()
    assert code == 1 and "truncated" in text


@pytest.mark.django_db
def test_deleting_everything_is_detected_by_the_anchor(tamper: None) -> None:
    write_entries(3)
    anchor = write_anchor()
    raw("DELETE FROM core_auditentry", [])
    raw("DELETE FROM core_auditchainhead", [])
    report = verify_chain()
    assert report.entries == 0 and not report.intact
    assert f"had {anchor.seq} entries" in report.problems[0].message


@pytest.mark.django_db
def test_an_operators_note_of_the_anchor_is_enough(tamper: None) -> None:
    entries = write_entries(4)
    note = f"{entries[-1].seq}:{entries[-1].hash}"
    raw("DELETE FROM core_auditentry WHERE seq = %s", [entries[-1].seq])
    set_head(entries[-2].seq, entries[-2].hash)
    assert verify_command()[0] == 0  # no anchor file: nothing to compare with ...
    code, text = verify_command("--anchor", note)
    assert code == 1 and "truncated" in text  # ... but the note kept elsewhere catches it


@pytest.mark.django_db
def test_a_chain_rewritten_without_the_key_is_detected(tamper: None) -> None:
    entries = write_entries(3)
    forged = AuditEntry.objects.get(seq=entries[2].seq)
    forged.detail = {"n": "forged"}
    forged.keyed = False  # the forger lacks the key, so uses the plain hash
    raw(
        "UPDATE core_auditentry SET detail = %s, keyed = %s, hash = %s WHERE seq = %s",
        [json.dumps(forged.detail), False, forged.compute_hash(), forged.seq],
    )
    set_head(forged.seq, forged.compute_hash())
    report = verify_chain()
    assert report.problems and "not keyed" in report.problems[0].message


@pytest.mark.django_db
def test_a_rewritten_chain_no_longer_reaches_the_anchor(tamper: None) -> None:
    entries = write_entries(3)
    write_anchor()
    ring = crypto.load_keyring()
    forged = AuditEntry.objects.get(seq=entries[2].seq)  # someone with the key recomputes the newest entry
    forged.detail = {"n": "forged"}
    digest = forged.compute_hash(ring.audit_key)
    raw(
        "UPDATE core_auditentry SET detail = %s, hash = %s WHERE seq = %s",
        ['{"n": "forged"}', digest, forged.seq],
    )
    set_head(forged.seq, digest)
    report = verify_chain()
    assert [problem.kind for problem in report.problems] == ["rewritten"]


@pytest.mark.django_db
def test_a_forged_anchor_line_is_refused(anchor_file: Path) -> None:
    write_entries(2)
    write_anchor()
    forged = Anchor(seq=1, head=GENESIS_HASH, at="2026-01-01T00:00:00+00:00", mac="0" * 64)
    with open(anchor_file, "a", encoding="utf-8") as handle:
        handle.write(forged.line() + "\n")
    report = verify_chain()
    assert report.problems[0].kind == "anchor" and "HMAC" in report.problems[0].message


@pytest.mark.django_db
def test_anchor_audit_appends_and_prints_the_anchor(anchor_file: Path) -> None:
    entries = write_entries(2)
    out = io.StringIO()
    call_command("anchor_audit", stdout=out)
    call_command("anchor_audit", stdout=io.StringIO())
    lines = anchor_file.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert f"keep elsewhere: {entries[-1].seq}:{entries[-1].hash}" in out.getvalue()
    anchor = latest_anchor()
    assert anchor is not None and (anchor.seq, anchor.head) == (entries[-1].seq, entries[-1].hash)
    code, text = verify_command()
    assert code == 0 and f"reaches the anchor of {anchor.at}" in text


@pytest.mark.django_db
def test_anchors_are_written_every_n_entries(
    settings: Any, anchor_file: Path, django_capture_on_commit_callbacks: Any
) -> None:
    settings.HRAMADA_AUDIT_ANCHOR_EVERY = 3
    start = (
        AuditChainHead._default_manager.filter(pk=CHAIN_HEAD_ID).values_list("seq", flat=True).first() or 0
    )
    with django_capture_on_commit_callbacks(execute=True):
        write_entries(7)
    seqs = [json.loads(line)["seq"] for line in anchor_file.read_text(encoding="utf-8").splitlines()]
    assert seqs == [n for n in range(start + 1, start + 8) if n % 3 == 0]


@pytest.fixture
def old_ring(settings: Any, tmp_path: Path) -> Iterator[Path]:
    """A key ring made before audit keys existed."""
    ring = crypto.generate_keyring()
    old = crypto.KeyRing(current=ring.current, keys=ring.keys, index_key=ring.index_key)
    path = tmp_path / "old-keyring.json"
    crypto.save_keyring_file(old, path)
    settings.HRAMADA_KEYRING_FILE = str(path)
    crypto.forget_cached_keyring()
    yield path
    crypto.forget_cached_keyring()


@pytest.mark.django_db
def test_an_existing_chain_migrates_by_adding_an_audit_key(old_ring: Path) -> None:
    before = write_entries(2)
    assert not any(entry.keyed for entry in before)
    out = io.StringIO()
    call_command("anchor_audit", "--add-key", stdout=out)
    assert "Added an audit key" in out.getvalue()
    assert crypto.load_keyring().audit_key is not None
    after = write_entries(2)
    assert all(entry.keyed for entry in after)
    assert verify_chain().intact
    assert verify_command()[0] == 0


@on_postgresql
@pytest.mark.django_db
@pytest.mark.parametrize("table", ["core_auditentry", "core_auditchainhead"])
def test_postgresql_refuses_truncate(table: str) -> None:
    record(action="x.y")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL hramada.allow_audit_truncate = off")
            cursor.execute(f"TRUNCATE {table} CASCADE")
