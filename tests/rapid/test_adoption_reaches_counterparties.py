"""Adoption is a list change like any other: the designation published in the local list reaches every
counterparty it concerns through the monitoring run, and the fund holds the application it names."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from hramada.fund.models import ScreeningHold
from hramada.monitoring import rescreen
from hramada.monitoring import services as monitoring
from hramada.monitoring.models import Alert, RescreenRun
from hramada.rapid import services
from hramada.sanctions import public as sanctions_public
from tests.fund import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counterparty_index() -> Any:
    rescreen.forget_index()
    yield
    rescreen.forget_index()


def test_adopting_a_proposal_alerts_the_fund_application_it_names_and_no_other(
    team: Any, from_dossier: Any, django_capture_on_commit_callbacks: Any
) -> None:
    named = factories.submitted(factories.programme(), contact_name="Ivan Testavy")
    bystander = factories.submitted(factories.programme(), contact_name="Hanna Kavalenka")
    with django_capture_on_commit_callbacks(execute=True):
        monitoring.queue_first_screenings()
    assert not ScreeningHold.objects.exists() and not Alert.objects.exists(), "nobody is listed yet"

    services.submit_for_review(from_dossier, by=team.drafter)
    services.record_legal_review(from_dossier, by=team.reviewer, note="criterion holds")
    services.approve(from_dossier, by=team.approver)
    with django_capture_on_commit_callbacks(execute=True):
        adopted = services.record_adoption(
            from_dossier, by=team.approver, adopted_on=timezone.localdate(), act="32026R0001", entry_number=42
        )

    run = RescreenRun.objects.order_by("pk").last()
    assert run is not None and run.status == RescreenRun.Status.DONE
    assert run.source == sanctions_public.LOCAL_LIST_KEY
    alert = Alert.objects.get(owner="fund")
    assert alert.ref == f"fund.application:{named.pk}:applicant"
    assert alert.entity_id == adopted.entity_id and not alert.first_screening
    assert ScreeningHold.objects.filter(application=named, status=ScreeningHold.Status.OPEN).exists()
    assert not ScreeningHold.objects.filter(application=bystander).exists()
