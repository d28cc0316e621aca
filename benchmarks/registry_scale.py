"""Registry at scale on generated data: overlap detection, the gap report, recipient resolution and the import
rate, each beside a naive baseline measured in the same run.

Generated data (nothing real; seeded, so every run sees the same): `--records` grant records from 20 donors to
`--recipients` recipient ids, with a theme, a geography, a start in 2022-2025 and a period of 3-24 months; for
resolution, `--resolution-orgs` organisations whose names are built from Belarusian/Russian word pairs (adjective x
group x town, at most 2,000), each written five ways: Belarusian, Russian, either with a legal form (ГА/ОО and
quotes), and a Latin rendering of either (one of the screening engine's transliteration systems, chosen at random). Some words are translations rather than
transliterations (суполка / группа), which names alone cannot match. 80% of organisations have a registration
number (Lithuanian 55%, Polish 15%, both 10%); a written name carries one with each probability of
`--registration-rates`. Truth: the organisation each written name stands for.

What is measured (one process, so per core):
- overlap detection: `overlaps.find_pairs` on every record, beside the naive all-pairs loop on a sample of
  `--naive-sample` records (its time grows with the square of the count);
- gap report: theme x geography x year sums with DuckDB over the records, beside a plain Python loop;
- resolution: `linkage.link` (splink on an in-memory DuckDB), clustered at `linkage.THRESHOLD`; precision and
  recall over pairs of written names, beside exact name or same registration number;
- import: `imports.run_import` of a `--import-records` row CSV into a fresh SQLite database in a temporary folder,
  beside reading and validating the same file alone.

    DJANGO_SETTINGS_MODULE=hramada.settings.test .venv/bin/python -m benchmarks.registry_scale
    DJANGO_SETTINGS_MODULE=hramada.settings.test .venv/bin/python -m benchmarks.registry_scale --quick
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from itertools import combinations
from typing import Any

ADJECTIVES = [
    ("Незалежная", "Независимая"),
    ("Беларуская", "Белорусская"),
    ("Грамадзянская", "Гражданская"),
    ("Праваабарончая", "Правозащитная"),
    ("Моладзевая", "Молодёжная"),
    ("Жаночая", "Женская"),
    ("Адукацыйная", "Образовательная"),
    ("Экалагічная", "Экологическая"),
    ("Медыйная", "Медийная"),
    ("Сацыяльная", "Социальная"),
]
GROUPS = [
    ("ініцыятыва журналістаў", "инициатива журналистов"),
    ("асацыяцыя юрыстаў", "ассоциация юристов"),
    ("супольнасць настаўнікаў", "сообщество учителей"),
    ("суполка мастакоў", "группа художников"),
    ("сетка студэнтаў", "сеть студентов"),
    ("лiга лекараў", "лига врачей"),
    ("гільдыя пісьменнікаў", "гильдия писателей"),
    ("саюз музыкаў", "союз музыкантов"),
    ("клуб праграмістаў", "клуб программистов"),
    ("рух валанцёраў", "движение волонтёров"),
]
TOWNS = [
    ("Мінска", "Минска"),
    ("Гомеля", "Гомеля"),
    ("Брэста", "Бреста"),
    ("Гродна", "Гродно"),
    ("Магілёва", "Могилёва"),
    ("Віцебска", "Витебска"),
    ("Пінска", "Пинска"),
    ("Барысава", "Борисова"),
    ("Ліды", "Лиды"),
    ("Мазыра", "Мозыря"),
    ("Оршы", "Орши"),
    ("Бабруйска", "Бобруйска"),
    ("Слоніма", "Слонима"),
    ("Полацка", "Полоцка"),
    ("Навагрудка", "Новогрудка"),
    ("Нясвіжа", "Несвижа"),
    ("Салігорска", "Солигорска"),
    ("Маладзечна", "Молодечно"),
    ("Жодзіна", "Жодино"),
    ("Баранавічаў", "Барановичей"),
]
PURPOSE_WORDS = [
    f"{stem}{n}" for stem in ("train", "print", "legal", "relocat", "server", "stipend") for n in range(30)
]
THEMES = [
    "media",
    "legal",
    "civil_society",
    "democratic",
    "education",
    "digital_security",
    "monitoring",
    "humanitarian",
]
GEOS = ["BY", "LT", "PL", "LV", "GE", "UA", "other"]


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def organisations(n: int, rng: random.Random) -> list[tuple[str, str]]:
    combos = [(a, g, t) for a in ADJECTIVES for g in GROUPS for t in TOWNS]
    rng.shuffle(combos)
    return [(f"{a[0]} {g[0]} {t[0]}", f"{a[1]} {g[1]} {t[1]}") for a, g, t in combos[:n]]


def written_names(org: tuple[str, str], rng: random.Random) -> list[str]:
    from hramada.screening.transliterate import latin_renderings

    be, ru = org
    forms = [be, ru, f"ГА «{be}»", f"ОО «{ru}»"]
    # The transliteration tables read lower-case letters (the engine renders normalised text): rendering the
    # capitalised name left Cyrillic capitals in Latin words (Нezavisimaia, Пravaabarončaja), which no romanised
    # name carries. Render the lower-case name and capitalise each word, as a romanised name is written.
    latin = list(latin_renderings(rng.choice([be, ru]).lower()).values())
    if latin:
        forms.append(" ".join(w[:1].upper() + w[1:] for w in rng.choice(latin).split()))
    return forms


def generate_records(
    n: int, recipients: int, rng: random.Random
) -> list[tuple[int, int, int, str, str, date, date, str]]:
    out = []
    base = date(2022, 1, 1)
    for pk in range(n):
        start = base + timedelta(days=rng.randrange(0, 1460))
        out.append(
            (
                pk,
                rng.randrange(20),
                rng.randrange(recipients),
                rng.choice(THEMES),
                rng.choice(GEOS),
                start,
                start + timedelta(days=rng.randrange(90, 730)),
                " ".join(rng.sample(PURPOSE_WORDS, 4)),
            )
        )
    return out


def bench_overlaps(records: list[Any], sample: int) -> None:
    from hramada.registry.overlaps import Candidate, find_pairs

    candidates = [
        Candidate(pk, donor, rec, theme, s, e, text) for pk, donor, rec, theme, _g, s, e, text in records
    ]
    t = time.perf_counter()
    pairs = find_pairs(candidates)
    ours = time.perf_counter() - t
    small = candidates[:sample]
    t = time.perf_counter()
    naive = 0
    from hramada.registry.overlaps import SIMILARITY, similarity

    for a, b in combinations(small, 2):
        if (
            a.recipient == b.recipient
            and a.donor != b.donor
            and a.theme == b.theme
            and a.start <= b.end
            and b.start <= a.end
        ):
            naive += similarity(a.text, b.text) >= SIMILARITY
    naive_t = time.perf_counter() - t
    print(
        f"overlaps: grouped {len(candidates):,} records in {ours:.2f} s ({len(pairs):,} flags); "
        f"naive all-pairs on {len(small):,} records {naive_t:.2f} s "
        f"(x{(len(candidates) / len(small)) ** 2:,.0f} pairs for the full set)"
    )


def bench_gaps(records: list[Any]) -> None:
    import duckdb

    t = time.perf_counter()
    con = duckdb.connect()
    rows = [(theme, geo, s.year, float(1000 + pk % 50_000)) for pk, _d, _r, theme, geo, s, _e, _t in records]
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as handle:
        csv.writer(handle).writerows(rows)
    con.execute(
        "CREATE TABLE r AS SELECT * FROM read_csv(?, header=false, "
        "columns={'theme': 'VARCHAR', 'geo': 'VARCHAR', 'year': 'INTEGER', 'eur': 'DOUBLE'})",
        [handle.name],
    )
    os.unlink(handle.name)
    load = time.perf_counter() - t
    t = time.perf_counter()
    cells = con.execute("SELECT theme, geo, year, sum(eur) FROM r GROUP BY ALL ORDER BY 4").fetchall()
    ours = time.perf_counter() - t
    t = time.perf_counter()
    totals: dict[tuple[str, str, int], float] = defaultdict(float)
    for theme, geo, year, eur in rows:
        totals[(theme, geo, year)] += eur
    naive = time.perf_counter() - t
    print(
        f"gaps: DuckDB group-by {ours:.3f} s (+ {load:.2f} s load) for {len(cells)} cells; "
        f"Python loop {naive:.3f} s"
    )


def registrations(org_count: int, rng: random.Random) -> list[list[tuple[str, str]]]:
    """Per organisation, its registration numbers: a Lithuanian legal-entity code (9 digits) for 55%, a Polish KRS
    number (10 digits) for 15%, both for 10%, none for 20% (groups inside Belarus, unregistered initiatives)."""
    out = []
    for _ in range(org_count):
        r = rng.random()
        lt = ("LT", str(rng.randrange(10**8, 10**9)))
        pl = ("PL", f"{rng.randrange(10**9):010d}")
        out.append([lt] if r < 0.55 else [pl] if r < 0.7 else [lt, pl] if r < 0.8 else [])
    return out


def mentions_of(
    orgs: list[tuple[str, str]], regs: list[list[tuple[str, str]]], carried: float, rng: random.Random
) -> tuple[list[Any], list[int]]:
    """Every written name of every organisation as a recipient; a registered organisation's number (one of them)
    comes with a written name with probability `carried`. Returns the mentions and their truth."""
    from hramada.core import crypto
    from hramada.registry.linkage import Mention

    mentions, truth = [], []
    for t, org in enumerate(orgs):
        for name in written_names(org, rng):
            number = rng.choice(regs[t]) if regs[t] and rng.random() < carried else None
            mentions.append(
                Mention(
                    key=len(mentions),
                    name=name,
                    registration=crypto.blind_index(number[1], scope="bench.registration") if number else "",
                    country=number[0] if number else "",
                )
            )
            truth.append(t)
    return mentions, truth


def bench_resolution(orgs: list[tuple[str, str]], rates: list[float], rng: random.Random) -> None:
    from hramada.registry.linkage import THRESHOLD, clusters, link

    regs = registrations(len(orgs), rng)
    for carried in rates:
        mentions, truth = mentions_of(orgs, regs, carried, rng)
        t = time.perf_counter()
        links = link(mentions)
        ours = time.perf_counter() - t
        groups: dict[int, list[int]] = defaultdict(list)
        for key, root in clusters(range(len(mentions)), links).items():
            groups[root].append(key)
        found = {(a, b) for keys in groups.values() for a, b in combinations(sorted(keys), 2)}
        true_pairs = {(a, b) for a, b in combinations(range(len(mentions)), 2) if truth[a] == truth[b]}
        by_number: dict[str, list[int]] = defaultdict(list)
        for m in mentions:
            if m.registration:
                by_number[m.registration].append(m.key)
        naive = {
            (a, b) for a, b in combinations(range(len(mentions)), 2) if mentions[a].name == mentions[b].name
        } | {(a, b) for keys in by_number.values() for a, b in combinations(keys, 2)}

        def pr(got: set[tuple[int, int]], true_pairs: set[tuple[int, int]] = true_pairs) -> str:
            tp = len(got & true_pairs)
            p = tp / len(got) if got else 1.0
            r = tp / len(true_pairs) if true_pairs else 1.0
            return f"precision {p:.3f} recall {r:.3f}"

        print(
            f"resolution ({carried:.0%} of written names carry a registration number): {len(mentions):,} "
            f"written names of {len(orgs):,} organisations, splink on DuckDB in {ours:.1f} s, clustered at "
            f"match probability {THRESHOLD}: {pr(found)}; baseline exact name or same number: {pr(naive)}"
        )


def import_file(count: int, orgs: list[tuple[str, str]], rng: random.Random) -> bytes:
    """A donor's CSV of `count` grants to the generated organisations (each written one of its five ways)."""
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["id", "recipient", "title", "amount", "currency", "awarded", "start", "end", "theme", "geo"]
    )
    names = [name for org in orgs for name in written_names(org, rng)]
    base = date(2022, 1, 1)
    for n in range(count):
        start = base + timedelta(days=rng.randrange(0, 1460))
        writer.writerow(
            [
                f"G-{n}",
                rng.choice(names),
                " ".join(rng.sample(PURPOSE_WORDS, 3)),
                f"{rng.randrange(5_000, 500_000)}.00",
                rng.choice(["EUR", "EUR", "PLN", "USD"]),
                start.isoformat(),
                start.isoformat(),
                (start + timedelta(days=rng.randrange(90, 730))).isoformat(),
                rng.choice(THEMES),
                rng.choice(GEOS),
            ]
        )
    return out.getvalue().encode()


