"""Reads for the evasion pages: the ownership graph of the lists and imported data, who is covered under each
rule and why, vessels by IMO and name history, crypto exposure, and investigations that gather all of it."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Max
from django.views.decorators.debug import sensitive_variables

from hramada.core import audit
from hramada.evasion import listed
from hramada.evasion.crypto import AddressError, Exposure, TransferGraph, address_key, validate
from hramada.evasion.graph import (
    Coverage,
    CoverageMap,
    Link,
    LinkKind,
    Node,
    OwnershipGraph,
    eu_owned_or_controlled,
    ofac_fifty_percent,
)
from hramada.evasion.models import (
    AddressTag,
    CryptoTransfer,
    Dataset,
    DeemedComputation,
    DeemedEntity,
    GoodsEntry,
    Holding,
    ShipmentResults,
    ShipmentScreening,
    VesselState,
)
from hramada.evasion.parsers import GoodsRow, in_force
from hramada.evasion.shipments import ShipmentScreener
from hramada.evasion.texts import problem_of
from hramada.evasion.transport import VesselIdentity, is_valid_imo

RULES = ("ofac", "eu")
SEEDS = {"ofac": {"ofac", "un"}, "eu": {"eu", "un"}}


@dataclass
class World:
    """Everything the evasion pages compute from, built once per (list snapshots, imported datasets)."""

    data: listed.ListedData
    graph: OwnershipGraph
    coverage: dict[str, CoverageMap]
    vessels: dict[str, VesselIdentity]
    vessels_by_name: dict[str, set[str]]
    names_index: dict[str, set[str]] = field(default_factory=dict)

    def names(self) -> dict[str, str]:
        return self.graph.names()

    def listed_nodes(self) -> set[str]:
        return self.graph.listed_ids()


_world: dict[tuple[Any, ...], World] = {}
_lock = threading.Lock()


def _dataset_key() -> Any:
    return Dataset.objects.aggregate(last=Max("pk"))["last"], Dataset.objects.count()


def world() -> World:
    data = listed.listed_data()
    key = (id(data), _dataset_key())
    with _lock:
        if key not in _world:
            _world.clear()
            _world[key] = _build(data)
        return _world[key]


def build_world() -> World:
    """The world built now and not held by this process (the task worker storing the deemed-sanctioned results)."""
    return _build(listed.listed_data())


def results_version() -> str:
    """What the deemed-sanctioned results are computed from: the current list snapshots and imported datasets."""
    last, count = _dataset_key()
    return f"lists {','.join(str(i) for i in listed.current_lists_version())}; datasets {last or 0}/{count}"


def latest_computation() -> DeemedComputation | None:
    """The stored deemed-sanctioned results the web workers read (the newest computation)."""
    return DeemedComputation.objects.only("pk", "version").order_by("-pk").first()


def stored_deemed(computation_id: int, entity_ids: Iterable[str]) -> list[DeemedEntity]:
    return list(
        DeemedEntity.objects.filter(computation_id=computation_id, entity_id__in=list(entity_ids)).order_by(
            "entity_id", "pk"
        )
    )


def stored_deemed_named(computation_id: int, name: str, limit: int) -> list[DeemedEntity]:
    key = _name_key(name)
    if not key:
        return []
    return list(
        DeemedEntity.objects.filter(computation_id=computation_id, name_key=key[:500]).order_by(
            "entity_id", "pk"
        )[: limit * len(RULES)]
    )


def _build(data: listed.ListedData) -> World:
    graph = OwnershipGraph()
    for node in data.nodes.values():
        graph.add_node(Node(node.id, node.name, node.schema, node.listed_by, set(node.sources)))
    for link in data.links:
        graph.add_link(link)
    # a person's sealed name is not loaded: the graph names a person by key (decrypted only where a page reveals it)
    today = date.today().isoformat()  # noqa: DTZ011 (a calendar date decides whether a holding has ended)
    for holding in Holding.objects.select_related("dataset").defer("person_name").iterator():
        if not in_force(holding.start_date, holding.end_date, today):
            continue  # ended (or not yet begun): neither counted nor drawn, as an ended FtM Ownership
        owner, owned = data.resolve(holding.owner_key), data.resolve(holding.owned_key)
        graph.add_node(
            Node(owner, holding.owner_name or owner, holding.owner_schema, sources={holding.dataset.name})
        )
        graph.add_node(Node(owned, holding.owned_name or owned, "Company", sources={holding.dataset.name}))
        if holding.share is not None:
            graph.add_link(
                Link(owner, owned, LinkKind.OWNERSHIP, holding.share, "shareholding", holding.dataset.name)
            )
        if holding.control:
            graph.add_link(Link(owner, owned, LinkKind.CONTROL, None, holding.control, holding.dataset.name))
    vessels = {imo: _copy(v) for imo, v in data.vessels.items()}
    for state in VesselState.objects.select_related("dataset").order_by("imo", "valid_from", "pk"):
        vessel = vessels.setdefault(state.imo, VesselIdentity(state.imo))
        vessel.add_name(state.name)
        vessel.add_flag(state.flag)
        if state.mmsi:
            vessel.mmsi.add(state.mmsi)
        if state.call_sign:
            vessel.call_signs.add(state.call_sign)
        hull = data.aliases.get(f"imo:{state.imo}", f"imo:{state.imo}")
        graph.add_node(Node(hull, state.name, "Vessel", sources={state.dataset.name}))
        for key, role in (
            (state.owner_key, "registered owner"),
            (state.manager_key, "manager"),
            (state.operator_key, "operator"),
        ):
            if not key:
                continue
            company = data.resolve(key)
            graph.add_node(Node(company, company, "Company"))
            vessel.owners.add(company)
            kind = LinkKind.OWNERSHIP if role == "registered owner" else LinkKind.LINK
            share = 100 if role == "registered owner" else None
            graph.add_link(
                Link(company, hull, kind, None if share is None else _hundred(), role, state.dataset.name)
            )
    coverage = {rule: _rule(rule, graph) for rule in RULES}
    by_name: dict[str, set[str]] = {}
    for imo, vessel in vessels.items():
        for name in vessel.names:
            by_name.setdefault(name.upper(), set()).add(imo)
    names_index: dict[str, set[str]] = {}
    for node_id, name in graph.names().items():
        names_index.setdefault(_name_key(name), set()).add(node_id)
    return World(data, graph, coverage, vessels, by_name, names_index)


def _hundred() -> Any:
    from decimal import Decimal

    return Decimal(100)


def name_key(name: str) -> str:
    """Letters and digits of a name in upper case, single-spaced: how names are compared here."""
    return _name_key(name)


def _name_key(name: str) -> str:
    return " ".join("".join(ch for ch in name.upper() if ch.isalnum() or ch.isspace()).split())


def _copy(vessel: VesselIdentity) -> VesselIdentity:
    return VesselIdentity(
        vessel.imo,
        list(vessel.names),
        list(vessel.flags),
        set(vessel.mmsi),
        set(vessel.call_signs),
        set(vessel.owners),
        set(vessel.listed_ids),
    )


def _rule(rule: str, graph: OwnershipGraph) -> CoverageMap:
    seeds = graph.listed(SEEDS[rule])
    return ofac_fifty_percent(graph, seeds) if rule == "ofac" else eu_owned_or_controlled(graph, seeds)


# --- an entity's ownership picture ---------------------------------------------------------------------------


@dataclass
class EntityPicture:
    node: Node
    coverage: dict[str, Coverage | None]
    owners: list[Link]
    holdings: list[Link]
    over_allocated: Any
    neighbourhood: OwnershipGraph
    names: dict[str, str]
    vessels: list[VesselIdentity]
    aircraft: list[listed.Aircraft]
    wallets: list[listed.ListedWallet]
    list_url: str


@sensitive_variables("rows")
def shipment_results(screening: ShipmentScreening, *, by: Any, purpose: str) -> list[dict[str, Any]]:
    """Every result row of one screened file in clear, after one ``personal_data.read`` audit entry for the file
    (as ``reveal`` writes for one field; the rows are kept in several encrypted parts). Nothing is audited if a
    part does not decrypt."""
    if not purpose.strip():
        raise ValueError("reading the results needs a purpose: the audit log says why personal data was read")
    sealed = ShipmentResults._meta.get_field("rows")
    rows: list[dict[str, Any]] = []
    for part in ShipmentResults.objects.filter(screening=screening).order_by("number"):
        rows.extend(sealed.open(part.rows))
    audit.record(
        action="personal_data.read",
        target=screening,
        detail={"field": "results", "purpose": purpose.strip()[:500]},
        by=by,
    )
    return rows


def sealed_person_names(node_id: str, limit: int = 20) -> list[Holding]:
    """Holdings that name the natural person ``node_id`` (sealed; one per dataset), to reveal on their page."""
    found: dict[int, Holding] = {}
    rows = Holding.objects.filter(owner_key=node_id, owner_schema="Person").order_by("pk")
    for holding in rows.only("pk", "dataset_id", "person_name")[: limit * 10]:
        if holding.person_name:  # sealed, or "" when the file gave no name
            found.setdefault(holding.dataset_id, holding)
    return list(found.values())[:limit]


def canonical_node(key: str) -> str | None:
    """The node an id now lives under when it is not a node itself: a list id merged into another entity (the
    same registration or IMO number on several lists), ``imo:<number>`` or ``reg:<number>``; None when unknown."""
    w = world()
    if key in w.graph:
        return None
    found = w.data.resolve(key)
    return found if found != key and found in w.graph else None


def entity_picture(node_id: str) -> EntityPicture | None:
    w = world()
    if node_id not in w.graph:
        return None
    sub = w.graph.neighbourhood(node_id, depth=2)
    # Keep the paths of a covered entity in the picture even when they are longer than the neighbourhood.
    for rule in RULES:
        found = w.coverage[rule].get(node_id)
        if found:
            for (a, _), (b, _) in zip(found.path, found.path[1:], strict=False):
                for link in w.graph.links_out(a):
                    if link.owned == b:
                        sub.add_node(w.graph.node(a))
                        sub.add_node(w.graph.node(b))
                        sub.add_link(link)
    over = w.graph.over_allocated().get(node_id)
    return EntityPicture(
        node=w.graph.node(node_id),
        coverage={rule: w.coverage[rule].get(node_id) for rule in RULES},
        owners=w.graph.links_in(node_id),
        holdings=w.graph.links_out(node_id),
        over_allocated=over,
        neighbourhood=sub,
        names={n: w.graph.name(n) for n in sub.node_ids()},
        vessels=[v for v in w.vessels.values() if node_id in v.owners or node_id in v.listed_ids],
        aircraft=[a for a in w.data.aircraft if node_id in a.operators or a.entity_id == node_id],
        wallets=[wallet for wallet in w.data.wallets if wallet.holder == node_id],
        list_url=listed.entity_url(node_id, w.data),
    )


def find_entities(query: str, limit: int = 50) -> list[Node]:
    """Entities of the graph whose name contains every word of the query (any order)."""
    words = _name_key(query).split()
    if not words:
        return []
    w = world()
    found = []
    for node_id, name in w.graph.names().items():
        key = _name_key(name) + " " + node_id.upper()
        if all(word in key for word in words):
            found.append(w.graph.node(node_id))
            if len(found) >= limit:
                break
    return found


def deemed_sanctioned(rule: str, limit: int = 200) -> list[Coverage]:
    """Entities covered under a rule without being listed themselves, longest paths first."""
    found = world().coverage.get(rule)
    if found is None:
        return []
    depth = found.depth()
    deemed = found.deemed_ids()
    deemed.sort(key=lambda entity: (-int(depth[found.graph.index_of(entity)]), entity))
    return [found[entity] for entity in deemed[:limit]]


# --- vessels -------------------------------------------------------------------------------------------------


def find_vessels(query: str) -> list[VesselIdentity]:
    """By IMO number (with a valid check digit) or by any name the hull ever carried."""
    w = world()
    digits = "".join(ch for ch in query if ch.isdigit())
    if len(digits) == 7 and is_valid_imo(digits):
        return [w.vessels[digits]] if digits in w.vessels else []
    return [w.vessels[imo] for imo in sorted(w.vessels_by_name.get(query.strip().upper(), set()))]


def listed_vessels(limit: int = 100) -> list[VesselIdentity]:
    return sorted(world().vessels.values(), key=lambda v: v.current_name)[:limit]


def _registration_key(value: str) -> str:
    return "".join(ch for ch in value.upper() if ch.isalnum())


def find_aircraft(query: str) -> list[listed.Aircraft]:
    """Listed aircraft by registration mark or manufacturer's serial number, however written (EW-301PJ, ew301pj)."""
    key = _registration_key(query)
    if not key:
        return []
    return [
        a
        for a in world().data.aircraft
        if key in (_registration_key(a.registration), _registration_key(a.serial))
    ]


