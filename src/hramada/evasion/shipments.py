"""Screening of one shipment: its parties through name screening and the ownership graph, its vessel by IMO,
name history and owner, its HS codes against the goods watch list. One result per shipment with the reasons.

No Django: the caller passes in the screening function and the data (see ``selectors.shipment_screener``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from hramada.evasion.graph import Coverage
from hramada.evasion.parsers import GoodsRow, Shipment
from hramada.evasion.texts import Text, _
from hramada.evasion.transport import VesselIdentity

RULE_LABELS = {"ofac": _("OFAC 50%% rule"), "eu": _("EU owned or controlled")}


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
                {
                    "kind": r.kind,
                    "role": r.role,
                    "detail": r.detail,
                    "entity": r.entity,
                    # the message and its values, so the page shows the reason in its reader's language
                    **({"text": r.detail.to_json()} if isinstance(r.detail, Text) else {}),
                }
                for r in self.reasons
            ],
            "flagged": bool(self.reasons),
        }


PartyScreen = Callable[[str], list[tuple[str, str, float]]]  # name -> [(node id, caption, score)]
# names -> {name: [(node id, caption, score)]}: many names through the door at once
PartiesScreen = Callable[[list[str]], dict[str, list[tuple[str, str, float]]]]


_NOT_WORD = re.compile(r"[^\w]+")


def name_key(name: str) -> str:
    """One key for the ways a hand-typed manifest writes one name: 'Baltic Trade 12, LLC' and 'BALTIC TRADE 12
    LLC' are screened once (the screening engine folds case and punctuation the same way)."""
    return " ".join(_NOT_WORD.sub(" ", name.casefold()).split())


class GoodsWatchList:
    """The goods watch list indexed for the rule "a code matches an entry when one is a prefix of the other".

    A code's own prefixes are looked up in a dict (at most ten) and the entries that extend it are one range of
    the sorted codes, so a code costs the same against 3 entries or 30,000; the linear scan it replaced compared
    every code of a file with every entry. Matches come back in the watch list's order."""

    def __init__(self, goods: Iterable[GoodsRow]) -> None:
        self.goods = list(goods)
        self._by_code: dict[str, list[int]] = {}
        for position, entry in enumerate(self.goods):
            self._by_code.setdefault(entry.hs_code, []).append(position)
        self._codes = sorted(self._by_code)

    def matching(self, code: str) -> list[GoodsRow]:
        found: set[int] = set()
        # entries that are a prefix of the code (the code itself included)
        for end in range(1, len(code) + 1):
            found.update(self._by_code.get(code[:end], ()))
        start = bisect_left(self._codes, code)  # entries the code is a prefix of
        for other in self._codes[start:]:
            if not other.startswith(code):
                break
            found.update(self._by_code[other])
        return [self.goods[position] for position in sorted(found)]


