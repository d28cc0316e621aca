"""Storing deltas, at import time: the delta into a new snapshot, and out of it when it arrived late."""

from __future__ import annotations

from django.utils import timezone

from hramada.sanctions.deltas import diff_snapshots
from hramada.sanctions.models import (
    Delta,
    Snapshot,
)
from hramada.sanctions.selectors import latest_snapshot, snapshot_order_key


def compute_delta(old: Snapshot | None, new: Snapshot) -> Delta:
    """Compute and store the delta from ``old`` to ``new`` (``old`` None: everything in ``new`` is added)."""
    content = diff_snapshots(old, new)
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
            "computed_at": timezone.now(),
        },
    )
    return delta


def refresh_deltas(snapshot: Snapshot) -> Delta:
    """The delta from the previous accepted snapshot to this one, and (for an accepted one) from this one to the
    next accepted one if it came in late or was confirmed later."""
    previous = latest_snapshot(snapshot.source.key, before=snapshot)
    delta = compute_delta(previous, snapshot)
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
