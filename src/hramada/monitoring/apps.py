"""Django application config of monitoring: subscribes to list changes, registers its pages and jobs."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "hramada.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from hramada.monitoring import registrations

        registrations.register_all()
