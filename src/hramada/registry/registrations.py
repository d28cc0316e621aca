"""What the registry plugs into the core (navigation, dashboard panel, demo step) and into the fund (its public
`grant_changed` signal)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from hramada.core.bootstrap import BootstrapStep, register_step
from hramada.core.dashboard import Panel, register_panel
from hramada.core.navigation import NavLink, register_link
from hramada.core.roles import Role

READ_ROLES = frozenset({Role.DONOR_COORDINATOR, Role.AUDITOR})


def _panel_context(request: HttpRequest) -> dict[str, Any]:
    from hramada.registry import selectors

    return selectors.panel_summary(request.user)


def _demo(say: Any) -> None:
    from hramada.registry import demo

    demo.load(say)


def register_all() -> None:
    from hramada.core.counterparties import CounterpartySource, register_counterparty_source
    from hramada.registry.counterparties import on_flip, registry_counterparties

    register_counterparty_source(
        CounterpartySource("registry", str(_("Grants registry")), registry_counterparties, on_flip)
    )
    from hramada.fund.public import grant_changed
    from hramada.registry.fund_feed import on_grant_changed

    grant_changed.connect(on_grant_changed, dispatch_uid="registry.fund_feed")
    register_panel(
        Panel(
            key="registry.work",
            title=str(_("Grants registry")),
            template="registry/_panel.html",
            roles=READ_ROLES,
            context=_panel_context,
            order=20,
        )
    )
    register_link(NavLink("registry:overview", _("Grants registry"), READ_ROLES, order=20))
    register_link(
        NavLink(
            "registry:holds", _("Registry holds"), frozenset({Role.SANCTIONS_ANALYST, Role.AUDITOR}), order=21
        )
    )
    register_step(
        BootstrapStep(
            key="registry.demo",
            description="Demo donors and grant records of the registry",
            run=_demo,
            order=300,
        )
    )
