"""The ownership and control graph and the two rules that say who is covered by a listing through it.

Framework-free (networkx only): the Django side builds an :class:`OwnershipGraph` from the lists and imported
company data, then asks :func:`ofac_fifty_percent` and :func:`eu_owned_or_controlled` who is covered and why.
The rules, with the texts they come from, are in docs/evasion.md.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

import networkx as nx

HUNDRED = Decimal(100)
FIFTY = Decimal(50)


class LinkKind(StrEnum):
    OWNERSHIP = "ownership"  # a share of the capital (proprietary rights)
    CONTROL = (
        "control"  # a control criterion of the EU best practices (board appointment, voting agreement ...)
    )
    DIRECTOR = "director"  # a director or officer: shown, never a criterion by itself
    LINK = "link"  # "Linked To" and other unqualified links: shown, never a criterion


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
        raise ShareError(f"'{value}' is not a percentage") from exc
    if not share.is_finite():
        raise ShareError(f"'{value}' is not a percentage")
    if share < 0:
        raise ShareError(f"{share}% is negative: a share cannot be below 0%")
    if share > HUNDRED:
        raise ShareError(f"{share}% is over 100%: a share cannot exceed the whole company")
    return share


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


class OwnershipGraph:
    """Entities and their links in one directed networkx graph (owner → owned), one edge per pair and kind."""

    def __init__(self) -> None:
        self.g: nx.MultiDiGraph = nx.MultiDiGraph()

    def __len__(self) -> int:
        return int(self.g.number_of_nodes())

    def __contains__(self, node_id: object) -> bool:
        return node_id in self.g

    def add_node(self, node: Node) -> None:
        if node.id in self.g:
            known: Node = self.g.nodes[node.id]["node"]
            known.listed_by = known.listed_by | node.listed_by
            known.sources |= node.sources
            if not known.name:
                known.name = node.name
            return
        self.g.add_node(node.id, node=node)

    def node(self, node_id: str) -> Node:
        if node_id not in self.g:
            return Node(node_id, name=node_id)
        found: Node = self.g.nodes[node_id]["node"]
        return found

    def name(self, node_id: str) -> str:
        return self.node(node_id).name or node_id

    def add_link(self, link: Link) -> None:
        """A link; a second ownership link of the same pair replaces the first (the latest statement wins)."""
        for end in (link.owner, link.owned):
            if end not in self.g:
                self.add_node(Node(end))
        self.g.add_edge(link.owner, link.owned, key=link.kind.value, link=link)

    def links_in(self, node_id: str) -> list[Link]:
        if node_id not in self.g:
            return []
        return [data["link"] for _, _, data in self.g.in_edges(node_id, data=True)]

    def links_out(self, node_id: str) -> list[Link]:
        if node_id not in self.g:
            return []
        return [data["link"] for _, _, data in self.g.out_edges(node_id, data=True)]

    def links(self) -> Iterator[Link]:
        for _, _, data in self.g.edges(data=True):
            yield data["link"]

    def listed(self, authorities: Iterable[str]) -> set[str]:
        wanted = set(authorities)
        return {n for n, data in self.g.nodes(data=True) if data["node"].listed_by & wanted}

    def over_allocated(self) -> dict[str, Decimal]:
        """Companies whose recorded shares add up to more than 100%: reported to the analyst, still computed."""
        totals: dict[str, Decimal] = {}
        for link in self.links():
            if link.kind is LinkKind.OWNERSHIP and link.share is not None:
                totals[link.owned] = totals.get(link.owned, Decimal(0)) + link.share
        return {node: total for node, total in totals.items() if total > HUNDRED}

    def neighbourhood(self, node_id: str, depth: int = 3) -> OwnershipGraph:
        """The entity with its owners and holdings up to ``depth`` links away in either direction (for drawing)."""
        sub = OwnershipGraph()
        if node_id not in self.g:
            return sub
        undirected = self.g.to_undirected(as_view=True)
        near = nx.single_source_shortest_path_length(undirected, node_id, cutoff=depth)
        view = self.g.subgraph(near)
        sub.g = nx.MultiDiGraph(view)
        return sub


@dataclass(frozen=True)
class Coverage:
    """Why an entity is covered (or only partly owned) under one rule."""

    entity: str
    rule: str
    covered: bool
    listed: bool
    aggregate: Decimal  # the share held by listed or covered owners, summed
    criteria: tuple[str, ...]  # "ownership", "control: board", "listed"
    # The parent each entity was covered through, shared by every Coverage of one computation: the path is read
    # on demand (computing 1,000,000 paths up front cost more than the rule itself).
    parents: Mapping[str, tuple[str, Decimal | str]] = field(default_factory=dict, repr=False, compare=False)
    seeds: frozenset[str] = field(default=frozenset(), repr=False, compare=False)

    @property
    def path(self) -> tuple[tuple[str, str], ...]:
        """((entity, share by which it is held), ...) from a listed party down to this entity."""
        return _path(self.entity, self.parents, self.seeds)

    def path_text(self, names: dict[str, str] | None = None) -> str:
        """``A → 100% → X → 60% → Y``."""
        names = names or {}
        parts: list[str] = []
        for index, (entity, via) in enumerate(self.path):
            if index:
                parts.append(via)
            parts.append(names.get(entity, entity))
        return " → ".join(parts)


def _share_text(share: Decimal | None) -> str:
    if share is None:
        return "?%"
    return f"{share.normalize():f}%"


def _propagate(
    graph: OwnershipGraph,
    seeds: set[str],
    *,
    rule: str,
    covers: Callable[[Decimal], bool],
    use_control: bool,
) -> dict[str, Coverage]:
    # A million Coverage objects and shares, none in a reference cycle: the cyclic collector would only rescan
    # them again and again while they are made (at 1M nodes it took most of the run), so it waits until the end.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _spread(graph, seeds, rule=rule, covers=covers, use_control=use_control)
    finally:
        if collecting:
            gc.enable()


def _spread(
    graph: OwnershipGraph,
    seeds: set[str],
    *,
    rule: str,
    covers: Callable[[Decimal], bool],
    use_control: bool,
) -> dict[str, Coverage]:
    """Spread coverage from listed parties along links until nothing changes.

    Each entity is covered at most once, so cycles (A owns B owns A) terminate. A covered entity's holdings
    count in full for the entities it holds (both rules say so). ``covers(aggregate)`` says whether an
    aggregate share covers an entity; control criteria (EU) cover regardless of share.
    """
    g = graph.g
    aggregate: dict[str, Decimal] = {}
    # owner through which each entity is held, and the share (Decimal, written out only when a path is read)
    # or the control criterion
    parent: dict[str, tuple[str, Decimal | str]] = {}
    criteria: dict[str, list[str]] = {}
    covered: set[str] = set(seeds & set(g.nodes))
    queue: deque[str] = deque(sorted(covered))
    # networkx's own adjacency dicts (owner -> owned -> key -> data), not its views: at 1M nodes the views'
    # wrappers cost more than the rule itself
    successors = g._succ
    predecessors = g._pred
    while queue:
        owner = queue.popleft()
        for owned, keyed in successors[owner].items():
            for data in keyed.values():
                link: Link = data["link"]
                if link.kind is LinkKind.OWNERSHIP and link.share is not None:
                    aggregate[owned] = aggregate.get(owned, Decimal(0)) + link.share
                    reason = "ownership"
                elif use_control and link.kind is LinkKind.CONTROL:
                    reason = f"control: {link.label}" if link.label else "control"
                else:
                    continue
                if owned in covered:
                    continue
                if reason == "ownership" and not covers(aggregate[owned]):
                    if owned not in parent:
                        parent[owned] = (owner, link.share if link.share is not None else "?%")
                    continue
                covered.add(owned)
                parent[owned] = (
                    _best_parent(predecessors[owned], owned, covered)
                    if reason == "ownership"
                    else (owner, reason)
                )
                criteria.setdefault(owned, []).append(reason)
                queue.append(owned)
    result: dict[str, Coverage] = {}
    frozen_seeds = frozenset(seeds)
    for entity in covered | set(aggregate):
        listed = entity in seeds
        result[entity] = Coverage(
            entity=entity,
            rule=rule,
            covered=entity in covered,
            listed=listed,
            aggregate=aggregate.get(entity, Decimal(0)),
            criteria=("listed",) if listed else tuple(criteria.get(entity, ())),
            parents=parent,
            seeds=frozen_seeds,
        )
    return result


def _best_parent(
    owners: Mapping[str, Mapping[Any, Mapping[str, Any]]], owned: str, covered: set[str]
) -> tuple[str, Decimal]:
    """The covered owner with the largest share: the path shown goes through it."""
    best: tuple[Decimal, str] | None = None
    for owner, keyed in owners.items():
        if owner not in covered:
            continue
        for data in keyed.values():
            link: Link = data["link"]
            if link.kind is LinkKind.OWNERSHIP and link.share is not None:
                candidate = (link.share, owner)
                if best is None or candidate[0] > best[0] or (candidate[0] == best[0] and owner < best[1]):
                    best = candidate
    if best is None:  # cannot happen: the caller just covered ``owned`` through a covered owner
        raise RuntimeError(f"no covered owner of {owned}")
    return best[1], best[0]


def _path(
    entity: str, parent: Mapping[str, tuple[str, Decimal | str]], seeds: frozenset[str]
) -> tuple[tuple[str, str], ...]:
    steps: list[tuple[str, str]] = []
    seen: set[str] = set()
    current = entity
    while current not in seen:
        seen.add(current)
        if current in seeds:
            steps.append((current, ""))
            break
        up = parent.get(current)
        if up is None:
            steps.append((current, ""))
            break
        via = up[1]
        steps.append((current, via if isinstance(via, str) else _share_text(via)))
        current = up[0]
    # Each step holds the share by which it is held; reversed, the path reads from the listed party down.
    steps.reverse()
    return tuple(steps)


def ofac_fifty_percent(graph: OwnershipGraph, blocked: set[str]) -> dict[str, Coverage]:
    """OFAC's 50 Percent Rule: owned 50% or more in aggregate, directly or indirectly, by blocked persons.

    Ownership only: OFAC FAQ 398 says control without 50% ownership does not block automatically.
    """
    return _propagate(graph, blocked, rule="ofac", covers=lambda total: total >= FIFTY, use_control=False)


class EUEdition(StrEnum):
    """Which text of the EU best practices decides the ownership threshold."""

    BP_2024 = "2024"  # "50% or more", holdings of several listed persons aggregated
    BP_2022 = "2022"  # "more than 50%" of the proprietary rights


def eu_owned_or_controlled(
    graph: OwnershipGraph, listed: set[str], *, edition: EUEdition = EUEdition.BP_2024
) -> dict[str, Coverage]:
    """The EU test: ownership of the proprietary rights above the threshold of the edition, or control."""
    if edition is EUEdition.BP_2024:
        return _propagate(graph, listed, rule="eu", covers=lambda total: total >= FIFTY, use_control=True)
    return _propagate(graph, listed, rule="eu", covers=lambda total: total > FIFTY, use_control=True)
