"""Recording incidents and observations through the pages: bad dates and coordinates get clear answers."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from hramada.evidence.models import Incident, Observation
from tests.conftest import sign_in_verified
from tests.evidence import factories

pytestmark = pytest.mark.django_db


def _incident(client: Any, cast: Any, **overrides: Any) -> Any:
    data = {
        "group": cast.group.pk,
        "kind": "arrest",
        "title": "Arrest",
        "date_start": "2021-03-01",
        "place_name": "Minsk",
        "latitude": "53.9",
        "longitude": "27.56",
    }
    data.update(overrides)
    return client.post(reverse("evidence:incident_new"), data)


def test_an_incident_is_recorded_and_shown(client: Any, cast: Any) -> None:
    sign_in_verified(client, cast.recorder)
    response = _incident(client, cast)
    assert response.status_code == 302
    assert Incident.objects.get().owner_group == cast.group


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"date_start": (timezone.localdate() + timedelta(days=3)).isoformat()}, "in the future"),
        ({"date_end": "2021-02-01"}, "ends before it starts"),
        ({"latitude": "-53.9"}, "outside the map"),
        ({"longitude": ""}, "both latitude and longitude"),
        ({"group": "999"}, "Select a valid choice"),
    ],
)
def test_bad_input_gets_a_clear_answer_and_saves_nothing(
    client: Any, cast: Any, overrides: Any, message: str
) -> None:
    sign_in_verified(client, cast.recorder)
    response = _incident(client, cast, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Incident.objects.exists()


def test_a_documenter_cannot_record_for_another_group(client: Any, cast: Any) -> None:
    sign_in_verified(client, cast.outsider)
    response = _incident(client, cast)
    assert response.status_code == 200 and not Incident.objects.exists()


def test_an_observation_in_the_future_is_refused(client: Any, cast: Any) -> None:
    sign_in_verified(client, cast.recorder)
    when = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        reverse("evidence:observation_new"),
        {
            "group": cast.group.pk,
            "kind": "rail",
            "observed_at": when,
            "place_name": "Asipovichy",
            "units_or_equipment": "Iskander-M",
            "count": "4",
        },
    )
    assert "in the future" in response.content.decode()
    assert not Observation.objects.exists()


def test_verification_records_who_and_how(client: Any, cast: Any) -> None:
    incident = factories.incident(cast.group, cast.recorder)
    sign_in_verified(client, cast.colleague)
    url = reverse("evidence:incident_add", args=[incident.pk, "verification"])
    client.post(url, {"status": "verified", "method": ""})
    incident.refresh_from_db()
    assert incident.verification == "reported"  # no method, no verification
    client.post(url, {"status": "verified", "method": "medical record and two witnesses"})
    incident.refresh_from_db()
    assert incident.verification == "verified" and incident.verified_by == cast.colleague


def test_the_map_draws_visible_records_without_script(client: Any, cast: Any) -> None:
    factories.incident(cast.group, cast.recorder)
    factories.incident(cast.other_group, cast.outsider, title="Hidden one")
    factories.observation(cast.group, cast.recorder)
    sign_in_verified(client, cast.recorder)
    page = client.get(reverse("evidence:map")).content.decode()
    assert "<svg" in page and "<script" not in page
    assert "Belarus" in page and "Arrest at a protest" in page and "Hidden one" not in page
    filtered = client.get(reverse("evidence:map"), {"kinds": "observation:rail"}).content.decode()
    assert "Iskander-M" in filtered and "Arrest at a protest" not in filtered.split("</svg>")[0]
    bad = client.get(reverse("evidence:map"), {"start": "2024-01-01", "end": "2023-01-01"})
    assert bad.status_code == 200 and "ends before it starts" in bad.content.decode()


@pytest.mark.parametrize(
    ("language", "names", "english"),
    [
        ("be", ["Беларусь", "Літва", "Косава"], "Lithuania"),
        ("ru", ["Беларусь", "Литва", "Косово"], "Lithuania"),
    ],
)
def test_the_map_names_the_countries_in_the_readers_language(
    client: Any, cast: Any, settings: Any, language: str, names: list[str], english: str
) -> None:
    sign_in_verified(client, cast.recorder)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    svg = client.get(reverse("evidence:map")).content.decode().split("</svg>")[0]
    titles = re.findall(r"<title>([^<]*)</title></path>", svg)
    assert all(name in titles for name in names) and english not in titles


def test_the_timeline_lists_by_month(client: Any, cast: Any) -> None:
    factories.incident(cast.group, cast.recorder, date_start=timezone.localdate().replace(day=1))
    sign_in_verified(client, cast.recorder)
    page = client.get(reverse("evidence:timeline")).content.decode()
    assert timezone.localdate().strftime("%Y-%m") in page and "Arrest at a protest" in page


def test_the_dashboard_panel_and_navigation_show_evidence(client: Any, cast: Any) -> None:
    factories.incident(cast.group, cast.recorder)
    sign_in_verified(client, cast.recorder)
    page = client.get(reverse("core:dashboard")).content.decode()
    assert "Incidents you may see: 1" in page
    assert reverse("evidence:register") in page and reverse("evidence:map") in page
