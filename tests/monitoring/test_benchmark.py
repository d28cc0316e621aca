"""The re-screen benchmark's logic on a small scale: generated counterparties plus a real listed name, a real list
change, the inverted re-screen against a full re-screen of everyone, and no flip missed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from benchmarks import rescreen as benchmark

from tests.monitoring.conftest import EU_LIST, NAUMOV, eu_list_without


def test_the_benchmark_data_is_generated_and_real() -> None:
    names = benchmark.listed_names()
    assert len(names) >= 200, "every Belarus-programme entry of the 2024-04-15 OFAC publication"
    assert all(name and name == name.strip() for name, _schema in names)
    rows = benchmark.watch_list_csv(50, real=[("Uladzimir NAVUMAU", "Person")]).decode().splitlines()
    assert rows[0] == "name,schema,birth_date,country" and len(rows) == 52


@pytest.mark.django_db(transaction=True)
def test_a_small_run_alerts_every_flip_the_full_rescreen_finds(tmp_path: Path) -> None:
    report = benchmark.measure(
        300,
        wait=lambda run_id: None,  # the immediate backend ran the run at commit
        source="eu_journal",
        old=eu_list_without(tmp_path, NAUMOV),
        new=EU_LIST,
        aux=None,
        real=[("Uladzimir NAVUMAU", "Person"), ("Vladimir Naumov", "Person")],
        say=lambda line: None,
    )
    assert report.counterparties == 302
    assert report.delta["added"] >= 1
    assert report.new_pairs >= 2, (
        "both spellings of the newly listed person are flagged by the full re-screen"
    )
    assert report.missed == []
    assert report.flipped_counterparties >= 2 and report.missed_counterparties == 0
    assert report.alerts >= 2
    assert report.full_rescreen_s > 0 and report.commit_to_last_alert_s >= 0


def test_the_report_prints_figures_beside_the_baseline(capsys: Any) -> None:
    report = benchmark.Report(counterparties=10, commit_to_last_alert_s=2.0, full_rescreen_s=30.0)
    benchmark.print_report(report)
    out = capsys.readouterr().out
    assert "baseline: full re-screen" in out and "15.0x" in out and "no missed flip" in out
