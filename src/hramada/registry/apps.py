"""Django application config of the registry: navigation, dashboard panel, demo step, the fund's grant feed."""

from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "hramada.registry"
    label = "registry"
    verbose_name = _("Grants registry")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from hramada.registry import registrations

        registrations.register_all()
        user_logged_in.connect(_join_demo_donors, dispatch_uid="registry.demo_donors")


def _join_demo_donors(sender: Any, user: Any, **kwargs: Any) -> None:
    # The demo loader imports much of the registry: load it when someone signs in, not at start-up.
    from hramada.registry import demo

    demo.join_demo_donors_at_sign_in(sender, user=user, **kwargs)
