"""Same matching before and after a speed change: `screen()` on the scale benchmark's queries, two engines.

Builds the lists at a scale (`benchmarks.screening_scale.scaled`), draws the queries of `make_queries`, and writes
every query's results (entity, score, match, features, reasons, name evidence) and retrieved candidates as JSON
lines. With `--baseline`, runs that for another checkout's engine (its `src/` first on the path) and for ours, each
in its own process with the same hash seed, and prints how many queries differ (exit status 1 if any).

    .venv/bin/python -m benchmarks.screening_same --baseline /path/to/other/checkout --scale 1 --queries 4500
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from typing import Any

HASH_SEED = "2026"


def dump(scale: int, queries: int, path: str) -> None:
    from benchmarks.screening_scale import scaled
    from benchmarks.screening_speed import load_bundled, make_queries
    from hramada.screening import Query, ScreeningIndex, Thresholds, screen
    from hramada.screening.score import query_variants

    entities, _ = load_bundled()
    index = ScreeningIndex.from_entities(scaled(entities, scale))
    del entities
    thresholds = Thresholds.SCREENING
    cpu = 0.0
    with open(path, "w", encoding="utf-8") as out:
        for q in make_queries(index, queries):
            query = Query(name=q.name, schema=q.schema)
            start = time.process_time()
            results = screen(query, index, thresholds=thresholds)
            cpu += time.process_time() - start
            candidates = index.candidate_names(query_variants(query), limit=thresholds.candidates)
            row: dict[str, Any] = {
                "query": q.name,
                "schema": q.schema,
                "candidates": candidates,
                "results": [r.to_dict() for r in results],
                # Unrounded, to the last bit.
                "features": [{k: float.hex(v) for k, v in r.features.items()} for r in results],
            }
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"screen() CPU {cpu:.2f} s for {queries} queries", file=sys.stderr)


def _run(scale: int, queries: int, path: str, baseline: str | None) -> None:
    env = dict(os.environ, PYTHONHASHSEED=HASH_SEED)
    if baseline:
        ours = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        env["PYTHONPATH"] = os.pathsep.join([os.path.join(baseline, "src"), ours])
    command = [sys.executable, "-m", "benchmarks.screening_same", "--dump", path]
    command += ["--scale", str(scale), "--queries", str(queries)]
    subprocess.run(command, check=True, env=env)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--queries", type=int, default=4500)
    parser.add_argument("--dump", help="write this engine's results to this file and stop")
    parser.add_argument("--baseline", help="another checkout whose engine is compared with ours")
    args = parser.parse_args(argv)
    if args.dump:
        dump(args.scale, args.queries, args.dump)
        return 0
    if not args.baseline:
        parser.error("--baseline or --dump is needed")
    with tempfile.TemporaryDirectory() as folder:
        before, after = os.path.join(folder, "before.jsonl"), os.path.join(folder, "after.jsonl")
        _run(args.scale, args.queries, before, args.baseline)
        _run(args.scale, args.queries, after, None)
        with open(before, encoding="utf-8") as a, open(after, encoding="utf-8") as b:
            rows = list(zip(a, b, strict=True))
    differ = [json.loads(x)["query"] for x, y in rows if x != y]
    print(
        f"{args.scale}x, {len(rows)} queries: {len(differ)} differ in results, scores, features or candidates"
    )
    for name in differ[:20]:
        print(f"  {name}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
