"""Staff URLs of evidence and monitoring, under /evidence/ (namespace `evidence`)."""

from django.urls import path

from hramada.evidence.views import items, perpetrators, records, register

app_name = "evidence"

urlpatterns = [
    path("", records.overview, name="overview"),
    path("incidents/new/", records.incident_new, name="incident_new"),
    path("incidents/<int:pk>/", records.incident, name="incident"),
    path("incidents/<int:pk>/edit/", records.incident_edit, name="incident_edit"),
    path("incidents/<int:pk>/add/<str:what>/", records.incident_add, name="incident_add"),
    path("incidents/<int:pk>/share/", records.incident_share, name="incident_share"),
    path("incidents/<int:pk>/reveal/", records.incident_reveal, name="incident_reveal"),
    path("sources/<int:pk>/reveal/", records.source_reveal, name="source_reveal"),
    path("observations/new/", records.observation_new, name="observation_new"),
    path("observations/<int:pk>/", records.observation, name="observation"),
    path("observations/<int:pk>/edit/", records.observation_edit, name="observation_edit"),
    path("observations/<int:pk>/reveal/", records.observation_reveal, name="observation_reveal"),
    path("observations/<int:pk>/add/<str:what>/", records.observation_add, name="observation_add"),
    path("items/new/", items.item_new, name="item_new"),
    path("items/<int:pk>/", items.item, name="item"),
    path("items/<int:pk>/share/", items.item_share, name="item_share"),
    path("items/<int:pk>/bundle/", items.item_bundle, name="item_bundle"),
    path("files/<int:pk>/open/", items.file_open, name="file_open"),
    path("files/<int:pk>/strip/", items.file_strip, name="file_strip"),
    path("register/", register.register, name="register"),
    path("register/new/", register.prisoner_new, name="prisoner_new"),
    path("register/charts/", register.register_charts, name="register_charts"),
    path("register/import/", register.register_import, name="register_import"),
    path("register/import/<int:pk>/", register.register_mapping, name="register_mapping"),
    path("register/export.csv", register.register_export, name="register_export"),
    path("register/<int:pk>/", register.prisoner, name="prisoner"),
    path("register/<int:pk>/condition/", register.prisoner_condition, name="prisoner_condition"),
    path("register/<int:pk>/reveal/", register.prisoner_reveal, name="prisoner_reveal"),
    path("perpetrators/", perpetrators.perpetrators, name="perpetrators"),
    path("perpetrators/<int:pk>/", perpetrators.perpetrator, name="perpetrator"),
    path("perpetrators/<int:pk>/dossier/", perpetrators.dossier_new, name="dossier_new"),
    path("perpetrators/<int:pk>/sanctions-check/", perpetrators.sanctions_check, name="sanctions_check"),
    path("candidates/", perpetrators.candidates, name="candidates"),
    path("candidates/sanctions-check/", perpetrators.sanctions_check, name="sanctions_check_all"),
    path("dossiers/<int:pk>/", perpetrators.dossier, name="dossier"),
    path("dossiers/<int:pk>/export/<str:fmt>/", perpetrators.dossier_export, name="dossier_export"),
    path("map/", perpetrators.map_page, name="map"),
    path("timeline/", perpetrators.timeline, name="timeline"),
]
