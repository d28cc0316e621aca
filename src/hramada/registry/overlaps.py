"""Possible double funding: two records of different donors for the same resolved recipient, over overlapping
periods, for a similar purpose. The database joins the records on (recipient, theme) with the period and donor
conditions (an index on those columns answers the join without reading the rows), so only the ids of the joined
pairs and the purposes of their records come into Python, where one rapidfuzz call compares the purposes; flagged
once, decided once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.db import connections, router, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from rapidfuzz import fuzz

from hramada.core import audit
from hramada.registry.models import Decision, GrantRecord, OverlapFlag, Recipient, RecordStatus
from hramada.registry.services import RegistryError, member_donor_ids

SIMILARITY = 0.6


@dataclass(frozen=True)
class Pair:
    """A possible double funding: records `a` < `b` (primary keys), their purposes' similarity and the days
    their periods share."""

    a: int
    b: int
    similarity: float
    overlap_days: int


def similarity(a: str, b: str) -> float:
    """Token-set similarity of two purposes, in [0, 1]: word order and extra words do not count against it."""
    return fuzz.token_set_ratio(a.casefold(), b.casefold()) / 100.0


# Two records are joined when they belong to one resolved recipient (`canonical`, else the recipient itself) and
# theme, overlap in time and come from different donors. The first part joins records of the same recipient row
# (the index on recipient, theme, start, end, donor, status answers it alone); the second joins records of
# different recipient rows resolved to one, which only recipients in a confirmed merge can be: their records are
# gathered first, from the merged recipients to their records (CROSS JOIN keeps SQLite to that order), into a
# small table both databases join to itself (MATERIALIZED), whatever their statistics say of the records: joined
# in one query, a freshly loaded PostgreSQL table led the planner to join every record of a theme to every other.
_JOIN = """
WITH merged AS MATERIALIZED (
    SELECT g.id, COALESCE(r.canonical_id, r.id) AS root, g.recipient_id, g.theme, g.start, g."end", g.donor_id
      FROM {recipient} r CROSS JOIN {record} g
     WHERE g.recipient_id = r.id AND (r.canonical_id IS NOT NULL
            OR r.id IN (SELECT canonical_id FROM {recipient} WHERE canonical_id IS NOT NULL))
       AND g.status <> %s
)
SELECT a.id, b.id FROM {record} a JOIN {record} b
    ON b.recipient_id = a.recipient_id AND b.theme = a.theme
   AND b.start <= a."end" AND a.start <= b."end" AND a.id < b.id AND a.donor_id <> b.donor_id
 WHERE a.status <> %s AND b.status <> %s
UNION ALL
SELECT a.id, b.id FROM merged a JOIN merged b
    ON b.root = a.root AND b.theme = a.theme AND b.recipient_id <> a.recipient_id
   AND b.start <= a."end" AND a.start <= b."end" AND a.id < b.id AND a.donor_id <> b.donor_id
