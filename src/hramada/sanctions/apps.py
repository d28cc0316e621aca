"""Django application config for sanctions lists: nav links, the dashboard panel and the bootstrap step."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SanctionsConfig(AppConfig):
    name = "hramada.sanctions"
    label = "sanctions"
    verbose_name = _("Sanctions lists")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from hramada.core.bootstrap import BootstrapStep, register_step
        from hramada.core.dashboard import Panel, register_panel
        from hramada.core.navigation import NavLink, register_link
        from hramada.core.roles import Role
        from hramada.core.startup import Warmup, register_warmup
        from hramada.sanctions import live_index, selectors, services
        from hramada.sanctions.decision_views import READ_DECISIONS
        from hramada.sanctions.screening_views import screening_roles

        AUDIT_ROLES = frozenset({Role.AUDITOR, Role.ADMINISTRATOR})  # noqa: N806
        from hramada.sanctions.views import READ_ROLES

        register_link(NavLink("sanctions:search", _("Sanctions search"), READ_ROLES, order=40))
        register_link(NavLink("sanctions:sources", _("Sanctions lists"), READ_ROLES, order=41))
        register_link(NavLink("screening:screen", _("Screen a name"), frozenset(screening_roles()), order=38))
        register_link(NavLink("screening:bulk", _("Screen a file"), frozenset(screening_roles()), order=39))
        register_link(
            NavLink("screening:decisions", _("Screening decisions"), frozenset(READ_DECISIONS), order=42)
        )
        register_link(NavLink("screening:screened_name", _("Was this name screened?"), AUDIT_ROLES, order=43))
        register_link(
            NavLink("screening:profiles", _("Screening profiles"), frozenset({Role.ADMINISTRATOR}), order=44)
        )
        register_panel(
            Panel(
                key="sanctions-changes",
                title=_("Latest sanctions list changes"),  # type: ignore[arg-type]  # lazy, rendered per request
                template="sanctions/_panel_changes.html",
                roles=READ_ROLES,
                context=selectors.dashboard_panel_context,
                order=30,
            )
        )
        register_warmup(Warmup(key="screening-index", run=live_index.screening_index_if_listed))
        register_step(
            BootstrapStep(
                key="sanctions-bundled-lists",
                description="Load the bundled sanctions lists from ../shared/data (idempotent)",
                run=services.bootstrap_bundled_lists,
                order=50,
            )
        )
        register_step(
            BootstrapStep(
                key="sanctions-screening-index",
                description="Store the screening index for the server's processes",
                run=live_index.store_screening_index,
                order=900,
            )
        )
