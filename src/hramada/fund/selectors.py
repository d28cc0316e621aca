"""Reads of the fund: queues per role, the figures behind the dashboard, the panel summary."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core.roles import Role
from hramada.fund import workflow
from hramada.fund.models import (
    Application,
    Envelope,
    Grant,
    Notification,
    Programme,
    Reallocation,
    Report,
    ScreeningHold,
    Tier,
    Tranche,
)
from hramada.fund.workflow import State


@dataclass(frozen=True)
class QueueItem:
    application: Application
    clock: str
    time_left: timedelta | None
    held: bool


def rapid_queue(now: datetime | None = None) -> list[QueueItem]:
    """Rapid-response requests still open, most urgent first, then by the end of their decision clock."""
    now = now or timezone.now()
    queue = (
        Application.objects.filter(tier=Tier.RAPID, state__in=workflow.OPEN_STATES)
        .select_related("programme")
        .prefetch_related("holds")
        .order_by("urgency", "decision_due_at")
    )
    return [
        QueueItem(
            application=a,
            clock=clock_status_of(a, now),
            time_left=(a.decision_due_at - now) if a.decision_due_at else None,
            held=any(h.status == ScreeningHold.Status.OPEN for h in a.holds.all()),
        )
        for a in queue
    ]


def long_term_batches() -> list[tuple[Any, list[Application]]]:
    """Open long-term proposals grouped by the review round they wait for, earliest round first."""
    queue = (
        Application.objects.filter(tier=Tier.LONG_TERM, state__in=workflow.OPEN_STATES)
        .select_related("programme")
        .order_by("review_round", "submitted_at")
    )
    batches: dict[Any, list[Application]] = {}
    for application in queue:
        batches.setdefault(application.review_round, []).append(application)
    return list(batches.items())


def next_batch_dates() -> list[tuple[Programme, Any]]:
    return [(p, p.next_review_round()) for p in Programme.objects.order_by("name")]


def decision_queue() -> QuerySet[Application]:
    return (
        Application.objects.filter(state=State.RECOMMENDED)
        .select_related("programme")
        .order_by("tier", "urgency")
    )


def open_holds() -> QuerySet[ScreeningHold]:
    return ScreeningHold.objects.filter(status=ScreeningHold.Status.OPEN).select_related("application")


def reports_to_review() -> QuerySet[Report]:
    return Report.objects.filter(status=Report.Status.SUBMITTED).select_related(
        "grant__application", "tranche"
    )


@dataclass(frozen=True)
class PaymentItem:
    tranche: Tranche
    blocked_by: str


def payments_queue() -> list[PaymentItem]:
    """Planned tranches of signed grants, each with what (if anything) keeps it from being released."""
    tranches = (
        Tranche.objects.filter(status=Tranche.Status.PLANNED, grant__status=Grant.Status.ACTIVE)
        .select_related("grant__application")
        .order_by("due_on", "grant_id", "number")
    )
    items = []
    for tranche in tranches:
        grant = tranche.grant
        reason = ""
        if has_confirmed_match(grant.application):
            reason = _("confirmed sanctions match")
        elif has_open_holds(grant.application):
            reason = _("screening hold")
        elif tranche.requires_report and not tranche.report_accepted:
            reason = _("report not accepted")
        elif not grant.payee_name:
            reason = _("no payment details")
        elif grant.tranches.filter(number__lt=tranche.number, status=Tranche.Status.PLANNED).exists():
            reason = _("earlier tranche unpaid")
        items.append(PaymentItem(tranche, reason))
    return items


def notifications_for(roles: frozenset[Role]) -> QuerySet[Notification]:
    return Notification.objects.filter(role__in=[r.value for r in roles], resolved_at__isnull=True)


def pending_reallocations() -> QuerySet[Reallocation]:
    return Reallocation.objects.filter(status=Reallocation.Status.PENDING).select_related("source", "target")


# --- Dashboard figures ---------------------------------------------------------------------------------------


def envelope_totals(year: int | None = None) -> list[Envelope]:
    qs = Envelope.objects.select_related("programme")
    if year:
        qs = qs.filter(year=year)
    return list(qs)


def money_totals(envelopes: list[Envelope]) -> dict[str, Decimal]:
    return {
        "allocated": sum((e.allocated for e in envelopes), Decimal(0)),
        "committed": sum((e.committed for e in envelopes), Decimal(0)),
        "disbursed": sum((e.disbursed for e in envelopes), Decimal(0)),
        "available": sum((e.available for e in envelopes), Decimal(0)),
    }


@dataclass(frozen=True)
class DecisionTimes:
    tier: str
    label: str
    count: int
    median_hours: float | None
    p90_hours: float | None
    target_hours: float


def percentile(values: list[float], fraction: float) -> float | None:
    """Nearest-rank percentile: the smallest value with at least `fraction` of values at or below it."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-int(fraction * 100) * len(ordered) // 100))
    return ordered[min(rank, len(ordered)) - 1]


