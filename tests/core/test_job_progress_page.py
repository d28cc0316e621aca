"""The progress page of a long job: its owner follows it, every staff member follows the platform's own jobs
(the monitoring inbox links to each re-screening), and nobody else opens a colleague's job."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from hramada.core.models import TaskProgress
from hramada.core.roles import Role
from tests.conftest import sign_in_verified

pytestmark = pytest.mark.django_db


def test_any_staff_member_follows_a_job_the_platform_started_itself(client: Any, make_staff: Any) -> None:
    job = TaskProgress.objects.create(
        label="Re-screen after ofac_sdn", kind="monitoring.rescreen", total=4, done=2
    )
    sign_in_verified(client, make_staff(Role.SANCTIONS_ANALYST))
    response = client.get(reverse("core:job_progress", args=[job.pk]))
    assert response.status_code == 200
    assert "Re-screen after ofac_sdn" in response.content.decode()


def test_a_colleagues_job_and_its_result_stay_theirs(client: Any, make_staff: Any) -> None:
    owner = make_staff(Role.SANCTIONS_ANALYST)
    job = TaskProgress.objects.create(
        label="Screen names.csv", kind="bulk_screening", owner=owner, total=1, done=1
    )
    sign_in_verified(client, make_staff(Role.SANCTIONS_ANALYST))
    assert client.get(reverse("core:job_progress", args=[job.pk])).status_code == 404
    client.logout()
    sign_in_verified(client, owner)
    assert client.get(reverse("core:job_progress", args=[job.pk])).status_code == 200
