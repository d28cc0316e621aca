"""Background work of the registry, run by the django-tasks worker."""

from __future__ import annotations

from django_tasks import task

from hramada.registry import screening


@task()
def screen_awaiting_task() -> int:
    """Screen the recipients imports left awaiting screening (enqueued when an import with new ones commits)."""
    return screening.screen_awaiting(by=None)
