"""Evasion analysis at scale, each figure beside a straightforward baseline measured in the same run.

Generated data (fixed seed), seeded with the real listed parties of OFAC's SDN list 2024-05-03 (every entry of a
BELARUS programme, as ``ofac-<ent_num>`` like the importer names them):
- ownership: N companies and 3N ownership links, loaded as arrays (entity indices, shares in billionths of a
  percent). 10% of companies sit in chains of depth 1 to 8 (each link 50-100%) whose top is a listed party (5% of
  chains) or a company, and 5% of chain links have a link back up the chain (1-40%): cycles; N/50 cross-holdings
  (A holds 30% of B, B holds 20% of A); the rest have heavy-tailed owners (an owner index ``N * u**3``: a few
  holding companies own thousands, most own none; listed parties own 0.05% of these links) and shares 100% (5%),
  50-99% (10%), 1-49% (85%). N/200 board-appointment rights (2% held by listed parties) count for the EU rule only.
- transfers: T transfers between 0.2 T addresses (heavy-tailed senders), assets XBT/ETH/USDT, of which every
  listed address of the SDN list sends a few.
- shipments: a CSV file of S rows whose four parties come from a pool of 5,000 generated company names and the
  real listed company names (5%), 30% of them written as a hand-typed manifest does (upper case, or a comma before
  the legal form), with IMO numbers of listed vessels (5%), one to three HS codes and a value.

Figures: deemed-sanctioned set under both rules (ours over CSR arrays vs a straightforward networkx propagation on
a MultiDiGraph of the same links, Decimal shares; ``--baseline-companies`` runs networkx on a smaller generated graph,
ours again beside it), peak RSS after ours and after networkx, one entity's answer with its path (p50/p99),
exposure of one address within 3 hops (BFS vs networkx all_simple_paths), a shipment file screened end to end
(bytes read, parties through the real screening engine on the full SDN list, vessels, goods, the stored JSON)
beside the straightforward reading it replaced.
One process, so every figure is per core.

    .venv/bin/python -m benchmarks.evasion_graph --quick     # 100,000 companies, 1,000,000 transfers, 10,000 rows
    .venv/bin/python -m benchmarks.evasion_graph             # 1,000,000 companies, 10,000,000 transfers, 100,000 rows
    .venv/bin/python -m benchmarks.evasion_graph --skip transfers,shipments --companies 300000
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import random
import resource
import time
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np

from hramada.evasion.crypto import Transfer, TransferGraph, naive_exposure
from hramada.evasion.graph import (
    SHARE_UNITS,
    Coverage,
    CoverageMap,
    LinkKind,
    Node,
    OwnershipGraph,
    eu_owned_or_controlled,
    ofac_fifty_percent,
    units_share,
)

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "sanctions" / "ofac"
if not DATA.exists():  # a git worktree sits one level deeper than the clone that has shared/ beside it
    DATA = Path("/work/shared/data/sanctions/ofac")
SDN = DATA / "sdn-2024-05-03.csv"


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def listed_belarus() -> list[tuple[str, str]]:
    with open(SDN, encoding="utf-8", newline="") as handle:
        return [
            (f"ofac-{row[0]}", row[1]) for row in csv.reader(handle) if len(row) == 12 and "BELARUS" in row[3]
        ]


def build_ownership(
    n: int, rng: random.Random, listed: list[tuple[str, str]]
) -> tuple[OwnershipGraph, set[str]]:
    """The generated graph (see the module docstring), loaded as arrays: entity indices, shares in SHARE_UNITS."""
    graph = OwnershipGraph()
    for node_id, name in listed:
        graph.add_node(Node(node_id, name, "LegalEntity", frozenset({"ofac", "eu"})))
    graph.add_nodes([f"c{i}" for i in range(n)], [f"Company {i} LLC" for i in range(n)], "Company")
    first = len(listed)  # company i is entity first + i
    owners: list[int] = []
    owned: list[int] = []
    shares: list[int] = []

    def add(owner: int, held: int, share: int) -> None:
        if owner != held:
            owners.append(owner)
            owned.append(held)
            shares.append(share)

    # Chains of depth 1 to 8 over 10% of the companies (each link 50-100%), their top a listed party (5%) or a
    # company; 5% of the chain links have a link back up the chain (1-40%): cycles.
    i = 0
    while i < n // 10:
        depth = rng.randint(1, 8)
        top = rng.randrange(first) if rng.random() < 0.05 else first + rng.randrange(n)
        previous = top
        for _ in range(depth):
            current = first + i
            add(previous, current, rng.randint(50, 100))
            if rng.random() < 0.05 and previous != top:
                add(current, previous, rng.randint(1, 40))
            previous = current
            i += 1
    # Cross-holdings: A holds 30% of B, B holds 20% of A.
    for _ in range(n // 50):
        a, b = first + rng.randrange(n), first + rng.randrange(n)
        add(a, b, 30)
        add(b, a, 20)
    # The rest: heavy-tailed owners (index n * u**3), listed parties among them (0.05%); shares 100% (5%),
    # 50-99% (10%), 1-49% (85%).
    draw = np.random.default_rng(rng.randrange(2**32))
    rest = 3 * n - len(owners)
    u = draw.random(rest)
    rest_owner = np.where(
        draw.random(rest) < 0.0005, draw.integers(0, first, rest), first + (n * u**3).astype(np.int64)
    )
    rest_owned = first + draw.integers(0, n, rest)
    pick = draw.random(rest)
    rest_share = np.where(
        pick < 0.05, 100, np.where(pick < 0.15, draw.integers(50, 100, rest), draw.integers(1, 50, rest))
    )
    keep = rest_owner != rest_owned
    graph.add_link_array(
        np.concatenate([np.array(owners, dtype=np.int64), rest_owner[keep]]),
        np.concatenate([np.array(owned, dtype=np.int64), rest_owned[keep]]),
        np.concatenate([np.array(shares, dtype=np.int64), rest_share[keep]]) * SHARE_UNITS,
    )
    # Control rights (EU only): n / 200 board-appointment rights, 2% of them held by listed parties.
    count = n // 200
    control_owner = np.where(
        draw.random(count) < 0.02,
        draw.integers(0, first, count),
        first + (n * draw.random(count) ** 3).astype(np.int64),
    )
    control_owned = first + draw.integers(0, n, count)
    keep = control_owner != control_owned
    graph.add_link_array(control_owner[keep], control_owned[keep], kind=LinkKind.CONTROL, label="board")
    return graph, {node_id for node_id, _ in listed}


def networkx_graph(graph: OwnershipGraph) -> Any:
    """The same links in a networkx MultiDiGraph keyed by kind, shares as Decimal: the straightforward way."""
    import networkx as nx

    c = graph.compact()
    ids = list(graph.node_ids())
    percent = {units: units_share(units) for units in np.unique(c.share).tolist() if units >= 0}
    g = nx.MultiDiGraph()
    g.add_nodes_from(ids)
    kinds = [kind.value for kind in LinkKind]
    g.add_edges_from(
        (ids[o], ids[d], kinds[k], {"share": percent.get(s)})
        for o, d, k, s in zip(
            c.owner.tolist(), c.owned.tolist(), c.kind.tolist(), c.share.tolist(), strict=True
        )
    )
    return g


def networkx_rule(g: Any, seeds: set[str], *, inclusive: bool, use_control: bool) -> set[str]:
    """Straightforward on networkx: from the listed parties outwards, re-sum an entity's covered owners' shares
    (and look for a covered controller) whenever one of its owners is covered, until the queue is empty."""
    covered = {seed for seed in seeds if seed in g}
    queue = deque(sorted(covered))
    fifty = Decimal(50)
    while queue:
        owner = queue.popleft()
        for held in g.successors(owner):
            if held in covered:
                continue
            total = Decimal(0)
            controlled = False
            for holder, _, kind, data in g.in_edges(held, keys=True, data=True):
                if holder not in covered:
                    continue
                if kind == "ownership" and data["share"] is not None:
                    total += data["share"]
                elif kind == "control" and use_control:
                    controlled = True
            if controlled or (total >= fifty if inclusive else total > fifty):
                covered.add(held)
                queue.append(held)
    return covered


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def _path_times(result: CoverageMap, sample: list[str]) -> tuple[list[float], list[int]]:
    times = []
    lengths = []
    for node in sample:
        start = time.perf_counter()
        found: Coverage | None = result.get(node)
        text = found.path_text() if found else ""
        times.append((time.perf_counter() - start) * 1000)
        lengths.append(text.count("→") // 2)
    return times, lengths


def ownership_section(n: int, rng: random.Random, baseline_n: int | None = None) -> None:
    listed = listed_belarus()
    start_peak = peak_mib()
    (graph, seeds), build_s = timed(lambda: build_ownership(n, rng, listed))
    _, compact_s = timed(graph.compact)
    print(
        f"ownership graph: {len(graph):,} nodes, {graph.number_of_links():,} links ({len(seeds)} real listed "
        f"parties) generated and loaded in {build_s:.1f} s, sorted into CSR arrays in {compact_s:.1f} s; "
        f"peak RSS {peak_mib():,.0f} MiB (before: {start_peak:,.0f} MiB)"
    )
    ofac, ofac_s = timed(lambda: ofac_fifty_percent(graph, seeds))
    eu, eu_s = timed(lambda: eu_owned_or_controlled(graph, seeds))
    ours_peak = peak_mib()
    print(
        f"  ours      OFAC 50%: {ofac.deemed_count():,} deemed in {ofac_s:.2f} s; EU: {eu.deemed_count():,} "
        f"deemed in {eu_s:.2f} s; both {ofac_s + eu_s:.2f} s (with the CSR sort {compact_s + ofac_s + eu_s:.2f} s);"
        f" peak RSS of the process so far {ours_peak:,.0f} MiB"
    )
    deemed = ofac.deemed_ids()
    sample = rng.sample(deemed, min(2000, len(deemed)))
    times, lengths = _path_times(ofac, sample)
    eu_deemed = eu.deemed_ids()
    eu_times, eu_lengths = _path_times(eu, rng.sample(eu_deemed, min(2000, len(eu_deemed))))
    print(
        f"  one entity's answer with its path ({len(sample):,} deemed entities a rule, path length up to "
        f"{max(lengths + eu_lengths, default=0)} links): OFAC p50 {percentile(times, 0.5):.3f} ms, p99 "
        f"{percentile(times, 0.99):.3f} ms; EU p50 {percentile(eu_times, 0.5):.3f} ms, p99 "
        f"{percentile(eu_times, 0.99):.3f} ms"
    )
    if baseline_n is not None and baseline_n != n:
        print(
            f"  baseline on a smaller graph of {baseline_n:,} companies (same generator), ours again beside it:"
        )
        del ofac, eu, graph
        (graph, seeds), _ = timed(lambda: build_ownership(baseline_n, random.Random(rng.random()), listed))
        graph.compact()
        ofac, ofac_s = timed(lambda: ofac_fifty_percent(graph, seeds))
        eu, eu_s = timed(lambda: eu_owned_or_controlled(graph, seeds))
        print(f"  ours      both rules {ofac_s + eu_s:.2f} s at {baseline_n:,} companies")
    g, nx_build_s = timed(lambda: networkx_graph(graph))
    print(f"  baseline  networkx MultiDiGraph of the same links built in {nx_build_s:.1f} s")
    base_ofac, base_ofac_s = timed(lambda: networkx_rule(g, seeds, inclusive=True, use_control=False))
    base_eu, base_eu_s = timed(lambda: networkx_rule(g, seeds, inclusive=True, use_control=True))
    ofac_set = set(ofac.deemed_ids()) | (seeds & set(ofac))
    eu_set = set(eu.deemed_ids()) | (seeds & set(eu))
    print(
        f"  baseline  OFAC 50%: {len(base_ofac - seeds):,} deemed in {base_ofac_s:.1f} s; EU: "
        f"{len(base_eu - seeds):,} in {base_eu_s:.1f} s; both {base_ofac_s + base_eu_s:.1f} s; peak RSS of the "
        f"process now {peak_mib():,.0f} MiB (same sets: {base_ofac - seeds == ofac_set - seeds and base_eu - seeds == eu_set - seeds})"
    )


def listed_addresses() -> list[str]:
    found = []
    with open(SDN, encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            if len(row) == 12:
                for clause in row[11].split(";"):
                    clause = clause.strip()
                    if clause.startswith("Digital Currency Address - "):
                        found.append(clause.split()[-1].rstrip("."))
    return found


def transfers_section(count: int, rng: random.Random) -> None:
    listed = listed_addresses()
    addresses = [f"addr{i}" for i in range(max(1000, count // 5))]
    moment = datetime(2024, 1, 1, tzinfo=UTC)
    graph = TransferGraph()

    def build() -> None:
        for i in range(count):
            sender = (
                listed[i % len(listed)]
                if i % 997 == 0
                else addresses[int(len(addresses) * rng.random() ** 2)]
            )
            receiver = addresses[rng.randrange(len(addresses))]
            graph.add(
                Transfer(
                    str(i), moment, sender, receiver, ("XBT", "ETH", "USDT")[i % 3], Decimal(i % 1000) / 100
                )
            )

    _, build_s = timed(build)
    print(
        f"transfers: {count:,} between {len(addresses):,} addresses ({len(listed)} real listed), "
        f"{graph.g.number_of_edges():,} edges, built in {build_s:.1f} s; peak RSS {peak_mib():,.0f} MiB"
    )
    targets = set(listed)
    probes = [addresses[rng.randrange(len(addresses))] for _ in range(300)]
    ours = []
    hits = 0
    for address in probes:
        start = time.perf_counter()
        found = graph.exposure(address, targets, hops=3)
        ours.append((time.perf_counter() - start) * 1000)
        hits += bool(found)
    print(
        f"  ours      exposure within 3 hops ({len(probes)} addresses, {hits} exposed): "
        f"p50 {percentile(ours, 0.5):.1f} ms, p99 {percentile(ours, 0.99):.1f} ms"
    )
    naive = []
    agree = True
    small = TransferGraph()
    # networkx all_simple_paths on the full graph does not finish in reasonable time; the naive traversal runs on
    # the first 0.1% of transfers, and ours is timed again on that same subgraph for a like-for-like figure.
    for i, (sender, receiver, asset, data) in enumerate(graph.g.edges(keys=True, data=True)):
        if i >= max(1000, graph.g.number_of_edges() // 1000):
            break
        small.g.add_edge(sender, receiver, key=asset, **data)
    small_probes = [p for p in probes if p in small.g][:10] or list(small.g.nodes)[:10]
    ours_small = []
    for address in small_probes:
        start = time.perf_counter()
        fast = {(e.listed, e.direction) for e in small.exposure(address, targets, hops=3)}
        ours_small.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        slow = naive_exposure(small, address, targets, hops=3)
        naive.append((time.perf_counter() - start) * 1000)
        agree &= fast == slow
    print(
        f"  on a 1% subgraph ({small.g.number_of_edges():,} edges, {len(small_probes)} addresses): ours p99 "
        f"{percentile(ours_small, 0.99):.1f} ms, naive all_simple_paths p99 {percentile(naive, 0.99):.1f} ms "
        f"(same answers: {agree})"
    )


def _written_as(name: str, rng: random.Random) -> str:
    """A manifest typed by hand: the same party in upper case or with a comma before its legal form (30%)."""
    draw = rng.random()
    if draw < 0.15:
        return name.upper()
    if draw < 0.3 and " " in name:
        head, form = name.rsplit(" ", 1)
        return f"{head}, {form}"
    return name


def _shipment_file(rows: int, rng: random.Random, names: list[str], imos: list[str]) -> bytes:
    from hramada.evasion.parsers import SHIPMENT_COLUMNS

    pool = [
        f"{rng.choice(['Baltic', 'Nordic', 'Minsk', 'Vistula', 'Amber', 'Polar'])} "
        f"{rng.choice(['Trade', 'Logistics', 'Agro', 'Timber', 'Chemicals', 'Freight'])} {i} "
        f"{rng.choice(['LLC', 'UAB', 'SIA', 'GmbH', 'OOO'])}"
        for i in range(5000)
    ]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(SHIPMENT_COLUMNS)
    for i in range(rows):
        parties = [
            _written_as(rng.choice(names) if rng.random() < 0.05 else rng.choice(pool), rng) for _ in range(4)
        ]
        imo = rng.choice(imos) if rng.random() < 0.05 else ""
        codes = ";".join(f"{rng.randint(1000, 9999)}.{rng.randint(10, 99)}" for _ in range(rng.randint(1, 3)))
        value = f"{rng.randint(1_000, 5_000_000)}.{rng.randint(0, 99):02d}"
        writer.writerow([f"S{i}", *parties, "", imo, "Klaipeda", "Mersin", codes, value, "EUR"])
    return out.getvalue().encode("utf-8")


def _baseline_parse(data: bytes) -> list[Any]:
    """The straightforward reading this replaced: a dict per row (csv.DictReader), every IMO checked anew, HS
    codes cleaned by regular expressions."""
    import re

    from hramada.evasion.parsers import Shipment
    from hramada.evasion.transport import validate_imo

    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    reader.fieldnames = [h.strip().lower() for h in (reader.fieldnames or [])]
    rows = [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
    result = []
    for number, row in enumerate(rows, start=2):
        imo = validate_imo(row["vessel_imo"]) if row.get("vessel_imo") else ""
        value = Decimal(row["value"].replace(" ", "").replace(",", "")) if row.get("value") else None
        codes = tuple(
            re.sub(r"[\s.]", "", c) for c in re.split(r"[;,|]", row.get("hs_codes", "")) if c.strip()
        )
        assert all(re.fullmatch(r"\d{2,10}", c) for c in codes)
        parties = {r: row[r] for r in ("shipper", "consignee", "notify_party", "carrier") if row.get(r)}
        result.append(
            Shipment(
                number,
                row["shipment_id"],
                parties,
                row.get("vessel_name", ""),
                imo,
                (row.get("port_of_loading", ""), row.get("port_of_discharge", "")),
                codes,
                value,
                row.get("currency", "").upper(),
            )
        )
    return result


def _cold_engine() -> None:
    """Empty the screening engine's memo caches (names, keys), so neither run profits from the other's work."""
    import functools
    import sys

    for name, module in list(sys.modules.items()):
        if not name.startswith("hramada.screening"):
            continue
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if isinstance(value, functools._lru_cache_wrapper) and info and info().maxsize is not None:
                value.cache_clear()


def shipments_section(rows: int, rng: random.Random) -> None:
    import json

    from hramada.evasion.listed import build as build_listed
    from hramada.evasion.parsers import GoodsRow, shipments
    from hramada.evasion.shipments import ShipmentScreener
    from hramada.sanctions.importers import parse_all
    from hramada.sanctions.profiles import DEFAULTS, SHIPMENTS
    from hramada.screening import Query, QueryError, ScreeningIndex, screen

    # the thresholds and number of candidates the sanctions door uses for shipment files (its default profile)
    shipments_profile = DEFAULTS[SHIPMENTS]

    parsed, parse_s = timed(
        lambda: [
            dict(e.data, datasets=["ofac_sdn"])
            for e in parse_all("ofac_sdn", SDN, alt_path=DATA / "aux" / "alt.csv")
        ]
    )
    index, index_s = timed(lambda: ScreeningIndex.from_entities(parsed))
    data = build_listed(parsed)
    print(
        f"shipments: SDN list parsed in {parse_s:.1f} s, screening index built in {index_s:.1f} s "
        f"({len(index):,} entities); the door's '{SHIPMENTS}' profile: review {shipments_profile.review}, "
        f"{shipments_profile.candidates} candidates"
    )

    def screen_party(name: str) -> list[tuple[str, str, float]]:
        try:
            query = Query(name=name, schema="LegalEntity")
        except QueryError:
            return []
        return [
            (data.resolve(r.entity_id), r.caption, r.score)
            for r in screen(
                query, index, thresholds=shipments_profile.thresholds, limit=shipments_profile.limit
            )
        ]

    def screen_parties(names: list[str]) -> dict[str, list[tuple[str, str, float]]]:
        return {name: screen_party(name) for name in names}  # the door's screen_many: one engine call a name

    listed_names = [node.name for node in data.nodes.values() if node.schema in ("Organization", "Company")]
    imos = sorted(data.vessels)
    graph = OwnershipGraph()
    for node in data.nodes.values():
        graph.add_node(node)
    for link in data.links:
        graph.add_link(link)
    seeds = graph.listed({"ofac", "un"})
    world = {
        "nodes_named": lambda name: [],
        "coverage": {"ofac": ofac_fifty_percent(graph, seeds), "eu": eu_owned_or_controlled(graph, seeds)},
        "names": {n: graph.name(n) for n in graph.g.nodes},
        "vessels": data.vessels,
        "vessels_by_name": {},
        "goods": [
            GoodsRow("3104", "potash", ""),
            GoodsRow("2710", "petroleum", ""),
            GoodsRow("93", "arms", ""),
        ],
        "listed_nodes": seeds,
    }
    file = _shipment_file(rows, rng, listed_names, imos)

    def ours() -> tuple[int, int, int]:
        parsed_rows = shipments(file, "manifest.csv")
        screener = ShipmentScreener(screen_party=screen_party, screen_parties=screen_parties, **world)
        distinct = screener.prepare(parsed_rows)
        results = [screener.screen(s).to_json() for s in parsed_rows]
        json.dumps(results, default=str)  # what the screening stores
        return len(results), sum(r["flagged"] for r in results), distinct

    _cold_engine()
    (count, flagged, distinct), ours_s = timed(ours)
    print(
        f"  ours      {count:,}-row file ({len(file) / 1e6:.1f} MB) end to end (read, {distinct:,} distinct names "
        f"screened once each whatever their case or punctuation, vessels, goods, stored JSON): {ours_s:.1f} s, "
        f"{count / ours_s:,.0f} rows/s per core, {flagged:,} flagged"
    )

    def baseline() -> tuple[int, int]:
        parsed_rows = _baseline_parse(file)
        screener = ShipmentScreener(screen_party=screen_party, **world)
        screener._matches = screener.screen_party  # type: ignore[method-assign]  # memo by exact spelling only
        results = []
        for s in parsed_rows:
            result = screener.screen(s)
            data = dataclasses.asdict(result)
            data["flagged"] = result.flagged
            results.append(data)
        json.dumps(results, default=str)
        return len(results), len({n for s in parsed_rows for n in s.parties.values()})

    _cold_engine()
    (base_count, spellings), base_s = timed(baseline)
    print(
        f"  baseline  same file, straightforward (a dict per row, each spelling screened, dataclasses.asdict): "
        f"{base_s:.1f} s, {base_count / base_s:,.0f} rows/s ({spellings:,} spellings screened)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--skip", default="", help="comma-separated: ownership, transfers, shipments")
    parser.add_argument("--companies", type=int, help="companies of the ownership graph (links: three times)")
    parser.add_argument(
        "--baseline-companies", type=int, help="run the networkx baseline on a smaller generated graph"
    )
    args = parser.parse_args()
    rng = random.Random(20261130)
    companies, transfers, rows = (
        (100_000, 1_000_000, 10_000) if args.quick else (1_000_000, 10_000_000, 100_000)
    )
    skip = set(filter(None, args.skip.split(",")))
    if "ownership" not in skip:
        ownership_section(args.companies or companies, rng, args.baseline_companies)
    if "transfers" not in skip:
        transfers_section(transfers, rng)
    if "shipments" not in skip:
        shipments_section(rows, rng)
    print(f"peak RSS of the whole run: {peak_mib():,.0f} MiB")


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hramada.settings.test")
    django.setup()
    main()
