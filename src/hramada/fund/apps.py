"""Django application config of the fund: registers dashboard panels, navigation and the demo step."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundConfig(AppConfig):
    name = "hramada.fund"
    label = "fund"
    verbose_name = _("Fund")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from hramada.fund import registrations

        registrations.register_all()
