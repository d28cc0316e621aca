"""Root URLs. Third-party views are mounted through `declare_access` so that they too state who may use them."""

from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from hramada.api.urls import api
from hramada.core.access import api_endpoint, staff_pending_mfa
from hramada.core.roles import Role
from hramada.core.urlconf import declare_access, require_roles_for

admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("", include("hramada.core.urls")),
    path("fund/", include("hramada.fund.urls")),
    path("apply/", include("hramada.fund.portal_urls")),
    path("sanctions/", include("hramada.sanctions.urls")),
    path("screening/", include("hramada.sanctions.screening_urls")),
    path("registry/", include("hramada.registry.urls")),
    path("staff/webauthn/", declare_access(include("django_otp_webauthn.urls"), staff_pending_mfa)),
    path("api/", declare_access(api.urls, api_endpoint)),
    path("staff/admin/", declare_access(admin.site.urls, require_roles_for(Role.ADMINISTRATOR))),
]

handler400 = "hramada.core.views.errors.bad_request"
handler403 = "hramada.core.views.errors.permission_denied"
handler404 = "hramada.core.views.errors.not_found"
handler500 = "hramada.core.views.errors.server_error"
