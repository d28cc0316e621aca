"""Django application config for the shared core."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "hramada.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.urls import register_converter

        from hramada.core import checks, crypto, signals  # noqa: F401  (system checks, key ring check, audit tracking)
        from hramada.core.urlconf import RecordIdConverter

        # Before any URL module is imported (they are read at the first request or reverse()).
        register_converter(RecordIdConverter, "id")
        from hramada.core.navigation import NavLink, register_link
        from hramada.core.roles import ALL_STAFF_ROLES, Role

        register_link(
            NavLink("core:audit_list", _("Audit log"), frozenset({Role.AUDITOR, Role.ADMINISTRATOR}), 80)
        )
        register_link(
            NavLink("core:staff_accounts", _("Staff accounts"), frozenset({Role.ADMINISTRATOR}), 85)
        )
        # The API mounts itself outside core; the link is dropped where no API is mounted.
        register_link(NavLink("api:openapi-view", _("API documentation"), ALL_STAFF_ROLES, 90))
