"""The demo (bootstrap step evidence.demo) loads every part of the app and is idempotent."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.core.models import RoleGrant, User
from hramada.core.roles import AccountKind, Role
from hramada.evidence import custody, demo
from hramada.evidence.models import Dossier, EvidenceFile, Incident, Observation, Prisoner, RecordChange

pytestmark = pytest.mark.django_db


def test_demo_loads_everything_once_and_administrators_see_it(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    admin = User.objects.create_user(username="admin", kind=AccountKind.STAFF)
    RoleGrant.objects.create(user=admin, role=Role.ADMINISTRATOR)
    RoleGrant.objects.create(user=admin, role=Role.DOCUMENTER)
    said: list[str] = []
    demo.load(said.append)
    demo.load(said.append)
    assert said[-1].strip() == "demo evidence already loaded"
    assert Incident.objects.count() == 8 and Observation.objects.count() == 5
    assert Prisoner.objects.count() == 60 and Dossier.objects.count() == 1
    assert EvidenceFile.objects.filter(role="stripped").count() == 1
    assert custody.verify_all()[1] == []
    assert {"place_name", "description"} <= set(RecordChange.objects.values_list("field", flat=True))
    from hramada.evidence.access import visible

    assert visible(Incident, admin).count() == 8


def test_every_evidence_page_opens_on_the_demo_data(client: Any, settings: Any, tmp_path: Any) -> None:
    from django.urls import reverse
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hramada.evidence.models import EvidenceItem, Perpetrator
    from tests.conftest import sign_in_verified

    settings.MEDIA_ROOT = tmp_path
    admin = User.objects.create_user(username="admin", kind=AccountKind.STAFF)
    RoleGrant.objects.bulk_create(RoleGrant(user=admin, role=role) for role in Role)
    TOTPDevice.objects.create(user=admin, name="app", confirmed=True)
    demo.load(lambda _line: None)
    sign_in_verified(client, admin)
    urls = [
        reverse(f"evidence:{name}")
        for name in (
            "overview",
            "map",
            "timeline",
            "register",
            "register_charts",
            "candidates",
            "perpetrators",
            "incident_new",
            "observation_new",
            "item_new",
            "prisoner_new",
            "register_import",
        )
    ]
    urls += [reverse("evidence:incident", args=[i.pk]) for i in Incident.objects.all()]
    urls += [reverse("evidence:incident_edit", args=[i.pk]) for i in Incident.objects.all()]
    urls += [reverse("evidence:observation", args=[o.pk]) for o in Observation.objects.all()]
    urls += [reverse("evidence:observation_edit", args=[o.pk]) for o in Observation.objects.all()]
    urls += [reverse("evidence:item", args=[i.pk]) for i in EvidenceItem.objects.all()]
    urls += [reverse("evidence:perpetrator", args=[p.pk]) for p in Perpetrator.objects.all()]
    urls += [reverse("evidence:dossier", args=[d.pk]) for d in Dossier.objects.all()]
    urls += [reverse("evidence:prisoner", args=[p.pk]) for p in Prisoner.objects.all()[:5]]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    assert (
        client.get(reverse("evidence:map")).content.decode().count("<circle") >= 13
    )  # 8 incidents, 5 sightings
    dossier = Dossier.objects.get()
    assert client.post(reverse("evidence:dossier_export", args=[dossier.pk, "pdf"])).content.startswith(
        b"%PDF"
    )
