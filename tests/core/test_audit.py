"""The hash-chained audit log: appends, verification of tampering, append-only enforcement, tracked models."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from hramada.core import audit_context
from hramada.core.audit import record, verify_chain
from hramada.core.models import AuditChainHead, AuditEntry, RoleGrant
from hramada.core.models.audit import AuditLogIsAppendOnlyError
from hramada.core.roles import Role
from hramada.core.signals import track, untrack
from tests.core.conftest import SealedPerson

TABLE = "core_auditentry"
on_postgresql = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL only")


def write_entries(count: int) -> list[AuditEntry]:
    return [record(action="test.step", detail={"n": n}) for n in range(count)]


@pytest.fixture
def tamperable(db: Any) -> Iterator[None]:
    """Raw SQL may change the table, as for an attacker with database access (a superuser on PostgreSQL)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER core_auditentry_append_only")
    yield
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Deleted entries leave deferred foreign-key checks (sanctions screened names point at entries);
            # run them now, or ALTER TABLE refuses while trigger events are pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER core_auditentry_append_only")


def raw(sql: str, params: list[Any]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def verify_command() -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_audit", stdout=out, stderr=err)
    except CommandError as exc:
        return exc.returncode, out.getvalue(), err.getvalue() + str(exc)
    return 0, out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_entries_form_a_chain(make_staff: Any) -> None:
    user = make_staff(Role.FUND_MANAGER)
    start = AuditChainHead.objects.get().seq
    first = record(
        action="fund.decision", target=user, detail={"amount": "5000.00"}, by=user, address="10.0.0.1"
    )
    second = record(action="fund.decision", detail={})
    assert (first.seq, second.seq) == (start + 1, start + 2)
    assert second.prev_hash == first.hash
    assert first.actor == user and first.actor_label == user.username and first.address == "10.0.0.1"
    assert first.target_label == str(user) and first.target_id == str(user.pk)
    assert second.actor is None and second.actor_label == "system"
    assert AuditChainHead.objects.get().hash == second.hash


@pytest.mark.django_db
def test_the_request_context_supplies_actor_and_address(make_staff: Any) -> None:
    user = make_staff()
    with audit_context.acting(user=user, address="2001:DB8::0:1"):
        entry = record(action="auth.mfa_verified", target=user, detail={"device": "TOTPDevice"})
    assert entry.actor == user and entry.address == "2001:db8::1"
    entry.refresh_from_db()
    assert entry.compute_hash() == entry.hash


@pytest.mark.django_db
def test_an_address_that_is_not_an_ip_is_left_out() -> None:
    assert record(action="x.y", address="testclient").address is None


@pytest.mark.django_db
def test_a_rolled_back_change_leaves_no_entry() -> None:
    head = AuditChainHead.objects.get()
    with pytest.raises(RuntimeError), transaction.atomic():
        record(action="fund.decision")
        raise RuntimeError("the decision failed")
    assert not AuditEntry.objects.filter(action="fund.decision").exists()
    assert AuditChainHead.objects.get().seq == head.seq


@pytest.mark.django_db
def test_encrypted_values_are_refused_in_details(sealed_people: Any) -> None:
    person = SealedPerson.objects.create(name="Ala")
    with pytest.raises(TypeError, match="Encrypted values"):
        record(action="x.y", detail={"name": person.name})


@pytest.mark.django_db
def test_the_orm_cannot_change_or_delete_entries() -> None:
    entry = record(action="x.y")
    with pytest.raises(AuditLogIsAppendOnlyError):
        entry.save()
    with pytest.raises(AuditLogIsAppendOnlyError):
        entry.delete()
    with pytest.raises(AuditLogIsAppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="x.z")
    with pytest.raises(AuditLogIsAppendOnlyError):
        AuditEntry.objects.all().delete()
    with pytest.raises(AuditLogIsAppendOnlyError):
        AuditEntry(action="forged", seq=10**9, actor_label="x", prev_hash="0", hash="1").save()


@on_postgresql
@pytest.mark.django_db
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE core_auditentry SET action = 'forged' WHERE id = %s",
        "DELETE FROM core_auditentry WHERE id = %s",
    ],
)
def test_postgresql_refuses_update_and_delete_whoever_asks(statement: str) -> None:
    entry = record(action="x.y")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        raw(statement, [entry.pk])


@pytest.mark.django_db
def test_an_untouched_log_verifies() -> None:
    write_entries(5)
    report = verify_chain()
    assert report.intact and report.entries == AuditEntry.objects.count()
    code, out, _ = verify_command()
    assert code == 0 and f"audit log intact: {report.entries} entries" in out


@pytest.mark.django_db
def test_an_edited_entry_is_reported_with_its_seq(tamperable: None) -> None:
    entries = write_entries(5)
    raw("UPDATE core_auditentry SET actor_label = 'someone else' WHERE seq = %s", [entries[2].seq])
    report = verify_chain()
    assert (report.problems[0].seq, report.problems[0].kind) == (entries[2].seq, "edited")
    code, _, err = verify_command()
    assert code == 1 and f"seq {entries[2].seq}" in err and "edited" in err


