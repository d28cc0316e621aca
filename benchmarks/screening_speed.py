"""Screening speed against all bundled lists, beside logic-v2 (on the same candidates) and brute-force rapidfuzz.

Lists: OFAC SDN 2024-05-03 with alt.csv, the EU Belarus journal (with its 2026 amendments), the UN consolidated list
(2026), the EU FSF 2016 file and the OpenSanctions FtM fixtures, read through `hramada.sanctions.importers`.
Queries: real variants of listed names (other aliases of the same entity, surname-first order, a dropped middle
name, a one-letter typo, a Latin rendering of a Cyrillic name) and realistic non-matches (given name of one
listed person with the surname of another; the distinctive word of one company with the words of another),
half and half. One process, so every figure is per core.

    .venv/bin/python -m benchmarks.screening_speed            # 100,000 queries
    .venv/bin/python -m benchmarks.screening_speed --quick    # 5,000 queries, small baseline samples (CI)
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from followthemoney import model
from nomenklatura.matching import LogicV2, ScoringConfig
from normality import ascii_text
from rapidfuzz import fuzz, process

from hramada.screening import Query, ScreeningIndex, Thresholds, load_entities, screen
from hramada.screening.score import query_variants
from hramada.screening.transliterate import has_cyrillic, latin_renderings

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
if not DATA.exists():
    DATA = Path("/work/shared/data")


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_bundled() -> tuple[list[dict[str, Any]], list[str]]:
    """Every bundled list as FtM dicts; sources whose importer fails are reported, not hidden."""
    from hramada.sanctions.importers import parse

    s = DATA / "sanctions"
    sources: list[tuple[str, str, Path, dict[str, Any]]] = [
        (
            "OFAC SDN 2024-05-03 + alt.csv",
            "ofac_sdn",
            s / "ofac/sdn-2024-05-03.csv",
            {"alt_path": s / "ofac/aux/alt.csv"},
        ),
        ("EU Belarus journal", "eu_journal", s / "eu/journal/32006R0765.csv", {}),
        ("UN consolidated 2026", "un_xml", s / "un/un-consolidated-2026-02.xml", {}),
        ("EU FSF 2016", "eu_fsf", s / "eu/eu-fsf-v1-2016-02-11.xml", {}),
    ]
    entities: list[dict[str, Any]] = []
    notes: list[str] = []
    for label, key, path, options in sources:
        try:
            found = [dict(e.data) for e in parse(key, path, **options)]
        except Exception as exc:
            notes.append(f"{label}: skipped ({type(exc).__name__}: {exc})")
            continue
        notes.append(f"{label}: {len(found):,} FtM entities")
        entities += found
    fixtures = list(load_entities(sorted((DATA / "ftm").glob("*.ftm.json"))))
    notes.append(f"FtM fixtures: {len(fixtures):,} FtM entities")
    return entities + fixtures, notes


@dataclass(frozen=True)
class BenchQuery:
    name: str
    schema: str
    expected: str | None


def _typo(name: str, rng: random.Random) -> str:
    letters = [i for i, ch in enumerate(name) if ch.isalpha()]
    if len(letters) < 6:
        return name
    i = rng.choice(letters[1:])
    return name[:i] + rng.choice("aeiouklmnrst") + name[i + 1 :]


def make_queries(index: ScreeningIndex, n: int, seed: int = 2026) -> list[BenchQuery]:
    rng = random.Random(seed)
    by_entity: dict[str, list[str]] = {}
    for indexed in index.names.values():
        by_entity.setdefault(indexed.entity_id, []).append(indexed.name)
    entity_ids = sorted(by_entity)
    persons = [e for e in entity_ids if index.entities[e].schema == "Person"]
    person_parts = [by_entity[e][0].replace(",", " ").split() for e in persons]
    person_parts = [p for p in person_parts if len(p) >= 2]
    org_words = [
        w for e in entity_ids if index.entities[e].schema != "Person" for w in by_entity[e][0].split()
    ]
    queries: list[BenchQuery] = []
    while len(queries) < n:
        if rng.random() < 0.5:
            eid = rng.choice(entity_ids)
            schema = index.entities[eid].schema
            name = rng.choice(by_entity[eid])
            how = rng.random()
            words = name.replace(",", " ").split()
            if how < 0.2 and len(words) >= 2:
                name = " ".join(words[1:] + words[:1])
            elif how < 0.35 and len(words) >= 3:
                name = " ".join([words[0], words[-1]])
            elif how < 0.6:
                name = _typo(name, rng)
            elif how < 0.75 and has_cyrillic(name):
                name = rng.choice(list(latin_renderings(name.lower()).values())).title()
            queries.append(BenchQuery(name, schema, eid))
        elif rng.random() < 0.7:
            a, b = rng.choice(person_parts), rng.choice(person_parts)
            queries.append(BenchQuery(f"{a[0]} {b[-1]}", "Person", None))
        else:
            words = rng.sample(org_words, 3)
            queries.append(BenchQuery(" ".join(words), "Organization", None))
    return queries


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def engine() -> str:
    """Which engine this process runs: "compiled" or "source" (`hramada.screening.native`; an engine from before
    it runs from source)."""
    try:
        from hramada.screening import native
    except ImportError:
        return "source"
    return str(native.state())


def run_hramada(index: ScreeningIndex, queries: list[BenchQuery]) -> dict[str, Any]:
    thresholds = Thresholds.SCREENING
    latencies: list[float] = []
    found = candidates_found = variants = alerts_on_non_matches = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    for q in queries:
        t0 = time.thread_time()
        results = screen(Query(name=q.name, schema=q.schema), index, thresholds=thresholds)
        latencies.append(time.thread_time() - t0)
        if q.expected is not None:
            variants += 1
            found += any(r.entity_id == q.expected and r.match for r in results)
        elif any(r.match for r in results):
            alerts_on_non_matches += 1
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    # Candidate recall on the full index, measured apart from scoring (the same queries, retrieval only).
    for q in queries:
        if q.expected is not None:
            ids = index.candidate_names(
                query_variants(Query(name=q.name, schema=q.schema)), limit=thresholds.candidates
            )
            candidates_found += any(index.names[i].entity_id == q.expected for i in ids)
    return {
        "names_per_s": len(queries) / cpu,
        "wall_names_per_s": len(queries) / elapsed,
        "p50_ms": percentile(latencies, 0.5) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "variant_recall": found / variants if variants else 0.0,
        "candidate_recall": candidates_found / variants if variants else 0.0,
        "non_match_alert_rate": alerts_on_non_matches / (len(queries) - variants),
    }


def run_logic_v2(
    index: ScreeningIndex, by_id: dict[str, dict[str, Any]], queries: list[BenchQuery]
) -> dict[str, Any]:
    """logic-v2 scoring the candidates our index retrieves (retrieval time not counted: a lower bound)."""
    config = ScoringConfig.defaults()
    counter = iter(range(10**9))
    warm = model.make_entity("Person")
    warm.id = "warm-up"
    warm.add("name", "Warm Up")
    LogicV2.compare(warm, warm, config)  # first call loads models; not counted
    latencies: list[float] = []
    pairs = 0
    for q in queries:
        ids = index.candidate_names(query_variants(Query(name=q.name, schema=q.schema)))
        entity_ids = list(dict.fromkeys(index.names[i].entity_id for i in ids))
        t0 = time.thread_time()
        proxy = model.make_entity(q.schema)
        proxy.id = f"q{next(counter)}"
        proxy.add("name", q.name)
        for eid in entity_ids:
            data = by_id[eid]
            candidate = model.get_proxy(
                {"id": data["id"], "schema": data["schema"], "properties": data["properties"]}
            )
            LogicV2.compare(proxy, candidate, config)
            pairs += 1
        latencies.append(time.thread_time() - t0)
    total = sum(latencies)
    return {
        "names_per_s": len(queries) / total,
        "p50_ms": percentile(latencies, 0.5) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "pairs_per_s": pairs / total,
    }


def run_rapidfuzz(index: ScreeningIndex, queries: list[BenchQuery]) -> dict[str, Any]:
    """Brute force: every query against every listed name (ASCII, lower case), token_sort_ratio."""
    choices = [ascii_text(n.name).lower() for n in index.names.values()]
    latencies: list[float] = []
    for q in queries:
        t0 = time.perf_counter()
        process.extract(
            ascii_text(q.name).lower(), choices, scorer=fuzz.token_sort_ratio, limit=5, score_cutoff=85
        )
        latencies.append(time.perf_counter() - t0)
    total = sum(latencies)
    return {
        "names_per_s": len(queries) / total,
        "p50_ms": percentile(latencies, 0.5) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
    }


def _chunks(items: list[BenchQuery], size: int) -> Iterator[list[BenchQuery]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="5,000 queries and small baseline samples")
    parser.add_argument("--logic-v2-sample", type=int, default=500)
    parser.add_argument("--rapidfuzz-sample", type=int, default=300)
    args = parser.parse_args(argv)
    if args.quick:
        args.queries, args.logic_v2_sample, args.rapidfuzz_sample = 5_000, 100, 50

    t0 = time.perf_counter()
    entities, notes = load_bundled()
    parse_s = time.perf_counter() - t0
    by_id = {str(e["id"]): e for e in entities}
    gc.collect()
    rss_before = _rss_mib()
    t0, c0 = time.perf_counter(), time.process_time()
    index = ScreeningIndex.from_entities(entities)
    build_s, build_cpu = time.perf_counter() - t0, time.process_time() - c0
    rss_after = _rss_mib()
    print("Lists:\n  " + "\n  ".join(notes))
    print(
        f"Index: {len(index):,} matchable entities, {index.name_count:,} names; parsing {parse_s:.1f} s; "
        f"index build {build_s:.1f} s wall, {build_cpu:.1f} s CPU; peak RSS {rss_before:.0f} MiB before build, {rss_after:.0f} MiB after "
        f"(index <= {rss_after - rss_before:.0f} MiB)"
    )

    queries = make_queries(index, args.queries)
    rng = random.Random(1)
    ours = run_hramada(index, queries)
    lv2 = run_logic_v2(index, by_id, rng.sample(queries, args.logic_v2_sample))
    rf = run_rapidfuzz(index, rng.sample(queries, args.rapidfuzz_sample))

    load = os.getloadavg()[0]
    print(
        f"\n{len(queries):,} queries ({sum(q.expected is not None for q in queries):,} real variants), one core; "
        f"names/s and latencies per CPU-second of this process (load average {load:.1f} on {os.cpu_count()} "
        f"cores); wall clock {ours['wall_names_per_s']:,.0f} names/s\n"
    )
    print(f"{'matcher':<44} {'names/s':>10} {'p50 ms':>8} {'p99 ms':>8}  note")
    print(
        f"{f'hramada screen() end to end ({engine()})':<44} {ours['names_per_s']:>10,.0f} {ours['p50_ms']:>8.2f} "
        f"{ours['p99_ms']:>8.2f}  all {len(queries):,} queries"
    )
    print(
        f"{'logic-v2 on the same candidates':<44} {lv2['names_per_s']:>10,.0f} {lv2['p50_ms']:>8.2f} "
        f"{lv2['p99_ms']:>8.2f}  sample of {args.logic_v2_sample}, extrapolated; scoring only "
        f"({lv2['pairs_per_s']:,.0f} pairs/s)"
    )
    print(
        f"{'rapidfuzz brute force (token_sort_ratio)':<44} {rf['names_per_s']:>10,.0f} {rf['p50_ms']:>8.2f} "
        f"{rf['p99_ms']:>8.2f}  sample of {args.rapidfuzz_sample}, extrapolated; all {index.name_count:,} names"
    )
    print(
        f"\nhramada on the variants: matched the source entity {ours['variant_recall']:.3f}; index candidate "
        f"recall {ours['candidate_recall']:.3f} ({Thresholds.SCREENING.candidates} candidates); "
        f"alerts on recombined non-matches {ours['non_match_alert_rate']:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
