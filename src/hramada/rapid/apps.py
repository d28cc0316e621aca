"""Django application config of rapid response: registers navigation, the dashboard panel, the clock escalation and
the demo step."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RapidConfig(AppConfig):
    name = "hramada.rapid"
    label = "rapid"
    verbose_name = _("Rapid response")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from hramada.rapid import registrations

        registrations.register_all()
