"""What rapid response plugs into the core: the clock escalation runs as a periodic job."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest


@pytest.mark.django_db
def test_the_periodic_job_escalates_an_overdue_proposal(team: Any) -> None:
    from django.utils import timezone

    from hramada.core import periodic
    from hramada.rapid import services

    late = services.start_proposal(
        by=team.drafter,
        origin="event",
        trigger_kind="deployment",
        triggered_at=timezone.now() - timedelta(days=11),
        subject={"name": "Late Subject"},
    )
    job = next(job for job in periodic.registered() if job.key == "rapid.escalate_overdue")
    assert job.every_seconds <= 600
    job.run()  # enqueues the task; the test settings run tasks at once
    late.refresh_from_db()
    assert late.escalated_at is not None
