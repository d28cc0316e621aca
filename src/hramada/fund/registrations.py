"""What the fund plugs into the core: dashboard panels, navigation links, the demo bootstrap step."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from hramada.core.bootstrap import BootstrapStep, register_step
from hramada.core.dashboard import Panel, register_panel
from hramada.core.navigation import NavLink, register_link
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


def _rescreen_after_list_change(sender: Any, change: Any = None, **kwargs: Any) -> None:
    """A list changed (sent after the new snapshot is committed): re-screen everyone the fund still deals with."""
    from hramada.fund.tasks import rescreen_all_task

    rescreen_all_task.enqueue()


def register_all() -> None:
    from hramada.sanctions.public import list_changed

    # The sanctions app knows nothing of the fund; the fund subscribes to the door's signal.
    list_changed.connect(_rescreen_after_list_change, dispatch_uid="fund.rescreen")
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
