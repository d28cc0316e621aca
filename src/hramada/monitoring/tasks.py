"""Background work of monitoring, run by the django-tasks worker."""

from __future__ import annotations

from django_tasks import task

from hramada.monitoring import services


@task()
def rescreen_task(run_id: int) -> int:
    """Run the queued re-screens (``run_id`` and any queued before or during it), unless one is already going:
    that one takes them when it finishes. Returns how many ran here."""
    return services.run_queued()


@task()
def escalate_alerts_task() -> int:
    return services.escalate_overdue()
