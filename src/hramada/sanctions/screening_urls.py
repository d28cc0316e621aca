"""URLs of the screening pages (mounted at /screening/)."""

from django.urls import path

from hramada.sanctions import screening_views

app_name = "screening"

urlpatterns = [
    path("", screening_views.screen_name, name="screen"),
    path("bulk/", screening_views.bulk_screen, name="bulk"),
]
