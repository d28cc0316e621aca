"""What monitoring plugs into the core and the door: the list-change subscription, its counterparty source (watch
lists), the periodic jobs, the inbox link and panel, the demo step."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from hramada.core.bootstrap import BootstrapStep, register_step
from hramada.core.counterparties import CounterpartySource, register_counterparty_source
from hramada.core.dashboard import Panel, register_panel
from hramada.core.navigation import NavLink, register_link
from hramada.core.periodic import Periodic, register_periodic
from hramada.core.roles import Role

READ_ROLES = frozenset({Role.SANCTIONS_ANALYST, Role.ADMINISTRATOR, Role.AUDITOR})

ESCALATION_SECONDS = 600
WARM_SECONDS = 900
"""How often the worker brings its index of counterparties up to date and screens new ones in full, so a list
change pays only for its delta."""


def _rescreen_after_list_change(sender: Any, change: Any = None, **kwargs: Any) -> None:
    """A list changed (sent after the new snapshot is committed): queue one inverted re-screen of its delta."""
    from hramada.monitoring import services

    if change is not None:
        services.queue_list_change(change)


def _watch_lists() -> Any:
    from hramada.monitoring.counterparties import watch_list_counterparties

    return watch_list_counterparties()


def _watch_list_stamps() -> Any:
    from hramada.monitoring.counterparties import watch_list_stamps

    return watch_list_stamps()


def _watch_list_rows(refs: Any) -> Any:
    from hramada.monitoring.counterparties import watch_list_counterparties

    return watch_list_counterparties(refs)


def _enqueue_escalation() -> None:
    from hramada.monitoring.tasks import escalate_alerts_task

    escalate_alerts_task.enqueue()


def _enqueue_first_screenings() -> None:
    from hramada.monitoring import services

    services.queue_first_screenings()


def _panel_context(request: HttpRequest) -> dict[str, Any]:
    from hramada.monitoring import selectors

    return selectors.panel_summary()


def _demo(say: Any) -> None:
    from hramada.monitoring import demo

    demo.load(say)


def register_all() -> None:
    from hramada.sanctions.public import list_changed

    list_changed.connect(_rescreen_after_list_change, dispatch_uid="monitoring.rescreen")
    register_counterparty_source(
        CounterpartySource(
            key="monitoring",
            label=str(_("Watch lists")),
            counterparties=_watch_lists,
            stamps=_watch_list_stamps,
            opened=_watch_list_rows,
        )
    )
    register_periodic(
        Periodic(key="monitoring.escalate_alerts", every_seconds=ESCALATION_SECONDS, run=_enqueue_escalation)
    )
    register_periodic(
        Periodic(key="monitoring.first_screenings", every_seconds=WARM_SECONDS, run=_enqueue_first_screenings)
    )
    register_panel(
        Panel(
            key="monitoring.alerts",
            title=str(_("Monitoring: list-change alerts")),
            template="monitoring/_panel.html",
            roles=READ_ROLES,
            context=_panel_context,
            order=15,
        )
    )
    register_link(NavLink("monitoring:inbox", _("Alerts"), READ_ROLES, order=14))
    register_step(
        BootstrapStep(
            key="monitoring.demo",
            description="Demo watch list and first screening of every counterparty",
            run=_demo,
            order=290,
        )
    )
