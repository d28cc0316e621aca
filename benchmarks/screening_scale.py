"""How index build time, memory and query latency grow with the size of the lists: 1x, 4x and 16x the bundled lists.

The bundled lists (OFAC SDN 2024-05-03 + alt.csv, EU Belarus journal, UN 2026, EU FSF 2016, FtM fixtures, read
through `hramada.sanctions.importers`) are scaled by **realistic variation of their real names**: for each real
entity, k-1 synthetic entities (ids `<id>~<n>`) of the same schema whose every name is the real name with
* for a person: the first word replaced by the first word of another real person's name and the last word by the
  last word of a third (given names and surnames recombined, each in its own script and transliteration);
* for anything else: its longest word replaced by the longest word of another real entity of the same kind
  (generic words, legal forms, cities and numbers kept: many near neighbours, as in real lists).
Birth dates, countries and identifiers are kept (identifiers get the copy number appended, so they stay unique).
The generator is seeded; the same run gives the same lists.

Every scale runs in its own process (so memory is that scale's alone): parse the lists, generate, build the index
(wall and CPU time, resident memory before and after; the wall time of the first query after it, "1st s": what
the first screening after a list change waits, the garbage collector's walks included; and of a full collection
then, "gc s", what each later full collection of the collector costs), then screen the same kind of queries as
`benchmarks.screening_speed` (real variants and realistic non-matches, half and half) one at a time: names/s per
CPU-second, p50 and p99 per query (thread CPU time), and how well the variants are still found.

    .venv/bin/python -m benchmarks.screening_scale                      # 1x, 4x, 16x; 2,000 queries each
    .venv/bin/python -m benchmarks.screening_scale --scales 1 4 --queries 500
    .venv/bin/python -m benchmarks.screening_scale --one 16 > 16x.json   # one scale per call, then:
    .venv/bin/python -m benchmarks.screening_scale --table 1x.json 4x.json 16x.json
    .venv/bin/python -m benchmarks.screening_scale --baseline /path/to/other/checkout   # same run, both engines
    .venv/bin/python -m benchmarks.screening_scale --baseline-source   # the compiled engine beside its sources
    .venv/bin/python -m benchmarks.screening_scale --scales 4 --passes 5   # names/s as the median of five query sets
    .venv/bin/python -m benchmarks.screening_scale --baseline /path/to/other --together   # both engines at once
    .venv/bin/python -m benchmarks.screening_scale --scales 16 --build-processes 1   # the build in one process

With `--baseline`, each scale is measured twice one after the other, on the same generated lists and queries: once
with the engine of the checkout given (its `src/` first on the path; this benchmark's own code generates the lists)
and once with ours, so the two tables compare under the same load. `--baseline-source` measures this checkout's
engine from its sources beside the compiled one (`hramada.screening.native`); each row names the engine it ran.

On a shared machine one pass of queries may run a fifth faster or slower than the next with the same engine. With
`--passes N`, the index screens N query sets (the first as above, then N-1 more drawn with other seeds, the same
for every engine) and names/s is the median of the N passes, each printed under the table; p50, p99 and the found
rates are the first pass's. With `--together` (and a baseline), the two engines run at the same time in two
processes, one a core, so that whatever else loads the machine loads both alike: pass by pass, the two figures
then differ by the engines more than by the moment. Needs two free cores and the memory of both (about 2.4 GiB
each at 16x); the load average printed counts both.

A build of 100,000 names or more reads its names in as many processes as there are cores
(`hramada.screening.index.build_processes`); `--build-processes N` sets how many (1: the building process alone),
and `--together` builds in one process each unless told otherwise. The build's CPU seconds count the other
processes' too; the "proc" column says how many read.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import time
from typing import Any

from benchmarks.screening_speed import engine, load_bundled, make_queries, run_hramada
from hramada.screening import Query, ScreeningIndex, native, screen
from hramada.screening.index import BUILD_PROCESSES_ENV

TARGETS_16X = {"build_s": 60.0, "index_gib": 4.0, "names_per_s": 1500.0, "p99_ms": 5.0}
NAME_PROPS = ("name", "alias", "previousName", "weakAlias")
ID_PROPS = (
    "passportNumber",
    "idNumber",
    "registrationNumber",
    "taxNumber",
    "innCode",
    "ogrnCode",
    "imoNumber",
)


def _rss_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _build_processes() -> int:
    """The processes this engine's build reads names in (1 for an engine that has no such setting)."""
    try:
        from hramada.screening.index import build_processes
    except ImportError:  # a baseline's engine from before the setting
        return 1
    return build_processes()


