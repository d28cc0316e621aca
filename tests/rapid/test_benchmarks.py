"""The relief benchmarks: judged on the last full month against the target, with a trend against the six months
before; the board reads the evidence register."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hramada.rapid.benchmarks import Benchmark, board, last_full_month


@settings(deadline=None)  # no timed tests: a loaded machine is not a failure
@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=30), st.integers(0, 10_000))
def test_a_benchmark_is_met_exactly_when_the_last_month_is_at_most_the_target(
    series: list[int], target: int
) -> None:
    benchmark = Benchmark("k", "label", series, target)
    assert benchmark.met == (series[-1] <= target)
    assert benchmark.status(date(2026, 1, 1))["met"] == benchmark.met
    assert benchmark.trend in {"rising", "falling", "steady"}


def test_the_trend_compares_the_last_month_with_the_six_before() -> None:
    assert Benchmark("k", "l", [10] * 6 + [20], 0).trend == "rising"
    assert Benchmark("k", "l", [10] * 6 + [2], 0).trend == "falling"
    assert Benchmark("k", "l", [10] * 6 + [10], 0).trend == "steady"
    assert Benchmark("k", "l", [3], 0).trend == "steady"


def test_the_last_full_month_is_the_month_before_today() -> None:
    assert last_full_month(date(2026, 1, 15)) == date(2025, 12, 1)
    assert last_full_month(date(2026, 3, 1)) == date(2026, 2, 1)


@pytest.mark.django_db
def test_the_board_counts_new_detentions_from_the_register() -> None:
    from hramada.evidence.models import Prisoner

    today = date(2026, 5, 20)
    Prisoner.objects.create(name="A", detained_on=date(2026, 4, 3))
    Prisoner.objects.create(name="B", detained_on=date(2026, 4, 28))
    Prisoner.objects.create(name="C", detained_on=date(2024, 1, 1))
    result = board(today)
    assert result.month == date(2026, 4, 1)
    values = {b.key: b.value for b in result.benchmarks}
    assert values["new_detentions"] == 2
    assert values["prisoners_held"] == 3
    assert not result.all_met  # default targets are zero
    assert len(result.charts()) == 3


def test_a_benchmark_without_data_is_not_met_whatever_its_target() -> None:
    empty = Benchmark("k", "l", [0] * 24, 10, has_data=False)
    assert not empty.met
    assert empty.status(date(2026, 1, 1))["no_data"] is True
    assert Benchmark("k", "l", [0] * 24, 10).met, "a recorded zero is data"


@pytest.mark.django_db
def test_an_empty_register_is_no_data_and_relief_drafted_on_it_is_flagged(make_staff: Any) -> None:
    """Nothing recorded is not evidence of reform: with targets that zero would meet, every benchmark still
    reads "no data", not met, and a relief recommendation drafted now is flagged."""
    from hramada.core.roles import Role
    from hramada.rapid import services
    from hramada.rapid.models import BenchmarkKey

    admin = make_staff(Role.ADMINISTRATOR, username="admin")
    for key in BenchmarkKey.values:
        services.set_benchmark_target(key, 5, by=admin)
    result = board(date(2026, 5, 20))
    assert all(not b.has_data and not b.met for b in result.benchmarks)
    analyst = make_staff(Role.SANCTIONS_ANALYST, username="analyst")
    relief = services.draft_relief(by=analyst, scope="sector", sector="Potash", rationale="Test.")
    assert relief.flagged
    assert all(status["no_data"] for status in relief.benchmarks)
