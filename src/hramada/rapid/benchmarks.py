"""The relief benchmarks: the brief's conditions for relief as monthly figures from the evidence app, each against
a target (policy), with a status and a trend.

* political prisoners released: held at the end of the month, and new detentions in it (the register);
* repression ended: incidents in the month, all kinds (by kind on the chart);
* complicity in the war halted: military-logistics observations in the month.

The figure judged is the last full month's; a benchmark is met when it is at most the target. The trend compares
it with the mean of the six months before. A benchmark whose source holds no record in the whole window has *no
data*: an empty register is not evidence that prisoners were released, so it counts as not met.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from hramada.evidence import public as evidence_public
from hramada.rapid.models import BenchmarkKey
from hramada.rapid.selectors import benchmark_targets

WINDOW_MONTHS = 24
TREND_MONTHS = 6


@dataclass(frozen=True)
class Benchmark:
    key: str
    label: str
    series: list[int]
    target: int
    has_data: bool = True
    """Whether its source holds any record in the window (false: "no data", never met)."""

    @property
    def value(self) -> int:
        return self.series[-1] if self.series else 0

    @property
    def met(self) -> bool:
        return self.has_data and self.value <= self.target

    @property
    def trend(self) -> str:
        before = self.series[-1 - TREND_MONTHS : -1]
        if not before:
            return "steady"
        mean = sum(before) / len(before)
        if self.value > mean * 1.1 and self.value - mean >= 1:
            return "rising"
        if self.value < mean * 0.9 and mean - self.value >= 1:
            return "falling"
        return "steady"

    def status(self, month: date) -> dict[str, Any]:
        """The status as attached to a relief recommendation (plain JSON)."""
        return {
            "key": self.key,
            "month": month.isoformat(),
            "value": self.value,
            "target": self.target,
            "met": self.met,
            "no_data": not self.has_data,
            "trend": self.trend,
        }


@dataclass(frozen=True)
class Board:
    months: list[date]
    benchmarks: list[Benchmark]
    prisoners: list[evidence_public.PrisonerMonth]
    incidents_by_kind: dict[str, list[int]]

    @property
    def month(self) -> date:
        return self.months[-1]

    def statuses(self) -> list[dict[str, Any]]:
        return [benchmark.status(self.month) for benchmark in self.benchmarks]

    @property
    def all_met(self) -> bool:
        return all(benchmark.met for benchmark in self.benchmarks)

    def charts(self) -> list[SafeString]:
        labels = dict(evidence_public.incident_kinds())
        prisoner_series = [
            (_("held"), [row.held for row in self.prisoners]),
            (_("released"), [row.ended for row in self.prisoners]),
            (_("new detentions"), [row.detained for row in self.prisoners]),
        ]
        incident_series = [
            (labels.get(kind, kind), values) for kind, values in self.incidents_by_kind.items() if any(values)
        ]
        observations = next(b for b in self.benchmarks if b.key == BenchmarkKey.MILITARY_OBSERVATIONS)
        return [
            evidence_public.trend_chart(self.months, prisoner_series, _("Political prisoners per month")),
            evidence_public.trend_chart(
                self.months,
                incident_series or [(_("incidents"), [0] * len(self.months))],
                _("Incidents per month by kind"),
            ),
            evidence_public.trend_chart(
                self.months,
                [(_("observations"), observations.series)],
                _("Military-logistics observations per month"),
            ),
        ]


def last_full_month(today: date | None = None) -> date:
    today = today or timezone.localdate()
    previous = today.replace(day=1) - timedelta(days=1)
    return previous.replace(day=1)


def board(today: date | None = None) -> Board:
    end = last_full_month(today)
    start_year, start_month = end.year, end.month - (WINDOW_MONTHS - 1)
    while start_month < 1:
        start_month += 12
        start_year -= 1
    months = evidence_public.month_starts(date(start_year, start_month, 1), end)
    prisoners = evidence_public.prisoner_months(months)
    incidents = evidence_public.incidents_per_month(months)
    observations = evidence_public.observations_per_month(months)
    totals = [sum(values[i] for values in incidents.values()) for i in range(len(months))]
    targets = benchmark_targets()
    labels = dict(BenchmarkKey.choices)
    series = {
        BenchmarkKey.PRISONERS_HELD: [row.held for row in prisoners],
        BenchmarkKey.NEW_DETENTIONS: [row.detained for row in prisoners],
        BenchmarkKey.REPRESSION_INCIDENTS: totals,
        BenchmarkKey.MILITARY_OBSERVATIONS: observations,
    }
    register_has_data = any(row.held or row.detained or row.ended for row in prisoners)
    has_data = {
        BenchmarkKey.PRISONERS_HELD: register_has_data,
        BenchmarkKey.NEW_DETENTIONS: register_has_data,
        BenchmarkKey.REPRESSION_INCIDENTS: any(totals),
        BenchmarkKey.MILITARY_OBSERVATIONS: any(observations),
    }
    benchmarks = [
        Benchmark(str(key), str(labels[key]), values, targets[key], has_data[key])
        for key, values in series.items()
    ]
    return Board(months, benchmarks, prisoners, incidents)
