"""The ownership and control graph and the two rules that say who is covered by a listing through it.

Framework-free (numpy): the Django side builds an :class:`OwnershipGraph` from the lists and imported company data,
then asks :func:`ofac_fifty_percent` and :func:`eu_owned_or_controlled` who is covered and why. The rules, with the
texts they come from, are in docs/evasion.md.

The graph is held as arrays, not as an object per entity and per link: each entity id is interned once to an
integer, each link is a row of parallel arrays (owner, owned, kind, share, label, source), and on first use the links
are sorted into compressed sparse rows (CSR) by owner and by owned entity. A share is an integer count of
billionths of a percent (``SHARE_UNITS``), so sums and the 50% threshold are exact for every share the database can
hold (four decimal places). The rules spread from the listed parties outwards, one round of array operations per
level of depth, so only the part of the graph reachable from a listed owner is ever touched. :class:`Link`,
:class:`Node` and :class:`Coverage` objects are made only when a caller asks for one.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from hramada.evasion.texts import _

if TYPE_CHECKING:
    import networkx as nx

HUNDRED = Decimal(100)
FIFTY = Decimal(50)
SHARE_UNITS = 10**9  # a share is held as an integer count of billionths of a percent
NO_SHARE = -1  # a holding of unknown size, a control right or a shown-only link

IntArray = npt.NDArray[np.int64]


class LinkKind(StrEnum):
    OWNERSHIP = "ownership"  # a share of the capital (proprietary rights)
    CONTROL = (
        "control"  # a control criterion of the EU best practices (board appointment, voting agreement ...)
    )
    DIRECTOR = "director"  # a director or officer: shown, never a criterion by itself
    LINK = "link"  # "Linked To" and other unqualified links: shown, never a criterion


KINDS: tuple[LinkKind, ...] = tuple(LinkKind)
KIND_CODE = {kind: code for code, kind in enumerate(KINDS)}
OWNERSHIP_CODE = KIND_CODE[LinkKind.OWNERSHIP]
CONTROL_CODE = KIND_CODE[LinkKind.CONTROL]


class ShareError(ValueError):
    """A percentage that cannot be a share of a company."""


def parse_share(value: object) -> Decimal | None:
    """A percentage from 0 to 100 as Decimal; empty is None (a holding of unknown size); anything else raises."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip().rstrip("%").strip().replace(",", ".")
    try:
        share = Decimal(text)
    except InvalidOperation as exc:
        raise ShareError(_("'%(value)s' is not a percentage", value=value)) from exc
    if not share.is_finite():
        raise ShareError(_("'%(value)s' is not a percentage", value=value))
    if share < 0:
        raise ShareError(_("%(share)s%% is negative: a share cannot be below 0%%", share=share))
    if share > HUNDRED:
        raise ShareError(_("%(share)s%% is over 100%%: a share cannot exceed the whole company", share=share))
    return share


def share_units(share: Decimal | int | None) -> int:
    """A share as billionths of a percent (rounded half to even past the ninth place); None is ``NO_SHARE``."""
    if share is None:
        return NO_SHARE
    return int(Decimal(share).scaleb(9).to_integral_value(ROUND_HALF_EVEN))


def units_share(units: int) -> Decimal:
    """Billionths of a percent back to the Decimal as written (``50``, ``50.5``; no exponent, no trailing zeros)."""
    whole, rest = divmod(int(units), SHARE_UNITS)
    if not rest:
        return Decimal(whole)
    return Decimal(f"{whole}.{rest:09d}".rstrip("0"))


@dataclass(frozen=True)
class Link:
    owner: str
    owned: str
    kind: LinkKind = LinkKind.OWNERSHIP
    share: Decimal | None = None
    label: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        if self.share is not None:
            parse_share(self.share)


@dataclass
class Node:
    id: str
    name: str = ""
    schema: str = "LegalEntity"
    listed_by: frozenset[str] = frozenset()  # authorities whose list names it: "ofac", "eu", "un", "other"
    sources: set[str] = field(default_factory=set)


