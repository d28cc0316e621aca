"""Incidents, observations and register entries can be corrected after they were recorded: every change is kept
in the record's history (who, when, before, after), earlier encrypted texts stay encrypted, every change is
audited, and the record's own access still holds (404 to other groups, auditors read only)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from hramada.core.models import AuditEntry
from hramada.evidence import services
from hramada.evidence.models import Incident, Observation, PrisonerChange, RecordChange
from tests.conftest import sign_in_verified
from tests.evidence import factories
from tests.evidence.test_privacy import _dump

pytestmark = pytest.mark.django_db

OLD_DESCRIPTION = "Detained at Pushkinskaya by masked men, beaten in the van."
NEW_DESCRIPTION = "Detained at Pushkinskaya by OMON officers, beaten in the van and at Akrestsina."


def _edit_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "kind": "detention",
        "title": "Detention after a protest",
        "date_start": "2020-08-10",
        "date_end": "2020-08-13",
        "place_name": "Minsk, Akrestsina street",
        "latitude": "53.86",
        "longitude": "27.47",
        "description": "",
    }
    data.update(overrides)
    return data


def test_a_documenter_corrects_an_incident_and_the_history_says_who_changed_what(
    client: Any, cast: Any
) -> None:
    incident = factories.incident(cast.group, cast.recorder)
    sign_in_verified(client, cast.colleague)
    url = reverse("evidence:incident_edit", args=[incident.pk])
    page = client.get(url).content.decode()
    assert 'value="Arrest at a protest"' in page and 'value="2020-08-10"' in page
    response = client.post(url, _edit_data())
    assert response.status_code == 302
    incident.refresh_from_db()
    assert (incident.kind, incident.title, incident.date_end) == (
        "detention",
        "Detention after a protest",
        date(2020, 8, 13),
    )
    changes = {c.field: c for c in incident.changes.all()}
    assert set(changes) == {"kind", "title", "date_end", "place_name", "latitude", "longitude"}
    assert (changes["title"].old, changes["title"].new) == (
        "Arrest at a protest",
        "Detention after a protest",
    )
    assert all(c.by == cast.colleague for c in changes.values())
    entry = AuditEntry.objects.filter(action="evidence.incident.changed").get()
    assert sorted(entry.detail["fields"]) == sorted(changes) and entry.actor == cast.colleague
    shown = client.get(reverse("evidence:incident", args=[incident.pk])).content.decode()
    assert "History of changes" in shown and "Arrest at a protest" in shown and "colleague" in shown


def test_an_empty_encrypted_field_keeps_its_text_and_a_new_one_keeps_the_old_encrypted(
    client: Any, cast: Any
) -> None:
    incident = factories.incident(cast.group, cast.recorder, description=OLD_DESCRIPTION)
    sign_in_verified(client, cast.recorder)
    url = reverse("evidence:incident_edit", args=[incident.pk])
    assert OLD_DESCRIPTION not in client.get(url).content.decode()  # never shown in an edit form
    client.post(url, _edit_data())
    assert not incident.changes.filter(field="description").exists()
    client.post(url, _edit_data(description=NEW_DESCRIPTION))
    change = incident.changes.get(field="description")
    assert change.old == "" and change.new == ""  # nothing in the plain columns
    incident.refresh_from_db()
    assert incident.reveal("description", by=cast.recorder, purpose="test") == NEW_DESCRIPTION
    dump = _dump()
    assert OLD_DESCRIPTION not in dump and NEW_DESCRIPTION not in dump
    # The earlier text is read back only through the audited reveal, with a purpose.
    before = AuditEntry.objects.filter(action="personal_data.read").count()
    page = client.post(reverse("evidence:incident_reveal", args=[incident.pk]), {"purpose": "court file"})
    text = page.content.decode()
    assert OLD_DESCRIPTION in text and NEW_DESCRIPTION in text
    assert AuditEntry.objects.filter(action="personal_data.read").count() >= before + 3


def test_a_correction_with_bad_dates_or_coordinates_is_refused_and_changes_nothing(
    client: Any, cast: Any
) -> None:
    incident = factories.incident(cast.group, cast.recorder)
    sign_in_verified(client, cast.recorder)
    url = reverse("evidence:incident_edit", args=[incident.pk])
    for bad, message in (
        ({"date_end": "2020-08-01"}, "ends before it starts"),
        ({"date_start": "2999-01-01", "date_end": ""}, "in the future"),
        ({"latitude": "-53.86"}, "outside the map"),
    ):
        response = client.post(url, _edit_data(**bad))
        assert response.status_code == 200 and message in response.content.decode()
    assert Incident.objects.get(pk=incident.pk).title == "Arrest at a protest"
    assert not RecordChange.objects.exists()


def test_other_groups_and_auditors_cannot_correct_a_record(client: Any, cast: Any) -> None:
    incident = factories.incident(cast.group, cast.recorder)
    observation = factories.observation(cast.group, cast.recorder)
    for user in (cast.outsider, cast.auditor):
        sign_in_verified(client, user)
        for url in (
            reverse("evidence:incident_edit", args=[incident.pk]),
            reverse("evidence:observation_edit", args=[observation.pk]),
        ):
            assert client.post(url, _edit_data()).status_code in (403, 404)
    with pytest.raises(services.EvidenceError):
        services.change_incident(incident=incident, values={"title": "x"}, by=cast.outsider)
    with pytest.raises(services.EvidenceError):
        services.change_observation(observation=observation, values={"count": 1}, by=cast.auditor)
    assert not RecordChange.objects.exists()
    assert Incident.objects.get(pk=incident.pk).title == "Arrest at a protest"


def test_a_person_it_is_shared_with_may_correct_it(client: Any, cast: Any) -> None:
    incident = factories.incident(cast.group, cast.recorder)
    services.share(record=incident, by=cast.recorder, people=[cast.named])
    sign_in_verified(client, cast.named)
    assert client.post(reverse("evidence:incident_edit", args=[incident.pk]), _edit_data()).status_code == 302
    assert incident.changes.filter(by=cast.named).exists()


def test_an_observation_is_corrected_with_its_notes_kept_encrypted(client: Any, cast: Any) -> None:
    observation = factories.observation(cast.group, cast.recorder)
    services.change_observation(
        observation=observation, values={"notes": "seen from the bridge"}, by=cast.recorder
    )
    audited = AuditEntry.objects.filter(action="evidence.observation.changed").get()
    assert audited.actor == cast.recorder and audited.detail["fields"] == ["notes"]
    assert "seen from the bridge" not in str(audited.detail)
    sign_in_verified(client, cast.recorder)
    url = reverse("evidence:observation_edit", args=[observation.pk])
    response = client.post(
        url,
        {
            "kind": "rail",
            "observed_at": "2022-02-10T06:30",
            "place_name": "Asipovichy station",
            "latitude": "53.3",
            "longitude": "28.64",
            "units_or_equipment": "Iskander-M launchers",
            "count": "6",
            "notes": "seen from the footbridge, two trains",
        },
    )
    assert response.status_code == 302
    observation = Observation.objects.get(pk=observation.pk)
    assert observation.count == 6 and observation.units_or_equipment == "Iskander-M launchers"
    fields = set(observation.changes.values_list("field", flat=True))
    assert {"observed_at", "place_name", "units_or_equipment", "count", "notes"} <= fields
    assert "seen from the bridge" not in _dump()
    page = client.post(reverse("evidence:observation_reveal", args=[observation.pk]), {"purpose": "report"})
    assert "seen from the bridge" in page.content.decode()


def test_verification_changes_are_in_the_history(cast: Any) -> None:
    incident = factories.incident(cast.group, cast.recorder)
    services.set_verification(incident=incident, status="verified", method="two witnesses", by=cast.recorder)
    services.set_verification(incident=incident, status="reported", method="", by=cast.colleague)
    rows = list(incident.changes.values_list("field", "old", "new"))
    assert ("verification", "reported", "verified") in rows and (
        "verification",
        "verified",
        "reported",
    ) in rows
    methods = incident.changes.filter(field="verification_method")
    assert [m.reveal("old_sealed", by=cast.recorder, purpose="t") for m in methods if m.old_sealed] == [
        "two witnesses"
    ]


def test_a_prisoners_earlier_name_stays_encrypted_in_the_history(client: Any, cast: Any) -> None:
    prisoner = services.save_prisoner(
        by=cast.recorder, values={"name": "Ales Pamylkovy-Testovich", "detained_on": date(2021, 7, 14)}
    )
    services.save_prisoner(by=cast.recorder, values={"name": "Ales Praviĺny-Testovich"}, prisoner=prisoner)
    change = PrisonerChange.objects.get(prisoner=prisoner, field="name")
    assert change.old == "" and change.new == ""
    assert "Ales Pamylkovy-Testovich" not in _dump()
    sign_in_verified(client, cast.recorder)
    page = client.post(reverse("evidence:prisoner_reveal", args=[prisoner.pk]), {"purpose": "letter"}).content
    assert "Ales Pamylkovy-Testovich" in page.decode() and "Ales Praviĺny-Testovich" in page.decode()


def test_a_victims_misspelt_name_is_corrected_and_the_old_spelling_stays_encrypted(
    client: Any, cast: Any
) -> None:
    incident = factories.incident(cast.group, cast.recorder)
    victim = incident.people.get()
    sign_in_verified(client, cast.colleague)
    url = reverse("evidence:incident_add", args=[incident.pk, "person-correction"])
    corrected = "Alesia Kavalchuk-Testovich-Navumava"
    assert (
        client.post(url, {"person": victim.pk, "name": corrected, "contact": "", "statement": ""}).status_code
        == 302
    )
    victim.refresh_from_db()
    assert victim.reveal("name", by=cast.colleague, purpose="t") == corrected
    assert victim.reveal("statement", by=cast.colleague, purpose="t") == "They beat me."  # empty kept it
    change = incident.changes.get()
    assert change.field == f"victim #{victim.pk} name" and change.by == cast.colleague
    assert corrected not in _dump() and factories.VICTIM not in _dump()
    page = client.post(
        reverse("evidence:incident_reveal", args=[incident.pk]), {"purpose": "court"}
    ).content.decode()
    assert factories.VICTIM in page and corrected in page
    # Another group's documenter cannot correct it, even knowing both ids.
    other = factories.incident(cast.other_group, cast.outsider)
    sign_in_verified(client, cast.outsider)
    assert client.post(url, {"person": victim.pk, "name": "x"}).status_code == 404
    other_url = reverse("evidence:incident_add", args=[other.pk, "person-correction"])
    assert client.post(other_url, {"person": victim.pk, "name": "x"}).status_code == 404
    victim.refresh_from_db()
    assert victim.reveal("name", by=cast.colleague, purpose="t") == corrected
