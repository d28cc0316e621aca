"""What other apps may know of the fund's grants: frozen facts and a signal, never the fund's tables.

`grant_changed` is sent after the commit of every change to a grant (approval, signed agreement with its tranches,
a released tranche, closing); receivers get `facts=GrantFacts`. `approved_grants()` yields the same facts for every
grant, for a subscriber that starts after grants already exist. The facts carry no personal data and nothing the
applicant wrote (the title and summary stay sealed in the fund): the recipient appears as the application's
reference only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.dispatch import Signal

__all__ = ["GrantFacts", "TrancheFacts", "announce_on_commit", "approved_grants", "grant_changed"]

grant_changed = Signal()


@dataclass(frozen=True)
class TrancheFacts:
    number: int
    amount: Decimal
    due_on: date | None
    paid: bool


@dataclass(frozen=True)
class GrantFacts:
    reference: str
    category: str
    tier: str
    amount: Decimal
    currency: str
    status: str  # agreement, active, closed
    approved_on: date
    duration_months: int | None
    tranches: tuple[TrancheFacts, ...]
    is_demo: bool


def _facts(grant_pk: int) -> GrantFacts:
    from hramada.fund.models import Grant, Tranche

    grant = Grant.objects.select_related("application").get(pk=grant_pk)
    application = grant.application
    approved = application.decided_at or grant.created_at
    return GrantFacts(
        reference=application.reference,
        category=application.category,
        tier=application.tier,
        amount=grant.amount,
        currency=grant.currency,
        status=grant.status,
        approved_on=approved.date(),
        duration_months=application.duration_months,
        tranches=tuple(
            TrancheFacts(t.number, t.amount, t.due_on, t.status == Tranche.Status.RELEASED)
            for t in grant.tranches.order_by("number")
        ),
        is_demo=grant.is_demo,
    )


def approved_grants() -> Iterator[GrantFacts]:
    from hramada.fund.models import Grant

    for pk in Grant.objects.order_by("pk").values_list("pk", flat=True):
        yield _facts(pk)


def announce_on_commit(grant_pk: int) -> None:
    """Called by the fund's services inside their transaction: receivers hear of the change once it is durable."""

    def send() -> None:
        grant_changed.send(sender=GrantFacts, facts=_facts(grant_pk))

    transaction.on_commit(send)
