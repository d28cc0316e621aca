"""Transfers between crypto addresses held as arrays, and the exposure of an address to listed addresses.

Framework-free. Ten million transfers do not fit in memory as one Python object each (a networkx edge costs about a
kilobyte), so the graph keeps them as NumPy columns: addresses and assets interned to integers, each amount as an
integer mantissa and a decimal exponent (exact; an amount of more than 18 significant digits is kept aside as a
Decimal). ``compact()`` sorts the transfers by (sender, receiver, asset): the transfers of one edge are then one
contiguous run, and two CSR indexes (out by sender, in by receiver) lead from an address to its edges. The exposure
search walks breadth first a whole level at a time with array operations, so a hub with a hundred thousand edges
costs one slice, not a hundred thousand Python steps. Amounts are summed (exactly, as Decimals) only for the hops of
the paths reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

import networkx as nx
import numpy as np
import numpy.typing as npt

from hramada.evasion.graph import csr_rows

IntArray = npt.NDArray[np.int64]
WIDE = np.int8(-128)  # exponent marking an amount kept aside as a Decimal
CHUNK = 1 << 20  # rows gathered in Python lists before they become arrays


def address_key(address: str) -> str:
    """The key addresses meet on: EVM addresses ignore letter case, others compare as written."""
    address = address.strip()
    return address.lower() if address.lower().startswith(("0x", "bc1")) else address


@dataclass(frozen=True)
class Transfer:
    tx_id: str
    time: datetime
    sender: str
    receiver: str
    asset: str
    amount: Decimal


@dataclass(frozen=True)
class Hop:
    sender: str
    receiver: str
    asset: str
    amount: Decimal
    transfers: int


@dataclass(frozen=True)
class Exposure:
    """A path between the address asked about and a listed address."""

    listed: str
    direction: str  # "incoming": funds came from the listed address; "outgoing": went to it
    hops: tuple[Hop, ...]

    @property
    def distance(self) -> int:
        return len(self.hops)

    def path_text(self) -> str:
        parts = [self.hops[0].sender]
        for hop in self.hops:
            parts.append(f"{hop.amount.normalize():f} {hop.asset}")
            parts.append(hop.receiver)
        return " → ".join(parts)


def _split(amount: Decimal) -> tuple[int, int] | None:
    """``amount`` as (mantissa, exponent) fitting int64 and int8, or None when it does not fit."""
    sign, digits, exponent = amount.as_tuple()
    if not isinstance(exponent, int) or len(digits) > 18 or not -127 <= exponent <= 127:
        return None
    mantissa = 0
    for digit in digits:
        mantissa = mantissa * 10 + digit
    return (-mantissa if sign else mantissa), exponent


@dataclass
class _Compact:
    sender: npt.NDArray[np.int32]  # one row per transfer, sorted by (sender, receiver, asset)
    receiver: npt.NDArray[np.int32]
    asset: npt.NDArray[np.int16]
    mantissa: npt.NDArray[np.int64]
    exponent: npt.NDArray[np.int8]
    wide_at: IntArray  # sorted positions of the amounts kept aside, and those amounts
    wide: list[Decimal]
    edge_sender: npt.NDArray[np.int32]  # one row per (sender, receiver, asset), in the same order
    edge_receiver: npt.NDArray[np.int32]
    edge_asset: npt.NDArray[np.int16]
    edge_start: IntArray  # the edge's transfers: rows edge_start[e]:edge_start[e + 1]
    out_ptr: IntArray  # edges out of address i: out_ptr[i]:out_ptr[i + 1]
    in_order: IntArray  # edge numbers sorted by receiver
    in_ptr: IntArray  # edges into address i: in_order[in_ptr[i]:in_ptr[i + 1]]


class TransferGraph:
    """Transfers between addresses as arrays; one edge per (sender, receiver, asset) with its summed amount."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}
        self._ids: list[str] = []
        self._asset_index: dict[str, int] = {}
        self._assets: list[str] = []
        self._pending: tuple[list[int], list[int], list[int], list[int], list[int]] = ([], [], [], [], [])
        self._pending_wide: dict[int, Decimal] = {}  # row within the pending lists -> amount
        self._chunks: list[tuple[np.ndarray, ...]] = []
        self._chunk_wide: list[dict[int, Decimal]] = []
        self._compact: _Compact | None = None
        self._count = 0

    # --- building -------------------------------------------------------------------------------------------

    def _intern(self, address: str) -> int:
        key = address_key(address)
        found = self._index.get(key)
        if found is None:
            found = self._index[key] = len(self._ids)
            self._ids.append(key)
        return found

    def add_row(self, sender: str, receiver: str, asset: str, amount: Decimal) -> None:
        senders, receivers, assets, mantissas, exponents = self._pending
        code = self._asset_index.get(asset)
        if code is None:
            code = self._asset_index[asset] = len(self._assets)
            self._assets.append(asset)
        split = _split(amount)
        if split is None:
            self._pending_wide[len(senders)] = amount
            split = (0, int(WIDE))
        senders.append(self._intern(sender))
        receivers.append(self._intern(receiver))
        assets.append(code)
        mantissas.append(split[0])
        exponents.append(split[1])
        self._count += 1
        self._compact = None
        if len(senders) >= CHUNK:
            self._flush()

    def add(self, transfer: Transfer) -> None:
        self.add_row(transfer.sender, transfer.receiver, transfer.asset, transfer.amount)

    def add_all(self, transfers: Iterable[Transfer]) -> None:
        for transfer in transfers:
            self.add(transfer)

    def _flush(self) -> None:
        if not self._pending[0]:
            return
        dtypes = (np.int32, np.int32, np.int16, np.int64, np.int8)
        self._chunks.append(
            tuple(np.array(column, dtype=dtype) for column, dtype in zip(self._pending, dtypes, strict=True))
        )
        self._chunk_wide.append(self._pending_wide)
        self._pending = ([], [], [], [], [])
        self._pending_wide = {}

    def compact(self) -> _Compact:
        """Sort the transfers into edges and CSR indexes (done once; later additions sort again)."""
        if self._compact is not None:
            return self._compact
        self._flush()
        if self._chunks:
            columns = [np.concatenate([chunk[i] for chunk in self._chunks]) for i in range(5)]
        else:
            columns = [np.empty(0, dtype=t) for t in (np.int32, np.int32, np.int16, np.int64, np.int8)]
        wide: dict[int, Decimal] = {}
        offset = 0
        for chunk, aside in zip(self._chunks, self._chunk_wide, strict=True):
            wide.update({offset + row: amount for row, amount in aside.items()})
            offset += len(chunk[0])
        sender, receiver, asset, mantissa, exponent = columns
        n, kinds = max(1, len(self._ids)), max(1, len(self._assets))
        if n * n * kinds < 2**62:
            key = (sender.astype(np.int64) * n + receiver) * kinds + asset
            order = np.argsort(key, kind="stable")
            del key
        else:
            order = np.lexsort((asset, receiver, sender))
        sender, receiver, asset = sender[order], receiver[order], asset[order]
        mantissa, exponent = mantissa[order], exponent[order]
        wide_at = np.empty(0, dtype=np.int64)
        wide_amounts: list[Decimal] = []
        if wide:
            rows = np.fromiter(wide, dtype=np.int64, count=len(wide))
            position = np.empty(order.size, dtype=np.int64)
            position[order] = np.arange(order.size, dtype=np.int64)
            at = position[rows]
            del position
            by_position = np.argsort(at)
            wide_at = at[by_position]
            wide_amounts = [wide[int(rows[i])] for i in by_position]
        del order
        # the sorted columns are the one chunk a later compaction starts from
        self._chunks = [(sender, receiver, asset, mantissa, exponent)]
        self._chunk_wide = [{int(p): a for p, a in zip(wide_at, wide_amounts, strict=True)}]
        starts = np.ones(sender.size, dtype=bool)
        if sender.size:
            starts[1:] = (
                (sender[1:] != sender[:-1]) | (receiver[1:] != receiver[:-1]) | (asset[1:] != asset[:-1])
            )
        first = np.flatnonzero(starts)
        edge_start = np.append(first, sender.size).astype(np.int64)
        edge_sender, edge_receiver, edge_asset = sender[first], receiver[first], asset[first]
        out_ptr = np.zeros(len(self._ids) + 1, dtype=np.int64)
        np.cumsum(np.bincount(edge_sender, minlength=len(self._ids)), out=out_ptr[1:])
        in_order = np.argsort(edge_receiver, kind="stable").astype(np.int64)
        in_ptr = np.zeros(len(self._ids) + 1, dtype=np.int64)
        np.cumsum(np.bincount(edge_receiver, minlength=len(self._ids)), out=in_ptr[1:])
        self._compact = _Compact(
            sender,
            receiver,
            asset,
            mantissa,
            exponent,
            wide_at,
            wide_amounts,
            edge_sender,
            edge_receiver,
            edge_asset,
            edge_start,
            out_ptr,
            in_order,
            in_ptr,
        )
        return self._compact

    # --- reading --------------------------------------------------------------------------------------------

    def __len__(self) -> int:
        """The number of transfers."""
        return self._count

    def __contains__(self, address: object) -> bool:
        return isinstance(address, str) and address_key(address) in self._index

    def number_of_addresses(self) -> int:
        return len(self._ids)

    def number_of_edges(self) -> int:
        return int(self.compact().edge_sender.size)

    def edges(self) -> Iterator[tuple[str, str, str]]:
        """(sender, receiver, asset) of every edge, in sorted order."""
        c = self.compact()
        for s, r, a in zip(
            c.edge_sender.tolist(), c.edge_receiver.tolist(), c.edge_asset.tolist(), strict=True
        ):
            yield self._ids[s], self._ids[r], self._assets[a]

    def _amount(self, c: _Compact, edge: int) -> tuple[Decimal, int]:
        """The exact sum of one edge's amounts, and how many transfers it has."""
        start, end = int(c.edge_start[edge]), int(c.edge_start[edge + 1])
        exponents = c.exponent[start:end]
        mantissas = c.mantissa[start:end]
        total = Decimal(0)
        for exponent in np.unique(exponents).tolist():
            if exponent == WIDE:
                continue
            digits = sum(mantissas[exponents == exponent].tolist())
            total += Decimal(digits).scaleb(exponent)
        lo, hi = np.searchsorted(c.wide_at, [start, end])
        for i in range(int(lo), int(hi)):
            total += c.wide[i]
        return total, end - start

    def _hop(self, c: _Compact, edge: int) -> Hop:
        amount, count = self._amount(c, edge)
        return Hop(
            self._ids[int(c.edge_sender[edge])],
            self._ids[int(c.edge_receiver[edge])],
            self._assets[int(c.edge_asset[edge])],
            amount,
            count,
        )

    def exposure(self, address: str, listed: set[str], *, hops: int = 3, limit: int = 50) -> list[Exposure]:
        """Shortest paths (breadth first) from ``address`` to listed addresses within ``hops``, both directions.

        Each listed address is reported once per direction, by its nearest path; the path carries the summed
        amount of each hop.
        """
        start = self._index.get(address_key(address))
        found: list[Exposure] = []
        if start is None:
            return found
        targets = np.array(
            sorted(i for i in (self._index.get(address_key(a)) for a in listed) if i is not None),
            dtype=np.int64,
        )
        if targets.size:
            c = self.compact()
            is_listed = np.zeros(len(self._ids), dtype=bool)
            is_listed[targets] = True
            for direction in ("outgoing", "incoming"):
                found.extend(self._search(c, start, is_listed, hops, direction))
        found.sort(key=lambda e: (e.distance, e.direction, e.listed))
        return found[:limit]

    def _search(
        self, c: _Compact, start: int, is_listed: npt.NDArray[np.bool_], hops: int, direction: str
    ) -> list[Exposure]:
        outgoing = direction == "outgoing"
        seen = np.zeros(len(self._ids), dtype=bool)
        seen[start] = True
        frontier = np.array([start], dtype=np.int64)
        levels: list[tuple[IntArray, IntArray]] = []  # per depth: the addresses reached (sorted), their edge
        results: list[Exposure] = []
        for _ in range(hops):
            if outgoing:
                edges = csr_rows(c.out_ptr, frontier)
                reached = c.edge_receiver[edges]
            else:
                edges = c.in_order[csr_rows(c.in_ptr, frontier)]
                reached = c.edge_sender[edges]
            fresh = ~seen[reached]
            edges, reached = edges[fresh], reached[fresh]
            if not reached.size:
                break
            unique, first = np.unique(reached, return_index=True)
            nodes: IntArray = unique.astype(np.int64)
            levels.append((nodes, edges[first]))
            seen[nodes] = True
            for node in nodes[is_listed[nodes]].tolist():
                results.append(Exposure(self._ids[node], direction, self._path(c, levels, node, outgoing)))
            frontier = nodes
        return results

    def _path(
        self, c: _Compact, levels: list[tuple[IntArray, IntArray]], end: int, outgoing: bool
    ) -> tuple[Hop, ...]:
        hops: list[Hop] = []
        node = end
        for nodes, edges in reversed(levels):
            edge = int(edges[np.searchsorted(nodes, node)])
            hops.append(self._hop(c, edge))
            node = int(c.edge_sender[edge] if outgoing else c.edge_receiver[edge])
        if outgoing:
            hops.reverse()
        return tuple(hops)


def naive_exposure(
    graph: TransferGraph, address: str, listed: set[str], *, hops: int = 3
) -> set[tuple[str, str]]:
    """The straightforward baseline for the benchmark: every simple path up to ``hops`` (networkx), both ways."""
    start = address_key(address)
    keys = {address_key(a) for a in listed}
    found: set[tuple[str, str]] = set()
    if start not in graph:
        return found
    simple: nx.DiGraph = nx.DiGraph()
    simple.add_edges_from((s, r) for s, r, _ in graph.edges())
    for target in keys & set(simple):
        if target == start:
            continue
        if any(True for _ in nx.all_simple_paths(simple, start, target, cutoff=hops)):
            found.add((target, "outgoing"))
        if any(True for _ in nx.all_simple_paths(simple, target, start, cutoff=hops)):
            found.add((target, "incoming"))
    return found