@dataclass
class ShipmentScreener:
    screen_party: PartyScreen
    nodes_named: Callable[[str], list[str]]  # companies of the graph known under exactly this name
    coverage: Mapping[str, Mapping[str, Coverage]]  # rule -> node -> coverage
    names: dict[str, str]
    vessels: dict[str, VesselIdentity]
    vessels_by_name: dict[str, set[str]]
    goods: list[GoodsRow]
    listed_nodes: set[str]
    screen_parties: PartiesScreen | None = None

    def __post_init__(self) -> None:
        # Memos for one file (a screener lives as long as one screening): a manifest repeats its parties, codes
        # and vessels heavily, so each spelling, (role, spelling), code list and vessel is worked out once.
        self._keys: dict[str, str] = {}  # spelling -> name_key
        self._screened: dict[str, list[tuple[str, str, float]]] = {}  # name_key -> matches
        self._party: dict[str, tuple[Reason, ...]] = {}  # spelling -> reasons (role not yet set)
        self._party_in_role: dict[tuple[str, str], tuple[Reason, ...]] = {}
        self._goods_index = GoodsWatchList(self.goods)
        self._goods_of: dict[str, tuple[Reason, ...]] = {}  # HS code -> reasons
        self._goods_memo: dict[tuple[str, ...], tuple[Reason, ...]] = {}  # a row's codes -> reasons
        self._vessel_memo: dict[tuple[str, str], tuple[Reason, ...]] = {}  # (IMO, name) -> reasons

    def _key(self, name: str) -> str:
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = name_key(name)
        return key

    def prepare(self, shipments: Iterable[Shipment]) -> int:
        """Screen every distinct party name of a file in one batch (when a batch screener is given), each name
        once whatever the case and punctuation it is written in. Returns how many names were screened."""
        todo: dict[str, str] = {}
        seen: set[str] = set()
        for shipment in shipments:
            for name in shipment.parties.values():
                if name in seen:
                    continue
                seen.add(name)
                key = self._key(name)
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
        key = self._key(name)
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
        reasons = result.reasons
        for role, name in shipment.parties.items():
            found = self._party_in_role.get((role, name))
            if found is None:
                found = self._party_in_role[role, name] = tuple(
                    Reason(r.kind, role, r.detail, r.entity) for r in self._party_reasons(name)
                )
            reasons.extend(found)
        vessel_key = (shipment.vessel_imo, shipment.vessel_name)
        if vessel_key != ("", ""):
            vessel = self._vessel_memo.get(vessel_key)
            if vessel is None:
                vessel = self._vessel_memo[vessel_key] = tuple(self._vessel(shipment))
            reasons.extend(vessel)
        if shipment.hs_codes:
            goods = self._goods_memo.get(shipment.hs_codes)
            if goods is None:
                goods = self._goods_memo[shipment.hs_codes] = tuple(self._goods(shipment))
            reasons.extend(goods)
        return result

    def _party_reasons(self, name: str) -> tuple[Reason, ...]:
        found = self._party.get(name)
        if found is None:
            found = self._party[name] = self._work_out_party(name)
        return found

    def _work_out_party(self, name: str) -> tuple[Reason, ...]:
        reasons: list[Reason] = []
        nodes: set[str] = set()
        for node, caption, score in self._matches(name):
            nodes.add(node)
            reasons.append(
                Reason(
                    "party",
                    "",
                    _(
                        "'%(name)s' matches listed '%(caption)s' (score %(score)s)",
                        name=name,
                        caption=caption,
                        score=f"{score:.2f}",
                    ),
                    node,
                )
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
                            _(
                                "'%(name)s' deemed sanctioned (%(rule)s): %(path)s",
                                name=label,
                                rule=RULE_LABELS.get(rule, rule),
                                path=found.path_text(self.names),
                            ),
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
            renamed = _("; also known as %(names)s", names=", ".join(other_names)) if other_names else ""
            for listed in sorted(vessel.listed_ids):
                reasons.append(
                    Reason(
                        "vessel",
                        "vessel",
                        _(
                            "IMO %(imo)s is listed as '%(name)s'%(renamed)s",
                            imo=imo,
                            name=self.names.get(listed, listed),
                            renamed=renamed,
                        ),
                        listed,
                    )
                )
            for owner in sorted(vessel.owners):
                if owner in self.listed_nodes:
                    reasons.append(
                        Reason(
                            "vessel",
                            "vessel",
                            _(
                                "IMO %(imo)s is owned, managed or operated by listed '%(name)s'%(renamed)s",
                                imo=imo,
                                name=self.names.get(owner, owner),
                                renamed=renamed,
                            ),
                            owner,
                        )
                    )
                else:
                    reasons.extend(
                        Reason(
                            r.kind,
                            "vessel",
                            _(
                                "IMO %(imo)s: %(reason)s%(renamed)s",
                                imo=imo,
                                reason=r.detail,
                                renamed=renamed,
                            ),
                            r.entity,
                        )
                        for r in self._deemed({owner}, self.names.get(owner, owner))
                    )
        return reasons

    def _goods(self, shipment: Shipment) -> list[Reason]:
        return [reason for code in shipment.hs_codes for reason in self._goods_reasons(code)]

    def _goods_reasons(self, code: str) -> tuple[Reason, ...]:
        found = self._goods_of.get(code)
        if found is None:
            found = self._goods_of[code] = tuple(
                Reason(
                    "goods",
                    "hs_code",
                    _(
                        "HS %(code)s: watch list %(entry)s %(description)s%(reason)s",
                        code=code,
                        entry=entry.hs_code,
                        description=entry.description,
                        reason=f" ({entry.reason})" if entry.reason else "",
                    ),
                )
                for entry in self._goods_index.matching(code)
            )
        return found