def listed_aircraft(limit: int = 100) -> list[listed.Aircraft]:
    return sorted(world().data.aircraft, key=lambda a: a.registration)[:limit]


# --- crypto --------------------------------------------------------------------------------------------------


_transfers: dict[Any, TransferGraph] = {}


def transfer_graph() -> TransferGraph:
    key = _dataset_key()
    with _lock:
        if key not in _transfers:
            _transfers.clear()
            graph = TransferGraph()
            for sender, receiver, asset, amount in CryptoTransfer.objects.values_list(
                "sender", "receiver", "asset", "amount"
            ).iterator(chunk_size=10_000):
                graph.add_row(sender, receiver, asset, amount)
            graph.compact()
            _transfers[key] = graph
        return _transfers[key]


def listed_addresses() -> dict[str, str]:
    """Address key -> the listed holder's node id (OFAC "Digital Currency Address", FtM CryptoWallet) or the tag
    label of an imported tag in a sanctions category."""
    found = {address_key(w.address): w.holder for w in world().data.wallets if w.valid}
    label = AddressTag._meta.get_field("label")
    for tag in AddressTag.objects.filter(category__icontains="sanction").only("address", "label"):
        # a tag in a sanctions category names a listed holder (public, as the lists are): opened without an audit
        # entry, as the lists' own names are read; other tags stay sealed until the wallet page reveals them
        found.setdefault(address_key(tag.address), f"tag:{label.open(tag.label)}")
    return found


