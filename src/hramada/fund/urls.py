"""Staff URLs of the fund, under /fund/ (namespace `fund`). The applicant portal is in portal_urls.py."""

from django.urls import path

from hramada.fund.views import dashboard, finance, staff

app_name = "fund"

urlpatterns = [
    path("", staff.overview, name="overview"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("queue/rapid/", staff.queue_rapid, name="queue_rapid"),
    path("queue/long-term/", staff.queue_long, name="queue_long"),
    path("queue/decisions/", staff.queue_decisions, name="queue_decisions"),
    path("queue/holds/", staff.queue_holds, name="queue_holds"),
    path("queue/payments/", finance.queue_payments, name="queue_payments"),
    path("applications/<id:pk>/", staff.application, name="application"),
    path("applications/<id:pk>/reveal/", staff.reveal_contacts, name="reveal_contacts"),
    path("applications/<id:pk>/transition/<str:name>/", staff.transition, name="transition"),
    path("applications/<id:pk>/review/", staff.review, name="review"),
    path("applications/<id:pk>/recommend/", staff.recommend, name="recommend"),
    path("applications/<id:pk>/decide/", staff.decide, name="decide"),
    path("applications/<id:pk>/message/", staff.message, name="message"),
    path("attachments/<id:pk>/", staff.attachment, name="attachment"),
    path("envelopes/<id:pk>/", staff.envelope, name="envelope"),
    path("reallocations/new/", staff.reallocation_new, name="reallocation_new"),
    path("reallocations/<id:pk>/decide/", staff.reallocation_decide, name="reallocation_decide"),
    path("programmes/<id:pk>/policy/", staff.policy, name="policy"),
    path("holds/<id:pk>/", staff.hold, name="hold"),
    path("grants/<id:pk>/", staff.grant, name="grant"),
    path("grants/<id:pk>/agreement/", staff.agreement, name="agreement"),
    path("grants/<id:pk>/payment-details/", finance.reveal_payment, name="reveal_payment"),
    path("reports/<id:pk>/review/", staff.report_review, name="report_review"),
    path("tranches/<id:pk>/release/", finance.release, name="release"),
    path("exports/<str:what>.<str:fmt>", finance.export, name="export"),
]
