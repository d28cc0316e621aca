"""Staff pages of rapid response (/rapid/...)."""

from django.urls import path

from hramada.rapid import views

app_name = "rapid"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("new/", views.new, name="new"),
    path("package/", views.package, name="package"),
    path("clock/", views.clock_policy, name="clock_policy"),
    path("relief/", views.relief, name="relief"),
    path("<id:pk>/", views.proposal, name="proposal"),
    path("<id:pk>/open/", views.reveal, name="reveal"),
    path("<id:pk>/edit/", views.edit, name="edit"),
    path("<id:pk>/submit/", views.submit, name="submit"),
    path("<id:pk>/review/", views.review, name="review"),
    path("<id:pk>/return/", views.return_to_draft, name="return"),
    path("<id:pk>/approve/", views.approve, name="approve"),
    path("<id:pk>/adopt/", views.adopt, name="adopt"),
    path("<id:pk>/evidence/", views.link_evidence, name="link_evidence"),
    path("<id:pk>/document/", views.upload, name="upload"),
    path("<id:pk>/evidence/<id:evidence_pk>/remove/", views.remove_evidence, name="remove_evidence"),
    path("<id:pk>/export/eu-journal.csv", views.export_eu, name="export_eu"),
    path("<id:pk>/export/ftm.json", views.export_ftm, name="export_ftm"),
    path("<id:pk>/export/check/", views.check_reimport, name="check_reimport"),
]
