"""Every counterparty the platform knows is watched: one of each kind (a fund applicant, a grant recipient in the
registry, a party of a screened shipment file, an evidence perpetrator, a watch-list row) is collected by the
re-screen under its owner, with a reference that carries no name and a link to where its owner works."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.core.roles import Role
from hramada.evasion import services as evasion
from hramada.evidence.models import Perpetrator, PerpetratorKind
from hramada.monitoring import rescreen
from hramada.monitoring import services as monitoring
from hramada.registry import services as registry
from hramada.registry.models import Donor, DonorKind, DonorMember
from tests.evasion.conftest import demo_file
from tests.fund import factories
from tests.monitoring.conftest import watch_csv
from tests.registry.conftest import record_input

pytestmark = pytest.mark.django_db


def test_one_counterparty_of_each_owner_is_collected_with_its_owner_and_link(
    make_staff: Any, django_capture_on_commit_callbacks: Any
) -> None:
    application = factories.submitted(factories.programme(), contact_name="Hanna Kavalenka")
    donor = Donor.objects.create(name="Donor ec", slug="ec", kind=DonorKind.EU_INSTITUTION)
    coordinator = make_staff(Role.DONOR_COORDINATOR)
    DonorMember.objects.create(donor=donor, user=coordinator)
    registry.record_grant(donor, record_input(recipient_name="Viasna Human Rights Centre"), by=coordinator)
    analyst = make_staff(Role.SANCTIONS_ANALYST)
    shipments = evasion.screen_shipment_file(
        data=demo_file("shipments.csv"), file_name="ships.csv", by=analyst
    )
    perpetrator = Perpetrator.objects.create(
        name="Ivan Testavy", kind=PerpetratorKind.JUDGE, created_by=analyst
    )
    with django_capture_on_commit_callbacks(execute=True):
        monitoring.upload_watch_list(
            name="Suppliers",
            file_name="s.csv",
            data=watch_csv([("Minsk Tractor Works", "Company", "", "")]),
            by=analyst,
        )

    collected = rescreen.collect()
    by_owner: dict[str, list[str]] = {}
    for ref, owner in collected.owners.items():
        by_owner.setdefault(owner, []).append(ref)
    assert f"fund.application:{application.pk}:applicant" in by_owner["fund"]
    assert any(ref.startswith("registry.recipient:") for ref in by_owner["registry"])
    assert all(ref.startswith(f"evasion.shipment:{shipments.pk}:") for ref in by_owner["evasion"])
    assert by_owner["evasion"], "the shipment file's parties"
    assert f"evidence.perpetrator:{perpetrator.pk}" in by_owner["evidence"]
    assert any(ref.startswith("monitoring.watch:") for ref in by_owner["monitoring"])
    names = ("Hanna", "Kavalenka", "Viasna", "Testavy", "Tractor")
    for ref, party in collected.parties.items():
        assert not any(name.lower() in ref.lower() for name in names), "a reference never carries a name"
        assert party.url.startswith("/"), f"{ref} links to where its owner works"
    assert set(collected.counts) >= {"fund", "registry", "evasion", "evidence", "monitoring"}
