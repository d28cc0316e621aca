"""The one place where the evasion app reads the sanctions lists (the adapter).

Everything else in this app imports this module, never ``hramada.sanctions`` (an import-linter contract says so).
Names are screened through the sanctions app's door (``hramada.sanctions.public.screen``, audited, with a screening
profile). The graph needs every current entity with its edges (ownership percentages, vessels' IMO numbers,
wallets), which the door streams (``public.current_ftm_entities``, cached by ``public.current_lists_version``).

What it returns is plain data: listed parties as graph nodes (with the authorities whose list names them), the
links between them, vessels by IMO, aircraft and crypto wallets.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from hramada.evasion.crypto import AddressError, validate
from hramada.evasion.graph import Link, LinkKind, Node, ShareError, parse_share
from hramada.evasion.texts import problem_of
from hramada.evasion.transport import VesselIdentity, is_valid_imo

SUBJECT_SCHEMATA = {
    "Person",
    "Organization",
    "Company",
    "LegalEntity",
    "PublicBody",
    "Vessel",
    "Airplane",
    "CryptoWallet",
}
# Identifiers that name one legal person across sources (a Belarusian UNP is printed by the EU as a registration
# number and by OFAC as a tax number), and one hull.
MERGE_PROPERTIES = ("registrationNumber", "taxNumber", "innCode", "ogrnCode", "imoNumber")
AUTHORITY_BY_SOURCE = {"ofac_sdn": "ofac", "eu_journal": "eu", "eu_fsf": "eu", "un_xml": "un"}


def _authority_of_sanction(props: dict[str, list[str]]) -> str:
    text = " ".join(props.get("authority", []) + props.get("program", []) + props.get("country", [])).lower()
    if "ofac" in text or "treasury" in text or "united states" in text or text.strip() == "us":
        return "ofac"
    if "european" in text or "eu " in f"{text} " or "council" in text:
        return "eu"
    if "united nations" in text or "security council" in text:
        return "un"
    return "other"


@dataclass(frozen=True)
class Aircraft:
    entity_id: str
    registration: str
    serial: str
    model: str
    operators: tuple[str, ...]


@dataclass(frozen=True)
class ListedWallet:
    entity_id: str
    currency: str
    address: str
    holder: str
    valid: bool
    problem: str = ""


@dataclass
class ListedData:
    nodes: dict[str, Node] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)  # entity id or "reg:600122610" -> node id
    vessels: dict[str, VesselIdentity] = field(default_factory=dict)
    aircraft: list[Aircraft] = field(default_factory=list)
    wallets: list[ListedWallet] = field(default_factory=list)
    records: dict[str, tuple[str, str]] = field(default_factory=dict)  # node id -> (source key, entity id)

    def resolve(self, key: str) -> str:
        """The node id for an entity id, a list id or ``reg:<number>`` / ``imo:<number>``; the key itself if
        unknown."""
        key = key.strip()
        if key in self.aliases:
            return self.aliases[key]
        digits = "".join(ch for ch in key.upper() if ch.isalnum())
        for prefix in ("reg:", "imo:"):
            if f"{prefix}{digits}" in self.aliases:
                return self.aliases[f"{prefix}{digits}"]
        return key


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _current() -> Iterator[dict[str, Any]]:
    from hramada.sanctions import public

    yield from public.current_ftm_entities()


def _snapshot_key() -> tuple[int, ...]:
    from hramada.sanctions import public

    return public.current_lists_version()


def on_list_change(receiver: Any, dispatch_uid: str) -> None:
    """Call `receiver` after every new snapshot of any list (the sanctions app's `list_changed`, after commit)."""
    from hramada.sanctions import public

    public.list_changed.connect(receiver, dispatch_uid=dispatch_uid)


def current_lists_version() -> tuple[int, ...]:
    """The current snapshot of each list (what the deemed-sanctioned results were computed from)."""
    return _snapshot_key()


def build(entities: Iterable[dict[str, Any]], *, today: date | None = None) -> ListedData:
    """Listed data from FtM entities (each with ``datasets`` = [source key]). Pure: tests feed it directly."""
    today = today or date.today()  # noqa: DTZ011 (a calendar date decides whether an ownership has ended)
    entities = list(entities)
    subjects: dict[str, tuple[str, dict[str, Any]]] = {}
    sanctioned: dict[str, set[str]] = {}
    edges: list[dict[str, Any]] = []
    for entity in entities:
        source = (entity.get("datasets") or [""])[0]
        schema = entity.get("schema", "")
        props = entity.get("properties", {})
        if schema == "Sanction":
            for subject in props.get("entity", []):
                sanctioned.setdefault(subject, set()).add(_authority_of_sanction(props))
        elif schema in ("Ownership", "Directorship", "UnknownLink", "Associate"):
            edges.append(entity)
        elif schema in SUBJECT_SCHEMATA:
            subjects[entity["id"]] = (source, entity)
    data = ListedData()
    uf = _UnionFind()
    for entity_id, (_source, entity) in subjects.items():
        uf.find(entity_id)
        if entity["schema"] in ("CryptoWallet",):
            continue
        for prop in MERGE_PROPERTIES:
            for value in entity.get("properties", {}).get(prop, []):
                digits = "".join(ch for ch in value.upper() if ch.isalnum())
                if len(digits) >= 5:
                    key = ("imo:" if prop == "imoNumber" else "reg:") + digits
                    uf.union(key, entity_id)
    groups: dict[str, list[str]] = {}
    for entity_id in sorted(subjects):
        groups.setdefault(uf.find(entity_id), []).append(entity_id)
    for entity_id, (source, entity) in subjects.items():
        if entity["schema"] == "CryptoWallet":
            continue
        node_id = groups[uf.find(entity_id)][0]
        data.aliases[entity_id] = node_id
        authority = AUTHORITY_BY_SOURCE.get(source.split(":")[0])
        if authority is None:
            listed_by = sanctioned.get(entity_id, set()) or (
                {"other"} if "sanction" in entity.get("properties", {}).get("topics", []) else set()
            )
        else:
            listed_by = {authority}
        if "un" in listed_by:
            listed_by |= {"ofac", "eu"}  # both implement UN Security Council listings
        names = entity.get("properties", {}).get("name", [])
        node = Node(
            node_id,
            name=entity.get("caption") or (names[0] if names else entity_id),
            schema=entity["schema"],
            listed_by=frozenset(listed_by),
            sources={source},
        )
        if node_id in data.nodes:
            known = data.nodes[node_id]
            known.listed_by = known.listed_by | node.listed_by
            known.sources |= node.sources
        else:
            data.nodes[node_id] = node
            data.records[node_id] = (source, entity_id)
    for key in list(uf.parent):
        if key.startswith(("reg:", "imo:")) and uf.find(key) in groups:
            first = groups[uf.find(key)][0]
            data.aliases[key] = data.aliases.get(first, first)
    for edge in edges:
        data.links.extend(_edge_links(edge, data, today))
    for _source, entity in subjects.values():
        if entity["schema"] == "Vessel":
            _vessel(entity, data)
        elif entity["schema"] == "Airplane":
            _aircraft(entity, data)
        elif entity["schema"] == "CryptoWallet":
            _wallet(entity, data)
    return data


def _edge_links(edge: dict[str, Any], data: ListedData, today: date) -> list[Link]:
    props = edge.get("properties", {})
    schema = edge["schema"]
    source = (edge.get("datasets") or [""])[0]
    ended = [d for d in props.get("endDate", []) if d[:10] < today.isoformat()]
    if ended:
        return []
    role = (props.get("role") or props.get("relationship") or [""])[0]
    if schema == "Ownership":
        pairs = [(o, a) for o in props.get("owner", []) for a in props.get("asset", [])]
        share: Decimal | None = None
        for value in props.get("percentage", []):
            try:
                share = parse_share(value)
            except ShareError:
                share = None
        kind = LinkKind.OWNERSHIP
        label = role or "ownership"
        if share is None and "Vess_owner" in role:
            share = Decimal(100)  # OFAC names the registered owner of the vessel: it holds the whole hull
    elif schema == "Directorship":
        pairs = [(d, o) for d in props.get("director", []) for o in props.get("organization", [])]
        kind, label, share = LinkKind.DIRECTOR, role or "director", None
    else:
        ends = ("subject", "object") if schema == "UnknownLink" else ("person", "associate")
        pairs = [(s, o) for s in props.get(ends[0], []) for o in props.get(ends[1], [])]
        kind, label, share = LinkKind.LINK, role or "linked to", None
    return [
        Link(data.aliases.get(a, a), data.aliases.get(b, b), kind, share, label, source)
        for a, b in pairs
        if data.aliases.get(a, a) != data.aliases.get(b, b)
    ]


def _vessel(entity: dict[str, Any], data: ListedData) -> None:
    props = entity.get("properties", {})
    for imo in props.get("imoNumber", []):
        digits = "".join(ch for ch in imo if ch.isdigit())
        if not is_valid_imo(digits):
            continue
        vessel = data.vessels.setdefault(digits, VesselIdentity(digits))
        for name in props.get("previousName", []) + props.get("name", []):
            vessel.add_name(name)
        for flag in props.get("pastFlags", []) + props.get("flag", []):
            vessel.add_flag(flag)
        vessel.mmsi.update(props.get("mmsi", []))
        vessel.call_signs.update(props.get("callSign", []))
        vessel.listed_ids.add(data.aliases.get(entity["id"], entity["id"]))
        node_id = data.aliases.get(entity["id"], entity["id"])
        data.aliases[f"imo:{digits}"] = node_id
        for link in data.links:
            if link.owned == node_id:
                vessel.owners.add(link.owner)


def _aircraft(entity: dict[str, Any], data: ListedData) -> None:
    props = entity.get("properties", {})
    node_id = data.aliases.get(entity["id"], entity["id"])
    operators = tuple(sorted({link.owned for link in data.links if link.owner == node_id}))
    data.aircraft.append(
        Aircraft(
            node_id,
            (props.get("registrationNumber") or props.get("name") or [""])[0],
            (props.get("serialNumber") or [""])[0],
            (props.get("model") or [""])[0],
            operators,
        )
    )


def _wallet(entity: dict[str, Any], data: ListedData) -> None:
    props = entity.get("properties", {})
    currency = (props.get("currency") or [""])[0]
    holder = (props.get("holder") or [""])[0]
    for key in props.get("publicKey", []):
        try:
            address = validate(currency, key)
        except AddressError as exc:
            data.wallets.append(ListedWallet(entity["id"], currency, key, holder, False, problem_of(exc)))
        else:
            data.wallets.append(
                ListedWallet(entity["id"], currency, address.value, data.aliases.get(holder, holder), True)
            )


_cache: dict[tuple[int, ...], ListedData] = {}
_lock = threading.Lock()


def forget() -> None:
    """Drop the listed data built in this process. Snapshot ids never repeat in one database, but a test database
    rolled back between tests hands the same ids to other files."""
    with _lock:
        _cache.clear()


def listed_data() -> ListedData:
    """Listed data of the current snapshots, built once per set of snapshots in this process."""
    key = _snapshot_key()
    with _lock:
        if key not in _cache:
            _cache.clear()
            _cache[key] = build(_current())
        return _cache[key]


@dataclass(frozen=True)
class NameMatch:
    entity_id: str
    caption: str
    score: float
    explanation: str


def screen_name(
    name: str,
    *,
    schema: str = "LegalEntity",
    by: Any = None,
    purpose: str = "investigation",
    source: str = "evasion",
) -> list[NameMatch]:
    """Possible matches of a party's name among every current list, through the sanctions door (audited, with the
    thresholds of the screening profile of ``purpose``: ``investigation`` or ``shipments``)."""
    if not name.strip():
        return []
    from hramada.sanctions import public

    try:
        screening = public.screen(
            public.Party(name=name, schema=schema), purpose=purpose, by=by, source=source
        )
    except public.PartyError:
        return []
    return [NameMatch(h.entity_id, h.caption, round(h.score, 4), h.explanation) for h in screening.hits]


def screen_names(
    names: list[str],
    *,
    schema: str = "LegalEntity",
    by: Any = None,
    purpose: str = "shipments",
    source: str = "evasion",
    chunk: int = 2000,
) -> dict[str, list[NameMatch]]:
    """Possible matches of many parties' names in one pass through the sanctions door (``screen_many``): one
    audit entry per ``chunk`` names instead of one per name. A name the door cannot screen gets no matches."""
    from hramada.sanctions import public

    parties = []
    for name in dict.fromkeys(n for n in names if n.strip()):
        try:
            party = public.Party(name=name, schema=schema)
            party.query()
        except public.PartyError:
            continue
        parties.append(party)
    found: dict[str, list[NameMatch]] = {name: [] for name in names}
    for start in range(0, len(parties), chunk):
        for screening in public.screen_many(
            parties[start : start + chunk], purpose=purpose, by=by, source=source
        ):
            found[screening.party.name] = [
                NameMatch(h.entity_id, h.caption, round(h.score, 4), h.explanation) for h in screening.hits
            ]
    return found


def entity_url(node_id: str, data: ListedData) -> str:
    """The sanctions page of a listed node, or "" for a company known only from imported data."""
    from django.urls import reverse

    record = data.records.get(node_id)
    if not record:
        return ""
    return reverse("sanctions:entity", args=[record[0], record[1]])
