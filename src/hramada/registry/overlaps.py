"""Possible double funding: two records of different donors for the same resolved recipient, over overlapping
periods, for a similar purpose. Found by grouping records by resolved recipient (so the work grows with the
size of each recipient's portfolio, not with the square of the registry), flagged once, decided once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from rapidfuzz import fuzz

from hramada.core import audit
from hramada.registry.models import Decision, GrantRecord, OverlapFlag, RecordStatus
from hramada.registry.services import RegistryError, member_donor_ids

SIMILARITY = 0.6


@dataclass(frozen=True)
class Candidate:
    pk: int
    donor: int
    recipient: int
    theme: str
    start: date
    end: date
    text: str


def similarity(a: str, b: str) -> float:
    """Token-set similarity of two purposes, in [0, 1]: word order and extra words do not count against it."""
    return fuzz.token_set_ratio(a.casefold(), b.casefold()) / 100.0


def find_pairs(candidates: list[Candidate]) -> list[tuple[Candidate, Candidate, float, int]]:
    """Pairs of records of different donors for the same resolved recipient and theme whose periods overlap and
    whose purposes are similar. The pairs come from a self-join in an in-memory DuckDB on (recipient, theme), so
    the work grows with each recipient's portfolio, not with the square of the registry; the purposes of the
    joined pairs are then compared in one call to rapidfuzz (C, every core)."""
    import duckdb
    import numpy as np
    from rapidfuzz.process import cpdist

    if len(candidates) < 2:
        return []
    n = len(candidates)
    themes = {t: k for k, t in enumerate(sorted({c.theme for c in candidates}))}

    def column(name: str) -> Any:
        return np.fromiter(map(attrgetter(name), candidates), np.int64, n)

    def days(name: str) -> Any:
        return np.fromiter(map(date.toordinal, map(attrgetter(name), candidates)), np.int64, n)

    table = {
        "i": np.arange(n, dtype=np.int64),
        "recipient": column("recipient"),
        "theme": np.fromiter(map(themes.__getitem__, map(attrgetter("theme"), candidates)), np.int64, n),
        "donor": column("donor"),
        "s": days("start"),
        "e": days("end"),
    }
    connection = duckdb.connect(":memory:")
    try:
        connection.register("records", table)
        left, right = (
            connection.execute(
                "SELECT a.i, b.i FROM records a JOIN records b ON a.recipient = b.recipient "
                "AND a.theme = b.theme AND a.i < b.i AND a.donor <> b.donor AND a.s <= b.e AND b.s <= a.e "
                "ORDER BY a.i, b.i"
            )
            .fetchnumpy()
            .values()
        )
    finally:
        connection.close()
    if not len(left):
        return []
    texts = np.array([c.text for c in candidates], dtype=object)
    scores = cpdist(
        [t.casefold() for t in texts[left]],
        [t.casefold() for t in texts[right]],
        scorer=fuzz.token_set_ratio,
        workers=-1,
    )
    keep = np.flatnonzero(scores >= SIMILARITY * 100)
    found = []
    for i, j, score in zip(
        left[keep].tolist(), right[keep].tolist(), (scores[keep] / 100).tolist(), strict=True
    ):
        a, b = candidates[i], candidates[j]
        first, second = (a, b) if a.pk < b.pk else (b, a)
        found.append((first, second, score, (min(a.end, b.end) - max(a.start, b.start)).days + 1))
    return found


def candidates() -> list[Candidate]:
    """Every record that is not cancelled, as a `Candidate`. Read through the cursor: Django's per-value
    conversion of nine columns was most of the report's time over a million records (23 s of 29 s on the shared
    machine); SQLite gives dates as ISO text, PostgreSQL as dates."""
    from django.db import connections, router

    query = GrantRecord.objects.exclude(status=RecordStatus.CANCELLED).values_list(
        "pk",
        "donor_id",
        "recipient_id",
        "recipient__canonical_id",
        "theme",
        "start",
        "end",
        "title",
        "purpose",
    )
    sql, params = query.order_by().query.sql_with_params()
    out: list[Candidate] = []
    with connections[router.db_for_read(GrantRecord)].cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(10_000):
            out.extend(
                Candidate(
                    pk,
                    donor,
                    canonical or recipient,
                    theme,
                    _day(start),
                    _day(end),
                    f"{title} {purpose}",
                )
                for pk, donor, recipient, canonical, theme, start, end, title, purpose in rows
            )
    return out


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def detect() -> int:
    """Flag every pair not flagged before; decided flags stay as decided. Returns the number of new flags."""
    pairs = find_pairs(candidates())
    known = set(OverlapFlag.objects.values_list("record_a_id", "record_b_id"))
    new = [
        OverlapFlag(record_a_id=a.pk, record_b_id=b.pk, similarity=round(score, 3), overlap_days=days)
        for a, b, score, days in pairs
        if (a.pk, b.pk) not in known
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
