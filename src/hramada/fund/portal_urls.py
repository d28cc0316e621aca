"""Applicant portal URLs, under /apply/ (namespace `fund_portal`)."""

from django.urls import path

from hramada.fund.views import portal

app_name = "fund_portal"

urlpatterns = [
    path("", portal.start, name="start"),
    path("register/", portal.register, name="register"),
    path("login/", portal.login_view, name="login"),
    path("home/", portal.home, name="home"),
    path("new/<str:tier>/", portal.new, name="new"),
    path("applications/<int:pk>/", portal.application, name="application"),
    path("applications/<int:pk>/edit/<str:step>/", portal.edit, name="edit"),
    path("applications/<int:pk>/attach/", portal.attach, name="attach"),
    path("applications/<int:pk>/attachments/<int:attachment_pk>/", portal.attachment, name="attachment"),
    path("applications/<int:pk>/submit/", portal.submit, name="submit"),
    path("applications/<int:pk>/withdraw/", portal.withdraw, name="withdraw"),
    path("applications/<int:pk>/message/", portal.message, name="message"),
    path("applications/<int:pk>/payment/", portal.payment, name="payment"),
    path("applications/<int:pk>/report/", portal.report, name="report"),
]
