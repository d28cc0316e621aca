"""Reads of evidence data: lists filtered by access, register counts over time, map and timeline points,
candidates for listing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.urls import reverse

from hramada.evidence.access import visible
from hramada.evidence.maps import Point
from hramada.evidence.models import (
    Charge,
    EvidenceItem,
    Incident,
    Involvement,
    Observation,
    Perpetrator,
    Prisoner,
    Verification,
)


def incidents_for(user: Any) -> QuerySet[Incident]:
    return visible(Incident, user).select_related("owner_group")


def observations_for(user: Any) -> QuerySet[Observation]:
    return visible(Observation, user).select_related("owner_group")


def items_for(user: Any) -> QuerySet[EvidenceItem]:
    return visible(EvidenceItem, user).select_related("owner_group")


# Register counts ---------------------------------------------------------------------------------------------


def month_starts(first: date, last: date) -> list[date]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _as_month(value: Any) -> date:
    return date(value.year, value.month, 1)


def held_over_time(dimension: str, months: list[date], *, top: int = 8) -> list[tuple[str, list[int]]]:
    """People held at the end of each month, per value of `dimension` ("article", "sentence", "region").

    Two grouped queries (detentions per month and group, ends per month and group) and a running sum: the cost
    grows with months x groups, not with the number of people."""
    if dimension == "article":
        base: QuerySet[Any] = Charge.objects.all()
        group_expr: Any = "article"
    elif dimension == "region":
        base, group_expr = Prisoner.objects.all(), "region"
    elif dimension == "sentence":
        base, group_expr = Prisoner.objects.all(), "sentence_band"
    else:
        raise ValueError(dimension)
    group = F(group_expr) if isinstance(group_expr, str) else group_expr
    started = (
        base.annotate(g=group, m=F("detained_month")).values("g", "m").annotate(n=Count("pk")).order_by()
    )
    ended = (
        base.filter(ended_month__isnull=False)
        .annotate(g=group, m=F("ended_month"))
        .values("g", "m")
        .annotate(n=Count("pk"))
        .order_by()
    )
    delta: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for row in started:
        delta[row["g"]][_as_month(row["m"])] += row["n"]
    for row in ended:
        # Released during a month: no longer held at its end.
        delta[row["g"]][_as_month(row["m"])] -= row["n"]
    series = []
    for group, changes in delta.items():
        running = sum(n for m, n in changes.items() if m < months[0]) if months else 0
        values = []
        for month in months:
            running += changes.get(month, 0)
            values.append(running)
        series.append((str(group), values))
    series.sort(key=lambda s: (-(s[1][-1] if s[1] else 0), s[0]))
    return series[:top]


@dataclass(frozen=True)
class RegisterTotals:
    held: int
    recognised: int
    released: int
    died: int


def register_totals() -> RegisterTotals:
    counts = dict(Prisoner.objects.values_list("status").annotate(n=Count("pk")).order_by())
    return RegisterTotals(
        held=counts.get("detained", 0) + counts.get("sentenced", 0),
        recognised=Prisoner.objects.filter(recognised_on__isnull=False, ended_on__isnull=True).count(),
        released=counts.get("released", 0) + counts.get("pardoned", 0),
        died=counts.get("died", 0),
    )


# Map and timeline --------------------------------------------------------------------------------------------


def map_points(
    user: Any, *, kinds: Iterable[str], start: date | None, end: date | None, located_only: bool = True
) -> list[Point]:
    """Incidents and observations `user` may see, in the period and of the kinds chosen (all when none)."""
    wanted = set(kinds)
    points = []
    incidents = incidents_for(user)
    observations = observations_for(user)
    if located_only:
        incidents = incidents.filter(latitude__isnull=False, longitude__isnull=False)
        observations = observations.filter(latitude__isnull=False, longitude__isnull=False)
    if start:
        incidents = incidents.filter(date_start__gte=start)
        observations = observations.filter(observed_at__date__gte=start)
    if end:
        incidents = incidents.filter(date_start__lte=end)
        observations = observations.filter(observed_at__date__lte=end)
    for incident in incidents:
        if not wanted or f"incident:{incident.kind}" in wanted:
            points.append(
                Point(
                    incident.latitude or 0,
                    incident.longitude or 0,
                    f"{incident.get_kind_display()}: {incident.title}",
                    reverse("evidence:incident", args=[incident.pk]),
                    f"incident:{incident.kind}",
                    incident.date_start,
                )
            )
    for observation in observations:
        if not wanted or f"observation:{observation.kind}" in wanted:
            points.append(
                Point(
                    observation.latitude or 0,
                    observation.longitude or 0,
                    f"{observation.get_kind_display()}: {observation.units_or_equipment}",
                    reverse("evidence:observation", args=[observation.pk]),
                    f"observation:{observation.kind}",
                    observation.observed_at.date(),
                )
            )
    points.sort(key=lambda p: p.when)
    return points


# Perpetrators ------------------------------------------------------------------------------------------------


def perpetrators_with_verified_incidents() -> QuerySet[Perpetrator]:
    verified = Involvement.objects.filter(
        perpetrator=OuterRef("pk"), incident__verification=Verification.VERIFIED
    )
    return Perpetrator.objects.annotate(
        has_verified=Exists(verified),
        verified_incidents=Count(
            "involvements",
            filter=Q(involvements__incident__verification=Verification.VERIFIED),
            distinct=True,
        ),
    ).filter(has_verified=True)


def sealed_history(changes: Any, *, by: Any, purpose: str) -> list[dict[str, Any]]:
    """The earlier and later texts of encrypted fields in a record's history, each opening audited."""
    return [
        {
            "change": change,
            "old": change.reveal("old_sealed", by=by, purpose=purpose) if change.old_sealed else "",
            "new": change.reveal("new_sealed", by=by, purpose=purpose) if change.new_sealed else "",
        }
        for change in changes
        if change.is_sealed
    ]
