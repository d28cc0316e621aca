"""What the evasion app plugs into the core: navigation links, the demo bootstrap step, the notes on the sanctions
screening page, and the recomputation of the deemed-sanctioned results after a list changes."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from hramada.core.bootstrap import BootstrapStep, register_step
from hramada.core.navigation import NavLink, register_link
from hramada.core.roles import Role

READ_ROLES = frozenset({Role.SANCTIONS_ANALYST, Role.AUDITOR, Role.ADMINISTRATOR})


def _demo(say: Any) -> None:
    from hramada.evasion import demo

    demo.load(say)


def _refresh_after_list_change(sender: Any, change: Any = None, **kwargs: Any) -> None:
    """A new snapshot of a list: the task worker computes the deemed-sanctioned results anew."""
    from hramada.evasion import services

    services.refresh_deemed_sanctioned_soon()


def register_all() -> None:
    from hramada.core.counterparties import CounterpartySource, register_counterparty_source
    from hramada.core.screening_notes import register_screening_notes
    from hramada.evasion.counterparties import evasion_counterparties
    from hramada.evasion.listed import on_list_change
    from hramada.evasion.screening_notes import notes as screening_notes

    on_list_change(_refresh_after_list_change, dispatch_uid="evasion.deemed_sanctioned")

    register_counterparty_source(CounterpartySource("evasion", str(_("Evasion")), evasion_counterparties))
    # the sanctions screening page shows a result (or a company of the queried name) deemed sanctioned through its
    # owners, with the path, and a wallet address's checks (docs/evasion.md, section 4)
    register_screening_notes("evasion", screening_notes)
    register_link(NavLink("evasion:overview", _("Evasion"), READ_ROLES, order=32))
    register_link(NavLink("evasion:investigate", _("Investigate"), READ_ROLES, order=33))
    register_link(
        NavLink("evasion:shipments", _("Shipment screening"), frozenset({Role.SANCTIONS_ANALYST}), order=34)
    )
    register_step(
        BootstrapStep(
            key="evasion.demo",
            description="Demo evasion data: ownership, vessel register, goods watch list, transfers",
            run=_demo,
            order=210,
        )
    )
