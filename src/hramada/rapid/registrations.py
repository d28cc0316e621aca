"""What rapid response plugs into the core: navigation, the dashboard panel, the clock escalation, the demo step."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from hramada.core.bootstrap import BootstrapStep, register_step
from hramada.core.dashboard import Panel, register_panel
from hramada.core.navigation import NavLink, register_link
from hramada.core.periodic import Periodic, register_periodic
from hramada.core.roles import Role

RAPID_ROLES = frozenset({Role.SANCTIONS_ANALYST, Role.LEGAL_REVIEWER, Role.ADMINISTRATOR, Role.AUDITOR})
# Listing clocks run in days; an overdue proposal is escalated within this many seconds.
CLOCK_ESCALATION_SECONDS = 300


def _panel_context(request: HttpRequest) -> dict[str, Any]:
    from hramada.rapid import selectors

    return selectors.panel_summary(request.user)


def _enqueue_escalation() -> None:
    from hramada.rapid.tasks import escalate_overdue_task

    escalate_overdue_task.enqueue()


def _demo(say: Any) -> None:
    from hramada.rapid import demo

    demo.load(say)


def register_all() -> None:
    register_periodic(
        Periodic(
            key="rapid.escalate_overdue", every_seconds=CLOCK_ESCALATION_SECONDS, run=_enqueue_escalation
        )
    )
    register_panel(
        Panel(
            key="rapid.proposals",
            title=str(_("Rapid response: listing proposals")),
            template="rapid/_panel.html",
            roles=RAPID_ROLES,
            context=_panel_context,
            order=40,
        )
    )
    register_link(NavLink("rapid:overview", _("Listing proposals"), RAPID_ROLES, order=45))
    register_link(NavLink("rapid:relief", _("Relief benchmarks"), RAPID_ROLES, order=46))
    # After the fund (200) and evidence (210) demos: the demo proposal starts from the evidence dossier and names
    # a demo fund applicant.
    register_step(BootstrapStep(key="rapid.demo", description="Demo listing proposals", run=_demo, order=230))
