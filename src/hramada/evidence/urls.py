"""Staff URLs of evidence and monitoring, under /evidence/ (namespace `evidence`)."""

from django.urls import path

from hramada.evidence.views import items, perpetrators, records, register

app_name = "evidence"

urlpatterns = [
    path("", records.overview, name="overview"),
    path("incidents/new/", records.incident_new, name="incident_new"),
    path("incidents/<id:pk>/", records.incident, name="incident"),
    path("incidents/<id:pk>/edit/", records.incident_edit, name="incident_edit"),
    path("incidents/<id:pk>/add/<str:what>/", records.incident_add, name="incident_add"),
    path("incidents/<id:pk>/share/", records.incident_share, name="incident_share"),
    path("incidents/<id:pk>/reveal/", records.incident_reveal, name="incident_reveal"),
    path("sources/<id:pk>/reveal/", records.source_reveal, name="source_reveal"),
    path("observations/new/", records.observation_new, name="observation_new"),
    path("observations/<id:pk>/", records.observation, name="observation"),
    path("observations/<id:pk>/edit/", records.observation_edit, name="observation_edit"),
    path("observations/<id:pk>/reveal/", records.observation_reveal, name="observation_reveal"),
    path("observations/<id:pk>/add/<str:what>/", records.observation_add, name="observation_add"),
    path("items/new/", items.item_new, name="item_new"),
    path("items/<id:pk>/", items.item, name="item"),
    path("items/<id:pk>/share/", items.item_share, name="item_share"),
    path("items/<id:pk>/bundle/", items.item_bundle, name="item_bundle"),
    path("files/<id:pk>/open/", items.file_open, name="file_open"),
    path("files/<id:pk>/strip/", items.file_strip, name="file_strip"),
    path("register/", register.register, name="register"),
    path("register/new/", register.prisoner_new, name="prisoner_new"),
    path("register/charts/", register.register_charts, name="register_charts"),
    path("register/import/", register.register_import, name="register_import"),
    path("register/import/<id:pk>/", register.register_mapping, name="register_mapping"),
    path("register/export.csv", register.register_export, name="register_export"),
    path("register/<id:pk>/", register.prisoner, name="prisoner"),
    path("register/<id:pk>/condition/", register.prisoner_condition, name="prisoner_condition"),
    path("register/<id:pk>/reveal/", register.prisoner_reveal, name="prisoner_reveal"),
    path("perpetrators/", perpetrators.perpetrators, name="perpetrators"),
    path("perpetrators/<id:pk>/", perpetrators.perpetrator, name="perpetrator"),
    path("perpetrators/<id:pk>/dossier/", perpetrators.dossier_new, name="dossier_new"),
    path("perpetrators/<id:pk>/sanctions-check/", perpetrators.sanctions_check, name="sanctions_check"),
    path("candidates/", perpetrators.candidates, name="candidates"),
    path("candidates/sanctions-check/", perpetrators.sanctions_check, name="sanctions_check_all"),
    path("dossiers/<id:pk>/", perpetrators.dossier, name="dossier"),
    path("dossiers/<id:pk>/export/<str:fmt>/", perpetrators.dossier_export, name="dossier_export"),
    path("map/", perpetrators.map_page, name="map"),
    path("timeline/", perpetrators.timeline, name="timeline"),
]