def bench_import(count: int, orgs: list[tuple[str, str]], rng: random.Random) -> None:
    """The whole import path (`imports.run_import`: read, validate every row, convert to EUR, resolve or create
    the encrypted recipient, screen a new one through the sanctions door with no list loaded, store, audit) into
    a fresh SQLite database, beside reading and validating the same file without storing it."""
    from django.core.management import call_command

    from hramada.registry import imports
    from hramada.registry.models import Donor, DonorKind, GrantRecord, ImportBatch

    call_command("migrate", verbosity=0)
    data = import_file(count, orgs, rng)
    mapping = {
        "identifier": "id",
        "recipient_name": "recipient",
        "title": "title",
        "amount": "amount",
        "currency": "currency",
        "award_date": "awarded",
        "start": "start",
        "end": "end",
        "theme": "theme",
        "geography": "geo",
    }
    t = time.perf_counter()
    cleaned, problems = imports.clean_all(
        ImportBatch.Kind.CSV, imports.read_rows(ImportBatch.Kind.CSV, data, mapping)
    )
    parse = time.perf_counter() - t
    assert not problems and len(cleaned) == count, problems[:3]
    donor = Donor.objects.create(name="Benchmark donor", slug="bench", kind=DonorKind.FOUNDATION)
    t = time.perf_counter()
    result = imports.run_import(
        donor, kind=ImportBatch.Kind.CSV, filename="bench.csv", data=data, by=None, mapping=mapping
    )
    full = time.perf_counter() - t
    assert result.ok and GrantRecord.objects.count() == count, result.problems[:3]
    print(
        f"import: {count:,} CSV rows ({len(orgs) * 5:,} written recipient names) stored in {full:.1f} s = "
        f"{count / full:,.0f} records/s (whole path, SQLite); reading and validating alone "
        f"{count / parse:,.0f} records/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--recipients", type=int, default=50_000)
    parser.add_argument("--resolution-orgs", type=int, default=400)
    parser.add_argument("--naive-sample", type=int, default=5_000)
    parser.add_argument("--registration-rates", default="0,0.5,0.7")
    parser.add_argument("--import-records", type=int, default=2_000)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.records, args.recipients, args.resolution_orgs, args.naive_sample = 20_000, 1_000, 200, 2_000
        args.import_records = 300
    workdir = tempfile.mkdtemp(prefix="registry-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/registry.sqlite3"
    import django

    django.setup()
    rng = random.Random(2026)
    orgs = organisations(args.resolution_orgs, rng)
    t = time.perf_counter()
    records = generate_records(args.records, args.recipients, rng)
    print(
        f"generated {len(records):,} records, 20 donors, {args.recipients:,} recipients "
        f"in {time.perf_counter() - t:.1f} s"
    )
    bench_overlaps(records, args.naive_sample)
    bench_gaps(records)
    bench_resolution(orgs, [float(x) for x in args.registration_rates.split(",")], rng)
    print(f"peak memory {rss_mib():,.0f} MiB")
    bench_import(args.import_records, orgs, rng)
    shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
