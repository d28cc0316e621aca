"""Political-prisoner register: the count queries behind the charts (people held at the end of each month, by
article, by sentence length, by region) over 100,000 generated prisoners with their charges, conditions and change
histories, beside the obvious baseline measured in the same run (load every person and count in Python).
Target: under 200 ms per chart.

    .venv/bin/python -m benchmarks.register_counts                 # 100,000 prisoners, SQLite in a temp folder
    .venv/bin/python -m benchmarks.register_counts --people 20000  # smaller
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_register .venv/bin/python -m benchmarks.register_counts

The data is generated (documented here, not real people): detentions spread over 2020-08 .. today, 1-3 articles
from the ones Belarusian courts use against critics, sentences of 6 months to 15 years, a third released or
pardoned, every person with 3 history rows and one in four with a condition event.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ARTICLES = ["342", "361-1", "361-4", "368", "369", "130", "339", "364", "293", "423-1"]
REGIONS = ["minsk_city", "brest", "vitebsk", "gomel", "grodno", "minsk", "mogilev"]


def _django(workdir: Path) -> None:
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'register.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hramada.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def generate(people: int) -> None:
    from django.utils import timezone

    from hramada.evidence.models import (
        Charge,
        ConditionEvent,
        Prisoner,
        PrisonerChange,
        month_of,
        sentence_band,
    )

    Prisoner.objects.all().delete()
    rng = random.Random(2020)
    today = timezone.localdate()
    span = (today - date(2020, 8, 1)).days
    batch = 5000
    for start in range(0, people, batch):
        rows = []
        for n in range(start, min(people, start + batch)):
            detained = date(2020, 8, 1) + timedelta(days=rng.randrange(span))
            months = rng.choice([6, 18, 24, 36, 48, 60, 84, 120, 180])
            ended = detained + timedelta(days=rng.randrange(90, 1800)) if rng.random() < 0.34 else None
            ended = ended if ended and ended <= today else None
            rows.append(
                Prisoner(
                    name=f"Generated Person {n}",
                    region=rng.choice(REGIONS),
                    detained_on=detained,
                    sentence_months=months,
                    status="released" if ended else "sentenced",
                    ended_on=ended,
                    detained_month=month_of(detained),
                    sentence_band=sentence_band(months),
                    ended_month=month_of(ended),
                )
            )
        created = Prisoner.objects.bulk_create(rows)
        charges, changes, conditions = [], [], []
        for prisoner in created:
            for article in rng.sample(ARTICLES, rng.randrange(1, 4)):
                charges.append(
                    Charge(
                        prisoner=prisoner,
                        article=article,
                        detained_month=prisoner.detained_month,
                        ended_month=prisoner.ended_month,
                    )
                )
            for field in ("created", "status", "sentence_months"):
                changes.append(PrisonerChange(prisoner=prisoner, field=field, old="", new="x"))
            if rng.random() < 0.25:
                conditions.append(ConditionEvent(prisoner=prisoner, on=prisoner.detained_on, kind="transfer"))
        Charge.objects.bulk_create(charges)
        PrisonerChange.objects.bulk_create(changes)
        ConditionEvent.objects.bulk_create(conditions)


def baseline(dimension: str, months: list[date]) -> dict[str, list[int]]:
    """Load every person (and their articles) and count, month by month, in Python."""
    from hramada.evidence.models import SENTENCE_BANDS, Charge, Prisoner

    def bucket(months_: int | None) -> str:
        if months_ is None:
            return "not sentenced"
        return next(
            label
            for label, low, high in SENTENCE_BANDS
            if months_ >= low and (high is None or months_ < high)
        )

    rows = list(Prisoner.objects.values_list("pk", "detained_on", "ended_on", "region", "sentence_months"))
    articles: dict[int, list[str]] = {}
    if dimension == "article":
        for pk, article in Charge.objects.values_list("prisoner_id", "article"):
            articles.setdefault(pk, []).append(article)
    result: dict[str, list[int]] = {}
    ends = [date(m.year + (m.month == 12), m.month % 12 + 1, 1) for m in months]
    for index, end in enumerate(ends):
        counts: Counter[str] = Counter()
        for pk, detained, ended, region, sentence in rows:
            if detained < end and (ended is None or ended >= end):
                if dimension == "article":
                    counts.update(articles.get(pk, []))
                elif dimension == "region":
                    counts[region] += 1
                else:
                    counts[bucket(sentence)] += 1
        for key, value in counts.items():
            result.setdefault(key, [0] * len(months))[index] = value
    return result


def _time(function: object, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()  # type: ignore[operator]
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        _django(Path(workdir))
        from django.db import connection
        from django.utils import timezone

        from hramada.evidence.models import Charge, PrisonerChange
        from hramada.evidence.selectors import held_over_time, month_starts

        started = time.perf_counter()
        generate(args.people)
        print(
            f"generated {args.people} prisoners, {Charge.objects.count()} charges, "
            f"{PrisonerChange.objects.count()} history rows in {time.perf_counter() - started:.0f} s "
            f"({connection.vendor})"
        )
        today = timezone.localdate()
        months = month_starts(date(today.year - args.years, today.month, 1), today)
        print(f"{len(months)} months; median of 5 runs (baseline: 1 run)")
        print(f"{'chart':12} {'ours ms':>9} {'baseline ms':>12}  same figures")
        for dimension in ("article", "sentence", "region"):
            ours_ms = _time(lambda d=dimension: held_over_time(d, months, top=100), 5)
            base_started = time.perf_counter()
            expected = baseline(dimension, months)
            base_ms = (time.perf_counter() - base_started) * 1000
            got = dict(held_over_time(dimension, months, top=100))
            same = all(got.get(key, [0] * len(months)) == values for key, values in expected.items())
            verdict = "yes" if same else "NO"
            print(f"{dimension:12} {ours_ms:9.0f} {base_ms:12.0f}  {verdict}   (target < 200 ms)")


if __name__ == "__main__":
    main()
