"""Root URLs. Third-party views are mounted through `declare_access` so that they too state who may use them.

Django's admin is not mounted: staff administration has its own audited pages (/staff/accounts/) and every other
record has a page of its domain app, so the admin would only be a second, unaudited way to edit data.
"""

from django.urls import include, path

from hramada.api.urls import api
from hramada.core.access import api_endpoint, staff_pending_mfa
from hramada.core.urlconf import declare_access

urlpatterns = [
    path("", include("hramada.core.urls")),
    path("fund/", include("hramada.fund.urls")),
    path("apply/", include("hramada.fund.portal_urls")),
    path("sanctions/", include("hramada.sanctions.urls")),
    path("screening/", include("hramada.sanctions.screening_urls")),
    path("registry/", include("hramada.registry.urls")),
    path("evidence/", include("hramada.evidence.urls")),
    path("evasion/", include("hramada.evasion.urls")),
    path("rapid/", include("hramada.rapid.urls")),
    path("monitoring/", include("hramada.monitoring.urls")),
    path("staff/webauthn/", declare_access(include("django_otp_webauthn.urls"), staff_pending_mfa)),
    path("api/", declare_access(api.urls, api_endpoint)),
]

handler400 = "hramada.core.views.errors.bad_request"
handler403 = "hramada.core.views.errors.permission_denied"
handler404 = "hramada.core.views.errors.not_found"
handler500 = "hramada.core.views.errors.server_error"