@dataclass
class WalletExposure:
    address: str
    currency: str
    problem: str
    listed_holder: str
    paths: list[Exposure]
    tags: list[AddressTag]


def wallet_exposure(address: str, *, currency: str = "", hops: int = 3) -> WalletExposure:
    address = address.strip()
    problem = ""
    if currency:
        try:
            address = validate(currency, address).value
        except AddressError as exc:
            problem = problem_of(exc)
    listed_map = listed_addresses()
    paths = [] if problem else transfer_graph().exposure(address, set(listed_map), hops=hops)
    tags = list(AddressTag.objects.filter(address__iexact=address))
    return WalletExposure(address, currency, problem, listed_map.get(address_key(address), ""), paths, tags)


# --- shipments -----------------------------------------------------------------------------------------------


def shipment_screener(*, by: Any = None, source: str = "evasion.shipments") -> ShipmentScreener:
    w = world()
    data = w.data

    def screen_party(name: str) -> list[tuple[str, str, float]]:
        matches = listed.screen_name(name, by=by, purpose="shipments", source=source)
        return [(data.resolve(m.entity_id), m.caption, m.score) for m in matches]

    def nodes_named(name: str) -> list[str]:
        return sorted(w.names_index.get(_name_key(name), set()))

    def screen_parties(names: list[str]) -> dict[str, list[tuple[str, str, float]]]:
        found = listed.screen_names(names, by=by, purpose="shipments", source=source)
        return {
            name: [(data.resolve(m.entity_id), m.caption, m.score) for m in matches]
            for name, matches in found.items()
        }

    goods = [GoodsRow(g.hs_code, g.description, g.reason) for g in GoodsEntry.objects.all()]
    return ShipmentScreener(
        screen_party=screen_party,
        nodes_named=nodes_named,
        coverage=w.coverage,
        names=w.names(),
        vessels=w.vessels,
        vessels_by_name=w.vessels_by_name,
        goods=goods,
        listed_nodes=w.listed_nodes(),
        screen_parties=screen_parties,
    )


def datasets() -> list[Dataset]:
    return list(Dataset.objects.select_related("imported_by"))
