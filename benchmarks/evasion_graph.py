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
- shipments: two CSV files of S rows and a goods watch list of 500 entries (three real headings, generated codes of
  4, 6 and 8 digits). The *manifest* file repeats its parties as a trade lane's file does (``ManifestShape``):
  shipper, consignee, notify party and carrier each drawn with weight 1/rank (Zipf) from a pool of its own of
  generated firm names (2,500 shippers, 4,000 consignees, 600 forwarders, 120 carriers; stems, trades and legal
  forms of Lithuania, Latvia, Poland, Germany, Turkey, Belarus and China); the notify party is the consignee on half
  the rows; on 1% of rows the shipper or consignee is a real listed organisation of the SDN list's BELARUS
  programmes (itself drawn Zipf), on 1% the vessel is a listed one by IMO; 60% of rows go by sea on a fleet of 400
  hulls with valid IMO numbers; one to three HS codes of 1,500 traded on the lane. At 100,000 rows that is about
  7,700 distinct names in 400,000 party cells, the 1% most frequent filling about half of them. The *stress* file
  is the one of earlier runs: every party uniform over 5,000 generated names built from six words that also occur
  in listed names, 5% of parties any organisation of the whole SDN list (over 6,000 distinct listed names in one
  file, which no real manifest has), 5% of rows a listed IMO, codes uniform over all headings. In both, 30% of
  names are written as a hand-typed manifest does (upper case, or a comma before the legal form).

Figures: deemed-sanctioned set under both rules (ours over CSR arrays vs a straightforward networkx propagation on
a MultiDiGraph of the same links, Decimal shares; ``--baseline-companies`` runs networkx on a smaller generated graph,
ours again beside it), peak RSS after ours and after networkx, one entity's answer with its path (p50/p99),
exposure of one address within 3 hops (BFS vs networkx all_simple_paths), a shipment file screened end to end
(bytes read, parties through the real screening engine on the full SDN list, vessels, goods, the stored JSON)
beside the straightforward reading it replaced.
One process, so every figure is per core; the shipment figures divide rows by the CPU seconds the process spent
(printed beside the wall clock, which on a shared machine also counts the time spent waiting for a core).

    .venv/bin/python -m benchmarks.evasion_graph --quick     # 100,000 companies, 1,000,000 transfers, 10,000 rows
    .venv/bin/python -m benchmarks.evasion_graph             # 1,000,000 companies, 10,000,000 transfers, 100,000 rows
    .venv/bin/python -m benchmarks.evasion_graph --skip transfers,shipments --companies 300000
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import itertools
import random
import resource
import time
from collections import deque
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np

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
from hramada.evasion.transfers import TransferGraph, naive_exposure

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


_last_cpu = [0.0]


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    """``fn``'s result and its wall-clock seconds; its CPU seconds are kept for ``cpu()``."""
    start, cpu_start = time.perf_counter(), time.process_time()
    result = fn()
    _last_cpu[0] = time.process_time() - cpu_start
    return result, time.perf_counter() - start


def cpu() -> float:
    """CPU seconds of the last ``timed`` call (on a shared machine the wall clock also counts waiting for a core)."""
    return _last_cpu[0]


class CpuBudgetError(Exception):
    pass