def _cpu_with_children() -> float:
    """CPU seconds of this process and of the processes it started and waited for (a large build reads its names in
    several: `hramada.screening.index.build_processes`)."""
    times = os.times()
    return time.process_time() + times.children_user + times.children_system


def scaled(entities: list[dict[str, Any]], factor: int, seed: int = 2026) -> list[dict[str, Any]]:
    """The real entities and factor-1 varied copies of each (see the module docstring)."""
    rng = random.Random(seed)
    persons = [
        n.split()
        for e in entities
        if e.get("schema") == "Person"
        for n in e.get("properties", {}).get("name", [])
    ]
    persons = [p for p in persons if len(p) >= 2]
    others = [
        max(n.split(), key=len)
        for e in entities
        if e.get("schema") not in ("Person", "Sanction", "Passport", "Identification")
        for n in e.get("properties", {}).get("name", [])
        if n.split()
    ]
    out = list(entities)
    for copy in range(1, factor):
        for entity in entities:
            schema = entity.get("schema")
            props = entity.get("properties") or {}
            if schema in ("Sanction", "Passport", "Identification") or not props.get("name"):
                continue
            new_props: dict[str, list[str]] = {k: list(v) for k, v in props.items() if k not in NAME_PROPS}
            for prop in NAME_PROPS:
                names = []
                for name in props.get(prop, []):
                    words = name.split()
                    if not words:
                        continue
                    if schema == "Person" and len(words) >= 2 and persons:
                        words[0] = rng.choice(persons)[0]
                        words[-1] = rng.choice(persons)[-1]
                    elif others:
                        longest = max(range(len(words)), key=lambda i: len(words[i]))
                        words[longest] = rng.choice(others)
                    names.append(" ".join(words))
                if names:
                    new_props[prop] = names
            for prop in ID_PROPS:
                if prop in new_props:
                    new_props[prop] = [f"{v}{copy}" for v in new_props[prop]]
            out.append({"id": f"{entity['id']}~{copy}", "schema": schema, "properties": new_props})
    return out


def _first_query(index: ScreeningIndex) -> float:
    """Wall seconds of the first query after the build, the collections it meets included: what the first screening
    after a list change waits (an index's objects made with the collector paused are walked at its next
    collections unless the build left them out of them)."""
    listed = index.names[0]
    query = Query(name=listed.name, schema=index.entities[listed.entity_id].schema)
    start = time.perf_counter()
    screen(query, index)
    return time.perf_counter() - start


