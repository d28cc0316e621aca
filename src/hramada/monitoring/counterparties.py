"""The watch lists' rows as counterparties (monitoring's own counterparty source)."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse

from hramada.core.counterparties import Counterparty, open_for_batch
from hramada.monitoring.models import WatchListEntry


def watch_list_counterparties() -> Iterator[Counterparty]:
    entries = (
        WatchListEntry.objects.filter(watch_list__active=True)
        .select_related("watch_list")
        .order_by("watch_list_id", "row")
    )
    for entry in entries.iterator(chunk_size=5000):
        identifier = open_for_batch(entry, "identifier") if entry.identifier else ""
        yield Counterparty(
            ref=entry.ref,
            names=(open_for_batch(entry, "name"),),
            schema=entry.schema,
            purpose="onboarding",
            birth_date=(open_for_batch(entry, "birth_date") or None) if entry.birth_date else None,
            countries=(entry.country,) if entry.country else (),
            identifiers={"any": [identifier]} if identifier else {},
            label=f"{entry.watch_list.name} · {entry.row}",
            url=reverse("monitoring:watch_list", args=[entry.watch_list_id]),
            encrypted=True,
        )
