"""Reads for monitoring's pages."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from hramada.core.counterparties import source_label
from hramada.monitoring.models import Alert, RescreenRun, WatchList


def alerts(*, status: str = "open", owner: str = "") -> QuerySet[Alert]:
    found = Alert.objects.all()
    if status in (Alert.Status.OPEN, Alert.Status.ACKNOWLEDGED):
        found = found.filter(status=status)
    if owner:
        found = found.filter(owner=owner)
    # Escalated first, then newest.
    return found.order_by(F("escalated_at").desc(nulls_last=True), "-created_at", "-pk")


def owners_with_alerts() -> list[dict[str, Any]]:
    rows = (
        Alert.objects.values("owner")
        .annotate(open=Count("pk", filter=Q(status=Alert.Status.OPEN)), total=Count("pk"))
        .order_by("owner")
    )
    return [{**row, "label": source_label(row["owner"])} for row in rows]


def recent_runs(limit: int = 20) -> QuerySet[RescreenRun]:
    return RescreenRun.objects.all()[:limit]


def watch_lists() -> QuerySet[WatchList]:
    return WatchList.objects.filter(active=True)


def panel_summary() -> dict[str, Any]:
    return {
        "open": Alert.objects.filter(status=Alert.Status.OPEN).count(),
        "escalated": Alert.objects.filter(status=Alert.Status.OPEN, escalated_at__isnull=False).count(),
        "last_run": RescreenRun.objects.exclude(status=RescreenRun.Status.QUEUED).first(),
        "failed_runs": failed_runs().count(),
    }


FAILED_RUNS_SHOWN_FOR = timedelta(days=7)


def failed_runs() -> QuerySet[RescreenRun]:
    """Re-screens that failed in the last week: shown on the dashboard and above the inbox until they age out."""
    return RescreenRun.objects.filter(
        status=RescreenRun.Status.FAILED, created_at__gte=timezone.now() - FAILED_RUNS_SHOWN_FOR
    )
