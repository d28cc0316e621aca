"""Property: whatever grants are approved and paid against an envelope, in whatever order, the envelope never
promises or pays more than it holds, and what it reports adds up to the grants and tranches behind it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from hramada.core.models import RoleGrant, User
from hramada.core.roles import Role
from hramada.fund import selectors, services
from hramada.fund.models import Envelope, Grant, Tranche
from tests.fund import factories


def _staff(role: Role) -> Any:
    user = User.objects.create_user(username=f"{role.value}-{User.objects.count()}", password="x" * 16)
    RoleGrant.objects.create(user=user, role=role)
    return user


class ApprovalProperties(TestCase):
    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        requests=st.lists(
            st.tuples(
                st.decimals(min_value=Decimal("100"), max_value=Decimal("9000"), places=2), st.booleans()
            ),
            min_size=1,
            max_size=5,
        )
    )
    def test_envelope_figures_match_grants_and_never_exceed_the_allocation(
        self, requests: list[tuple[Decimal, bool]]
    ) -> None:
        prog = factories.programme()
        envelope = factories.envelope(prog, allocated="15000.00")
        reviewer, manager, finance = (
            _staff(Role.REVIEWER),
            _staff(Role.FUND_MANAGER),
            _staff(Role.FINANCE_OFFICER),
        )
        for amount, pay in requests:
            app = factories.recommended(prog, [reviewer], amount=str(amount))
            before = Envelope.objects.get(pk=envelope.pk).available
            try:
                grant = services.approve(app, by=manager)
            except services.AmountRefused:
                assert amount > before
                continue
            if pay:
                services.give_payment_details(grant, payee_name="P", details={}, by=app.applicant.user)
                services.release_tranche(
                    grant.tranches.get(),
                    method="bank",
                    reference="R",
                    paid_on=grant.created_at.date(),
                    currency="EUR",
                    by=finance,
                )
        envelope.refresh_from_db()
        grants = Grant.objects.filter(envelope=envelope)
        paid = Tranche.objects.filter(grant__envelope=envelope, status="released")
        assert envelope.committed == sum((g.amount for g in grants), Decimal(0))
        assert envelope.disbursed == sum((t.amount for t in paid), Decimal(0))
        assert 0 <= envelope.disbursed <= envelope.committed <= envelope.allocated


@given(values=st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=1, max_size=50))
def test_the_90th_percentile_lies_between_the_median_and_the_maximum(values: list[float]) -> None:
    import statistics

    p90 = selectors.percentile(values, 0.9)
    assert p90 is not None
    assert min(values) <= p90 <= max(values)
    assert p90 >= sorted(values)[(len(values) - 1) // 2]
    assert statistics.median(values) <= p90 or len(values) % 2 == 0
