"""Fixtures of the registry tests: donors with their coordinators, and a builder of record inputs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from hramada.core.roles import Role
from hramada.registry.models import Donor, DonorKind, DonorMember
from hramada.registry.rows import RecordInput


@pytest.fixture
def make_donor(db: Any) -> Callable[..., Donor]:
    def build(slug: str = "ec", kind: str = DonorKind.EU_INSTITUTION, iati: str = "") -> Donor:
        return Donor.objects.create(name=f"Donor {slug}", slug=slug, kind=kind, iati_org_id=iati)

    return build


@pytest.fixture
def coordinator_of(make_staff: Callable[..., Any]) -> Callable[..., Any]:
    def build(donor: Donor) -> Any:
        user = make_staff(Role.DONOR_COORDINATOR)
        DonorMember.objects.create(donor=donor, user=user)
        return user

    return build


def record_input(**overrides: Any) -> RecordInput:
    values: dict[str, Any] = {
        "identifier": "G-1",
        "recipient_name": "Беларуская асацыяцыя журналістаў",
        "title": "Safety of journalists",
        "purpose": "Legal aid and safety training for journalists",
        "amount": Decimal("100000.00"),
        "currency": "EUR",
        "award_date": date(2025, 3, 3),
        "start": date(2025, 3, 3),
        "end": date(2026, 3, 2),
        "theme": "media",
        "geography": "LT",
    }
    values.update(overrides)
    return RecordInput(**values)
