"""Organisations one list holds as different entities whose names read as the same words: how many the engine
matches to each other (alerts a reviewer would clear).

Every name of every organisation on the bundled lists (EU journal, OFAC, UN, FSF) is read as `name_variants` reads
it; two names of two different entities of one list (OFAC with OFAC, the EU journal with itself, the UN with the
UN, the EU's FSF file of 2016 with itself) whose first readings have the same keys once sorted (National Bank of
Iran / Central Bank of Iran: bank, iran; Bank Rossiya / Russian Export-Import Bank: bank, rusan) are scored against
each other, names only, both ways round. A list names one body once, so most such pairs are two bodies that the
words of kind, a number or a brand the keys leave out tell apart, or that names alone cannot tell apart (two
companies of one name); a few are one body the list holds twice (the EU journal lists a company under an asset
freeze and again under export controls). A name two entities both write is counted once, under the first.

With `--baseline`, the same for another checkout's engine (its `src/` first on the path), each in its own process,
printed side by side with the pairs one engine matches and the other does not.

    .venv/bin/python -m benchmarks.screening_same_keys
    .venv/bin/python -m benchmarks.screening_same_keys --baseline /path/to/other/checkout
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any

from benchmarks.screening_one_word import measured_engines

UNNAMED = frozenset({"Person", "Vessel", "Airplane"})
LISTS = ("eu-fsf", "eu-journal", "ofac", "un")
"""The lists, by how their entities' ids open (the FtM fixtures, which hold one body under several ids, are left
out)."""
SHOWN = 20


def measure() -> dict[str, Any]:
    from benchmarks.screening_speed import load_bundled
    from hramada.screening import ListedEntity, Query, ScreeningIndex, Thresholds, score_candidate

    entities, _ = load_bundled()
    index = ScreeningIndex.from_entities(entities)
    thresholds = Thresholds.SCREENING
    groups: dict[tuple[str, tuple[str, ...]], dict[str, str]] = defaultdict(dict)  # name -> entity id
    for indexed in index.names.values():
        entity = index.entities[indexed.entity_id]
        if entity.schema in UNNAMED or not indexed.variants:
            continue
        source = next((name for name in LISTS if entity.id.startswith(f"{name}-")), None)
        if source is None:
            continue
        groups[(source, tuple(sorted(indexed.variants[0].keys)))].setdefault(indexed.name, entity.id)
    rows: dict[str, list[int]] = {}  # source -> [pairs, matched, leads]
    matched: list[str] = []
    for (source, _), names in sorted(groups.items()):
        for (a, id_a), (b, id_b) in combinations(sorted(names.items()), 2):
            if id_a == id_b:
                continue
            row = rows.setdefault(source, [0, 0, 0])
            for query, listed in ((a, b), (b, a)):
                entity = ListedEntity("x", "Organization", listed, (listed,), (), (), ())
                score = score_candidate(
                    Query(name=query, schema="Organization"), entity, thresholds=thresholds
                ).score
                row[0] += 1
                row[1] += score >= thresholds.match
                row[2] += thresholds.review <= score < thresholds.match
                if score >= thresholds.match:
                    matched.append(f"{query} | {listed}")
    return {"rows": rows, "matched": matched}


def main(argv: list[str] | None = None) -> int:
    engines = measured_engines(argv, __doc__.splitlines()[0], "benchmarks.screening_same_keys", measure)
    if engines is None:
        return 0
    head = "".join(f" | {label:>27}" for label, _ in engines)
    print(f"{'list':12}{'pairs':>8}{head}")
    print(f"{'':20}" + " |  matched / lead for review" * len(engines))
    sources = sorted(engines[-1][1]["rows"])
    for source in [*sources, "all"]:
        cells = ""
        for _, figures in engines:
            rows = figures["rows"]
            pairs, found, leads = (
                [sum(column) for column in zip(*rows.values(), strict=True)]
                if source == "all"
                else rows[source]
            )
            cells += f" | {found:>8} / {leads:>16}"
        print(f"{source:12}{pairs:>8}{cells}")
    if len(engines) == 2:
        before, now = (set(figures["matched"]) for _, figures in engines)
        for label, pairs in (
            ("matched before, not now", before - now),
            ("matched now, not before", now - before),
        ):
            print(f"\n{label}: {len(pairs)}")
            for pair in sorted(pairs)[:SHOWN]:
                print(f"  {pair}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
