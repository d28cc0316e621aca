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


def _rescreen_after_list_change(sender: Any, instance: Any, created: bool = False, **kwargs: Any) -> None:
    """A new sanctions snapshot (a list changed): re-screen everyone the fund still deals with, after commit."""
    if not created or kwargs.get("raw"):
        return
    from django.db import transaction

    from hramada.fund.tasks import rescreen_all_task

    transaction.on_commit(lambda: rescreen_all_task.enqueue())


def register_all() -> None:
    from django.db.models.signals import post_save

    # The sanctions app knows nothing of the fund; the fund listens for new snapshots by model label, so it
    # works (and does nothing) whether or not the sanctions app is installed.
    post_save.connect(_rescreen_after_list_change, sender="sanctions.Snapshot", dispatch_uid="fund.rescreen")
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
