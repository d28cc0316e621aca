"""Django application config of evidence: registers navigation, the dashboard panel and the demo step."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "hramada.evidence"
    label = "evidence"
    verbose_name = _("Evidence")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django.db.backends.signals import connection_created

        from hramada.evidence import custody, demo, registrations

        registrations.register_all()
        connection_created.connect(custody.register_sqlite_guard, dispatch_uid="evidence.custody_guard")
        user_logged_in.connect(demo.join_demo_groups_at_sign_in, dispatch_uid="evidence.demo_groups")
