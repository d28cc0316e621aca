"""Background work of rapid response, run by the django-tasks worker."""

from __future__ import annotations

from django_tasks import task

from hramada.rapid import services


@task()
def escalate_overdue_task() -> int:
    return services.escalate_overdue()
