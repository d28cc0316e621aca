"""Background work of the fund, run by the django-tasks worker (and the `fund_retention` command)."""

from __future__ import annotations

from django_tasks import task

from hramada.fund import services


@task()
def rescreen_all_task() -> int:
    """Re-screen every open application and unpaid grant after a sanctions list changed."""
    return services.rescreen_all(by=None)


@task()
def escalate_decision_clocks_task() -> int:
    return services.escalate_decision_clocks()


@task()
def erase_expired_personal_data_task() -> int:
    return services.erase_expired_personal_data(by=None)