"""


def pairs() -> list[Pair]:
    """Every pair of records that is a possible double funding, ordered by (a, b): same resolved recipient and
    theme, different donors, overlapping periods (ends included), purposes (title and purpose) at least
    `SIMILARITY` alike; cancelled records aside.

    The database joins the records; Python reads the joined ids and one pass of titles, purposes and periods
    (before, nine columns of every record were read and joined in DuckDB; figures in benchmarks/README.md)."""
    import numpy as np
    from rapidfuzz.process import cpdist

    connection = connections[router.db_for_read(GrantRecord)]
    record, recipient = (connection.ops.quote_name(m._meta.db_table) for m in (GrantRecord, Recipient))
    cancelled = RecordStatus.CANCELLED.value
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Compiling the join costs PostgreSQL more than it saves (a million records: 2.7 s without, 4.3 s
            # with JIT on the shared machine).
            cursor.execute("SET LOCAL jit = off")
        cursor.execute(_JOIN.format(record=record, recipient=recipient), [cancelled] * 3)
        joined = np.array(cursor.fetchall(), dtype=np.int64).reshape(-1, 2)
        if not len(joined):
            return []
        # The titles, purposes and periods of the joined records. PostgreSQL reads them in one pass over the
        # table (a million records, 650,000 of them joined: 1.8 s, against 3.6 s looking the ids up); SQLite looks
        # the ids up (1.7-2.0 CPU s against 2.5 for the pass), with the dates as text, which Django's converter
        # would otherwise parse one by one (2.7 s). One parameter holds every id: SQLite limits their number.
        if connection.vendor == "postgresql":
            period, where, params = 'start, "end"', "", []
        else:
            ends = np.sort(joined, axis=None)
            wanted = ends[np.flatnonzero(np.diff(ends, prepend=-1))].tolist()
            period = 'CAST(start AS TEXT), CAST("end" AS TEXT)'
            where, params = "id IN (SELECT value FROM json_each(%s)) AND ", [json.dumps(wanted)]
        sql = f"SELECT id, title, purpose, {period} FROM {record} WHERE {where}status <> %s"  # noqa: S608 - quoted name
        params.append(cancelled)
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not rows:
        return []
    ids = np.fromiter((row[0] for row in rows), np.int64, len(rows))
    by_id = np.argsort(ids)
    left = by_id[np.searchsorted(ids, joined[:, 0], sorter=by_id).clip(max=len(ids) - 1)]
    right = by_id[np.searchsorted(ids, joined[:, 1], sorter=by_id).clip(max=len(ids) - 1)]
    # A record changed or deleted between the two statements has no row: its pairs go.
    present = np.flatnonzero((ids[left] == joined[:, 0]) & (ids[right] == joined[:, 1]))
    joined, left, right = joined[present], left[present], right[present]
    texts = np.array([f"{title} {purpose}".casefold() for _pk, title, purpose, _s, _e in rows], dtype=object)
    scores = cpdist(texts[left], texts[right], scorer=fuzz.token_set_ratio, workers=-1)
    keep = np.flatnonzero(scores >= SIMILARITY * 100)
    keep = keep[np.lexsort((joined[keep, 1], joined[keep, 0]))]
    # The days two periods share, for the kept pairs at once: the periods as numpy days (SQLite's ISO text and
    # PostgreSQL's dates both convert in C), instead of four date conversions and a Python subtraction per pair.
    starts = np.array([row[3] for row in rows], dtype="datetime64[D]")
    ends_ = np.array([row[4] for row in rows], dtype="datetime64[D]")
    li, ri = left[keep], right[keep]
    days = (np.minimum(ends_[li], ends_[ri]) - np.maximum(starts[li], starts[ri])).astype(np.int64) + 1
    return [
        Pair(a, b, score, d)
        for a, b, score, d in zip(
            joined[keep, 0].tolist(),
            joined[keep, 1].tolist(),
            (scores[keep] / 100).tolist(),
            days.tolist(),
            strict=True,
        )
    ]


def detect() -> int:
    """Flag every pair not flagged before; decided flags stay as decided. Returns the number of new flags."""
    found = pairs()
    known = set(OverlapFlag.objects.values_list("record_a_id", "record_b_id"))
    new = [
        OverlapFlag(
            record_a_id=p.a, record_b_id=p.b, similarity=round(p.similarity, 3), overlap_days=p.overlap_days
        )
        for p in found
        if (p.a, p.b) not in known
    ]
    with transaction.atomic():
        OverlapFlag.objects.bulk_create(new, ignore_conflicts=True)
        if new:
            audit.record(action="registry.overlaps.detected", detail={"new": len(new)}, by=None)
    return len(new)


def flags_for(user: Any) -> Any:
    """Flags involving a donor the user acts for (auditors see all)."""
    qs = OverlapFlag.objects.select_related(
        "record_a__donor", "record_b__donor", "record_a__recipient", "record_b__recipient"
    ).order_by("status", "-similarity")
    from hramada.core.roles import Role

    if user.has_role(Role.AUDITOR, Role.ADMINISTRATOR):
        return qs
    donors = member_donor_ids(user)
    return qs.filter(Q(record_a__donor_id__in=donors) | Q(record_b__donor_id__in=donors))


def decide(flag: OverlapFlag, *, double_funding: bool, note: str, by: Any) -> OverlapFlag:
    """A coordinator of either donor decides: double funding confirmed, or complementary (not a duplicate)."""
    with transaction.atomic():
        flag = OverlapFlag.objects.select_for_update().select_related("record_a", "record_b").get(pk=flag.pk)
        donors = member_donor_ids(by)
        if by is not None and not {flag.record_a.donor_id, flag.record_b.donor_id} & donors:
            raise RegistryError(_("Only a coordinator of one of the two donors decides this flag."))
        if flag.status != Decision.OPEN:
            raise RegistryError(_("This flag was already decided."))
        flag.status = Decision.CONFIRMED if double_funding else Decision.REJECTED
        flag.note = note.strip()[:2000]
        flag.decided_by = by if getattr(by, "pk", None) else None
        flag.decided_at = timezone.now()
        flag.save()
        audit.record(
            action="registry.overlap.decided",
            target=flag,
            detail={"double_funding": double_funding, "records": [flag.record_a_id, flag.record_b_id]},
            by=by,
        )
    return flag
