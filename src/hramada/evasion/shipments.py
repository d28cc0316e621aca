"""Screening of one shipment: its parties through name screening and the ownership graph, its vessel by IMO,
name history and owner, its HS codes against the goods watch list. One result per shipment with the reasons.

No Django: the caller passes in the screening function and the data (see ``selectors.shipment_screener``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from hramada.evasion.graph import Coverage
from hramada.evasion.parsers import GoodsRow, Shipment
from hramada.evasion.transport import VesselIdentity

RULE_LABELS = {"ofac": "OFAC 50% rule", "eu": "EU owned or controlled"}


@dataclass(frozen=True)
class Reason:
    kind: str  # party | deemed | vessel | goods
    role: str  # shipper, consignee, notify_party, carrier, vessel, hs_code
    detail: str
    entity: str = ""  # the graph node, for links


@dataclass
class ShipmentResult:
    row: int
    shipment_id: str
    parties: dict[str, str]
    vessel: str
    hs_codes: list[str]
    value: str
    reasons: list[Reason] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return bool(self.reasons)

    def to_json(self) -> dict[str, Any]:
        # by hand rather than dataclasses.asdict (a deep copy of every value): a file has 100,000 of these
        return {
            "row": self.row,
            "shipment_id": self.shipment_id,
            "parties": dict(self.parties),
            "vessel": self.vessel,
            "hs_codes": list(self.hs_codes),
            "value": self.value,
            "reasons": [
                {"kind": r.kind, "role": r.role, "detail": r.detail, "entity": r.entity} for r in self.reasons
            ],
            "flagged": bool(self.reasons),
        }


PartyScreen = Callable[[str], list[tuple[str, str, float]]]  # name -> [(node id, caption, score)]
# names -> {name: [(node id, caption, score)]}: many names through the door at once
PartiesScreen = Callable[[list[str]], dict[str, list[tuple[str, str, float]]]]


def name_key(name: str) -> str:
    """One key for the ways a hand-typed manifest writes one name: 'Baltic Trade 12, LLC' and 'BALTIC TRADE 12
    LLC' are screened once (the screening engine folds case and punctuation the same way)."""
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())


@dataclass
class ShipmentScreener:
    screen_party: PartyScreen
    nodes_named: Callable[[str], list[str]]  # companies of the graph known under exactly this name
    coverage: dict[str, dict[str, Coverage]]  # rule -> node -> coverage
    names: dict[str, str]
    vessels: dict[str, VesselIdentity]
    vessels_by_name: dict[str, set[str]]
    goods: list[GoodsRow]
    listed_nodes: set[str]
    screen_parties: PartiesScreen | None = None

    def __post_init__(self) -> None:
        self._party = lru_cache(maxsize=100_000)(self._party_reasons)
        self._goods_of = lru_cache(maxsize=100_000)(self._goods_reasons)  # each HS code against the list once
        self._screened: dict[str, list[tuple[str, str, float]]] = {}

    def prepare(self, shipments: Iterable[Shipment]) -> int:
        """Screen every distinct party name of a file in one batch (when a batch screener is given), each name
        once whatever the case and punctuation it is written in. Returns how many names were screened."""
        todo: dict[str, str] = {}
        for shipment in shipments:
            for name in shipment.parties.values():
                key = name_key(name)
                if key not in self._screened:
                    todo.setdefault(key, name)
        if not todo:
            return 0
        if self.screen_parties is None:
            for key, name in todo.items():
                self._screened[key] = self.screen_party(name)
        else:
            found = self.screen_parties(list(todo.values()))
            for key, name in todo.items():
                self._screened[key] = found.get(name, [])
        return len(todo)

    def _matches(self, name: str) -> list[tuple[str, str, float]]:
        key = name_key(name)
        if key not in self._screened:
            self._screened[key] = self.screen_party(name)
        return self._screened[key]

    def screen(self, shipment: Shipment) -> ShipmentResult:
        result = ShipmentResult(
            row=shipment.row,
            shipment_id=shipment.shipment_id,
            parties=dict(shipment.parties),
            vessel=" ".join(
                filter(
                    None, [shipment.vessel_name, f"IMO {shipment.vessel_imo}" if shipment.vessel_imo else ""]
                )
            ),
            hs_codes=list(shipment.hs_codes),
            value=f"{shipment.value} {shipment.currency}".strip() if shipment.value is not None else "",
        )
        for role, name in shipment.parties.items():
            result.reasons.extend(Reason(r.kind, role, r.detail, r.entity) for r in self._party(name))
        result.reasons.extend(self._vessel(shipment))
        result.reasons.extend(self._goods(shipment))
        return result

    def _party_reasons(self, name: str) -> tuple[Reason, ...]:
        reasons: list[Reason] = []
        nodes: set[str] = set()
        for node, caption, score in self._matches(name):
            nodes.add(node)
            reasons.append(
                Reason("party", "", f"'{name}' matches listed '{caption}' (score {score:.2f})", node)
            )
        nodes.update(self.nodes_named(name))
        reasons.extend(self._deemed(nodes, name))
        return tuple(reasons)

    def _deemed(self, nodes: set[str], label: str) -> list[Reason]:
        reasons = []
        for node in sorted(nodes):
            if node in self.listed_nodes:
                continue
            for rule, covered in self.coverage.items():
                found = covered.get(node)
                if found and found.covered:
                    reasons.append(
                        Reason(
                            "deemed",
                            "",
                            f"'{label}' deemed sanctioned ({RULE_LABELS.get(rule, rule)}): {found.path_text(self.names)}",
                            node,
                        )
                    )
        return reasons

    def _vessel(self, shipment: Shipment) -> list[Reason]:
        imos: set[str] = set()
        reasons: list[Reason] = []
        if shipment.vessel_imo:
            imos.add(shipment.vessel_imo)
        elif shipment.vessel_name:
            imos |= self.vessels_by_name.get(shipment.vessel_name.strip().upper(), set())
        for imo in sorted(imos):
            vessel = self.vessels.get(imo)
            if vessel is None:
                continue
            other_names = vessel.renamed_from(shipment.vessel_name) if shipment.vessel_name else []
            renamed = f"; also known as {', '.join(other_names)}" if other_names else ""
            for listed in sorted(vessel.listed_ids):
                reasons.append(
                    Reason(
                        "vessel",
                        "vessel",
                        f"IMO {imo} is listed as '{self.names.get(listed, listed)}'{renamed}",
                        listed,
                    )
                )
            for owner in sorted(vessel.owners):
                if owner in self.listed_nodes:
                    reasons.append(
                        Reason(
                            "vessel",
                            "vessel",
                            f"IMO {imo} is owned, managed or operated by listed '{self.names.get(owner, owner)}'{renamed}",
                            owner,
                        )
                    )
                else:
                    reasons.extend(
                        Reason(r.kind, "vessel", f"IMO {imo}: {r.detail}{renamed}", r.entity)
                        for r in self._deemed({owner}, self.names.get(owner, owner))
                    )
        return reasons

    def _goods(self, shipment: Shipment) -> list[Reason]:
        return [reason for code in shipment.hs_codes for reason in self._goods_of(code)]

    def _goods_reasons(self, code: str) -> tuple[Reason, ...]:
        reasons = []
        for entry in self.goods:
            if code.startswith(entry.hs_code) or entry.hs_code.startswith(code):
                source = f" ({entry.reason})" if entry.reason else ""
                reasons.append(
                    Reason(
                        "goods",
                        "hs_code",
                        f"HS {code}: watch list {entry.hs_code} {entry.description}{source}",
                    )
                )
        return tuple(reasons)
