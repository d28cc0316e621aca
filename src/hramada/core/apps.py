"""Django application config for the shared core."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "hramada.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from hramada.core import checks, crypto, signals  # noqa: F401  (system checks, key ring check, audit tracking)
