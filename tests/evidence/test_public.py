"""The evidence app's door for other apps: dossiers only for those who may read them, evidence labels only for
what the reader may see, and monthly counts that add up to the register."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from hramada.evidence import public
from hramada.evidence.models import (
    Dossier,
    Incident,
    IncidentKind,
    Observation,
    ObservationKind,
    Perpetrator,
    PerpetratorKind,
    Prisoner,
    PrisonerStatus,
)

pytestmark = pytest.mark.django_db

MONTHS = public.month_starts(date(2025, 1, 1), date(2025, 4, 1))


def test_a_dossier_is_read_only_by_its_group_and_auditors(cast: Any) -> None:
    judge = Perpetrator.objects.create(name="Judge J", kind=PerpetratorKind.JUDGE, created_by=cast.recorder)
    dossier = Dossier.objects.create(
        perpetrator=judge,
        owner_group=cast.group,
        created_by=cast.recorder,
        statement_of_reasons="Sentenced critics.",
    )
    assert [d.id for d in public.dossiers_for(cast.colleague)] == [dossier.pk]
    assert public.dossiers_for(cast.outsider) == []
    assert public.dossier_brief(dossier.pk, by=cast.outsider, purpose="test") is None
    brief = public.dossier_brief(dossier.pk, by=cast.auditor, purpose="test")
    assert brief is not None and brief.statement == "Sentenced critics." and brief.name == "Judge J"


def test_an_evidence_label_is_given_only_for_a_visible_record(cast: Any) -> None:
    incident = Incident.objects.create(
        kind=IncidentKind.ARREST,
        title="Arrest at a concert",
        date_start=date(2025, 2, 3),
        place_name="Minsk",
        owner_group=cast.group,
        recorded_by=cast.recorder,
    )
    ref = public.evidence_label("incident", incident.pk, by=cast.recorder)
    assert ref is not None and "Arrest at a concert" in ref.label
    assert public.evidence_label("incident", incident.pk, by=cast.outsider) is None
    assert public.evidence_label("nonsense", incident.pk, by=cast.recorder) is None


def test_monthly_counts_follow_the_register(cast: Any) -> None:
    Prisoner.objects.create(name="A", detained_on=date(2024, 12, 5))
    Prisoner.objects.create(name="B", detained_on=date(2025, 2, 10))
    Prisoner.objects.create(
        name="C", detained_on=date(2025, 1, 2), status=PrisonerStatus.RELEASED, ended_on=date(2025, 3, 15)
    )
    rows = public.prisoner_months(MONTHS)
    assert [(r.held, r.ended, r.detained) for r in rows] == [(2, 0, 1), (3, 0, 1), (2, 1, 0), (2, 0, 0)]
    for day, kind in ((date(2025, 2, 1), IncidentKind.ARREST), (date(2025, 2, 20), IncidentKind.ARREST)):
        Incident.objects.create(
            kind=kind,
            title="t",
            date_start=day,
            place_name="p",
            owner_group=cast.group,
            recorded_by=cast.recorder,
        )
    assert public.incidents_per_month(MONTHS)[IncidentKind.ARREST] == [0, 2, 0, 0]
    Observation.objects.create(
        kind=ObservationKind.RAIL,
        observed_at=datetime(2025, 4, 2, 10, tzinfo=UTC),
        place_name="Orsha",
        units_or_equipment="tanks",
        owner_group=cast.group,
        recorded_by=cast.recorder,
    )
    assert public.observations_per_month(MONTHS) == [0, 0, 0, 1]
    assert "<svg" in public.trend_chart(MONTHS, [("held", [r.held for r in rows])], "Held")