def decision_times() -> list[DecisionTimes]:
    """Hours from submission to decision, per tier: median and 90th percentile against the target."""
    programme = Programme.objects.order_by("pk").first()
    clock = float(programme.decision_clock_hours if programme else 72)
    weeks = float(programme.review_round_weeks if programme else 4)
    result = []
    for tier, label in Tier.choices:
        decided = Application.objects.filter(
            tier=tier, submitted_at__isnull=False, decided_at__isnull=False
        ).values_list("submitted_at", "decided_at")
        hours = [(d - s).total_seconds() / 3600 for s, d in decided if s and d]
        target = (
            clock if tier == Tier.RAPID else weeks * 7 * 24 * 2
        )  # long-term: decided by the round after next
        result.append(
            DecisionTimes(
                tier=tier,
                label=str(label),
                count=len(hours),
                median_hours=statistics.median(hours) if hours else None,
                p90_hours=percentile(hours, 0.9),
                target_hours=target,
            )
        )
    return result


def applications_by(field: str) -> list[tuple[str, int]]:
    counts = Counter(Application.objects.exclude(state=State.DRAFT).values_list(field, flat=True))
    choices: Any = {"category": Application._meta.get_field("category").choices, "state": State.choices}[
        field
    ]
    labels = dict(choices)
    return [(str(labels.get(key, key)), counts[key]) for key in labels if counts.get(key)]


def panel_summary(user: Any) -> dict[str, Any]:
    roles: frozenset[Role] = getattr(user, "roles", frozenset())
    return {
        "rapid_open": Application.objects.filter(tier=Tier.RAPID, state__in=workflow.OPEN_STATES).count(),
        "long_open": Application.objects.filter(tier=Tier.LONG_TERM, state__in=workflow.OPEN_STATES).count(),
        "to_decide": Application.objects.filter(state=State.RECOMMENDED).count(),
        "holds": ScreeningHold.objects.filter(status=ScreeningHold.Status.OPEN).count(),
        "reports": Report.objects.filter(status=Report.Status.SUBMITTED).count(),
        "alerts": notifications_for(roles).count(),
        "available": Envelope.objects.aggregate(a=Sum("allocated"), c=Sum("committed")),
    }


# --- Reads the services and pages share ---------------------------------------------------------------------


def clock_status_of(application: Application, now: datetime | None = None) -> str:
    """ "ok", "at_risk" (less than a quarter of the clock left) or "overdue"; "" when no clock runs."""
    if application.decision_due_at is None or application.state not in workflow.OPEN_STATES:
        return ""
    now = now or timezone.now()
    left = application.decision_due_at - now
    if left <= timedelta(0):
        return "overdue"
    if left <= timedelta(hours=application.programme.decision_clock_hours) / 4:
        return "at_risk"
    return "ok"


def has_open_holds(application: Application) -> bool:
    return application.holds.filter(status=ScreeningHold.Status.OPEN).exists()


def has_confirmed_match(application: Application) -> bool:
    """A sanctions analyst confirmed a match for a party of this application: nothing may be paid, ever."""
    return application.holds.filter(status=ScreeningHold.Status.CONFIRMED).exists()


def envelope_of_application(application: Application, year: int | None = None) -> Envelope | None:
    """The envelope an application's grant is committed against (its programme, tier, category and year)."""
    return Envelope.objects.filter(
        programme=application.programme,
        tier=application.tier,
        category=application.category,
        year=year or timezone.localdate().year,
    ).first()
