"""Background work of the evasion app, run by the django-tasks worker."""

from __future__ import annotations

from django_tasks import task

from hramada.evasion import services


@task()
def refresh_deemed_sanctioned_task() -> int:
    """Compute both ownership rules and store the deemed-sanctioned entities for the web workers to read.
    Returns how many were stored."""
    return services.store_deemed_sanctioned().entities
