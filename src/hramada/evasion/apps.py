"""Django application config of the evasion analysis: registers navigation, a dashboard panel and the demo step."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvasionConfig(AppConfig):
    name = "hramada.evasion"
    label = "evasion"
    verbose_name = _("Sanctions evasion")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from hramada.evasion import registrations

        registrations.register_all()
