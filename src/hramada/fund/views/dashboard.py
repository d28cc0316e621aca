"""The fund dashboard: money by envelope, time to decision per tier, applications by category and status."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core.access import require_roles
from hramada.core.roles import Role
from hramada.fund import charts, selectors

ROLES = (Role.FUND_MANAGER, Role.FINANCE_OFFICER, Role.REVIEWER, Role.SANCTIONS_ANALYST, Role.AUDITOR)


@require_roles(*ROLES)
def dashboard(request: HttpRequest) -> HttpResponse:
    year = timezone.localdate().year
    envelopes = selectors.envelope_totals(year)
    money_labels = {
        "allocated": _("Allocated"),
        "committed": _("Committed"),
        "disbursed": _("Disbursed"),
        "available": _("Available"),
    }
    rows = [
        (
            f"{e.get_tier_display()} · {e.get_category_display()}",
            {
                "allocated": e.allocated,
                "committed": e.committed,
                "disbursed": e.disbursed,
                "available": e.available,
            },
        )
        for e in envelopes
    ]
    times = selectors.decision_times()
    time_labels = {"median": _("Median"), "p90": _("90th percentile"), "target": _("Target")}
    return render(
        request,
        "fund/staff/dashboard.html",
        {
            "year": year,
            "totals": selectors.money_totals(envelopes),
            "money_chart": charts.envelope_bars(rows, money_labels, _("Money by envelope")),
            "times": times,
            "time_chart": charts.decision_time_bars(
                [(t.label, t.median_hours, t.p90_hours, t.target_hours) for t in times],
                time_labels,
                _("Time to decision (hours)"),
            ),
            "category_chart": charts.count_bars(
                selectors.applications_by("category"), _("Applications by category")
            ),
            "state_chart": charts.count_bars(selectors.applications_by("state"), _("Applications by status")),
        },
    )