@pytest.mark.django_db
def test_an_edited_entry_with_a_recomputed_hash_breaks_the_next_link(tamperable: None) -> None:
    entries = write_entries(4)
    forged = AuditEntry.objects.get(seq=entries[1].seq)
    forged.detail = {"n": 99}
    raw(
        "UPDATE core_auditentry SET detail = %s, hash = %s WHERE seq = %s",
        ['{"n": 99}', forged.compute_hash(), forged.seq],
    )
    first = verify_chain().problems[0]
    assert (first.seq, first.kind) == (entries[2].seq, "inserted")


@pytest.mark.django_db
def test_a_deleted_entry_is_reported(tamperable: None) -> None:
    entries = write_entries(5)
    raw("DELETE FROM core_auditentry WHERE seq = %s", [entries[1].seq])
    first = verify_chain().problems[0]
    assert first.kind == "deleted" and first.seq == entries[2].seq
    assert f"#{entries[1].seq}" in first.message
    code, _, err = verify_command()
    assert code == 1 and f"seq {entries[2].seq}" in err


@pytest.mark.django_db
def test_deleting_the_newest_entries_is_reported(tamperable: None) -> None:
    entries = write_entries(3)
    raw("DELETE FROM core_auditentry WHERE seq >= %s", [entries[1].seq])
    [problem] = verify_chain().problems
    assert problem.kind == "truncated" and problem.seq == entries[1].seq


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif("not connection.features.has_select_for_update", reason="needs row locks (PostgreSQL)")
def test_concurrent_appends_never_fork_the_chain() -> None:
    barrier = threading.Barrier(6)
    failures: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            barrier.wait()
            for i in range(10):
                with transaction.atomic():
                    record(action="test.concurrent", detail={"writer": n, "i": i})
        except BaseException as exc:
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    seqs = list(AuditEntry.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(seqs[0], seqs[0] + 60))
    assert verify_chain().intact


# --- tracked models -----------------------------------------------------------------------------------------


@pytest.fixture
def tracked_people(sealed_people: Any) -> Iterator[type[SealedPerson]]:
    track(SealedPerson)
    yield SealedPerson
    untrack(SealedPerson)


@pytest.mark.django_db
def test_creating_changing_and_deleting_a_tracked_record_is_logged(
    tracked_people: Any, make_staff: Any
) -> None:
    staff = make_staff()
    with audit_context.acting(user=staff, address="192.0.2.1"):
        person = SealedPerson.objects.create(name="Ala Kowalska", email="ala@example.org")
        person = SealedPerson.objects.get(pk=person.pk)
        person.status = "approved"
        person.name = "Ala Nowak"
        person.save()
        person.save()  # nothing changed: no entry
        pk = person.pk
        person.delete()
    created, changed, deleted = AuditEntry.objects.filter(action__startswith="core_samples.").order_by("seq")
    assert created.action == "core_samples.sealedperson.created"
    assert set(created.detail["fields"]) == {"name", "email", "status"}
    assert created.detail["values"] == {"status": "new"}
    assert changed.action == "core_samples.sealedperson.changed"
    assert sorted(changed.detail["fields"]) == ["name", "status"]
    assert changed.detail["values"] == {"status": ["new", "approved"]}
    assert deleted.action == "core_samples.sealedperson.deleted" and deleted.target_id == str(pk)
    assert {e.actor for e in (created, changed, deleted)} == {staff}
    everything = str([(e.detail, e.target_label) for e in (created, changed, deleted)])
    assert "Ala" not in everything and "example.org" not in everything


@pytest.mark.django_db
def test_granting_a_role_is_logged_and_passwords_never_are(make_staff: Any) -> None:
    user = make_staff()
    created = AuditEntry.objects.get(action="core.user.created", target_id=str(user.pk))
    assert "password" in created.detail["fields"] and "password" not in created.detail["values"]
    # bulk_create sends no signals, so services grant roles with create()
    RoleGrant.objects.create(user=user, role=Role.AUDITOR)
    grant = AuditEntry.objects.get(action="core.rolegrant.created")
    assert grant.detail["values"]["role"] == "auditor"
    user.set_password("another long passphrase 7")
    user.save()
    changed = AuditEntry.objects.filter(action="core.user.changed").latest("seq")
    assert changed.detail == {"fields": ["password"], "values": {}}
    RoleGrant.objects.filter(user=user).delete()
    assert AuditEntry.objects.filter(action="core.rolegrant.deleted").exists()
    assert verify_chain().intact


@pytest.mark.django_db
def test_details_read_back_exactly_as_hashed() -> None:
    detail = {
        "big": 1e20,
        "small": 1e-7,
        "score": 0.87,
        "count": 2**60,
        "nul": "a\x00b",
        "nested": [{"ключ": "значэнне 🇧🇾"}],
        "when": timezone.now(),
        "amount": Decimal("5000.10"),
    }
    entry = record(action="test.detail", detail=detail)
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert stored.compute_hash() == stored.hash
    assert stored.detail["amount"] == "5000.10" and stored.detail["nul"] == "a\ufffdb"
    assert verify_chain().intact
