"""Per-record access on top of roles, deny by default: every record page is tried by every kind of user.
A record one may not see is a 404, as if it did not exist."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from hramada.evidence import access, services
from hramada.evidence.models import Incident, Source
from tests.conftest import sign_in_verified
from tests.evidence import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(cast: Any) -> dict[str, Any]:
    incident = factories.incident(cast.group, cast.recorder)
    observation = factories.observation(cast.group, cast.recorder)
    item = factories.upload(cast.group, cast.recorder, incident=incident)
    return {"incident": incident, "observation": observation, "item": item}


def _pages(records: dict[str, Any]) -> list[tuple[str, str]]:
    incident, observation, item = records["incident"], records["observation"], records["item"]
    source = incident.sources.get()
    return [
        ("get", reverse("evidence:incident", args=[incident.pk])),
        ("post", reverse("evidence:incident_reveal", args=[incident.pk])),
        ("post", reverse("evidence:incident_add", args=[incident.pk, "person"])),
        ("post", reverse("evidence:incident_add", args=[incident.pk, "person-correction"])),
        ("post", reverse("evidence:incident_share", args=[incident.pk])),
        ("get", reverse("evidence:incident_edit", args=[incident.pk])),
        ("post", reverse("evidence:incident_edit", args=[incident.pk])),
        ("post", reverse("evidence:source_reveal", args=[source.pk])),
        ("get", reverse("evidence:observation", args=[observation.pk])),
        ("post", reverse("evidence:observation_add", args=[observation.pk, "source"])),
        ("get", reverse("evidence:observation_edit", args=[observation.pk])),
        ("post", reverse("evidence:observation_edit", args=[observation.pk])),
        ("post", reverse("evidence:observation_reveal", args=[observation.pk])),
        ("get", reverse("evidence:item", args=[item.pk])),
        ("post", reverse("evidence:item_share", args=[item.pk])),
        ("post", reverse("evidence:item_bundle", args=[item.pk])),
        ("post", reverse("evidence:file_open", args=[item.original.pk])),
        ("post", reverse("evidence:file_strip", args=[item.original.pk])),
    ]


def test_another_groups_documenter_cannot_see_any_record_by_id(client: Any, cast: Any, records: Any) -> None:
    sign_in_verified(client, cast.outsider)
    for method, url in _pages(records):
        response = getattr(client, method)(url, {"purpose": "curious"})
        assert response.status_code == 404, f"{method} {url} answered {response.status_code}"
    assert records["item"].custody.count() == 1  # nothing was opened, copied or exported


def test_a_documenter_of_no_group_sees_nothing_until_shared_by_name(
    client: Any, cast: Any, records: Any
) -> None:
    sign_in_verified(client, cast.named)
    url = reverse("evidence:incident", args=[records["incident"].pk])
    assert client.get(url).status_code == 404
    services.share(record=records["incident"], by=cast.recorder, people=[cast.named])
    assert client.get(url).status_code == 200
    assert client.get(reverse("evidence:observation", args=[records["observation"].pk])).status_code == 404


def test_a_partner_organisation_member_sees_what_is_shared_with_the_partner(
    client: Any, cast: Any, records: Any
) -> None:
    sign_in_verified(client, cast.partner_member)
    url = reverse("evidence:item", args=[records["item"].pk])
    assert client.get(url).status_code == 404
    services.share_item(
        records["item"], by=cast.recorder, purpose="joint investigation", partners=[cast.partner]
    )
    assert client.get(url).status_code == 200


def test_every_record_is_visible_to_exactly_the_right_people(cast: Any, records: Any) -> None:
    services.share(record=records["incident"], by=cast.recorder, people=[cast.named])
    expected = {
        "recorder": True,
        "colleague": True,
        "outsider": False,
        "named": True,
        "partner_member": False,
        "auditor": True,
        "analyst": False,
    }
    for name, allowed in expected.items():
        user = getattr(cast, name)
        assert access.can_see(records["incident"], user) is allowed, name
        assert access.can_see(records["observation"], user) is (allowed and name != "named"), name


def test_auditors_read_but_never_change(cast: Any, records: Any) -> None:
    assert access.can_see(records["incident"], cast.auditor)
    assert not access.can_change(records["incident"], cast.auditor)
    with pytest.raises(services.EvidenceError):
        services.add_person(incident=records["incident"], role="victim", name="X", by=cast.auditor)


def test_a_sources_identity_is_for_its_recorder_and_those_shared_with(cast: Any, records: Any) -> None:
    source = Source.objects.get(incident=records["incident"])
    assert access.can_see_source_identity(source, cast.recorder)
    assert not access.can_see_source_identity(source, cast.colleague)  # same group, not the recorder
    assert not access.can_see_source_identity(source, cast.auditor)
    assert not access.can_see_source_identity(source, cast.named)
    services.share(record=records["incident"], by=cast.recorder, people=[cast.named])
    assert access.can_see_source_identity(source, cast.named)


def test_a_colleague_cannot_reveal_a_source_identity_by_url(client: Any, cast: Any, records: Any) -> None:
    source = Source.objects.get(incident=records["incident"])
    sign_in_verified(client, cast.colleague)
    url = reverse("evidence:source_reveal", args=[source.pk])
    assert client.post(url, {"purpose": "curious"}).status_code == 404
    page = client.get(reverse("evidence:incident", args=[records["incident"].pk])).content.decode()
    assert factories.SOURCE not in page
    client.logout()
    sign_in_verified(client, cast.recorder)
    response = client.post(url, {"purpose": "call back"})
    assert response.status_code == 200 and factories.SOURCE in response.content.decode()


def test_lists_show_only_visible_records(client: Any, cast: Any, records: Any) -> None:
    factories.incident(cast.other_group, cast.outsider, title="Other team's incident")
    sign_in_verified(client, cast.recorder)
    page = client.get(reverse("evidence:overview")).content.decode()
    assert "Arrest at a protest" in page and "Other team&#x27;s incident" not in page
    assert Incident.objects.count() == 2