class _Strings:
    """Interned short strings (schemata, link labels, sources): each distinct text kept once, a link holds its code."""

    def __init__(self) -> None:
        self.texts: list[str] = [""]
        self.codes: dict[str, int] = {"": 0}

    def code(self, text: str) -> int:
        found = self.codes.get(text)
        if found is None:
            found = self.codes[text] = len(self.texts)
            self.texts.append(text)
        return found


@dataclass
class _Compact:
    """The links, one per (owner, owned, kind), sorted by owner, with row pointers both ways."""

    owner: npt.NDArray[np.int32]
    owned: npt.NDArray[np.int32]
    kind: npt.NDArray[np.int8]
    share: IntArray
    label: npt.NDArray[np.int32]
    source: npt.NDArray[np.int32]
    out_ptr: IntArray  # links of owner i: out_ptr[i]:out_ptr[i + 1]
    in_order: IntArray  # link numbers sorted by owned entity
    in_ptr: IntArray  # links into entity i: in_order[in_ptr[i]:in_ptr[i + 1]]
    over: dict[str, Decimal] | None = None  # over_allocated(), computed once


def csr_rows(ptr: IntArray, nodes: IntArray) -> IntArray:
    """The row numbers of these nodes' CSR rows, concatenated (no Python loop over the nodes); the transfer graph
    walks its arrays with it too."""
    starts = ptr[nodes]
    counts = ptr[nodes + 1] - starts
    total = int(counts.sum())
    if not total:
        return np.empty(0, dtype=np.int64)
    offsets = np.repeat(starts - np.cumsum(counts) + counts, counts)
    return offsets + np.arange(total, dtype=np.int64)


