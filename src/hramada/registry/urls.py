"""URLs of the registry, under /registry/ (namespace `registry`); public pages under /registry/public/."""

from django.urls import path

from hramada.registry.views import imports, public, staff

app_name = "registry"

urlpatterns = [
    path("", staff.overview, name="overview"),
    path("donors/<slug:slug>/", staff.donor, name="donor"),
    path("donors/<slug:slug>/import/", imports.upload, name="import_upload"),
    path("donors/<slug:slug>/import/<str:token>/", imports.mapping, name="import_map"),
    path("records/<id:pk>/", staff.record, name="record"),
    path("records/<id:pk>/reveal/", staff.reveal_recipient, name="reveal_recipient"),
    path("records/<id:pk>/consent/", staff.consent, name="consent"),
    path("records/<id:pk>/publish/", staff.publish, name="publish"),
    path("coordination/", staff.analysis, name="analysis"),
    path("coordination/priorities/", staff.priority, name="priority"),
    path("coordination/<str:what>.<str:fmt>", staff.download, name="download"),
    path("overlaps/", staff.overlap_list, name="overlaps"),
    path("overlaps/detect/", staff.overlap_detect, name="overlap_detect"),
    path("overlaps/<id:pk>/decide/", staff.overlap_decide, name="overlap_decide"),
    path("merges/", staff.merge_list, name="merges"),
    path("merges/propose/", staff.merge_propose, name="merge_propose"),
    path("merges/<id:pk>/decide/", staff.merge_decide, name="merge_decide"),
    path("holds/", staff.holds, name="holds"),
    path("holds/<id:pk>/decide/", staff.hold_decide, name="hold_decide"),
    path("public/", public.totals, name="public"),
    path("public/policy/", public.policy, name="policy"),
    path("public/iati.xml", public.iati, name="iati"),
    path("public/360giving.json", public.giving, name="giving"),
    path("public/360giving.xlsx", public.giving_xlsx, name="giving_xlsx"),
]
