"""URLs of the screening pages (mounted at /screening/)."""

from django.urls import path

from hramada.sanctions import decision_views, screening_views

app_name = "screening"

urlpatterns = [
    path("", screening_views.screen_name, name="screen"),
    path("bulk/", screening_views.bulk_screen, name="bulk"),
    path("decisions/", decision_views.decisions, name="decisions"),
    path("decisions/record/", decision_views.record, name="record_decision"),
    path("decisions/<id:pk>/", decision_views.decision, name="decision"),
    path("decisions/<id:pk>/reverse/", decision_views.reverse, name="reverse_decision"),
    path("record/", decision_views.screened_name, name="screened_name"),
    path("profiles/", decision_views.profiles, name="profiles"),
    path("profiles/<slug:key>/", decision_views.change, name="change_profile"),
    path("profiles/changes/<id:pk>/", decision_views.decide_change, name="decide_profile_change"),
]
