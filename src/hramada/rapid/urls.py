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
    path("<int:pk>/", views.proposal, name="proposal"),
    path("<int:pk>/open/", views.reveal, name="reveal"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/review/", views.review, name="review"),
    path("<int:pk>/return/", views.return_to_draft, name="return"),
    path("<int:pk>/approve/", views.approve, name="approve"),
    path("<int:pk>/adopt/", views.adopt, name="adopt"),
    path("<int:pk>/evidence/", views.link_evidence, name="link_evidence"),
    path("<int:pk>/document/", views.upload, name="upload"),
    path("<int:pk>/evidence/<int:evidence_pk>/remove/", views.remove_evidence, name="remove_evidence"),
    path("<int:pk>/export/eu-journal.csv", views.export_eu, name="export_eu"),
    path("<int:pk>/export/ftm.json", views.export_ftm, name="export_ftm"),
    path("<int:pk>/export/check/", views.check_reimport, name="check_reimport"),
]
