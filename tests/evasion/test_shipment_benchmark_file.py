"""The generated manifest of the shipment benchmark has the shape its docstring and docs/evasion.md state: a file the
product reads, parties repeated heavily but not uniformly, the notify party often the consignee, listed parties rare.
The throughput figures hang on this shape, so it is checked rather than trusted."""

from __future__ import annotations

import random
from collections import Counter

from benchmarks.evasion_graph import ManifestShape, _manifest_file

from hramada.evasion.parsers import shipments
from hramada.evasion.shipments import name_key

LISTED = [f"LISTED EXPORTER {i} OAO" for i in range(60)]


def test_the_benchmark_manifest_repeats_parties_with_a_heavy_tail_and_few_listed_ones():
    rows = shipments(_manifest_file(5_000, random.Random(7), LISTED, ["9187629"], ManifestShape()), "m.csv")
    assert len(rows) == 5_000
    cells = Counter(name_key(name) for row in rows for name in row.parties.values())
    ranked = [count for _, count in cells.most_common()]
    assert sum(ranked) == 20_000 and len(ranked) < 20_000 / 3  # repeated
    assert (
        sum(ranked[: len(ranked) // 100]) / sum(ranked) > 0.2
    )  # a heavy tail: the top 1% fill a fifth or more
    assert sum(1 for c in ranked if c == 1) / len(ranked) > 0.1  # and many firms appear once at this size
    listed_keys = {name_key(name) for name in LISTED}
    with_listed = sum(1 for row in rows if any(name_key(n) in listed_keys for n in row.parties.values()))
    assert 0.004 < with_listed / len(rows) < 0.02
    notify_is_consignee = sum(
        1 for row in rows if name_key(row.parties["notify_party"]) == name_key(row.parties["consignee"])
    )
    assert 0.4 < notify_is_consignee / len(rows) < 0.6
    by_sea = sum(1 for row in rows if row.vessel_imo)
    assert 0.5 < by_sea / len(rows) < 0.7
