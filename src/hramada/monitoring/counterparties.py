"""The watch lists' rows as counterparties (monitoring's own counterparty source).

A watch list may hold 100,000 rows; a re-screen run must not open them all each time. ``watch_list_stamps`` gives
every row's stamp from what is stored (a digest of its ciphertexts and plain columns), so the worker opens only the
rows it does not hold under the same stamp (``watch_list_counterparties(refs)``), in bulk, with the key ring loaded
once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterator
from typing import Any

from django.urls import reverse

from hramada.core.counterparties import Counterparty, SealedTextOpener
from hramada.core.sealed import Sealed
from hramada.monitoring.models import WatchListEntry

_COLUMNS = (
    "watch_list_id",
    "row",
    "watch_list__name",
    "name",
    "schema",
    "birth_date",
    "country",
    "identifier",
)


def _rows() -> Iterator[tuple[Any, ...]]:
    rows = (
        WatchListEntry.objects.filter(watch_list__active=True)
        .order_by("watch_list_id", "row")
        .values_list(*_COLUMNS)
    )
    yield from rows.iterator(chunk_size=5000)


def _ref(watch_list_id: int, row: int) -> str:
    return f"monitoring.watch:{watch_list_id}:{row}"


def _stored(value: Any) -> str:
    return value.ciphertext if isinstance(value, Sealed) else str(value or "")


def _stamp(name: Any, schema: str, birth_date: Any, country: str, identifier: Any) -> str:
    stored = "\x1f".join((_stored(name), schema, _stored(birth_date), country, _stored(identifier)))
    return hashlib.sha256(stored.encode("utf-8")).hexdigest()[:32]


def watch_list_stamps() -> Iterator[tuple[str, str]]:
    """``(ref, stamp)`` of every row of every active watch list, opening nothing."""
    for watch_list_id, row, _list_name, name, schema, birth_date, country, identifier in _rows():
        yield _ref(watch_list_id, row), _stamp(name, schema, birth_date, country, identifier)


def watch_list_counterparties(refs: Collection[str] | None = None) -> Iterator[Counterparty]:
    """The rows of the active watch lists (only those of ``refs`` when given), opened."""
    opener = SealedTextOpener()
    urls: dict[int, str] = {}
    for watch_list_id, row, list_name, name, schema, birth_date, country, identifier in _rows():
        ref = _ref(watch_list_id, row)
        if refs is not None and ref not in refs:
            continue
        if watch_list_id not in urls:
            urls[watch_list_id] = reverse("monitoring:watch_list", args=[watch_list_id])
        opened_identifier = opener(identifier) if identifier else ""
        yield Counterparty(
            ref=ref,
            names=(opener(name),),
            schema=schema,
            purpose="onboarding",
            birth_date=(opener(birth_date) or None) if birth_date else None,
            countries=(country,) if country else (),
            identifiers={"any": [opened_identifier]} if opened_identifier else {},
            label=f"{list_name} · {row}",
            url=urls[watch_list_id],
            encrypted=True,
            stamp=_stamp(name, schema, birth_date, country, identifier),
        )
