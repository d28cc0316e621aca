"""What the fund plugs into the core: dashboard panels, navigation links, the demo bootstrap step."""

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

FUND_ROLES = frozenset(
    {Role.FUND_MANAGER, Role.REVIEWER, Role.FINANCE_OFFICER, Role.SANCTIONS_ANALYST, Role.AUDITOR}
)


def _panel_context(request: HttpRequest) -> dict[str, Any]:
    from hramada.fund import selectors

    return selectors.panel_summary(request.user)


def _demo(say: Any) -> None:
    from hramada.fund import demo

    demo.load(say)


def _counterparties() -> Any:
    from hramada.fund.counterparties import fund_counterparties

    return fund_counterparties()


def _on_flip(flip: Any) -> int:
    from hramada.fund.counterparties import on_flip

    return on_flip(flip)


def _reopen_after_reversal(sender: Any, reversal: Any = None, **kwargs: Any) -> None:
    """A second analyst reversed a decision on one of the fund's parties: forget that the hold was cleared, so the
    next screening raises it again, and screen now."""
    from hramada.fund.services import forget_cleared_holds
    from hramada.fund.tasks import rescreen_all_task

    if reversal is not None and forget_cleared_holds(reversal.party_ref, reversal.entity_id):
        rescreen_all_task.enqueue()


def _enqueue_clock_escalation() -> None:
    from hramada.fund.tasks import escalate_decision_clocks_task

    escalate_decision_clocks_task.enqueue()


# Decision clocks run in hours; a fund manager hears of an at-risk request within this many seconds.
CLOCK_ESCALATION_SECONDS = 300


def register_all() -> None:
    from hramada.sanctions.public import decision_reversed

    # The sanctions app knows nothing of the fund; the fund subscribes to the door's signal. A list change reaches
    # the fund's parties through the monitoring of counterparties (``_counterparties`` below, ``_on_flip``).
    decision_reversed.connect(_reopen_after_reversal, dispatch_uid="fund.reopen")
    register_counterparty_source(
        CounterpartySource(key="fund", label=str(_("Fund")), counterparties=_counterparties, on_flip=_on_flip)
    )
    register_periodic(
        Periodic(
            key="fund.escalate_decision_clocks",
            every_seconds=CLOCK_ESCALATION_SECONDS,
            run=_enqueue_clock_escalation,
        )
    )
    register_panel(
        Panel(
            key="fund.work",
            title=str(_("Fund: your queues")),
            template="fund/staff/_panel.html",
            roles=FUND_ROLES,
            context=_panel_context,
            order=10,
        )
    )
    register_link(NavLink("fund:overview", _("Fund"), FUND_ROLES, order=10))
    register_link(NavLink("fund:dashboard", _("Fund dashboard"), FUND_ROLES, order=11))
    register_step(
        BootstrapStep(key="fund.demo", description="Demo programme of the fund", run=_demo, order=200)
    )
