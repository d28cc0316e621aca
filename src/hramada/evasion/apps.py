"""Django application config of the evasion analysis: registers navigation, a dashboard panel and the demo step."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvasionConfig(AppConfig):
    name = "hramada.evasion"
    label = "evasion"
    verbose_name = _("Sanctions evasion")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from hramada.core.startup import Warmup, register_warmup
        from hramada.evasion import public, registrations

        registrations.register_all()
        # A web process finds the stored deemed-sanctioned results at start-up (a few queries, no graph; see
        # docs/evasion.md), so the API's first match does not wait.
        register_warmup(Warmup(key="evasion-graph", run=public.warm_up))