class OwnershipGraph:
    """Entities and their links (owner → owned), one link per pair and kind: a later link replaces an earlier one."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}
        self._ids: list[str] = []
        self._names: list[str] = []
        self._schemata = _Strings()
        self._schema = array("H")
        self._listed: dict[int, frozenset[str]] = {}
        self._sources: dict[int, set[str]] = {}
        self._strings = _Strings()  # link labels and sources
        # links added since the last compaction, appended row by row or as whole arrays
        self._pending = [array("i"), array("i"), array("b"), array("q"), array("i"), array("i")]
        self._chunks: list[tuple[np.ndarray, ...]] = []
        self._compact: _Compact | None = None
        self._nx: Any = None

    # --- entities ---------------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._index

    def _intern(self, node_id: str) -> int:
        found = self._index.get(node_id)
        if found is None:
            found = self._index[node_id] = len(self._ids)
            self._ids.append(node_id)
            self._names.append("")
            self._schema.append(self._schemata.code("LegalEntity"))
            self._compact = None
            self._nx = None
        return found

    def add_node(self, node: Node) -> None:
        """An entity; a second statement of the same id adds its authorities and sources and fills a missing name."""
        known = node.id in self._index
        index = self._intern(node.id)
        if not known:
            self._names[index] = node.name
            self._schema[index] = self._schemata.code(node.schema)
        elif not self._names[index]:
            self._names[index] = node.name
        if node.listed_by:
            self._listed[index] = self._listed.get(index, frozenset()) | node.listed_by
        if node.sources:
            self._sources.setdefault(index, set()).update(node.sources)
        self._nx = None

    def add_nodes(
        self, ids: Sequence[str], names: Sequence[str], schema: str = "Company"
    ) -> npt.NDArray[np.int64]:
        """Many new entities at once (bulk loads); returns their indices. Ids already present keep their data."""
        code = self._schemata.code(schema)
        found = np.empty(len(ids), dtype=np.int64)
        for position, (node_id, name) in enumerate(zip(ids, names, strict=True)):
            known = node_id in self._index
            index = self._intern(node_id)
            if not known:
                self._names[index] = name
                self._schema[index] = code
            found[position] = index
        return found

    def index_of(self, node_id: str) -> int:
        return self._index[node_id]

    def id_of(self, index: int) -> str:
        return self._ids[index]

    def node_ids(self) -> Iterator[str]:
        return iter(self._ids)

    def nodes(self) -> Iterator[Node]:
        for index in range(len(self._ids)):
            yield self._node(index)

    def _node(self, index: int) -> Node:
        return Node(
            self._ids[index],
            self._names[index],
            self._schemata.texts[self._schema[index]],
            self._listed.get(index, frozenset()),
            set(self._sources.get(index, ())),
        )

    def node(self, node_id: str) -> Node:
        index = self._index.get(node_id)
        if index is None:
            return Node(node_id, name=node_id)
        return self._node(index)

    def name(self, node_id: str) -> str:
        index = self._index.get(node_id)
        return (self._names[index] if index is not None else "") or node_id

    def names(self) -> dict[str, str]:
        return {node_id: name or node_id for node_id, name in zip(self._ids, self._names, strict=True)}

    def listed(self, authorities: Iterable[str]) -> set[str]:
        wanted = set(authorities)
        return {self._ids[i] for i, by in self._listed.items() if by & wanted}

    def listed_ids(self) -> set[str]:
        """Every entity that some list names."""
        return {self._ids[i] for i, by in self._listed.items() if by}

    # --- links ------------------------------------------------------------------------------------------------

    def add_link(self, link: Link) -> None:
        """A link; a second link of the same pair and kind replaces the first (the latest statement wins)."""
        owner, owned = self._intern(link.owner), self._intern(link.owned)
        for column, value in zip(
            self._pending,
            (
                owner,
                owned,
                KIND_CODE[link.kind],
                share_units(link.share),
                self._strings.code(link.label),
                self._strings.code(link.source),
            ),
            strict=True,
        ):
            column.append(value)
        self._compact = None
        self._nx = None

    def add_link_array(
        self,
        owners: npt.ArrayLike,
        owned: npt.ArrayLike,
        shares: npt.ArrayLike | None = None,
        *,
        kind: LinkKind = LinkKind.OWNERSHIP,
        label: str = "",
        source: str = "",
    ) -> None:
        """Many links of one kind at once (bulk loads), by entity index (from :meth:`add_nodes`), shares in
        ``SHARE_UNITS`` (``NO_SHARE`` or no array at all: unknown or not a holding)."""
        owner_a = np.asarray(owners, dtype=np.int32)
        owned_a = np.asarray(owned, dtype=np.int32)
        count = owner_a.size
        share_a = (
            np.full(count, NO_SHARE, dtype=np.int64) if shares is None else np.asarray(shares, dtype=np.int64)
        )
        if not (owner_a.shape == owned_a.shape == share_a.shape):
            raise ValueError("owners, owned and shares must have one entry per link")
        known = share_a[share_a != NO_SHARE]
        if known.size and (known.min() < 0 or known.max() > 100 * SHARE_UNITS):
            raise ShareError(_("a share must lie between 0%% and 100%%"))
        if count and (
            min(int(owner_a.min()), int(owned_a.min())) < 0
            or max(int(owner_a.max()), int(owned_a.max())) >= len(self._ids)
        ):
            raise IndexError("a link names an entity index that was never added")
        self._flush_pending()
        self._chunks.append(
            (
                owner_a,
                owned_a,
                np.full(count, KIND_CODE[kind], dtype=np.int8),
                share_a,
                np.full(count, self._strings.code(label), dtype=np.int32),
                np.full(count, self._strings.code(source), dtype=np.int32),
            )
        )
        self._compact = None
        self._nx = None

    def _flush_pending(self) -> None:
        if len(self._pending[0]):
            dtypes = (np.int32, np.int32, np.int8, np.int64, np.int32, np.int32)
            self._chunks.append(
                tuple(
                    np.array(column, dtype=dtype) for column, dtype in zip(self._pending, dtypes, strict=True)
                )
            )
            self._pending = [array("i"), array("i"), array("b"), array("q"), array("i"), array("i")]

    def compact(self) -> _Compact:
        """The links as CSR arrays, built once after the last change (the later of two same-kind links of a pair
        kept)."""
        if self._compact is not None:
            return self._compact
        self._flush_pending()
        if self._chunks:
            columns = [np.concatenate([chunk[i] for chunk in self._chunks]) for i in range(6)]
        else:
            columns = [
                np.empty(0, dtype=t) for t in (np.int32, np.int32, np.int8, np.int64, np.int32, np.int32)
            ]
        owner, owned, kind = columns[0], columns[1], columns[2]
        # sorted by owner, owned, kind; both sorts are stable, so within one (owner, owned, kind) the last one added
        # comes last and is the one kept
        n = len(self._ids)
        if n * n * len(KINDS) < 2**62:  # one int64 key sorts faster than three
            key = (owner.astype(np.int64) * n + owned) * len(KINDS) + kind
            order = np.argsort(key, kind="stable")
            del key
        else:
            order = np.lexsort((kind, owned, owner))
        if order.size:
            o, d, k = owner[order], owned[order], kind[order]
            last = np.ones(order.size, dtype=bool)
            last[:-1] = (o[1:] != o[:-1]) | (d[1:] != d[:-1]) | (k[1:] != k[:-1])
            order = order[last]
        columns = [column[order] for column in columns]
        del order
        self._chunks = [tuple(columns)]
        out_ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(columns[0], minlength=n), out=out_ptr[1:])
        in_order = np.argsort(columns[1], kind="stable").astype(np.int64)
        in_ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(columns[1], minlength=n), out=in_ptr[1:])
        owner, owned, kind, share, label, source = columns
        self._compact = _Compact(
            owner, owned, kind, share, label, source, out_ptr=out_ptr, in_order=in_order, in_ptr=in_ptr
        )
        return self._compact

    def number_of_links(self) -> int:
        return int(self.compact().owner.size)

    def _link(self, row: int) -> Link:
        c = self.compact()
        share = int(c.share[row])
        return Link(
            self._ids[int(c.owner[row])],
            self._ids[int(c.owned[row])],
            KINDS[int(c.kind[row])],
            None if share == NO_SHARE else units_share(share),
            self._strings.texts[int(c.label[row])],
            self._strings.texts[int(c.source[row])],
        )

    def links_in(self, node_id: str) -> list[Link]:
        index = self._index.get(node_id)
        if index is None:
            return []
        c = self.compact()
        return [self._link(int(row)) for row in c.in_order[c.in_ptr[index] : c.in_ptr[index + 1]]]

    def links_out(self, node_id: str) -> list[Link]:
        index = self._index.get(node_id)
        if index is None:
            return []
        c = self.compact()
        return [self._link(row) for row in range(int(c.out_ptr[index]), int(c.out_ptr[index + 1]))]

    def links(self) -> Iterator[Link]:
        for row in range(self.number_of_links()):
            yield self._link(row)

    def over_allocated(self) -> dict[str, Decimal]:
        """Companies whose recorded shares add up to more than 100%: reported to the analyst, still computed."""
        c = self.compact()
        if c.over is None:
            counted = (c.kind == OWNERSHIP_CODE) & (c.share != NO_SHARE)
            totals = np.zeros(len(self._ids), dtype=np.int64)
            np.add.at(totals, c.owned[counted], c.share[counted])
            over = np.flatnonzero(totals > 100 * SHARE_UNITS)
            c.over = {self._ids[int(i)]: units_share(int(totals[i])) for i in over}
        return dict(c.over)

    def neighbourhood(self, node_id: str, depth: int = 3) -> OwnershipGraph:
        """The entity with its owners and holdings up to ``depth`` links away in either direction (for drawing)."""
        sub = OwnershipGraph()
        start = self._index.get(node_id)
        if start is None:
            return sub
        c = self.compact()
        near = np.zeros(len(self._ids), dtype=bool)
        near[start] = True
        frontier = np.array([start], dtype=np.int64)
        for _level in range(depth):
            down = c.owned[csr_rows(c.out_ptr, frontier)]
            up = c.owner[c.in_order[csr_rows(c.in_ptr, frontier)]]
            reached = np.unique(np.concatenate([down, up]).astype(np.int64))
            frontier = reached[~near[reached]]
            if not frontier.size:
                break
            near[frontier] = True
        for index in np.flatnonzero(near):
            sub.add_node(self._node(int(index)))
        rows = csr_rows(c.out_ptr, np.flatnonzero(near))
        for row in rows[near[c.owned[rows]]]:
            sub.add_link(self._link(int(row)))
        return sub

    @property
    def g(self) -> nx.MultiDiGraph:
        """The graph as networkx (node attribute ``node``, edge attribute ``link``), for drawing a small graph such
        as a :meth:`neighbourhood`; made on first use. Never needed by the rules."""
        if self._nx is None:
            import networkx as nx

            graph = nx.MultiDiGraph()
            for index in range(len(self._ids)):
                graph.add_node(self._ids[index], node=self._node(index))
            for link in self.links():
                graph.add_edge(link.owner, link.owned, key=link.kind.value, link=link)
            self._nx = graph
        return self._nx


# --- the rules ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Coverage:
    """Why an entity is covered (or only partly owned) under one rule."""

    entity: str
    rule: str
    covered: bool
    listed: bool
    aggregate: Decimal  # the share held by listed or covered owners, summed
    criteria: tuple[str, ...]  # "ownership", "control: board", "listed"
    # the computation it comes from: the path is read from its arrays on demand
    result: CoverageMap | None = field(default=None, repr=False, compare=False)

    @property
    def path(self) -> tuple[tuple[str, str], ...]:
        """((entity, share by which it is held), ...) from a listed party down to this entity."""
        if self.result is None:
            return ((self.entity, ""),)
        return self.result.path(self.entity)

    def path_text(self, names: Mapping[str, str] | None = None) -> str:
        """``A → 100% → X → 60% → Y``."""
        names = names or {}
        parts: list[str] = []
        for index, (entity, via) in enumerate(self.path):
            if index:
                parts.append(via)
            parts.append(names.get(entity, entity))
        return " → ".join(parts)


class CoverageMap(Mapping[str, Coverage]):
    """One rule's result over the whole graph, as arrays: entity id → :class:`Coverage`, made when asked for.

    Holds every entity that is covered or held in part by a covered owner (the others are not keys)."""

    def __init__(
        self,
        graph: OwnershipGraph,
        rule: str,
        *,
        round_covered: npt.NDArray[np.int32],
        aggregate: IntArray,
        held: npt.NDArray[np.bool_],
        seed: npt.NDArray[np.bool_],
        parent: npt.NDArray[np.int32],
        parent_share: IntArray,
        control: dict[int, tuple[int, str]],
    ) -> None:
        self.graph = graph
        self.rule = rule
        self.round_covered = (
            round_covered  # the round an entity was covered in (0: listed), -1 if not covered
        )
        self.aggregate_units = aggregate
        self.seed = seed
        self.parent = parent  # the owner an entity's path goes through, -1 for none
        self.parent_share = parent_share
        self.control = control  # entity -> (controlling owner, criterion) when covered by control
        self.member = held | (round_covered >= 0)
        self._keys: npt.NDArray[np.int64] | None = None

    @property
    def covered_mask(self) -> npt.NDArray[np.bool_]:
        return self.round_covered >= 0

    def deemed_ids(self) -> list[str]:
        """Entities covered without being listed themselves."""
        ids = self.graph._ids
        return [ids[int(i)] for i in np.flatnonzero(self.covered_mask & ~self.seed)]

    def deemed_count(self) -> int:
        return int(np.count_nonzero(self.covered_mask & ~self.seed))

    def depth(self) -> npt.NDArray[np.int32]:
        """Links on each covered entity's path (0 for a listed party), -1 for the rest."""
        depth = np.full(self.parent.size, -1, dtype=np.int32)
        depth[self.seed & self.covered_mask] = 0
        order = np.argsort(self.round_covered, kind="stable")
        rounds = self.round_covered[order]
        for r in range(1, int(rounds.max(initial=0)) + 1):
            at = order[np.searchsorted(rounds, r, "left") : np.searchsorted(rounds, r, "right")]
            depth[at] = depth[self.parent[at]] + 1
        return depth

    def _index(self, entity: object) -> int | None:
        index = self.graph._index.get(entity) if isinstance(entity, str) else None
        if index is None or index >= self.member.size or not self.member[index]:
            return None
        return index

    def __getitem__(self, entity: str) -> Coverage:
        index = self._index(entity)
        if index is None:
            raise KeyError(entity)
        covered = bool(self.round_covered[index] >= 0)
        listed = bool(self.seed[index])
        if listed:
            criteria: tuple[str, ...] = ("listed",)
        elif index in self.control:
            criteria = (self.control[index][1],)
        elif covered:
            criteria = ("ownership",)
        else:
            criteria = ()
        return Coverage(
            entity=entity,
            rule=self.rule,
            covered=covered,
            listed=listed,
            aggregate=units_share(int(self.aggregate_units[index])),
            criteria=criteria,
            result=self,
        )

    def __contains__(self, entity: object) -> bool:
        return self._index(entity) is not None

    def _members(self) -> npt.NDArray[np.int64]:
        if self._keys is None:
            self._keys = np.flatnonzero(self.member)
        return self._keys

    def __iter__(self) -> Iterator[str]:
        ids = self.graph._ids
        for index in self._members():
            yield ids[int(index)]

    def __len__(self) -> int:
        return int(self._members().size)

    def path(self, entity: str) -> tuple[tuple[str, str], ...]:
        """((entity, share or criterion by which it is held), ...) from a listed party down to ``entity``."""
        ids = self.graph._ids
        steps: list[tuple[str, str]] = []
        seen: set[int] = set()
        current = self.graph._index.get(entity)
        while current is not None and current not in seen:
            seen.add(current)
            if self.seed[current]:
                steps.append((ids[current], ""))
                break
            if current in self.control:
                owner, criterion = self.control[current]
                steps.append((ids[current], criterion))
                current = owner
                continue
            up = int(self.parent[current])
            if up < 0:
                steps.append((ids[current], ""))
                break
            steps.append((ids[current], f"{units_share(int(self.parent_share[current]))}%"))
            current = up
        # Each step holds the share by which it is held; reversed, the path reads from the listed party down.
        steps.reverse()
        return tuple(steps)


