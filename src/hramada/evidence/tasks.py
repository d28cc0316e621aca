"""Background work of evidence, run by the django-tasks worker."""

from __future__ import annotations

from django_tasks import task


@task()
def recheck_perpetrators_task() -> int:
    """After a sanctions list changed: re-check every perpetrator with a verified incident, so a new listing moves
    them from the candidates to "already listed" (and a delisting back)."""
    from hramada.evidence import sanctions_link, selectors

    return len(sanctions_link.check(selectors.perpetrators_with_verified_incidents(), by=None))
