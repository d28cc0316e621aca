"""Storing deltas, at import time: the delta into a new snapshot, and out of it when it arrived late."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone

from hramada.sanctions.deltas import Members, compare, party_changes
from hramada.sanctions.models import (
    Delta,
    DeltaParty,
    Snapshot,
)
from hramada.sanctions.selectors import latest_snapshot, snapshot_order_key

# The members of the snapshots imported last by this process (a few at most), so the next publication's delta
# does not read the previous snapshot back. Filled only once the import has committed; keyed by id and import
# time, so a database emptied and filled again (ids reused) never meets an old entry.
_RECENT_MEMBERS: dict[tuple[int, Any], Members] = {}
_RECENT_LIMIT = 4


def remember_members(snapshot: Snapshot, members: Members) -> None:
    def keep() -> None:
        _RECENT_MEMBERS[(snapshot.pk, snapshot.imported_at)] = members
        while len(_RECENT_MEMBERS) > _RECENT_LIMIT:
            _RECENT_MEMBERS.pop(next(iter(_RECENT_MEMBERS)))

    transaction.on_commit(keep)


def compute_delta(old: Snapshot | None, new: Snapshot, *, members: Members | None = None) -> Delta:
    """Compute and store the delta from ``old`` to ``new`` (``old`` None: everything in ``new`` is added).
    ``members``: those of ``new``, when the caller holds them."""
    before = _RECENT_MEMBERS.get((old.pk, old.imported_at)) if old is not None else None
    comparison = compare(old, new, before=before, after=members)
    content = comparison.content
    parties = party_changes(old, new, comparison)
    counts = {change: sum(p.change == change for p in parties) for change in DeltaParty.Change.values}
    delta, _ = Delta.objects.update_or_create(
        old=old,
        new=new,
        defaults={
            "source_id": new.source_id,
            "added": content.added,
            "removed": content.removed,
            "amended": content.amended,
            "added_count": len(content.added),
            "removed_count": len(content.removed),
            "amended_count": len(content.amended),
            "parties_added": counts[DeltaParty.Change.ADDED],
            "parties_removed": counts[DeltaParty.Change.REMOVED],
            "parties_amended": counts[DeltaParty.Change.AMENDED],
            "computed_at": timezone.now(),
        },
    )
    DeltaParty.objects.filter(delta=delta).delete()
    DeltaParty.objects.bulk_create((party.as_model(delta) for party in parties), batch_size=500)
    return delta


def store_missing_party_rows(say: Callable[[str], None] | None = None) -> int:
    """Deltas stored before changes were counted by listed party get their party rows (idempotent; nothing to
    do on a database imported by this version). Returns how many deltas were completed."""
    pending = list(Delta.objects.filter(parties_added__isnull=True).select_related("old", "new"))
    for delta in pending:
        compute_delta(delta.old, delta.new)
    if pending and say is not None:
        say(f"Sanctions: {len(pending)} stored deltas now counted by listed party.")
    return len(pending)


def refresh_deltas(snapshot: Snapshot, *, members: Members | None = None) -> Delta:
    """The delta from the previous accepted snapshot to this one, and (for an accepted one) from this one to the
    next accepted one if it came in late or was confirmed later."""
    previous = latest_snapshot(snapshot.source.key, before=snapshot)
    delta = compute_delta(previous, snapshot, members=members)
    if snapshot.status != Snapshot.Status.ACCEPTED:
        return delta
    newer = sorted(
        Snapshot.objects.filter(source=snapshot.source, status=Snapshot.Status.ACCEPTED).exclude(
            pk=snapshot.pk
        ),
        key=snapshot_order_key,
    )
    following = [s for s in newer if snapshot_order_key(s) > snapshot_order_key(snapshot)]
    if following:
        compute_delta(snapshot, following[0])
    return delta