def _spread(
    graph: OwnershipGraph, seeds: set[str], *, rule: str, inclusive: bool, use_control: bool
) -> CoverageMap:
    """Spread coverage from listed parties along links until nothing changes.

    Semi-naive rounds over the CSR arrays: round r reads only the links of the entities covered in round r - 1,
    adds their shares to what they hold, and covers every entity whose aggregate now reaches the threshold (or, with
    ``use_control``, that one of them controls). Each entity is covered at most once, so cycles (A owns B owns A)
    terminate, and a covered entity's holdings count in full for the entities it holds (both rules say so).
    """
    c = graph.compact()
    n = len(graph)
    threshold = 50 * SHARE_UNITS
    round_covered = np.full(n, -1, dtype=np.int32)
    aggregate = np.zeros(n, dtype=np.int64)
    held = np.zeros(n, dtype=bool)
    seed = np.zeros(n, dtype=bool)
    start = np.array(sorted(graph._index[s] for s in seeds if s in graph._index), dtype=np.int64)
    seed[start] = True
    round_covered[start] = 0
    control: dict[int, tuple[int, str]] = {}
    counted = (c.kind == OWNERSHIP_CODE) & (c.share != NO_SHARE)
    frontier = start
    number = 0
    while frontier.size:
        number += 1
        rows = csr_rows(c.out_ptr, frontier)
        owning = rows[counted[rows]]
        targets = c.owned[owning].astype(np.int64)
        np.add.at(aggregate, targets, c.share[owning])
        held[targets] = True
        candidates = targets[round_covered[targets] < 0]
        totals = aggregate[candidates]
        new = _distinct(candidates[totals >= threshold] if inclusive else candidates[totals > threshold])
        round_covered[new] = number
        if use_control:
            controlling = rows[c.kind[rows] == CONTROL_CODE]
            controlling = controlling[round_covered[c.owned[controlling]] < 0]
            if controlling.size:
                # control links are few: the controlling owner with the smaller id names each newly controlled
                # entity (the same choice as the database rule)
                ids = graph._ids
                for row in controlling.tolist():
                    target, owner = int(c.owned[row]), int(c.owner[row])
                    if target not in control or ids[owner] < ids[control[target][0]]:
                        label = graph._strings.texts[int(c.label[row])]
                        control[target] = (owner, f"control: {label}" if label else "control")
                targets_c = _distinct(c.owned[controlling].astype(np.int64))
                round_covered[targets_c] = number
                new = np.concatenate([new, targets_c])
        frontier = new
    parent, parent_share = _parents(graph, c, counted, round_covered, held & ~seed)
    for target, (owner, _criterion) in control.items():
        parent[target] = owner  # a controlled entity's path goes through the owner that controls it
    return CoverageMap(
        graph,
        rule,
        round_covered=round_covered,
        aggregate=aggregate,
        held=held,
        seed=seed,
        parent=parent,
        parent_share=parent_share,
        control=control,
    )


