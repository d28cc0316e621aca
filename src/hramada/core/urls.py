"""URLs of the shared core: sign-in, MFA, dashboard, language, audit log, health."""

from django.urls import path

from hramada.core.views import audit, auth, pages, staff_admin

app_name = "core"

urlpatterns = [
    path("", pages.home, name="home"),
    path("healthz", pages.healthz, name="healthz"),
    path("favicon.ico", pages.favicon, name="favicon"),
    path("language/", pages.set_language, name="set_language"),
    path("staff/login/", auth.login_view, name="login"),
    path("staff/logout/", auth.logout_view, name="logout"),
    path("staff/logout-everywhere/", auth.logout_everywhere, name="logout_everywhere"),
    path("staff/mfa/", auth.mfa_view, name="mfa"),
    path("staff/mfa/enrol/", auth.mfa_enrol, name="mfa_enrol"),
    path("staff/security/", auth.security, name="security"),
    path("staff/password/", auth.password_change, name="password_change"),
    path("staff/", pages.dashboard, name="dashboard"),
    path("staff/jobs/<id:job_id>/", pages.job_progress, name="job_progress"),
    path("staff/jobs/<id:job_id>/result/", pages.job_result, name="job_result"),
    path("staff/audit/", audit.audit_list, name="audit_list"),
    path("staff/audit/<id:seq>/", audit.audit_detail, name="audit_detail"),
    path("staff/accounts/", staff_admin.accounts, name="staff_accounts"),
    path("staff/accounts/invite/", staff_admin.invite, name="staff_invite"),
    path("staff/accounts/<id:pk>/", staff_admin.account, name="staff_account"),
    path("staff/approvals/<id:pk>/", staff_admin.decide, name="staff_approval_decide"),
    path("staff/invitation/<str:token>/", staff_admin.accept_invitation, name="staff_invitation"),
]