def measure(factor: int, queries: int, passes: int = 1) -> dict[str, Any]:
    entities, _ = load_bundled()
    entities = scaled(entities, factor)
    gc.collect()
    rss_before = _rss_bytes()
    wall, cpu = time.perf_counter(), _cpu_with_children()
    index = ScreeningIndex.from_entities(entities)
    build_wall, build_cpu = time.perf_counter() - wall, _cpu_with_children() - cpu
    del entities  # as a caller drops what it built from
    first_query_s = _first_query(index)
    start = time.perf_counter()
    gc.collect()
    full_collection_s = time.perf_counter() - start
    rss_after = _rss_bytes()
    result = run_hramada(index, make_queries(index, queries))
    if passes > 1:
        rates = [result["names_per_s"]] + [
            run_hramada(index, make_queries(index, queries, seed=2026 + n))["names_per_s"]
            for n in range(1, passes)
        ]
        result["names_per_s_passes"] = rates
        result["names_per_s"] = statistics.median(rates)
    return {
        "factor": factor,
        "engine": engine(),
        "entities": len(index),
        "names": index.name_count,
        "build_s": build_wall,
        "build_cpu_s": build_cpu,
        "build_processes": _build_processes(),
        "first_query_s": first_query_s,
        "full_collection_s": full_collection_s,
        "index_gib": max(0, rss_after - rss_before) / 2**30,
        "rss_gib": rss_after / 2**30,
        **result,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument(
        "--passes", type=int, default=1, help="query sets screened per scale; names/s is their median"
    )
    parser.add_argument("--one", type=int, help="measure one scale and print its figures as one JSON line")
    parser.add_argument(
        "--table", nargs="+", help="print the table from files of --one lines instead of measuring"
    )
    parser.add_argument(
        "--baseline", help="another checkout whose engine (its src/) is measured beside ours, scale by scale"
    )
    parser.add_argument(
        "--baseline-source",
        action="store_true",
        help="measure this checkout's engine from its sources (HRAMADA_SCREENING_SOURCE=1) beside the compiled one",
    )
    parser.add_argument(
        "--together",
        action="store_true",
        help="with a baseline: measure both engines at the same time, one process a core, not one after the other",
    )
    parser.add_argument(
        "--build-processes",
        type=int,
        help="processes a large build reads names in (HRAMADA_SCREENING_BUILD_PROCESSES; default: the cores, "
        "1 with --together)",
    )
    args = parser.parse_args(argv)
    if args.build_processes is None and args.together:
        args.build_processes = 1  # one process a core: both engines build in one process each
    if args.build_processes is not None:
        os.environ[BUILD_PROCESSES_ENV] = str(args.build_processes)  # the processes started below inherit it
    if args.baseline and not os.path.isdir(os.path.join(args.baseline, "src", "hramada")):
        # Else the baseline's process would import this checkout's engine and compare it with itself.
        parser.error(
            f"--baseline {args.baseline}: no src/hramada there (a checkout of this project is needed)"
        )
    if args.one:
        print(json.dumps(measure(args.one, args.queries, args.passes)))
        return 0
    rows: list[dict[str, Any]] = []
    baseline_rows: list[dict[str, Any]] = []
    if args.table:
        for path in args.table:
            with open(path, encoding="utf-8") as fh:
                rows += [json.loads(line) for line in fh if line.strip().startswith("{")]
        rows.sort(key=lambda r: r["factor"])
    for factor in [] if args.table else args.scales:
        if args.together and (args.baseline or args.baseline_source):
            theirs, ours = _measure_together(
                factor, args.queries, args.baseline, args.baseline_source, args.passes
            )
            baseline_rows.append(theirs)
            rows.append(ours)
            continue
        if args.baseline or args.baseline_source:
            baseline_rows.append(
                _measure_in_process(
                    factor, args.queries, args.baseline, source=args.baseline_source, passes=args.passes
                )
            )
        rows.append(_measure_in_process(factor, args.queries, None, passes=args.passes))
    if baseline_rows:
        print(
            f"baseline: engine of {args.baseline or 'this checkout'} ({baseline_rows[0].get('engine', 'source')})"
        )
        print_table(baseline_rows)
        print("\nthis checkout")
    print_table(rows)
    return 0


def _measure_in_process(
    factor: int, queries: int, baseline: str | None, source: bool = False, passes: int = 1
) -> dict[str, Any]:
    """One scale in a fresh process (its memory alone); with `baseline`, that checkout's engine is imported; with
    `source`, from its sources (a compiled build is not loaded)."""
    return _finish(_start(factor, queries, baseline, source, passes), factor, bool(baseline or source))


def _measure_together(
    factor: int, queries: int, baseline: str | None, source: bool, passes: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The baseline's and our measure of one scale in two processes at the same time (one a core), so that both
    run under the same load from start to end; (baseline row, our row)."""
    theirs = _start(factor, queries, baseline, source, passes)
    ours = _start(factor, queries, None, False, passes)
    try:
        return _finish(theirs, factor, True), _finish(ours, factor, False)
    finally:
        for process in (theirs, ours):
            if process.poll() is None:  # the other one failed: this one is not waited for
                process.kill()
                process.wait()


def _start(
    factor: int, queries: int, baseline: str | None, source: bool, passes: int
) -> subprocess.Popen[str]:
    env = dict(os.environ)
    env.pop(native.SOURCE_ONLY_ENV, None)
    if source:
        env[native.SOURCE_ONLY_ENV] = "1"
    if baseline:
        ours = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        env["PYTHONPATH"] = os.pathsep.join([os.path.join(baseline, "src"), ours])
    command = [
        sys.executable,
        "-m",
        "benchmarks.screening_scale",
        "--one",
        str(factor),
        "--queries",
        str(queries),
        "--passes",
        str(passes),
    ]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _finish(process: subprocess.Popen[str], factor: int, baseline: bool) -> dict[str, Any]:
    out, err = process.communicate()
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, process.args, out, err)
    row: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    row["load_average"] = os.getloadavg()[0]
    print(
        f"measured {factor}x ({'baseline' if baseline else 'ours'}, {row.get('engine', 'source')} engine): "
        f"load average {row['load_average']:.1f}",
        file=sys.stderr,
        flush=True,
    )
    return row


def print_table(rows: list[dict[str, Any]]) -> None:
    print(
        f"{'scale':>5} {'entities':>9} {'names':>9} | {'build s':>8} {'proc':>4} {'cpu s':>7} {'index GiB':>9} "
        f"{'RSS GiB':>8} {'1st s':>6} {'gc s':>5} | "
        f"{'names/s':>8} {'p50 ms':>7} {'p99 ms':>7} | {'found':>6} {'cand.':>6} {'alerts':>6} | {'load':>5} "
        f"{'engine':>8}"
    )
    for r in rows:
        print(
            f"{r['factor']:>4}x {r['entities']:>9,} {r['names']:>9,} | {r['build_s']:>8.1f} "
            f"{r.get('build_processes', 1):>4} {r['build_cpu_s']:>7.1f} "
            f"{r['index_gib']:>9.2f} {r['rss_gib']:>8.2f} {r.get('first_query_s', float('nan')):>6.2f} "
            f"{r.get('full_collection_s', float('nan')):>5.2f} | "
            f"{r['names_per_s']:>8,.0f} {r['p50_ms']:>7.2f} "
            f"{r['p99_ms']:>7.2f} | {r['variant_recall']:>6.3f} {r['candidate_recall']:>6.3f} "
            f"{r['non_match_alert_rate']:>6.3f} | {r.get('load_average', float('nan')):>5.1f} "
            f"{r.get('engine', 'source'):>8}"
        )
    for r in rows:
        if r.get("names_per_s_passes"):
            passes = " ".join(f"{rate:,.0f}" for rate in r["names_per_s_passes"])
            print(f"{r['factor']:>4}x names/s per pass: {passes} (median {r['names_per_s']:,.0f})")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        size = last["names"] / first["names"]
        print(
            f"\n{size:.1f}x the names: build x{last['build_s'] / first['build_s']:.1f}, index memory "
            f"x{last['index_gib'] / max(first['index_gib'], 1e-9):.1f}, p50 x{last['p50_ms'] / first['p50_ms']:.2f}, "
            f"p99 x{last['p99_ms'] / first['p99_ms']:.2f} (query time sub-linear: "
            f"{'yes' if last['p99_ms'] / first['p99_ms'] < size else 'no'})"
        )
    top = next((r for r in rows if r["factor"] == 16), None)
    if top:
        checks = [
            ("build < 60 s", top["build_s"] < TARGETS_16X["build_s"]),
            ("index < 4 GiB", top["index_gib"] < TARGETS_16X["index_gib"]),
            (">= 1,500 names/s per core", top["names_per_s"] >= TARGETS_16X["names_per_s"]),
            ("p99 < 5 ms", top["p99_ms"] < TARGETS_16X["p99_ms"]),
        ]
        print("targets at 16x: " + "; ".join(f"{name}: {'met' if ok else 'NOT met'}" for name, ok in checks))


if __name__ == "__main__":
    raise SystemExit(main())
