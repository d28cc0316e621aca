"""Money arithmetic and the envelope invariants, including property tests over sequences of operations."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from hramada.core.roles import Role
from hramada.fund import services
from hramada.fund.models import Envelope, EnvelopeEntry, Reallocation
from hramada.fund.services import AmountRefused, ReallocationRefused
from tests.fund import factories

amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("50000"), places=2)


@given(amount=amounts)
def test_a_positive_amount_with_two_decimals_parses_to_itself(amount: Decimal) -> None:
    assert services.parse_amount(str(amount)) == amount


@pytest.mark.parametrize("bad", ["-5", "0", "abc", "1e400", "NaN", "Infinity", "12.345", "", "1,2,3"])
def test_a_negative_zero_or_non_numeric_amount_is_refused_with_a_reason(bad: str) -> None:
    with pytest.raises(AmountRefused):
        services.parse_amount(bad)


def _manager(username: str) -> Any:
    from hramada.core.models import RoleGrant, User

    user = User.objects.create_user(username=username, password="x" * 16)
    RoleGrant.objects.create(user=user, role=Role.FUND_MANAGER)
    return user


class EnvelopeProperties(TestCase):
    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(moves=st.lists(st.tuples(st.booleans(), amounts), min_size=1, max_size=8))
    def test_reallocations_never_make_an_envelope_negative_and_conserve_money(
        self, moves: list[tuple[bool, Decimal]]
    ) -> None:
        prog = factories.programme(four_eyes_limit=Decimal("1000000"))
        a = factories.envelope(prog, allocated="10000.00")
        b = factories.envelope(prog, category="legal", allocated="5000.00")
        manager = _manager(f"m{Reallocation.objects.count()}-{a.pk}")
        for forward, amount in moves:
            source, target = (a, b) if forward else (b, a)
            before = Envelope.objects.get(pk=source.pk).available
            try:
                services.request_reallocation(
                    source=source, target=target, amount=amount, reason="test", by=manager
                )
            except ReallocationRefused:
                assert amount > before
        a.refresh_from_db()
        b.refresh_from_db()
        assert a.allocated + b.allocated == Decimal("15000.00")
        assert a.available >= 0 and b.available >= 0


@pytest.mark.django_db
def test_the_database_refuses_committing_more_than_allocated() -> None:
    prog = factories.programme()
    env = factories.envelope(prog, allocated="100.00")
    with pytest.raises(IntegrityError), transaction.atomic():
        Envelope.objects.filter(pk=env.pk).update(committed=Decimal("100.01"))


@pytest.mark.django_db
def test_the_database_refuses_paying_more_than_committed() -> None:
    prog = factories.programme()
    env = factories.envelope(prog, allocated="100.00")
    with pytest.raises(IntegrityError), transaction.atomic():
        Envelope.objects.filter(pk=env.pk).update(disbursed=Decimal("1"))


@pytest.mark.django_db
def test_reallocation_cannot_make_an_envelope_negative() -> None:
    prog = factories.programme()
    a = factories.envelope(prog, allocated="100.00")
    b = factories.envelope(prog, category="legal", allocated="0.00")
    with pytest.raises(ReallocationRefused, match="below zero"):
        services.request_reallocation(source=a, target=b, amount="100.01", reason="x", by=_manager("m1"))
    a.refresh_from_db()
    assert a.allocated == Decimal("100.00")


@pytest.mark.django_db
def test_reallocation_above_the_limit_waits_for_a_different_manager() -> None:
    prog = factories.programme(four_eyes_limit=Decimal("1000"))
    a = factories.envelope(prog, allocated="5000.00")
    b = factories.envelope(prog, category="legal", allocated="0.00")
    first, second = _manager("m1"), _manager("m2")
    realloc = services.request_reallocation(
        source=a, target=b, amount="2000", reason="urgent legal aid", by=first
    )
    assert realloc.status == Reallocation.Status.PENDING
    a.refresh_from_db()
    assert a.allocated == Decimal("5000.00")
    with pytest.raises(ReallocationRefused, match="second fund manager"):
        services.approve_reallocation(realloc, by=first)
    services.approve_reallocation(realloc, by=second)
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.allocated, b.allocated) == (Decimal("3000.00"), Decimal("2000.00"))
    kinds = set(EnvelopeEntry.objects.values_list("kind", flat=True))
    assert {"reallocation_out", "reallocation_in"} <= kinds
    from hramada.core.models.audit import AuditEntry

    assert AuditEntry.objects.filter(action="fund.reallocation.done").exists()


@pytest.mark.django_db
def test_reallocation_between_currencies_is_refused() -> None:
    prog = factories.programme()
    a = factories.envelope(prog, allocated="100.00")
    b = factories.envelope(prog, category="legal")
    b.currency = "USD"
    b.save()
    with pytest.raises(ReallocationRefused, match="currencies"):
        services.request_reallocation(source=a, target=b, amount="10", reason="x", by=_manager("m1"))


@pytest.mark.django_db
def test_policy_changes_are_audited_with_old_and_new_values() -> None:
    from hramada.core.models.audit import AuditEntry

    prog = factories.programme()
    services.update_policy(prog, by=_manager("m1"), four_eyes_limit=Decimal("500.00"))
    entry = AuditEntry.objects.get(action="fund.policy.changed")
    assert entry.detail["before"]["four_eyes_limit"] == "10000.00"
    assert entry.detail["after"]["four_eyes_limit"] == "500.00"
