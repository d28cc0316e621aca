"""What evidence plugs into the core: navigation links, a dashboard panel, the demo bootstrap step and tracking."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from hramada.core.bootstrap import BootstrapStep, register_step
from hramada.core.dashboard import Panel, register_panel
from hramada.core.navigation import NavLink, register_link
from hramada.core.roles import Role

EVIDENCE_ROLES = frozenset({Role.DOCUMENTER, Role.AUDITOR})


def _panel_context(request: HttpRequest) -> dict[str, Any]:
    from hramada.evidence import selectors

    return {
        "incidents": selectors.incidents_for(request.user).count(),
        "observations": selectors.observations_for(request.user).count(),
        "items": selectors.items_for(request.user).count(),
        "register": selectors.register_totals(),
    }


def _demo(say: Any) -> None:
    from hramada.evidence import demo

    demo.load(say)


def _recheck_after_list_change(sender: Any, **kwargs: Any) -> None:
    """`list_changed` is sent after the new snapshot is committed: enqueue the re-check at once."""
    from hramada.evidence.tasks import recheck_perpetrators_task

    recheck_perpetrators_task.enqueue()


def register_all() -> None:
    from hramada.core.counterparties import CounterpartySource, register_counterparty_source
    from hramada.evidence.counterparties import evidence_counterparties

    register_counterparty_source(CounterpartySource("evidence", str(_("Evidence")), evidence_counterparties))
    from hramada.core.signals import track
    from hramada.sanctions.public import list_changed

    list_changed.connect(_recheck_after_list_change, dispatch_uid="evidence.recheck")
    from hramada.evidence.models import Incident, Observation, Perpetrator

    for model in (Incident, Observation, Perpetrator):
        track(model)
    register_panel(
        Panel(
            key="evidence.work",
            title=str(_("Evidence and monitoring")),
            template="evidence/_panel.html",
            roles=EVIDENCE_ROLES,
            context=_panel_context,
            order=30,
        )
    )
    register_link(NavLink("evidence:overview", _("Evidence"), EVIDENCE_ROLES, order=30))
    register_link(NavLink("evidence:register", _("Political prisoners"), EVIDENCE_ROLES, order=31))
    register_link(NavLink("evidence:map", _("Map"), EVIDENCE_ROLES, order=32))
    # Sanctions analysts read perpetrators and the candidates for listing that feed proposals.
    register_link(
        NavLink(
            "evidence:candidates", _("Candidates for listing"), frozenset({Role.SANCTIONS_ANALYST}), order=33
        )
    )
    register_step(
        BootstrapStep(key="evidence.demo", description="Demo evidence and register", run=_demo, order=210)
    )