def _parents(
    graph: OwnershipGraph,
    c: _Compact,
    counted: npt.NDArray[np.bool_],
    round_covered: npt.NDArray[np.int32],
    wanted: npt.NDArray[np.bool_],
) -> tuple[npt.NDArray[np.int32], IntArray]:
    """For each entity held by covered owners, the owner its path goes through: the covered owner with the largest
    share (ties: the smaller id) among those covered before it (any covered owner when it is not covered itself),
    so every path climbs to a listed party in fewer rounds each step and never loops."""
    n = len(graph)
    parent = np.full(n, -1, dtype=np.int32)
    parent_share = np.full(n, NO_SHARE, dtype=np.int64)
    owner_round = round_covered[c.owner]
    owned_round = round_covered[c.owned]
    eligible = (
        counted & (owner_round >= 0) & wanted[c.owned] & ((owned_round < 0) | (owner_round < owned_round))
    )
    rows = np.flatnonzero(eligible)
    if not rows.size:
        return parent, parent_share
    # the eligible links in the order of the in-CSR: grouped by the entity held
    rows = c.in_order[eligible[c.in_order]]
    owned = c.owned[rows]
    share = c.share[rows]
    starts = np.flatnonzero(np.concatenate(([True], owned[1:] != owned[:-1])))
    counts = np.diff(np.append(starts, rows.size))
    best = np.repeat(np.maximum.reduceat(share, starts), counts)
    at_best = np.flatnonzero(share == best)
    first = np.concatenate(([True], owned[at_best[1:]] != owned[at_best[:-1]]))
    chosen = at_best[first]
    parent[owned[chosen]] = c.owner[rows[chosen]]
    parent_share[owned[chosen]] = share[chosen]
    # an equal largest share from another owner: the smaller id decides (the same tie-break as the database rule)
    ids = graph._ids
    for position in at_best[~first].tolist():
        entity = int(owned[position])
        challenger = int(c.owner[rows[position]])
        if ids[challenger] < ids[int(parent[entity])]:
            parent[entity] = challenger
    return parent, parent_share


def _distinct(values: IntArray) -> IntArray:
    """The values once each, in increasing order (a sort beats a hash table on these small integer arrays)."""
    if values.size < 2:
        return values
    ordered = np.sort(values)
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]


def ofac_fifty_percent(graph: OwnershipGraph, blocked: set[str]) -> CoverageMap:
    """OFAC's 50 Percent Rule: owned 50% or more in aggregate, directly or indirectly, by blocked persons.

    Ownership only: OFAC FAQ 398 says control without 50% ownership does not block automatically.
    """
    return _spread(graph, blocked, rule="ofac", inclusive=True, use_control=False)


class EUEdition(StrEnum):
    """Which text of the EU best practices decides the ownership threshold."""

    BP_2024 = "2024"  # "50% or more", holdings of several listed persons aggregated
    BP_2022 = "2022"  # "more than 50%" of the proprietary rights


def eu_owned_or_controlled(
    graph: OwnershipGraph, listed: set[str], *, edition: EUEdition = EUEdition.BP_2024
) -> CoverageMap:
    """The EU test: ownership of the proprietary rights above the threshold of the edition, or control."""
    return _spread(graph, listed, rule="eu", inclusive=edition is EUEdition.BP_2024, use_control=True)
