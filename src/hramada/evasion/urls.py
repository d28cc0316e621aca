"""URLs of the evasion pages (mounted at /evasion/)."""

from django.urls import path

from hramada.evasion import views

app_name = "evasion"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("entities/<path:node_id>/", views.entity, name="entity"),
    path("vessels/", views.vessels, name="vessels"),
    path("wallets/", views.wallet, name="wallet"),
    path("investigate/", views.investigate, name="investigate"),
    path("import/", views.import_data, name="import"),
    path("shipments/", views.shipments, name="shipments"),
    path("shipments/<id:screening_id>/", views.shipment_result, name="shipment_result"),
]
