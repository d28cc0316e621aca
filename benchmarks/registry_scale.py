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
- resolution: `linkage.link` (splink on an in-memory DuckDB), clustered at `linkage.THRESHOLD`; precision and
  recall over pairs of written names, beside exact name or same registration number;
- import (`--import-records` rows in `--donors` CSV files, one per donor): the organisations of the import are
  `--recipients` names built from the same word pairs with a quoted name (adjective x group x town x name, up to
  50,000), each with five written forms as above; a donor writes each recipient one of those ways (its own habit)
  and half of the donors record registration numbers (60% of organisations have one). Every file goes through
  `imports.run_import` (read, validate, resolve and encrypt recipients, store, audit; commit included) into a fresh
  database (SQLite in a temporary folder, or `--database-url`), beside the old row-by-row path
  (`services.upsert_record` per row, screening inline) on `--old-path-records` rows, and beside reading and
  validating alone. The EU Belarus list (real, ../shared/data) is loaded, so screening does real work;
- screening the import left to the worker (`screening.screen_awaiting`, `--screen-sample` recipients) beside one
  door call per name;
- the gap report (`selectors.gaps`) and overlap detection (`overlaps.candidates` + `find_pairs`) over every stored
  record, beside a Python loop over the same rows; peak memory (maximum resident set) after each part.
Wall and CPU seconds are printed with the load average: on a shared machine the CPU figure is the stabler one.
On PostgreSQL the import's rate per CPU second is also printed counting the CPU of the connection's server
backend (read from /proc: the server on this machine), where COPY, the indexes and the constraints run.

    DJANGO_SETTINGS_MODULE=hramada.settings.test .venv/bin/python -m benchmarks.registry_scale
    DJANGO_SETTINGS_MODULE=hramada.settings.test .venv/bin/python -m benchmarks.registry_scale --quick
    DJANGO_SETTINGS_MODULE=hramada.settings.test .venv/bin/python -m benchmarks.registry_scale --only import \
        --database-url postgres://postgres@127.0.0.1:5432/<an empty database>
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
from collections import Counter, defaultdict
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path
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


# Held-out words: Belarusian/Russian pairs the screening engine's vocabulary does not hold (the benchmark checks
# that the engine gives the two words of a pair different comparison keys and prints how many it equates). The
# words above are in that vocabulary, so resolution over them measures the vocabulary; these give the figure for
# names whose words the engine has never seen.
ADJECTIVES_HELD_OUT = [
    ("Сумленная", "Честная"),
    ("Творчая", "Творческая"),
    ("Лясная", "Лесная"),
    ("Вясковая", "Деревенская"),
    ("Дзіцячая", "Детская"),
    ("Сямейная", "Семейная"),
    ("Мясцовая", "Местная"),
    ("Шчырая", "Искренняя"),
    ("Вольная", "Свободная"),
    ("Сонечная", "Солнечная"),
]
GROUPS_HELD_OUT = [
    ("згуртаванне паэтаў", "объединение поэтов"),
    ("грамада рыбакоў", "община рыбаков"),
    ("кола бібліятэкараў", "кружок библиотекарей"),
    ("гурток шахматыстаў", "кружок шахматистов"),
    ("брацтва пчаляроў", "братство пчеловодов"),
    ("дружына ратавальнікаў", "дружина спасателей"),
    ("майстэрня ганчароў", "мастерская гончаров"),
    ("школа кравецтва", "школа шитья"),
    ("аб'яднанне цесляроў", "объединение плотников"),
    ("цэнтр перакладчыкаў", "центр переводчиков"),
]


def words_the_engine_equates(pairs: list[tuple[str, str]]) -> int:
    """How many Belarusian/Russian word pairs the screening engine gives one comparison key sequence."""
    from hramada.screening.names import NameKind, name_variants

    def keys(text: str) -> set[tuple[str, ...]]:
        return {v.keys for v in name_variants(text, NameKind.ORGANIZATION)}

    return sum(bool(keys(be) & keys(ru)) for be, ru in pairs)


def organisations(
    n: int, rng: random.Random, adjectives: list[Any] = ADJECTIVES, groups: list[Any] = GROUPS
) -> list[tuple[str, str]]:
    combos = [(a, g, t) for a in adjectives for g in groups for t in TOWNS]
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


