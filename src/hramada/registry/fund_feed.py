"""The platform's own fund flows into the registry by itself: a receiver of `hramada.fund.public.grant_changed`
upserts the record of the platform's donor, with its tranches. The fund's recipients come across as pseudonymous
at-risk organisations keyed by the application reference; the fund screens them itself."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from hramada.core import audit
from hramada.fund.public import GrantFacts, approved_grants
from hramada.registry import screening, services
from hramada.registry.models import (
    Donor,
    DonorKind,
    Geography,
    Instrument,
    Provenance,
    Recipient,
    RecordStatus,
    Theme,
)
from hramada.registry.rows import RecordInput

PLATFORM_FUND = "Belarus Democracy Support Fund"

THEME_OF_CATEGORY = {
    "media": Theme.MEDIA,
    "activists": Theme.CIVIL_SOCIETY,
    "legal": Theme.LEGAL,
    "digital_security": Theme.DIGITAL_SECURITY,
    "exile": Theme.CIVIL_SOCIETY,
    "democratic": Theme.DEMOCRATIC,
    "monitoring": Theme.MONITORING,
    "diaspora": Theme.EDUCATION,
}
# The applicant's own title stays in the fund, sealed: the registry names a fund grant by its tier and reference,
# so nothing an applicant wrote is copied into the registry's columns.
TIER_TITLE = {"rapid": "Rapid-response grant", "long_term": "Long-term grant"}
STATUS_OF_GRANT = {
    "agreement": RecordStatus.PLANNED,
    "active": RecordStatus.ACTIVE,
    "closed": RecordStatus.CLOSED,
}


def platform_donor() -> Donor:
    donor, _created = Donor.objects.get_or_create(
        is_platform_fund=True,
        defaults={"name": PLATFORM_FUND, "slug": slugify(PLATFORM_FUND), "kind": DonorKind.OTHER},
    )
    return donor


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def record_input(facts: GrantFacts) -> RecordInput:
    months = facts.duration_months or (3 if facts.tier == "rapid" else 12)
    return RecordInput(
        identifier=facts.reference,
        recipient_name=f"Fund grantee {facts.reference}",
        title=f"{TIER_TITLE.get(facts.tier, 'Fund grant')} {facts.reference}",
        amount=facts.amount,
        currency=facts.currency,
        award_date=facts.approved_on,
        start=facts.approved_on,
        end=_add_months(facts.approved_on, months),
        theme=THEME_OF_CATEGORY.get(facts.category, Theme.CIVIL_SOCIETY),
        geography=Geography.OTHER,
        recipient_kind=Recipient.Kind.ORGANISATION,
        instrument=Instrument.GRANT if facts.tier == "rapid" else Instrument.TRANCHES,
        status=STATUS_OF_GRANT.get(facts.status, RecordStatus.ACTIVE),
        tranches=tuple((t.amount, t.due_on) for t in facts.tranches),
    )


def apply(facts: GrantFacts) -> str:
    screening.warm_up()
    with transaction.atomic():
        donor = platform_donor()
        record, change = services.upsert_record(
            donor,
            record_input(facts),
            by=None,
            provenance=Provenance.FUND,
            source=f"fund:{facts.reference}",
            recipient_key=f"fund:{facts.reference}",
            is_demo=facts.is_demo,
        )
        paid = {t.number for t in facts.tranches if t.paid}
        record.tranches.filter(number__in=paid).update(paid=True)
        if change != "unchanged":
            audit.record(
                action=f"registry.fund_record.{change}",
                target=record,
                detail={"status": record.status},
                by=None,
            )
    return change


def on_grant_changed(sender: Any, facts: GrantFacts, **kwargs: Any) -> None:
    apply(facts)


def backfill() -> int:
    """Bring every fund grant in (a registry installed after the fund already had grants)."""
    return sum(1 for facts in approved_grants() if apply(facts) != "unchanged")
