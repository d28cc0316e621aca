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
    path("applications/<id:pk>/", portal.application, name="application"),
    path("applications/<id:pk>/edit/<str:step>/", portal.edit, name="edit"),
    path("applications/<id:pk>/attach/", portal.attach, name="attach"),
    path("applications/<id:pk>/attachments/<id:attachment_pk>/", portal.attachment, name="attachment"),
    path("applications/<id:pk>/submit/", portal.submit, name="submit"),
    path("applications/<id:pk>/withdraw/", portal.withdraw, name="withdraw"),
    path("applications/<id:pk>/message/", portal.message, name="message"),
    path("applications/<id:pk>/payment/", portal.payment, name="payment"),
    path("applications/<id:pk>/report/", portal.report, name="report"),
]