def store_generated(records: list[Any], recipients: int) -> None:
    """The generated records into the database as they are (no import: the reports read stored rows, however
    they came). Every 20th recipient has another one merged into it (a confirmed merge: `canonical`), and one
    record in 50 is cancelled; title and purpose are the first and last two words of the generated purpose."""
    from django.db import connection, transaction

    from hramada.registry.models import Donor, DonorKind, GrantRecord, Recipient

    with transaction.atomic():
        donors = [
            Donor.objects.create(
                name=f"Generated donor {d}", slug=f"generated-{d}", kind=DonorKind.FOUNDATION
            ).pk
            for d in range(20)
        ]
        first = Recipient.objects.bulk_create(
            [
                Recipient(reference=f"G-{k:08X}", name="", screening=Recipient.Screening.CLEAR)
                for k in range(recipients)
            ],
            batch_size=5_000,
        )
        people = [r.pk for r in first]
        for k in range(1, recipients, 20):
            Recipient.objects.filter(pk=people[k]).update(canonical_id=people[k - 1])
        columns = (
            "identifier title purpose amount currency amount_eur award_date start end instrument status theme "
            "geography is_public held provenance source is_demo created_at updated_at donor_id recipient_id"
        ).split()
        table = connection.ops.quote_name(GrantRecord._meta.db_table)
        placeholders = ", ".join(["%s"] * len(columns))
        names = ", ".join(map(connection.ops.quote_name, columns))
        sql = f"INSERT INTO {table} ({names}) VALUES ({placeholders})"  # noqa: S608 - quoted names
        now = "2026-11-30 00:00:00+00:00"

        def row(record: Any) -> tuple[Any, ...]:
            pk, donor, recipient, theme, geo, start, end, text = record
            words = text.split()
            amount = f"{1_000 + pk * 7_919 % 500_000}.00"
            status = "cancelled" if pk % 50 == 0 else "active"
            return (
                f"GEN-{pk}",
                " ".join(words[:2]),
                " ".join(words[2:]),
                amount,
                "EUR",
                amount,
                start,
                start,
                end,
                "grant",
                status,
                theme,
                geo,
                False,
                False,
                "import",
                "",
                False,
                now,
                now,
                donors[donor],
                people[recipient],
            )

        with connection.cursor() as cursor:
            for at in range(0, len(records), 20_000):
                cursor.executemany(sql, [row(r) for r in records[at : at + 20_000]])
    if connection.vendor == "postgresql":
        # What autovacuum does after a bulk load (it is off on the development server): without statistics the
        # planner takes a million records for a hundred thousand and sorts them on disk.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {table}")
            cursor.execute(f"ANALYZE {connection.ops.quote_name(Recipient._meta.db_table)}")


