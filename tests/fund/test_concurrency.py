"""Two fund managers approving grants against the last euro of an envelope at the same moment: one wins.

Real concurrent transactions on two connections; SQLite serialises writers and cannot show this, so the test
is gated on `select_for_update`, as Django's own tests are.
"""

from __future__ import annotations

import threading
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection, connections

from hramada.core.roles import Role
from hramada.fund import services
from hramada.fund.models import Envelope, Grant
from tests.fund import factories


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_approvals_cannot_overspend_an_envelope(make_staff: Any) -> None:
    if not connection.features.has_select_for_update:
        pytest.skip("SQLite has no SELECT ... FOR UPDATE; run with DATABASE_URL=postgres://... to prove this")
    prog = factories.programme()
    envelope = factories.envelope(prog, allocated="10000.00")
    reviewer = make_staff(Role.REVIEWER)
    managers = [make_staff(Role.FUND_MANAGER), make_staff(Role.FUND_MANAGER)]
    applications = [factories.recommended(prog, [reviewer], amount="6000.00") for _ in range(2)]

    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def approve(application: Any, manager: Any) -> None:
        try:
            barrier.wait()
            services.approve(application, by=manager)
            outcomes.append("approved")
        except services.AmountRefused:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=approve, args=pair) for pair in zip(applications, managers, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert sorted(outcomes) == ["approved", "refused"]
    envelope.refresh_from_db()
    assert envelope.committed == Decimal("6000.00") <= envelope.allocated
    assert Grant.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_many_concurrent_approvals_never_commit_more_than_allocated(make_staff: Any) -> None:
    if not connection.features.has_select_for_update:
        pytest.skip("SQLite has no SELECT ... FOR UPDATE; run with DATABASE_URL=postgres://... to prove this")
    prog = factories.programme()
    envelope = factories.envelope(prog, allocated="10000.00")
    reviewer = make_staff(Role.REVIEWER)
    manager = make_staff(Role.FUND_MANAGER)
    applications = [factories.recommended(prog, [reviewer], amount="3000.00") for _ in range(6)]
    barrier = threading.Barrier(len(applications))

    def approve(application: Any) -> None:
        try:
            barrier.wait()
            services.approve(application, by=manager)
        except services.AmountRefused:
            pass
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(a,)) for a in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    envelope = Envelope.objects.get(pk=envelope.pk)
    assert envelope.committed == Decimal("9000.00")
    assert Grant.objects.count() == 3


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("rounds", [6])
def test_opposite_reallocations_at_the_same_moment_neither_deadlock_nor_lose_money(
    make_staff: Any, rounds: int
) -> None:
    """Budget moves A -> B and B -> A at once, several times: every move is done (no 500 from a deadlock, no
    refusal), and the two envelopes still hold the total they started with."""
    if not connection.features.has_select_for_update:
        pytest.skip("SQLite has no SELECT ... FOR UPDATE; run with DATABASE_URL=postgres://... to prove this")
    prog = factories.programme()
    first = factories.envelope(prog, allocated="10000.00")
    second = factories.envelope(prog, allocated="10000.00", category="activists")
    managers = [make_staff(Role.FUND_MANAGER), make_staff(Role.FUND_MANAGER)]
    errors: list[BaseException] = []

    def move(source: Envelope, target: Envelope, manager: Any, barrier: threading.Barrier) -> None:
        try:
            barrier.wait()
            services.request_reallocation(
                source=source, target=target, amount="10.00", reason="rebalance", by=manager
            )
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    for _ in range(rounds):
        barrier = threading.Barrier(2)
        threads = [
            threading.Thread(target=move, args=(first, second, managers[0], barrier)),
            threading.Thread(target=move, args=(second, first, managers[1], barrier)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)

    assert errors == []
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.allocated + second.allocated == Decimal("20000.00")
    assert first.allocated == second.allocated == Decimal("10000.00")
