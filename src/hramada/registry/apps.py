"""Django application config of the registry: navigation, dashboard panel, demo step, the fund's grant feed."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "hramada.registry"
    label = "registry"
    verbose_name = _("Grants registry")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from hramada.registry import registrations

        registrations.register_all()
