"""Evasion's counterparties for the monitoring of list changes: the parties (shipper, consignee, notify party,
carrier) of every screened shipment file, each distinct name once per file."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from django.urls import reverse

from hramada.core.counterparties import Counterparty, open_for_batch
from hramada.evasion.models import ShipmentResults, ShipmentScreening


def _rows(screening: ShipmentScreening) -> Iterator[dict[str, Any]]:
    """The result rows, sealed at rest, opened for this run only (the watcher audits how many it opened)."""
    for part in ShipmentResults.objects.filter(screening=screening).order_by("number").iterator(chunk_size=4):
        yield from open_for_batch(part, "rows") or []


def evasion_counterparties() -> Iterator[Counterparty]:
    for screening in ShipmentScreening.objects.order_by("pk").iterator(chunk_size=50):
        names: dict[str, set[str]] = {}
        for row in _rows(screening):
            for role, name in (row.get("parties") or {}).items():
                if isinstance(name, str) and name.strip():
                    names.setdefault(name.strip(), set()).add(str(role))
        url = reverse("evasion:shipment_result", args=[screening.pk])
        for name, roles in sorted(names.items()):
            # The reference must not carry the name: a short digest of it tells the parties of one file apart.
            key = hashlib.sha256(name.casefold().encode("utf-8")).hexdigest()[:16]
            yield Counterparty(
                ref=f"evasion.shipment:{screening.pk}:{key}",
                names=(name,),
                schema="LegalEntity",
                purpose="shipments",
                label=f"{screening.file_name} · {', '.join(sorted(roles))}",
                url=url,
                encrypted=True,
            )
