"""System checks for deployment safety that Django's own `check --deploy` does not cover."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def content_security_policy_is_strict(app_configs: Any, **kwargs: Any) -> list[Warning]:
    """A Content-Security-Policy must be sent and must not allow inline scripts."""
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
    directives = policy.get("DIRECTIVES", {})
    problems: list[Warning] = []
    if "csp.middleware.CSPMiddleware" not in settings.MIDDLEWARE or not directives:
        problems.append(Warning("No Content-Security-Policy is sent.", id="hramada.W001"))
    scripts = directives.get("script-src", directives.get("default-src", []))
    if "'unsafe-inline'" in scripts or "'unsafe-eval'" in scripts:
        problems.append(
            Warning("The Content-Security-Policy allows inline or eval'd scripts.", id="hramada.W002")
        )
    return problems


@register(Tags.security)
def access_policy_middleware_installed(app_configs: Any, **kwargs: Any) -> list[Error]:
    """Without the access middleware, views that declare no roles would be open to everyone."""
    if "hramada.core.middleware.AccessPolicyMiddleware" not in settings.MIDDLEWARE:
        return [Error("hramada.core.middleware.AccessPolicyMiddleware must be installed.", id="hramada.E001")]
    return []
