"""The analysts' inbox through HTTP: alerts listed per owner, acknowledged and escalated (audited), overdue ones
escalated by the periodic job, uploads refused with their problems; who may do what."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from hramada.core.models import AuditEntry
from hramada.core.roles import Role
from hramada.monitoring import services
from hramada.monitoring.models import Alert, WatchList
from tests.monitoring.conftest import watch_csv

pytestmark = pytest.mark.django_db


def _alert(**fields: Any) -> Alert:
    values = {
        "kind": Alert.Kind.POSSIBLE_MATCH,
        "ref": "fund.application:7:applicant",
        "owner": "fund",
        "label": "RR-2026-0007 · applicant",
        "url": "/fund/applications/7/",
        "entity_id": "eu-journal-i-a-1",
        "caption": "Uladzimir Uladzimiravich NAVUMAU",
        "score": 0.93,
        "explanation": '"Владимир Наумов" met "Vladimir NAUMOV"',
    }
    values.update(fields)
    return Alert.objects.create(**values)


def test_the_inbox_lists_open_alerts_with_where_the_owner_works(staff_client: Any) -> None:
    _alert()
    _alert(owner="registry", label="R-00045", url="/registry/records/3/", ref="registry.recipient:R-00045")
    page = staff_client(Role.SANCTIONS_ANALYST).get("/monitoring/")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'href="/fund/applications/7/"' in body and "RR-2026-0007" in body
    # the analyst may not open a donor's registry record: it is named, not linked (test_alert_links.py)
    assert "R-00045" in body and 'href="/registry/records/3/"' not in body
    assert "Владимир" not in body, "the explanation quoting the name stays encrypted until asked for"


def test_acknowledging_and_escalating_are_audited(staff_client: Any) -> None:
    alert = _alert()
    client = staff_client(Role.SANCTIONS_ANALYST)
    client.post(f"/monitoring/alerts/{alert.pk}/escalate/", {"reason": "Payment due tomorrow"})
    alert.refresh_from_db()
    assert alert.escalated and alert.escalation_reason == "Payment due tomorrow"
    client.post(f"/monitoring/alerts/{alert.pk}/acknowledge/", {"note": "Hold raised in the fund"})
    alert.refresh_from_db()
    assert alert.status == Alert.Status.ACKNOWLEDGED and alert.note == "Hold raised in the fund"
    actions = list(AuditEntry.objects.filter(target_id=str(alert.pk)).values_list("action", flat=True))
    assert "monitoring.alert.escalated" in actions and "monitoring.alert.acknowledged" in actions
    again = client.post(f"/monitoring/alerts/{alert.pk}/acknowledge/", {"note": ""}, follow=True)
    assert "already acknowledged" in again.content.decode()


def test_revealing_the_explanation_is_logged(staff_client: Any) -> None:
    alert = _alert()
    page = staff_client(Role.SANCTIONS_ANALYST).post(f"/monitoring/alerts/{alert.pk}/", {"show": "1"})
    assert "Владимир Наумов" in page.content.decode()
    assert AuditEntry.objects.filter(action="personal_data.read", target_id=str(alert.pk)).count() == 1


def test_an_auditor_reads_but_may_not_acknowledge(staff_client: Any) -> None:
    alert = _alert()
    client = staff_client(Role.AUDITOR)
    assert client.get(f"/monitoring/alerts/{alert.pk}/").status_code == 200
    assert client.post(f"/monitoring/alerts/{alert.pk}/acknowledge/", {"note": ""}).status_code in (403, 404)
    alert.refresh_from_db()
    assert alert.status == Alert.Status.OPEN


def test_a_fund_manager_does_not_see_the_inbox(staff_client: Any) -> None:
    assert staff_client(Role.FUND_MANAGER).get("/monitoring/").status_code in (403, 404)


def test_alerts_nobody_acknowledged_within_a_day_are_escalated_by_the_periodic_job() -> None:
    old = _alert(created_at=timezone.now() - timedelta(hours=25))
    fresh = _alert()
    assert services.escalate_overdue() == 1
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.escalated and not fresh.escalated
    assert AuditEntry.objects.filter(action="monitoring.alert.escalated", target_id=str(old.pk)).exists()
    assert services.escalate_overdue() == 0


def test_a_refused_upload_shows_every_problem_and_stores_nothing(staff_client: Any) -> None:
    upload = SimpleUploadedFile("list.csv", b"name,passport\nIvan,123\n")
    page = staff_client(Role.SANCTIONS_ANALYST).post(
        "/monitoring/watch-lists/", {"name": "Bad", "file": upload}
    )
    assert page.status_code == 400
    assert "passport" in page.content.decode()
    assert not WatchList.objects.exists()


def test_an_upload_through_the_page_lands_on_the_watch_list(staff_client: Any) -> None:
    upload = SimpleUploadedFile("list.csv", watch_csv([("Ivan Ivanou", "Person", "", "")]))
    page = staff_client(Role.SANCTIONS_ANALYST).post(
        "/monitoring/watch-lists/", {"name": "Partners", "file": upload}
    )
    watch_list = WatchList.objects.get()
    assert page.status_code == 302 and page["Location"] == f"/monitoring/watch-lists/{watch_list.pk}/"
