"""Overlap detection joins the records in the database: the flags it raises are exactly those of the plain
definition (every pair of records of different donors for one resolved recipient and theme, with overlapping
periods and similar purposes, cancelled records aside), merged recipients included."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from itertools import combinations
from typing import Any

import pytest

from hramada.registry import overlaps, services
from hramada.registry.models import GrantRecord, OverlapFlag, Recipient, RecordStatus
from tests.registry.conftest import record_input

pytestmark = pytest.mark.django_db

WORDS = ["safety", "training", "legal", "aid", "printing", "servers", "relocation", "stipends", "lawyers"]


def plain_definition(records: list[GrantRecord]) -> set[tuple[int, int, float, int]]:
    """Every pair, one by one, as the coordination view describes it."""
    found = set()
    for a, b in combinations(sorted(records, key=lambda r: r.pk), 2):
        if RecordStatus.CANCELLED in (a.status, b.status) or a.donor_id == b.donor_id or a.theme != b.theme:
            continue
        if a.recipient.resolved.pk != b.recipient.resolved.pk or a.start > b.end or b.start > a.end:
            continue
        score = overlaps.similarity(f"{a.title} {a.purpose}", f"{b.title} {b.purpose}")
        if score >= overlaps.SIMILARITY:
            days = (min(a.end, b.end) - max(a.start, b.start)).days + 1
            found.add((a.pk, b.pk, round(score, 3), days))
    return found


def test_flags_are_exactly_the_pairs_of_the_plain_definition(make_donor: Any, coordinator_of: Any) -> None:
    rng = random.Random(16)
    donors = [make_donor(slug) for slug in ("ec", "sida", "nef")]
    coordinators = {donor.pk: coordinator_of(donor) for donor in donors}
    for n in range(90):
        donor = rng.choice(donors)
        start = date(2024, 1, 1) + timedelta(days=rng.randrange(0, 700))
        services.record_grant(
            donor,
            record_input(
                identifier=f"G-{n}",
                recipient_name=f"Recipient {n % 7}",
                recipient_registration=f"LT-{n % 7}",
                title=" ".join(rng.sample(WORDS, 2)),
                purpose=" ".join(rng.sample(WORDS, 3)),
                amount=Decimal("1000.00"),
                award_date=start,
                start=start,
                end=start + timedelta(days=rng.randrange(0, 400)),
                theme=rng.choice(["media", "legal"]),
                status=RecordStatus.CANCELLED if n % 11 == 0 else RecordStatus.ACTIVE,
            ),
            by=coordinators[donor.pk],
        )
    # Two confirmed merges: recipients 1 and 2 into 0, recipient 4 into 3.
    first = list(Recipient.objects.order_by("pk"))
    Recipient.objects.filter(pk__in=[first[1].pk, first[2].pk]).update(canonical=first[0])
    Recipient.objects.filter(pk=first[4].pk).update(canonical=first[3])

    records = list(GrantRecord.objects.select_related("recipient__canonical"))
    expected = plain_definition(records)
    assert overlaps.detect() == len(expected)
    flagged = {
        (f.record_a_id, f.record_b_id, f.similarity, f.overlap_days) for f in OverlapFlag.objects.all()
    }
    assert flagged == expected
    # The data set reaches every condition: pairs found through a merge, and pairs the purposes alone keep apart.
    by_pk = {r.pk: r for r in records}
    assert any(by_pk[a].recipient_id != by_pk[b].recipient_id for a, b, _s, _d in expected)
    plain_without_purpose = {
        (a.pk, b.pk)
        for a, b in combinations(records, 2)
        if a.recipient.resolved.pk == b.recipient.resolved.pk
        and a.theme == b.theme
        and a.donor_id != b.donor_id
    }
    assert len(plain_without_purpose) > len(expected) > 0


def test_a_cancelled_record_and_a_record_of_the_same_donor_are_never_paired(
    make_donor: Any, coordinator_of: Any
) -> None:
    ec, sida = make_donor("ec"), make_donor("sida")
    services.record_grant(
        ec, record_input(identifier="e1", recipient_registration="R1"), by=coordinator_of(ec)
    )
    services.record_grant(
        ec, record_input(identifier="e2", recipient_registration="R1"), by=coordinator_of(ec)
    )
    services.record_grant(
        sida,
        record_input(identifier="s1", recipient_registration="R1", status=RecordStatus.CANCELLED),
        by=coordinator_of(sida),
    )
    assert overlaps.pairs() == []
