"""URLs of the sanctions pages (mounted at /sanctions/)."""

from django.urls import path

from hramada.sanctions import views

app_name = "sanctions"

urlpatterns = [
    path("", views.search, name="search"),
    path("sources/", views.sources, name="sources"),
    path("snapshots/<id:snapshot_id>/", views.snapshot, name="snapshot"),
    path("snapshots/<id:snapshot_id>/changes/", views.snapshot_changes, name="snapshot_changes"),
    path("snapshots/<id:snapshot_id>/review/", views.review_snapshot, name="review_snapshot"),
    path("deltas/<id:delta_id>/", views.delta, name="delta"),
    path("sources/<str:source_key>/compare/", views.compare, name="compare"),
    path("entities/<str:source_key>/<path:entity_id>/", views.entity, name="entity"),
]