def previous_overlap_pairs() -> list[tuple[int, int, float, int]]:
    """The overlap report as it was before the database joined the records (commit 1807af8, kept here as the
    baseline, unchanged but for its result's shape): every record that is not cancelled read into Python as a
    frozen dataclass (nine columns), then a self-join in an in-memory DuckDB on (resolved recipient, theme) and
    one rapidfuzz `cpdist` over the joined pairs."""
    from dataclasses import dataclass
    from operator import attrgetter

    import duckdb
    import numpy as np
    from django.db import connection
    from rapidfuzz import fuzz
    from rapidfuzz.process import cpdist

    from hramada.registry.models import GrantRecord, RecordStatus
    from hramada.registry.overlaps import SIMILARITY

    @dataclass(frozen=True)
    class Candidate:
        pk: int
        donor: int
        recipient: int
        theme: str
        start: date
        end: date
        text: str

    query = GrantRecord.objects.exclude(status=RecordStatus.CANCELLED).values_list(
        "pk",
        "donor_id",
        "recipient_id",
        "recipient__canonical_id",
        "theme",
        "start",
        "end",
        "title",
        "purpose",
    )
    sql, params = query.order_by().query.sql_with_params()
    candidates: list[Candidate] = []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(10_000):
            candidates.extend(
                Candidate(
                    pk, donor, canonical or recipient, theme, _day(start), _day(end), f"{title} {purpose}"
                )
                for pk, donor, recipient, canonical, theme, start, end, title, purpose in rows
            )
    if len(candidates) < 2:
        return []
    n = len(candidates)
    themes = {t: k for k, t in enumerate(sorted({c.theme for c in candidates}))}

    def column(name: str) -> Any:
        return np.fromiter(map(attrgetter(name), candidates), np.int64, n)

    def days(name: str) -> Any:
        return np.fromiter(map(date.toordinal, map(attrgetter(name), candidates)), np.int64, n)

    table = {
        "i": np.arange(n, dtype=np.int64),
        "recipient": column("recipient"),
        "theme": np.fromiter(map(themes.__getitem__, map(attrgetter("theme"), candidates)), np.int64, n),
        "donor": column("donor"),
        "s": days("start"),
        "e": days("end"),
    }
    db = duckdb.connect(":memory:")
    try:
        db.register("records", table)
        left, right = (
            db.execute(
                "SELECT a.i, b.i FROM records a JOIN records b ON a.recipient = b.recipient "
                "AND a.theme = b.theme AND a.i < b.i AND a.donor <> b.donor AND a.s <= b.e AND b.s <= a.e "
                "ORDER BY a.i, b.i"
            )
            .fetchnumpy()
            .values()
        )
    finally:
        db.close()
    if not len(left):
        return []
    texts = np.array([c.text for c in candidates], dtype=object)
    scores = cpdist(
        [t.casefold() for t in texts[left]],
        [t.casefold() for t in texts[right]],
        scorer=fuzz.token_set_ratio,
        workers=-1,
    )
    keep = np.flatnonzero(scores >= SIMILARITY * 100)
    found = []
    for i, j, score in zip(
        left[keep].tolist(), right[keep].tolist(), (scores[keep] / 100).tolist(), strict=True
    ):
        a, b = candidates[i], candidates[j]
        first, second = (a, b) if a.pk < b.pk else (b, a)
        found.append((first.pk, second.pk, score, (min(a.end, b.end) - max(a.start, b.start)).days + 1))
    return sorted(found)


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def naive_overlaps(records: list[Any], sample: int) -> None:
    """The naive all-pairs loop over the first `sample` generated records (its time grows with the square of the
    count), printed beside the database's join over all of them."""
    from hramada.registry.overlaps import SIMILARITY, similarity

    small = records[:sample]
    t = time.perf_counter()
    naive = 0
    for a, b in combinations(small, 2):
        if a[2] == b[2] and a[1] != b[1] and a[3] == b[3] and a[5] <= b[6] and b[5] <= a[6]:
            naive += similarity(a[7], b[7]) >= SIMILARITY
    naive_t = time.perf_counter() - t
    print(
        f"overlaps, naive all-pairs loop on {len(small):,} records: {naive_t:.2f} s, {naive:,} pairs "
        f"(x{(len(records) / len(small)) ** 2:,.0f} the pairs for all {len(records):,})"
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
    """Each rate: the linkage without the cognate level (as before it, `cognates=False`) and with it, on the same
    mentions, beside exact name or same number; wall and CPU seconds of each (the first of the two, in turn,
    includes rendering the names)."""
    from hramada.registry.linkage import THRESHOLD, clusters, link

    regs = registrations(len(orgs), rng)
    for carried in rates:
        mentions, truth = mentions_of(orgs, regs, carried, rng)
        true_pairs = {(a, b) for a, b in combinations(range(len(mentions)), 2) if truth[a] == truth[b]}

        def pr(got: set[tuple[int, int]], true_pairs: set[tuple[int, int]] = true_pairs) -> str:
            tp = len(got & true_pairs)
            p = tp / len(got) if got else 1.0
            r = tp / len(true_pairs) if true_pairs else 1.0
            return f"precision {p:.3f} recall {r:.3f}"

        def linked(cognates: bool, mentions: list[Any] = mentions) -> tuple[str, float, float]:
            t, c = time.perf_counter(), time.process_time()
            links = link(mentions, cognates=cognates)
            wall, cpu = time.perf_counter() - t, time.process_time() - c
            groups: dict[int, list[int]] = defaultdict(list)
            for key, root in clusters(range(len(mentions)), links).items():
                groups[root].append(key)
            found = {(a, b) for keys in groups.values() for a, b in combinations(sorted(keys), 2)}
            return pr(found), wall, cpu

        by_number: dict[str, list[int]] = defaultdict(list)
        for m in mentions:
            if m.registration:
                by_number[m.registration].append(m.key)
        naive = {
            (a, b) for a, b in combinations(range(len(mentions)), 2) if mentions[a].name == mentions[b].name
        } | {(a, b) for keys in by_number.values() for a, b in combinations(keys, 2)}
        # The first call renders the names (the engine caches them): the two orders alternate between rates.
        if rates.index(carried) % 2:
            ours, ours_wall, ours_cpu = linked(True)
            before, before_wall, before_cpu = linked(False)
        else:
            before, before_wall, before_cpu = linked(False)
            ours, ours_wall, ours_cpu = linked(True)
        print(
            f"resolution ({carried:.0%} of written names carry a registration number): {len(mentions):,} "
            f"written names of {len(orgs):,} organisations, splink on DuckDB clustered at match probability "
            f"{THRESHOLD}: with cognates {ours} ({ours_wall:.1f} s wall, {ours_cpu:.1f} CPU s); without "
            f"cognates (before) {before} ({before_wall:.1f} s wall, {before_cpu:.1f} CPU s); baseline exact "
            f"name or same number: {pr(naive)}"
        )


def acronym_of(name: str) -> str:
    """The acronym a donor might write for a name: the first letter of each word, in capitals (Незалежная
    ініцыятыва журналістаў Мінска: НІЖМ)."""
    return "".join(word[0] for word in name.split()).upper()


def bench_acronyms(orgs: list[tuple[str, str]], rng: random.Random, share: float = 0.3) -> None:
    """Resolution with acronyms: besides each organisation's five written names (half of them with a number),
    a `share` of the organisations is also written as the acronym of its Belarusian or Russian name. Printed: how
    many acronyms join their own organisation, join another, or stay alone, with `linkage.acronym_links` and
    without (`acronyms=False`, the linkage before it), and every written name's pairs as in `bench_resolution`.
    The generated names draw from ten adjectives, ten groups and twenty towns, so many organisations share their
    initials: those acronyms are left alone by design."""
    from hramada.core import crypto
    from hramada.registry.linkage import Mention, clusters, link

    regs = registrations(len(orgs), rng)
    mentions, truth = mentions_of(orgs, regs, 0.5, rng)
    acronyms = []
    for t, org in enumerate(orgs):
        if rng.random() < share:
            number = rng.choice(regs[t]) if regs[t] and rng.random() < 0.5 else None
            acronyms.append(len(mentions))
            mentions.append(
                Mention(
                    key=len(mentions),
                    name=acronym_of(rng.choice(org)),
                    registration=crypto.blind_index(number[1], scope="bench.registration") if number else "",
                    country=number[0] if number else "",
                )
            )
            truth.append(t)
    # Initials the written names of two or more organisations share: an acronym of those stands for either.
    initials = Counter(acronym_of(name) for org in orgs for name in org)
    shared = sum(initials[mentions[k].name] > 1 for k in acronyms)
    true_pairs = {(a, b) for a, b in combinations(range(len(mentions)), 2) if truth[a] == truth[b]}
    for with_acronyms in (False, True):
        t, c = time.perf_counter(), time.process_time()
        links = link(mentions, acronyms=with_acronyms)
        wall, cpu = time.perf_counter() - t, time.process_time() - c
        root = clusters(range(len(mentions)), links)
        groups: dict[int, set[int]] = defaultdict(set)
        for key, r in root.items():
            groups[r].add(key)
        own = wrong = 0
        for k in acronyms:
            others = {truth[o] for o in groups[root[k]] if o != k and o not in acronyms}
            own += truth[k] in others
            wrong += bool(others - {truth[k]})
        found = {(a, b) for keys in groups.values() for a, b in combinations(sorted(keys), 2)}
        tp = len(found & true_pairs)
        print(
            f"resolution with acronyms ({'with' if with_acronyms else 'without (before)'} acronym links): "
            f"{len(acronyms):,} acronyms among {len(mentions):,} written names of {len(orgs):,} organisations "
            f"({shared:,} of them the initials of two organisations or more): {own:,} joined their organisation, "
            f"{wrong:,} another, {len(acronyms) - own - wrong:,} alone; all pairs precision "
            f"{tp / len(found) if found else 1.0:.3f} recall {tp / len(true_pairs):.3f} ({wall:.1f} s wall, "
            f"{cpu:.1f} CPU s)"
        )


SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
if not SHARED_DATA.exists():
    SHARED_DATA = Path("/work/shared/data")

# --- Import, screening, the reports over the stored records ---------------------------------------------------

QUALIFIERS = [
    ("Крок", "Шаг"),
    ("Світанак", "Рассвет"),
    ("Голас", "Голос"),
    ("Мост", "Мост"),
    ("Шлях", "Путь"),
    ("Крыніца", "Родник"),
    ("Агеньчык", "Огонёк"),
    ("Палессе", "Полесье"),
    ("Нёман", "Неман"),
    ("Зорка", "Звезда"),
    ("Вясна", "Весна"),
    ("Рух", "Движение"),
    ("Сяброўства", "Дружба"),
    ("Надзея", "Надежда"),
    ("Воля", "Воля"),
    ("Праўда", "Правда"),
    ("Гарызонт", "Горизонт"),
    ("Імпульс", "Импульс"),
    ("Крылы", "Крылья"),
    ("Дом", "Дом"),
    ("Маяк", "Маяк"),
    ("Сцяг", "Флаг"),
    ("Кола", "Круг"),
    ("Парасон", "Зонт"),
    ("Ключ", "Ключ"),
]
CURRENCIES = ["EUR", "EUR", "EUR", "PLN", "USD", "GBP", "SEK", "CZK"]
MAPPING = {
    "identifier": "id",
    "recipient_name": "recipient",
    "recipient_registration": "registration",
    "title": "title",
    "amount": "amount",
    "currency": "currency",
    "award_date": "awarded",
    "start": "start",
    "end": "end",
    "theme": "theme",
    "geography": "geo",
}


class Population:
    """`count` organisations (adjective x group x town x a quoted name: up to 50,000), each with its Belarusian and
    Russian name, five written forms (Belarusian, Russian, each with a legal form, and one Latin transliteration
    by the screening engine's tables) and, for 60%, a Lithuanian registration number."""

    def __init__(self, count: int, rng: random.Random) -> None:
        combos = [(a, g, t, q) for a in ADJECTIVES for g in GROUPS for t in TOWNS for q in QUALIFIERS]
        rng.shuffle(combos)
        self.names = [
            (f"{a[0]} {g[0]} {t[0]} «{q[0]}»", f"{a[1]} {g[1]} {t[1]} «{q[1]}»")
            for a, g, t, q in combos[:count]
        ]
        self.numbers = [str(rng.randrange(10**8, 10**9)) if rng.random() < 0.6 else "" for _ in self.names]
        self._latin: dict[int, str] = {}
        self.rng = rng

    def written(self, k: int, form: int) -> str:
        from hramada.screening.transliterate import latin_renderings

        be, ru = self.names[k]
        if form == 4:
            if k not in self._latin:
                renderings = list(latin_renderings(be if k % 2 else ru).values())
                self._latin[k] = renderings[k % len(renderings)] if renderings else be
            return self._latin[k]
        return (be, ru, f"ГА {be}", f"ОО {ru}")[form]


def donor_file(donor: int, count: int, people: Population, rng: random.Random, prefix: str = "G") -> bytes:
    """A donor's CSV of `count` grants. A donor writes each recipient one way of its five (its own habit, drawn
    per donor and recipient) and records registration numbers or not (half of the donors do)."""
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(list(MAPPING.values()))
    habit = [rng.randrange(5) for _ in people.names]
    numbers = rng.random() < 0.5
    base = date(2022, 1, 1)
    for n in range(count):
        k = rng.randrange(len(people.names))
        start = base + timedelta(days=rng.randrange(0, 1460))
        writer.writerow(
            [
                f"{prefix}-{donor}-{n}",
                people.written(k, habit[k]),
                people.numbers[k] if numbers else "",
                " ".join(rng.sample(PURPOSE_WORDS, 3)),
                f"{rng.randrange(5_000, 500_000)}.00",
                rng.choice(CURRENCIES),
                start.isoformat(),
                start.isoformat(),
                (start + timedelta(days=rng.randrange(90, 730))).isoformat(),
                rng.choice(THEMES),
                rng.choice(GEOS),
            ]
        )
    return out.getvalue().encode()


def row_by_row_import(donor: Any, data: bytes) -> int:
    """The import path before the bulk one, kept here as the baseline: every row through
    `services.upsert_record` (recipient looked up, created, encrypted and screened one row at a time, each record
    saved on its own), in one transaction with one audit entry."""
    from django.db import transaction

    from hramada.core import audit
    from hramada.registry import imports, screening, services
    from hramada.registry.models import ImportBatch, Provenance

    cleaned, problems = imports.clean_all(
        ImportBatch.Kind.CSV, imports.read_rows(ImportBatch.Kind.CSV, data, MAPPING)
    )
    assert not problems, problems[:3]
    screening.warm_up()
    with transaction.atomic():
        batch = ImportBatch.objects.create(donor=donor, kind="csv", filename="old.csv", sha256="-", rows=0)
        for n, record in cleaned:
            services.upsert_record(
                donor,
                record,
                by=None,
                provenance=Provenance.IMPORT,
                source=f"old.csv#{n}",
                batch=batch,
                row=n,
            )
        audit.record(action="registry.import.done", target=batch, detail={"rows": len(cleaned)}, by=None)
    return len(cleaned)


def server_cpu() -> float:
    """CPU seconds the database server's backend of this connection has used (PostgreSQL on this machine, read
    from /proc), so that a rate per CPU second counts the server's share of an import (COPY, indexes,
    constraints) and not only this process's; 0 for SQLite, whose work is already in this process, or when the
    server's process cannot be read."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} on {os.cpu_count()} cores"


def bench_import(args: argparse.Namespace, rng: random.Random) -> None:
    """The old row-by-row path on `--old-path-records` rows, then `imports.run_import` of `--donors` files (one
    per donor) of `--import-records` rows in all; then the screening the imports left to the task worker (with the
    EU Belarus list loaded), beside screening one name per call; then the gap and overlap reports over the
    stored records. Wall and CPU seconds are both printed: the machine is shared."""
    from django.db import connection
    from django.test.utils import override_settings

    from hramada.registry import imports, screening
    from hramada.registry.models import Donor, DonorKind, GrantRecord, Recipient
    from hramada.sanctions import public
    from hramada.sanctions.services import import_file

    t = time.perf_counter()
    people = Population(args.recipients, rng)
    import_file("eu_journal", str(SHARED_DATA / "sanctions/eu/journal/32006R0765.csv"), by=None)
    public.warm_up()
    print(
        f"import data: {len(people.names):,} organisations x 5 written forms, EU Belarus list loaded "
        f"({time.perf_counter() - t:.1f} s); database {connection.vendor}"
    )
    # The embedded default's database task backend: an import's screening waits in the queue, as in production,
    # instead of running inside the measured call (the test settings run tasks at once).
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        old_donor = Donor.objects.create(name="Baseline donor", slug="baseline", kind=DonorKind.FOUNDATION)
        old_data = donor_file(99, args.old_path_records, people, rng, prefix="OLD")
        t, c = time.perf_counter(), time.process_time()
        old = row_by_row_import(old_donor, old_data)
        old_wall, old_cpu = time.perf_counter() - t, time.process_time() - c
        print(
            f"import, old row-by-row path: {old:,} rows in {old_wall:.1f} s = {old / old_wall:,.0f} records/s "
            f"({old / old_cpu:,.0f} per CPU second; screening inline); {load()}"
        )
        per_donor = args.import_records // args.donors
        wall = cpu = server = 0.0
        read_wall = 0.0
        for d in range(args.donors):
            donor = Donor.objects.create(name=f"Donor {d}", slug=f"donor-{d}", kind=DonorKind.FOUNDATION)
            data = donor_file(d, per_donor, people, rng)
            t = time.perf_counter()
            cleaned, problems = imports.clean_all(
                imports.ImportBatch.Kind.CSV, imports.read_rows(imports.ImportBatch.Kind.CSV, data, MAPPING)
            )
            read_wall += time.perf_counter() - t
            assert not problems, problems[:3]
            del cleaned
            t, c, sc = time.perf_counter(), time.process_time(), server_cpu()
            result = imports.run_import(
                donor, kind="csv", filename=f"donor-{d}.csv", data=data, by=None, mapping=MAPPING
            )
            wall += time.perf_counter() - t
            cpu += time.process_time() - c
            server += server_cpu() - sc
            assert result.ok and len(result.created) == per_donor, result.problems[:3]
            if d == 0:
                again = imports.run_import(
                    donor, kind="csv", filename="again.csv", data=data, by=None, mapping=MAPPING
                )
                assert again.already_imported is not None
        total = per_donor * args.donors
        stored = GrantRecord.objects.exclude(donor=old_donor).count()
        awaiting = Recipient.objects.filter(screening=Recipient.Screening.AWAITING).count()
        print(
            f"import, bulk path: {total:,} rows in {args.donors} files ({stored:,} records stored, "
            f"{Recipient.objects.count():,} recipients, {awaiting:,} awaiting screening) in {wall:.1f} s = "
            f"{total / wall:,.0f} records/s ({total / cpu:,.0f} per CPU second"
            + (
                f" of this process; {total / (cpu + server):,.0f} per CPU second of this process and its "
                f"database server backend, {server:.1f} CPU s there"
                if server
                else ""
            )
            + ") end to end, screening queued; "
            f"reading and validating alone {total / read_wall:,.0f} records/s; x{(total / wall) / (old / old_wall):,.0f} "
            f"the old path; {load()}; peak memory {rss_mib():,.0f} MiB"
        )
        sample = min(args.screen_sample, awaiting)
        t = time.perf_counter()
        screened = screening.screen_awaiting(by=None, limit=sample)
        bulk_rate = screened / (time.perf_counter() - t)
        names = [f"{be} {k}" for k, (be, _ru) in enumerate(people.names[: max(1, sample // 10)])]
        t = time.perf_counter()
        for k, name in enumerate(names):
            screening.door_screener(name, "Organization", f"registry.recipient:bench-{k}", None)
        one_rate = len(names) / (time.perf_counter() - t)
        print(
            f"screening after the import (task worker, EU Belarus list): {screened:,} recipients at "
            f"{bulk_rate:,.0f} names/s through screen_many, beside {one_rate:,.0f} names/s one call per name; "
            f"the {awaiting:,} recipients awaiting would take {awaiting / bulk_rate / 60:,.1f} min, their records "
            f"held (never published) until then; {load()}"
        )
    bench_reports()


def bench_reports() -> None:
    """The gap report (`selectors.gaps`) and overlap detection (`overlaps.pairs`) over every stored record, each
    beside its baseline: a Python loop over the rows for the gaps, the previous path (every record read into
    Python, joined in DuckDB) for the overlaps, whose flags must be the same pairs."""
    from hramada.registry import overlaps, selectors
    from hramada.registry.models import GrantRecord

    years = [2022, 2023, 2024, 2025]
    count = GrantRecord.objects.count()
    t, c = time.perf_counter(), time.process_time()
    cells = selectors.gaps(years)
    ours, ours_cpu = time.perf_counter() - t, time.process_time() - c
    t, c = time.perf_counter(), time.process_time()
    totals: dict[tuple[str, str, int], Any] = defaultdict(int)
    rows = GrantRecord.objects.values_list("theme", "geography", "award_date", "amount_eur", "status")
    for theme, geo, awarded, eur, status in rows.iterator(chunk_size=10_000):
        if status != "cancelled" and awarded.year in years:
            totals[(theme, geo, awarded.year)] += eur
    naive, naive_cpu = time.perf_counter() - t, time.process_time() - c
    reported = {(c.theme, c.geography, c.year): c.funded_eur for c in cells if c.funded_eur}
    assert reported.keys() == totals.keys()
    # SQLite sums a decimal column in floating point: over a million amounts the total can be off by cents.
    off = max((abs(reported[k] - totals[k]) for k in totals), default=0)
    print(
        f"gaps over {count:,} stored records: selectors.gaps {ours:.2f} s ({ours_cpu:.2f} CPU s) for {len(cells)} "
        f"cells; Python loop over the rows {naive:.2f} s ({naive_cpu:.2f} CPU s; largest difference of a cell "
        f"{off} EUR); {load()}; peak memory {rss_mib():,.0f} MiB"
    )
    t, c = time.perf_counter(), time.process_time()
    pairs = overlaps.pairs()
    ours, ours_cpu = time.perf_counter() - t, time.process_time() - c
    t, c = time.perf_counter(), time.process_time()
    before = previous_overlap_pairs()
    old, old_cpu = time.perf_counter() - t, time.process_time() - c
    same = [(p.a, p.b, round(p.similarity, 3), p.overlap_days) for p in pairs] == [
        (a, b, round(score, 3), days) for a, b, score, days in before
    ]
    print(
        f"overlaps over {count:,} stored records: overlaps.pairs {ours:.2f} s ({ours_cpu:.2f} CPU s; {len(pairs):,} "
        f"flags); previous path (read every record, DuckDB join) {old:.2f} s ({old_cpu:.2f} CPU s; {len(before):,} "
        f"flags); same flags: {'yes' if same else 'NO'}; {load()}; peak memory {rss_mib():,.0f} MiB"
    )
    assert same


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--recipients", type=int, default=50_000)
    parser.add_argument("--resolution-orgs", type=int, default=400)
    parser.add_argument("--naive-sample", type=int, default=5_000)
    parser.add_argument("--registration-rates", default="0,0.5,0.7")
    parser.add_argument("--import-records", type=int, default=1_000_000)
    parser.add_argument("--donors", type=int, default=20)
    parser.add_argument("--old-path-records", type=int, default=1_000)
    parser.add_argument("--screen-sample", type=int, default=2_000)
    parser.add_argument(
        "--database-url", help="an empty database to import into (default: SQLite in a temp folder)"
    )
    parser.add_argument(
        "--only",
        choices=["import", "reports", "resolution"],
        help="run one part: the import (and the reports over what it stored), the reports over the generated "
        "records stored directly, or resolution",
    )
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.records, args.recipients, args.resolution_orgs, args.naive_sample = 20_000, 1_000, 200, 2_000
        args.import_records, args.old_path_records, args.screen_sample = 20_000, 200, 200
    workdir = tempfile.mkdtemp(prefix="registry-bench-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{workdir}/registry.sqlite3"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    rng = random.Random(2026)
    if args.only in (None, "reports", "resolution"):
        orgs = organisations(args.resolution_orgs, rng)
        t = time.perf_counter()
        records = generate_records(args.records, args.recipients, rng)
        print(
            f"generated {len(records):,} records, 20 donors, {args.recipients:,} recipients "
            f"in {time.perf_counter() - t:.1f} s"
        )
        if args.only != "resolution":
            t = time.perf_counter()
            store_generated(records, args.recipients)
            print(f"stored the generated records in {time.perf_counter() - t:.1f} s")
            naive_overlaps(records, args.naive_sample)
            del records
            bench_reports()
        else:
            del records
        if args.only != "reports":
            rates = [float(x) for x in args.registration_rates.split(",")]
            print(
                "resolution, words of the engine's vocabulary: the engine equates "
                f"{words_the_engine_equates(ADJECTIVES + GROUPS)} of {len(ADJECTIVES + GROUPS)} word pairs"
            )
            bench_resolution(orgs, rates, rng)
            bench_acronyms(orgs, rng)
            held_out = random.Random(2026)
            orgs = organisations(args.resolution_orgs, held_out, ADJECTIVES_HELD_OUT, GROUPS_HELD_OUT)
            print(
                "resolution, held-out words: the engine equates "
                f"{words_the_engine_equates(ADJECTIVES_HELD_OUT + GROUPS_HELD_OUT)} of "
                f"{len(ADJECTIVES_HELD_OUT + GROUPS_HELD_OUT)} word pairs"
            )
            bench_resolution(orgs, rates, held_out)
        print(f"peak memory {rss_mib():,.0f} MiB")
    if args.only in (None, "import"):
        if args.only is None:
            # The import starts from an empty registry.
            call_command("flush", interactive=False, verbosity=0)
            call_command("migrate", verbosity=0)
        bench_import(args, rng)
    print(f"peak memory of the whole run {rss_mib():,.0f} MiB")
    shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
