"""An investigation: a company, vessel or wallet and everything that links it to a listed party, with its export
as FollowTheMoney JSON lines and as CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext, ngettext
from followthemoney import model

from hramada.evasion import listed, selectors
from hramada.evasion.crypto import recognise
from hramada.evasion.graph import LinkKind
from hramada.evasion.templatetags.evasion_tags import translated
from hramada.evasion.transport import is_valid_imo

_ADDRESS = re.compile(
    r"^(0x[0-9a-fA-F]{40}|bc1[0-9a-zA-Z]{20,90}|[13][1-9A-HJ-NP-Za-km-z]{25,34}|T[1-9A-HJ-NP-Za-km-z]{33})$"
)


@dataclass
class Finding:
    subject: str  # what was asked about, as shown
    kind: str  # listed | ofac | eu | link | vessel | wallet | name-match
    detail: str
    path: str = ""
    entity: str = ""


@dataclass
class Investigation:
    query: str
    kind: str  # company | vessel | wallet
    findings: list[Finding] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)  # graph nodes involved (for the FtM export)

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["query", "subject", "kind", "detail", "path", "entity"])
        for f in self.findings:
            writer.writerow([self.query, f.subject, f.kind, f.detail, f.path, f.entity])
        return out.getvalue()

    def to_ftm(self) -> str:
        """The entities involved and the links between them as FtM JSON lines."""
        w = selectors.world()
        involved = set(self.entities)
        lines: list[dict[str, Any]] = []
        for node_id in sorted(involved):
            node = w.graph.node(node_id)
            schema = (
                node.schema
                if node.schema in model.schemata and node.schema != "CryptoWallet"
                else "LegalEntity"
            )
            proxy = model.make_entity(schema)
            proxy.id = node_id
            proxy.add("name", node.name or node_id)
            if node.listed_by and model.get(schema) and model.get(schema).get("topics"):  # type: ignore[union-attr]
                proxy.add("topics", "sanction")
            lines.append(proxy.to_dict())
        for node_id in sorted(involved):
            for link in w.graph.links_out(node_id):
                if link.owned not in involved:
                    continue
                if link.kind is LinkKind.OWNERSHIP or link.kind is LinkKind.CONTROL:
                    proxy = model.make_entity("Ownership")
                    proxy.add("owner", link.owner)
                    proxy.add("asset", link.owned)
                    if link.share is not None:
                        proxy.add("percentage", f"{link.share.normalize():f}")
                    proxy.add("role", link.label or link.kind.value)
                elif link.kind is LinkKind.DIRECTOR:
                    proxy = model.make_entity("Directorship")
                    proxy.add("director", link.owner)
                    proxy.add("organization", link.owned)
                    proxy.add("role", link.label)
                else:
                    proxy = model.make_entity("UnknownLink")
                    proxy.add("subject", link.owner)
                    proxy.add("object", link.owned)
                    proxy.add("role", link.label)
                proxy.make_id("evasion", link.kind.value, link.owner, link.owned)
                lines.append(proxy.to_dict())
        return "".join(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n" for line in lines)


def investigate(query: str, *, by: Any = None) -> Investigation:
    query = query.strip()
    digits = "".join(ch for ch in query if ch.isdigit())
    if re.fullmatch(r"(IMO)?\s*\d{7}", query, re.IGNORECASE) and is_valid_imo(digits):
        return _vessel(query, digits)
    if _ADDRESS.match(query):
        return _wallet(query)
    return _company(query, by)


def _coverage_findings(inv: Investigation, node_id: str, subject: str) -> None:
    w = selectors.world()
    names = w.names()
    node = w.graph.node(node_id)
    inv.entities.append(node_id)
    if node.listed_by:
        inv.findings.append(
            Finding(
                subject,
                "listed",
                gettext("listed by %(lists)s") % {"lists": ", ".join(sorted(node.listed_by))},
                entity=node_id,
            )
        )
    for rule in selectors.RULES:
        found = w.coverage[rule].get(node_id)
        if found and found.covered and not found.listed:
            inv.findings.append(
                Finding(subject, rule, gettext("deemed sanctioned"), found.path_text(names), node_id)
            )
            inv.entities.extend(entity for entity, _ in found.path)
        elif found and not found.covered and found.aggregate > 0:
            inv.findings.append(
                Finding(
                    subject,
                    rule,
                    gettext("owned %(share)s%% by listed parties: below the threshold")
                    % {"share": f"{found.aggregate.normalize():f}"},
                    found.path_text(names),
                    node_id,
                )
            )
            inv.entities.extend(entity for entity, _ in found.path)
    for link in w.graph.links_in(node_id) + w.graph.links_out(node_id):
        other = link.owned if link.owner == node_id else link.owner
        if w.graph.node(other).listed_by:
            inv.findings.append(
                Finding(
                    subject,
                    "link",
                    f"{link.label or link.kind.value}: {w.graph.name(link.owner)} → "
                    f"{w.graph.name(link.owned)}",
                    entity=other,
                )
            )
            inv.entities.append(other)


def _company(query: str, by: Any = None) -> Investigation:
    inv = Investigation(query, "company")
    w = selectors.world()
    nodes = {n.id for n in selectors.find_entities(query, limit=20)}
    for match in listed.screen_name(query, by=by, source="evasion.investigation")[:10]:
        node_id = w.data.resolve(match.entity_id)
        if node_id in w.graph:
            nodes.add(node_id)
            inv.findings.append(
                Finding(
                    query,
                    "name-match",
                    gettext("matches listed '%(caption)s' (score %(score)s)")
                    % {"caption": match.caption, "score": f"{match.score:.2f}"},
                    entity=node_id,
                )
            )
    for node_id in sorted(nodes):
        _coverage_findings(inv, node_id, w.graph.name(node_id))
    return inv


def _vessel(query: str, imo: str) -> Investigation:
    inv = Investigation(query, "vessel")
    w = selectors.world()
    vessel = w.vessels.get(imo)
    if vessel is None:
        return inv
    subject = f"IMO {imo} {vessel.current_name}"
    if len(vessel.names) > 1:
        inv.findings.append(
            Finding(
                subject,
                "vessel",
                gettext("names over time: %(names)s; flags: %(flags)s")
                % {"names": " → ".join(vessel.names), "flags": ", ".join(vessel.flags)},
            )
        )
    for node_id in sorted(vessel.listed_ids | vessel.owners):
        _coverage_findings(inv, node_id, w.graph.name(node_id))
    return inv


def _wallet(query: str) -> Investigation:
    inv = Investigation(query, "wallet")
    currency = recognise(query) or "XBT"
    exposure = selectors.wallet_exposure(query, currency=currency)
    if exposure.problem:
        inv.findings.append(Finding(query, "wallet", translated(exposure.problem)))
        return inv
    if exposure.listed_holder:
        inv.findings.append(
            Finding(
                query,
                "listed",
                gettext("listed address of %(holder)s")
                % {"holder": selectors.world().graph.name(exposure.listed_holder)},
                entity=exposure.listed_holder,
            )
        )
        if exposure.listed_holder in selectors.world().graph:
            inv.entities.append(exposure.listed_holder)
    for path in exposure.paths:
        inv.findings.append(
            Finding(
                query,
                "wallet",
                (
                    ngettext(
                        "received from a listed address %(hops)s hop away",
                        "received from a listed address %(hops)s hops away",
                        path.distance,
                    )
                    if path.direction == "incoming"
                    else ngettext(
                        "sent to a listed address %(hops)s hop away",
                        "sent to a listed address %(hops)s hops away",
                        path.distance,
                    )
                )
                % {"hops": path.distance},
                path.path_text(),
            )
        )
    return inv
