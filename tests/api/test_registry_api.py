"""The registry in the JSON API: the caller's own records in full, other donors' at coordination level."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from hramada.core.models import ApiKey
from hramada.core.roles import Role
from hramada.registry import services
from hramada.registry.models import Donor, DonorMember
from tests.registry.conftest import record_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(make_staff: Any) -> tuple[str, Any, Any]:
    ec = Donor.objects.create(name="EC", slug="ec", kind="eu")
    sida = Donor.objects.create(name="Sida", slug="sida", kind="member_state")

    def coordinator_of(donor: Donor) -> Any:
        user = make_staff(Role.DONOR_COORDINATOR)
        DonorMember.objects.create(donor=donor, user=user)
        return user

    ec_user = coordinator_of(ec)
    own = services.record_grant(ec, record_input(identifier="EC-1"), by=ec_user)
    other = services.record_grant(
        sida, record_input(identifier="S-1", title="Secret title"), by=coordinator_of(sida)
    )
    _, raw = ApiKey.issue(owner=ec_user, name="reporting")
    return raw, own, other


def test_records_are_full_for_the_owner_and_coordination_level_for_others(client: Client, setup: Any) -> None:
    raw, own, other = setup
    body = client.get("/api/registry/records", HTTP_AUTHORIZATION=f"ApiKey {raw}").json()
    assert body["count"] == 2
    by_id = {r["id"]: r for r in body["results"]}
    assert by_id[own.pk]["level"] == "full" and by_id[own.pk]["amount"] == "100000.00"
    assert by_id[other.pk]["level"] == "coordination" and by_id[other.pk]["title"] is None
    assert by_id[other.pk]["amount_band_eur"] == "50k-250k"
    single = client.get(f"/api/registry/records/{other.pk}", HTTP_AUTHORIZATION=f"ApiKey {raw}").json()
    assert "Secret title" not in str(single)


def test_bad_parameters_and_unknown_records_get_clear_4xx(client: Client, setup: Any) -> None:
    raw, _own, _other = setup
    auth = {"HTTP_AUTHORIZATION": f"ApiKey {raw}"}
    assert client.get("/api/registry/records?limit=0", **auth).status_code == 422
    assert client.get("/api/registry/records?year=abc", **auth).status_code == 422
    assert client.get("/api/registry/records/999999", **auth).status_code == 404
    assert client.get("/api/registry/records").status_code == 401


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("offset=99999999999999999999", "offset"),
        ("offset=-1", "offset"),
        ("year=99999999999999999999", "year"),
        ("year=0", "year"),
    ],
)
def test_an_offset_or_year_out_of_range_is_422_naming_it(
    client: Client, setup: Any, query: str, named: str
) -> None:
    raw, _own, _other = setup
    response = client.get(f"/api/registry/records?{query}", HTTP_AUTHORIZATION=f"ApiKey {raw}")
    assert response.status_code == 422
    assert response.json()["detail"].startswith(f"{named}:")