def within_cpu_budget(fn: Callable[[], Any], seconds: float) -> Any:
    """``fn()``, stopped by CpuBudgetError once it has used ``seconds`` of CPU (SIGPROF counts CPU time)."""
    import signal

    def stop(signum: int, frame: Any) -> None:
        raise CpuBudgetError

    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        return fn()
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def _path_times(result: CoverageMap, sample: list[str]) -> tuple[list[float], list[int], list[float]]:
    """Wall-clock ms, path lengths and CPU ms of each answer (on a loaded machine the wall clock's slowest 1%
    are the scheduler's time slices, the CPU ms what the answer itself costs)."""
    times = []
    lengths = []
    cpu_times = []
    for node in sample:
        start, cpu_start = time.perf_counter(), time.process_time()
        found: Coverage | None = result.get(node)
        text = found.path_text() if found else ""
        times.append((time.perf_counter() - start) * 1000)
        cpu_times.append((time.process_time() - cpu_start) * 1000)
        lengths.append(text.count("→") // 2)
    return times, lengths, cpu_times


def ownership_section(n: int, rng: random.Random, baseline_n: int | None = None) -> None:
    listed = listed_belarus()
    start_peak = peak_mib()
    (graph, seeds), build_s = timed(lambda: build_ownership(n, rng, listed))
    build_cpu = cpu()
    _, compact_s = timed(graph.compact)
    compact_cpu = cpu()
    print(
        f"ownership graph: {len(graph):,} nodes, {graph.number_of_links():,} links ({len(seeds)} real listed "
        f"parties) generated and loaded in {build_s:.1f} s ({build_cpu:.1f} s CPU), sorted into CSR arrays in "
        f"{compact_s:.1f} s ({compact_cpu:.1f} s CPU); "
        f"peak RSS {peak_mib():,.0f} MiB (before: {start_peak:,.0f} MiB)"
    )
    ofac, ofac_s = timed(lambda: ofac_fifty_percent(graph, seeds))
    ofac_cpu = cpu()
    eu, eu_s = timed(lambda: eu_owned_or_controlled(graph, seeds))
    eu_cpu = cpu()
    ours_peak = peak_mib()
    print(
        f"  ours      OFAC 50%: {ofac.deemed_count():,} deemed in {ofac_s:.2f} s ({ofac_cpu:.2f} s CPU); EU: "
        f"{eu.deemed_count():,} deemed in {eu_s:.2f} s ({eu_cpu:.2f} s CPU); both {ofac_s + eu_s:.2f} s "
        f"({ofac_cpu + eu_cpu:.2f} s CPU; with the CSR sort {compact_cpu + ofac_cpu + eu_cpu:.2f} s CPU);"
        f" peak RSS of the process so far {ours_peak:,.0f} MiB"
    )
    deemed = ofac.deemed_ids()
    sample = rng.sample(deemed, min(2000, len(deemed)))
    times, lengths, cpu_times = _path_times(ofac, sample)
    eu_deemed = eu.deemed_ids()
    eu_times, eu_lengths, eu_cpu = _path_times(eu, rng.sample(eu_deemed, min(2000, len(eu_deemed))))
    print(
        f"  one entity's answer with its path ({len(sample):,} deemed entities a rule, path length up to "
        f"{max(lengths + eu_lengths, default=0)} links): OFAC p50 {percentile(times, 0.5):.3f} ms, p99 "
        f"{percentile(times, 0.99):.3f} ms; EU p50 {percentile(eu_times, 0.5):.3f} ms, p99 "
        f"{percentile(eu_times, 0.99):.3f} ms (CPU: OFAC p99 {percentile(cpu_times, 0.99):.3f} ms, max "
        f"{max(cpu_times):.3f} ms; EU p99 {percentile(eu_cpu, 0.99):.3f} ms, max {max(eu_cpu):.3f} ms)"
    )
    if baseline_n is not None and baseline_n != n:
        print(
            f"  baseline on a smaller graph of {baseline_n:,} companies (same generator), ours again beside it:"
        )
        del ofac, eu, graph
        (graph, seeds), _ = timed(lambda: build_ownership(baseline_n, random.Random(rng.random()), listed))
        graph.compact()
        ofac, ofac_s = timed(lambda: ofac_fifty_percent(graph, seeds))
        ofac_cpu = cpu()
        eu, eu_s = timed(lambda: eu_owned_or_controlled(graph, seeds))
        eu_cpu = cpu()
        print(
            f"  ours      both rules {ofac_s + eu_s:.2f} s ({ofac_cpu + eu_cpu:.2f} s CPU) at {baseline_n:,} "
            "companies"
        )
    g, nx_build_s = timed(lambda: networkx_graph(graph))
    print(
        f"  baseline  networkx MultiDiGraph of the same links built in {nx_build_s:.1f} s ({cpu():.1f} s CPU)"
    )
    base_ofac, base_ofac_s = timed(lambda: networkx_rule(g, seeds, inclusive=True, use_control=False))
    base_ofac_cpu = cpu()
    base_eu, base_eu_s = timed(lambda: networkx_rule(g, seeds, inclusive=True, use_control=True))
    base_eu_cpu = cpu()
    ofac_set = set(ofac.deemed_ids()) | (seeds & set(ofac))
    eu_set = set(eu.deemed_ids()) | (seeds & set(eu))
    print(
        f"  baseline  OFAC 50%: {len(base_ofac - seeds):,} deemed in {base_ofac_s:.1f} s; EU: "
        f"{len(base_eu - seeds):,} in {base_eu_s:.1f} s; both {base_ofac_s + base_eu_s:.1f} s "
        f"({base_ofac_cpu + base_eu_cpu:.1f} s CPU); peak RSS of the "
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


def rss_mib() -> float:
    """The resident memory of the process now (peak_mib is the high-water mark)."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize() / 2**20


def transfers_section(count: int, rng: random.Random) -> None:
    import networkx as nx

    listed = listed_addresses()
    addresses = [f"addr{i}" for i in range(max(1000, count // 5))]
    generator = np.random.default_rng(rng.randrange(2**32))
    # heavy-tailed senders (index n * u**2), uniform receivers; every 997th transfer is sent by a listed address
    senders = (len(addresses) * generator.random(count) ** 2).astype(np.int64)
    receivers = generator.integers(0, len(addresses), count)
    assets = ("XBT", "ETH", "USDT")
    amounts = [Decimal(k) / 100 for k in range(1000)]
    graph = TransferGraph()
    start_peak, start_rss = peak_mib(), rss_mib()

    def build(graph: TransferGraph, count: int) -> None:
        for i, (s, r) in enumerate(zip(senders[:count].tolist(), receivers[:count].tolist(), strict=True)):
            sender = listed[i % len(listed)] if i % 997 == 0 else addresses[s]
            graph.add_row(sender, addresses[r], assets[i % 3], amounts[i % 1000])
        graph.compact()

    _, build_s = timed(lambda: build(graph, count))
    build_cpu = cpu()
    print(
        f"transfers: {count:,} between {len(addresses):,} addresses ({len(listed)} real listed), "
        f"{graph.number_of_edges():,} edges, built as arrays (each row through add_row, then sorted into CSR) in "
        f"{build_s:.1f} s ({build_cpu:.1f} s CPU); peak RSS {peak_mib():,.0f} MiB (before: {start_peak:,.0f} MiB, "
        f"the graph holds {rss_mib() - start_rss:,.0f} MiB)"
    )
    targets = set(listed)
    probes = [addresses[rng.randrange(len(addresses))] for _ in range(300)]
    ours = []
    ours_cpu = []
    hits = 0
    for address in probes:
        start, cpu_start = time.perf_counter(), time.process_time()
        found = graph.exposure(address, targets, hops=3)
        ours.append((time.perf_counter() - start) * 1000)
        ours_cpu.append((time.process_time() - cpu_start) * 1000)
        hits += bool(found)
    print(
        f"  ours      exposure within 3 hops ({len(probes)} addresses, {hits} exposed): "
        f"p50 {percentile(ours, 0.5):.1f} ms, p99 {percentile(ours, 0.99):.1f} ms (CPU: p50 "
        f"{percentile(ours_cpu, 0.5):.1f} ms, p99 {percentile(ours_cpu, 0.99):.1f} ms; total "
        f"{sum(ours_cpu) / 1000:.2f} s CPU)"
    )
    graph = TransferGraph()  # the 10,000,000 are let go before the baseline is built
    # the networkx graph this replaced (one MultiDiGraph edge per sender, receiver and asset, Decimal sums) cannot
    # hold 10,000,000 transfers in 4 GiB; it is built here from the first 1,000,000 (or all, if fewer) and its
    # memory measured as the growth of the resident set
    part = min(count, 1_000_000)
    before = rss_mib()

    def nx_build() -> Any:
        g = nx.MultiDiGraph()
        for i, (s, r) in enumerate(zip(senders[:part].tolist(), receivers[:part].tolist(), strict=True)):
            sender = listed[i % len(listed)] if i % 997 == 0 else addresses[s]
            asset = assets[i % 3]
            if g.has_edge(sender, addresses[r], key=asset):
                data = g.edges[sender, addresses[r], asset]
                data["amount"] += amounts[i % 1000]
                data["transfers"] += 1
            else:
                g.add_edge(sender, addresses[r], key=asset, amount=amounts[i % 1000], transfers=1)
        return g

    g, nx_s = timed(nx_build)
    nx_cpu, nx_mib = cpu(), rss_mib() - before
    del g
    small_graph = TransferGraph()
    _, small_s = timed(lambda: build(small_graph, part))
    print(
        f"  baseline  networkx MultiDiGraph of the first {part:,} transfers: {nx_s:.1f} s ({nx_cpu:.1f} s CPU), "
        f"{nx_mib:,.0f} MiB (about {nx_mib * count / part / 1024:,.1f} GiB at {count:,}); ours on the same "
        f"{part:,}: {small_s:.1f} s ({cpu():.1f} s CPU)"
    )
    # networkx all_simple_paths on the full graph does not finish in reasonable time. The naive traversal runs on
    # the first 0.1% of the transfers (at least 1,000; the heavy senders are in it), each probe bounded to
    # NAIVE_CPU_BUDGET seconds of CPU; a probe stopped there counts at its budget, so the naive p99 printed is a
    # lower bound. Ours is timed again on that same subgraph for a like-for-like figure.
    small = TransferGraph()
    build(small, max(1000, count // 1000))
    small_probes = [p for p in probes if p in small][:10] or [addresses[int(s)] for s in senders[1:11]]
    ours_small, naive, stopped, agree = [], [], 0, True
    for address in small_probes:
        start = time.process_time()
        fast = {(e.listed, e.direction) for e in small.exposure(address, targets, hops=3)}
        ours_small.append((time.process_time() - start) * 1000)
        start = time.process_time()
        try:
            slow = within_cpu_budget(
                lambda a=address: naive_exposure(small, a, targets, hops=3), NAIVE_CPU_BUDGET
            )
        except CpuBudgetError:
            stopped += 1
            naive.append(NAIVE_CPU_BUDGET * 1000)
            continue
        naive.append((time.process_time() - start) * 1000)
        agree &= fast == slow
    print(
        f"  on a 0.1% subgraph ({small.number_of_edges():,} edges, {len(small_probes)} addresses), CPU ms: ours "
        f"p50 {percentile(ours_small, 0.5):.1f}, p99 {percentile(ours_small, 0.99):.1f}; naive all_simple_paths "
        f"p50 {percentile(naive, 0.5):.1f}, p99 {'at least ' if stopped else ''}{percentile(naive, 0.99):.1f} "
        f"({stopped} of {len(small_probes)} stopped at their budget of {NAIVE_CPU_BUDGET:.0f} s CPU; same answers "
        f"where it finished: {agree})"
    )


NAIVE_CPU_BUDGET = 10.0


def _written_as(name: str, rng: random.Random) -> str:
    """A manifest typed by hand: the same party in upper case or with a comma before its legal form (30%)."""
    draw = rng.random()
    if draw < 0.15:
        return name.upper()
    if draw < 0.3 and " " in name:
        head, form = name.rsplit(" ", 1)
        return f"{head}, {form}"
    return name


# Generated firms of a Baltic-Belarus trade lane (not real companies): per country, name stems (surnames, places,
# rivers), trades and legal forms, written as that country's registry writes them.
_FIRM_PARTS = {
    "LT": (
        "Petrauskas Kazlauskas Jankauskas Stankevičius Vasiliauskas Žukauskas Butkus Paulauskas Urbonas "
        "Kavaliauskas Klaipėdos Vilniaus Kauno Šiaulių Nemuno Gintaro Ąžuolo Rasos Vakarų Dainavos",
        "Transportas Logistika Prekyba Statyba Mediena Grūdai Krovinių Ekspedicija Baldai Pienas",
        "UAB|AB|MB",
    ),
    "LV": (
        "Bērziņš Kalniņš Ozoliņš Jansons Liepiņš Krūmiņš Balodis Zariņš Rīgas Daugavas Ventspils Liepājas "
        "Gaujas Kurzemes Latgales Vidzemes Zemgales Jūrmalas Siguldas Cēsu",
        "Loģistika Tirdzniecība Kokmateriāli Būvniecība Transports Ekspedīcija Pārtika Termināls Grauds Metāls",
        "SIA|AS",
    ),
    "PL": (
        "Kowalski Nowak Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Gdańsk "
        "Gdynia Mazowsze Warta Wisła Pomorze Podlasie Śląsk Kraków Lublin",
        "Transport Logistyka Handel Spedycja Drewno Budownictwo Chemia Metal Rolnictwo Żywność",
        "Sp. z o.o.|S.A.|Sp.j.",
    ),
    "DE": (
        "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Hansa Elbe Rhein Weser "
        "Nord Ost Brandenburg Sachsen Hamburg Bremen",
        "Logistik Handel Spedition Holz Maschinenbau Chemie Agrar Stahl Transport Lebensmittel",
        "GmbH|AG|GmbH & Co. KG",
    ),
    "TR": (
        "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Anadolu Ege Marmara Akdeniz "
        "Karadeniz Mersin İzmir Bursa Konya Trabzon",
        "Lojistik Ticaret Nakliyat Gıda Tekstil İnşaat Kimya Metal Tarım Denizcilik",
        "A.Ş.|Ltd. Şti.",
    ),
    "BY": (
        "Ivanov Kovalev Novik Melnik Kozlov Shevchuk Pavlovich Zhuk Bondarenko Karpovich Neman Pripyat "
        "Svisloch Polesie Berezina Grodno Brest Vitebsk Gomel Mogilev",
        "Trans Logistik Torg Agro Les Stroy Khim Metall Produkt Servis",
        "OOO|OAO|ChUP|ZAO",
    ),
    "CN": (
        "Zhang Wang Li Liu Chen Yang Huang Zhao Wu Zhou Ningbo Qingdao Tianjin Xiamen Shenzhen Dalian Yiwu "
        "Suzhou Hangzhou Guangzhou",
        "Trading Logistics Import Export Machinery Textile Chemical Electronics Industrial Hardware",
        "Co., Ltd.|Group Co., Ltd.",
    ),
}


def _firms(count: int, rng: random.Random, taken: set[str]) -> list[str]:
    """``count`` distinct generated firm names (one or two stems, a trade, a legal form), none in ``taken``."""
    parts = [
        (stems.split(), trades.split(), forms.split("|")) for stems, trades, forms in _FIRM_PARTS.values()
    ]
    found: list[str] = []
    for _ in range(count * 50):  # the vocabulary gives about 70,000 names; far fewer are ever asked for
        if len(found) == count:
            return found
        stems, trades, forms = rng.choice(parts)
        head = rng.choice(stems)
        if rng.random() < 0.5:
            head = f"{head} & {rng.choice(stems)}"
        name = f"{head} {rng.choice(trades)} {rng.choice(forms)}"
        if name not in taken:
            taken.add(name)
            found.append(name)
    raise ValueError(f"the firm vocabulary gave only {len(found):,} of {count:,} distinct names")


def _imo(rng: random.Random) -> str:
    digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(5)]
    return "".join(map(str, digits)) + str(
        sum(d * w for d, w in zip(digits, range(7, 1, -1), strict=True)) % 10
    )


@dataclasses.dataclass(frozen=True)
class ManifestShape:
    """How often a realistic shipment file repeats its parties. Firms trade heavy-tailed (a few big shippers and
    consignees on most rows, most firms on a few): each role draws from its own pool with weight 1/rank (Zipf).
    On half the rows the notify party is the consignee itself; carriers are few. Listed parties are rare."""

    shippers: int = 2_500
    consignees: int = 4_000
    forwarders: int = 600  # notify parties other than the consignee
    carriers: int = 120
    notify_is_consignee: float = 0.5
    listed_party: float = 0.01  # rows whose shipper or consignee is a listed organisation
    listed_vessel: float = 0.01  # rows carried by a listed vessel (by IMO)
    by_sea: float = 0.6  # rows with a vessel name and IMO; the rest go by road or rail
    fleet: int = 400
    goods: int = 1_500  # distinct HS codes traded on the lane


def _zipf(pool: list[str], rng: random.Random, k: int) -> list[str]:
    weights = list(itertools.accumulate(1 / rank for rank in range(1, len(pool) + 1)))
    return rng.choices(pool, cum_weights=weights, k=k)


def _manifest_file(
    rows: int, rng: random.Random, listed: list[str], imos: list[str], shape: ManifestShape
) -> bytes:
    """A shipment file with the repetition of ``shape`` (documented in the module docstring)."""
    from hramada.evasion.parsers import SHIPMENT_COLUMNS

    taken: set[str] = set()
    shippers = _zipf(_firms(shape.shippers, rng, taken), rng, rows)
    consignees = _zipf(_firms(shape.consignees, rng, taken), rng, rows)
    forwarders = _zipf(_firms(shape.forwarders, rng, taken), rng, rows)
    carriers = _zipf(_firms(shape.carriers, rng, taken), rng, rows)
    listed = listed[:]
    rng.shuffle(listed)
    listed_drawn = _zipf(listed, rng, rows)
    fleet = [
        (f"{rng.choice(['BALTIC', 'NORD', 'AMBER', 'SEA', 'OCEAN', 'STAR'])} {w}", _imo(rng))
        for w in range(shape.fleet)
    ]
    hulls = rng.choices(fleet, k=rows)
    codes = [f"{rng.randint(100, 9799):04d}{rng.randint(0, 99):02d}" for _ in range(shape.goods)]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(SHIPMENT_COLUMNS)
    for i in range(rows):
        shipper, consignee = shippers[i], consignees[i]
        if rng.random() < shape.listed_party:
            if rng.random() < 0.5:
                shipper = listed_drawn[i]
            else:
                consignee = listed_drawn[i]
        notify = consignee if rng.random() < shape.notify_is_consignee else forwarders[i]
        parties = [_written_as(name, rng) for name in (shipper, consignee, notify, carriers[i])]
        vessel, imo = hulls[i] if rng.random() < shape.by_sea else ("", "")
        if rng.random() < shape.listed_vessel:
            vessel, imo = "", rng.choice(imos)
        hs = ";".join(f"{c[:4]}.{c[4:]}" for c in _zipf(codes, rng, rng.randint(1, 3)))
        value = f"{rng.randint(1_000, 5_000_000)}.{rng.randint(0, 99):02d}"
        writer.writerow([f"S{i}", *parties, vessel, imo, "Klaipeda", "Mersin", hs, value, "EUR"])
    return out.getvalue().encode("utf-8")


def _uniform_file(rows: int, rng: random.Random, names: list[str], imos: list[str]) -> bytes:
    """The stress file of earlier runs: every party uniform over 5,000 generated names built from six words that
    also occur in listed names, 5% of parties any organisation of the whole SDN list, 5% of rows a listed IMO."""
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


def _repetition(data: bytes) -> str:
    """How the file repeats its parties: distinct names, the share of party cells taken by the 1% most frequent
    names, and the share of names that occur once."""
    from collections import Counter

    from hramada.evasion.parsers import PARTY_ROLES, shipments
    from hramada.evasion.shipments import name_key

    counts = Counter(name_key(name) for s in shipments(data, "m.csv") for name in s.parties.values())
    ranked = [count for _, count in counts.most_common()]
    top = sum(ranked[: max(1, len(ranked) // 100)]) / sum(ranked)
    once = sum(1 for c in ranked if c == 1) / len(ranked)
    return (
        f"{len(counts):,} distinct names in {sum(ranked):,} party cells ({len(PARTY_ROLES)} roles); the 1% most "
        f"frequent fill {top:.0%} of them, {once:.0%} of names occur once"
    )


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


def _watch_list(rng: random.Random, size: int) -> list[Any]:
    """A goods watch list of ``size`` entries as analysts keep one: three real headings (potash 3104, mineral
    oils 2710, arms chapter 93) and generated codes of 4, 6 and 8 digits (headings, subheadings, CN codes)."""
    from hramada.evasion.parsers import GoodsRow

    goods = [GoodsRow("3104", "potash", ""), GoodsRow("2710", "petroleum", ""), GoodsRow("93", "arms", "")]
    while len(goods) < size:
        digits = rng.choice((4, 6, 8))
        goods.append(
            GoodsRow(
                f"{rng.randint(100, 9799):04d}" + "".join(rng.choices("0123456789", k=digits - 4)),
                "goods",
                "",
            )
        )
    return goods


def shipments_section(rows: int, rng: random.Random) -> None:
    import json

    from hramada.evasion.listed import build as build_listed
    from hramada.evasion.parsers import shipments
    from hramada.evasion.shipments import Reason, ShipmentScreener
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

    organisations = {k for k, node in data.nodes.items() if node.schema in ("Organization", "Company")}
    listed_names = [data.nodes[k].name for k in sorted(organisations)]
    belarus_names = [data.nodes[k].name for k, _ in listed_belarus() if k in organisations]
    imos = sorted(data.vessels)
    graph = OwnershipGraph()
    for node in data.nodes.values():
        graph.add_node(node)
    for link in data.links:
        graph.add_link(link)
    seeds = graph.listed({"ofac", "un"})
    goods = _watch_list(rng, 500)
    world = {
        "nodes_named": lambda name: [],
        "coverage": {"ofac": ofac_fifty_percent(graph, seeds), "eu": eu_owned_or_controlled(graph, seeds)},
        "names": {n: graph.name(n) for n in graph.g.nodes},
        "vessels": data.vessels,
        "vessels_by_name": {},
        "goods": goods,
        "listed_nodes": seeds,
    }
    files = {
        "manifest": _manifest_file(rows, rng, belarus_names, imos, ManifestShape()),
        "stress": _uniform_file(rows, rng, listed_names, imos),
    }

    def ours(file: bytes) -> tuple[int, int, int]:
        parsed_rows = shipments(file, "manifest.csv")
        screener = ShipmentScreener(screen_party=screen_party, screen_parties=screen_parties, **world)
        distinct = screener.prepare(parsed_rows)
        results = [screener.screen(s).to_json() for s in parsed_rows]
        json.dumps(results, default=str)  # what the screening stores
        return len(results), sum(r["flagged"] for r in results), distinct

    def baseline(file: bytes) -> tuple[int, int]:
        parsed_rows = _baseline_parse(file)
        screener = ShipmentScreener(screen_party=screen_party, **world)
        screener._matches = screener.screen_party  # type: ignore[method-assign]  # memo by exact spelling only

        def every_entry(code: str) -> tuple[Reason, ...]:  # each code against every watch-list entry
            return tuple(
                Reason("goods", "hs_code", f"HS {code}: watch list {e.hs_code} {e.description}")
                for e in goods
                if code.startswith(e.hs_code) or e.hs_code.startswith(code)
            )

        screener._goods_reasons = every_entry  # type: ignore[method-assign]
        results = []
        for s in parsed_rows:
            result = screener.screen(s)
            data = dataclasses.asdict(result)
            data["flagged"] = result.flagged
            results.append(data)
        json.dumps(results, default=str)
        return len(results), len({n for s in parsed_rows for n in s.parties.values()})

    for label, file in files.items():
        print(f"  {label} file: {_repetition(file)}")
        _cold_engine()
        cpu = time.process_time()
        (count, flagged, distinct), ours_s = timed(lambda file=file: ours(file))
        ours_cpu = time.process_time() - cpu
        print(
            f"    ours      {count:,} rows ({len(file) / 1e6:.1f} MB) end to end (read, {distinct:,} distinct names "
            f"screened once each whatever their case or punctuation, vessels, {len(goods)}-entry goods list, stored "
            f"JSON): {ours_s:.1f} s wall, {ours_cpu:.1f} s CPU, {count / ours_cpu:,.0f} rows/s per core "
            f"({count / ours_s:,.0f} by the wall clock), {flagged:,} flagged"
        )
        _cold_engine()
        cpu = time.process_time()
        (base_count, spellings), base_s = timed(lambda file=file: baseline(file))
        base_cpu = time.process_time() - cpu
        print(
            f"    baseline  same file, straightforward (a dict per row, each spelling screened, every code against "
            f"every entry, dataclasses.asdict): {base_s:.1f} s wall, {base_cpu:.1f} s CPU, "
            f"{base_count / base_cpu:,.0f} rows/s per core ({spellings:,} spellings screened)"
        )


def door_section(rows: int, rng: random.Random) -> None:
    """The product's own path, as the shipments page calls it: ``evasion.services.screen_shipment_file`` on a
    migrated SQLite database holding the full SDN list imported by the sanctions service and the goods watch list
    imported by the evasion service: parties through the sanctions door (``screen_many``, audited), the ownership
    world read from the database, the results stored and audited in one transaction. The first file (10 rows)
    pays for building the door's index and the evasion world; the figure is the file after it."""
    from hramada.evasion import selectors, services
    from hramada.evasion.models import ShipmentScreening
    from hramada.sanctions.services import import_file

    (_, import_s) = timed(lambda: import_file("ofac_sdn", SDN, by=None, aux_dir=DATA / "aux"))
    belarus_entries = [name for _, name in listed_belarus()]  # persons too, as read from the CSV
    imos = ["9187629"]  # ARTAVIL, listed; the door's own vessels are read from the database
    goods = _watch_list(rng, 500)
    watch = io.StringIO()
    csv.writer(watch).writerows(
        [("hs_code", "description", "reason"), *((g.hs_code, g.description, "") for g in goods)]
    )
    services.import_dataset(
        kind="goods",
        data=watch.getvalue().encode(),
        file_name="goods.csv",
        name="goods",
        source="benchmark",
        by=None,
    )
    file = _manifest_file(rows, rng, belarus_entries, imos, ManifestShape())
    first, first_s = timed(
        lambda: services.screen_shipment_file(
            data=file[: file.index(b"\nS10,")] + b"\n", file_name="first.csv", by=None
        )
    )
    print(
        f"door: SDN list imported in {import_s:.1f} s; the first file ({first.row_count} rows) built the index and "
        f"the evasion world in {first_s:.1f} s"
    )
    print(f"  manifest file: {_repetition(file)}")
    cpu = time.process_time()
    screening, wall = timed(
        lambda: services.screen_shipment_file(data=file, file_name="manifest.csv", by=None)
    )
    used = time.process_time() - cpu
    stored = ShipmentScreening.objects.get(pk=screening.pk)
    results = selectors.shipment_results(stored, by=None, purpose="benchmark: count the stored result rows")
    print(
        f"    screen_shipment_file {screening.row_count:,} rows ({len(file) / 1e6:.1f} MB): {wall:.1f} s wall, "
        f"{used:.1f} s CPU, {screening.row_count / used:,.0f} rows/s per core ({screening.row_count / wall:,.0f} by "
        f"the wall clock), {stored.flagged_count:,} flagged, {len(results):,} result rows stored"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--skip", default="", help="comma-separated: ownership, transfers, shipments")
    parser.add_argument("--companies", type=int, help="companies of the ownership graph (links: three times)")
    parser.add_argument(
        "--baseline-companies", type=int, help="run the networkx baseline on a smaller generated graph"
    )
    parser.add_argument(
        "--door",
        action="store_true",
        help="only the product's own shipment path, on a temporary SQLite database",
    )
    args = parser.parse_args()
    rng = random.Random(20261130)
    companies, transfers, rows = (
        (100_000, 1_000_000, 10_000) if args.quick else (1_000_000, 10_000_000, 100_000)
    )
    if args.door:
        door_section(rows, rng)
        print(f"peak RSS of the whole run: {peak_mib():,.0f} MiB")
        return
    skip = set(filter(None, args.skip.split(",")))
    if "ownership" not in skip:
        ownership_section(args.companies or companies, rng, args.baseline_companies)
    if "transfers" not in skip:
        transfers_section(transfers, rng)
    if "shipments" not in skip:
        shipments_section(rows, rng)
    print(f"peak RSS of the whole run: {peak_mib():,.0f} MiB")


def _temporary_database(folder: Path) -> None:
    """A migrated SQLite database and a fresh key ring in ``folder``, for the product's own path (``--door``)."""
    import os

    os.environ["HRAMADA_VAR_DIR"] = str(folder)
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["HRAMADA_KEYRING_FILE"] = str(folder / "keyring.json")
    os.environ["DJANGO_SETTINGS_MODULE"] = "hramada.settings.base"
    from hramada.core.crypto import generate_keyring
    from hramada.settings.env import write_private_file

    write_private_file(folder / "keyring.json", generate_keyring().to_json())


if __name__ == "__main__":
    import os
    import sys
    import tempfile

    import django

    with tempfile.TemporaryDirectory(prefix="hramada-evasion-") as tmp:
        if "--door" in sys.argv:
            _temporary_database(Path(tmp))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hramada.settings.test")
        django.setup()
        if "--door" in sys.argv:
            from django.core.management import call_command

            call_command("migrate", verbosity=0)
        main()
