"""Fixtures of the rapid-response tests: a drafting analyst, a legal reviewer, an approving analyst, an
administrator, and an evidence dossier the drafter may read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from hramada.core.roles import Role
from hramada.sanctions import live_index


@dataclass
class Team:
    drafter: Any
    reviewer: Any
    approver: Any
    admin: Any
    dossier: Any
    incident: Any


@pytest.fixture(autouse=True)
def fresh_index(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    live_index.reset_screening_index()
    yield
    live_index.reset_screening_index()


@pytest.fixture
def team(make_staff: Callable[..., Any]) -> Team:
    from hramada.evidence.models import (
        Degree,
        DocumenterGroup,
        Dossier,
        Incident,
        IncidentKind,
        Involvement,
        Perpetrator,
        PerpetratorKind,
        Verification,
    )

    drafter = make_staff(Role.SANCTIONS_ANALYST, Role.DOCUMENTER, username="drafter")
    reviewer = make_staff(Role.LEGAL_REVIEWER, username="reviewer")
    approver = make_staff(Role.SANCTIONS_ANALYST, username="approver")
    admin = make_staff(Role.ADMINISTRATOR, username="admin")
    group = DocumenterGroup.objects.create(name="Team")
    group.members.add(drafter)
    judge = Perpetrator.objects.create(
        name="Ivan Testavy",
        kind=PerpetratorKind.JUDGE,
        position="Judge of the Leninski district court",
        birth_date=date(1970, 3, 4),
        created_by=drafter,
    )
    incident = Incident.objects.create(
        kind=IncidentKind.PROSECUTION,
        title="Sentence against peaceful protesters",
        date_start=date(2025, 5, 1),
        place_name="Minsk",
        verification=Verification.VERIFIED,
        owner_group=group,
        recorded_by=drafter,
    )
    Involvement.objects.create(incident=incident, perpetrator=judge, degree=Degree.DIRECT)
    dossier = Dossier.objects.create(
        perpetrator=judge,
        owner_group=group,
        created_by=drafter,
        statement_of_reasons="Handed down politically motivated sentences against peaceful protesters.",
    )
    return Team(drafter, reviewer, approver, admin, dossier, incident)


@pytest.fixture
def from_dossier(team: Team) -> Any:
    from hramada.rapid import services

    return services.start_proposal(
        by=team.drafter,
        origin="dossier",
        trigger_kind="arrests",
        triggered_at=timezone.now() - timedelta(days=3),
        subject={"name_be": "Іван Тэставы", "name_ru": "Иван Тестовый"},
        dossier_id=team.dossier.pk,
    )
