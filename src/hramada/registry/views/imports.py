"""Import pages: upload; for a spreadsheet, the mapping step with a preview of the first rows; the result (what
changed, or every problem with its row, and nothing stored)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from hramada.core.access import require_roles, signed_in_user
from hramada.core.crypto import CryptoError
from hramada.core.roles import Role
from hramada.registry import imports, services
from hramada.registry.forms import MappingForm, UploadForm
from hramada.registry.importers import FileRefusedError, tabular
from hramada.registry.models import ColumnMapping, ImportBatch, PendingUpload
from hramada.registry.rows import FIELDS, REQUIRED
from hramada.registry.views.staff import _own_donor

PREVIEW_ROWS = 5


def _result(request: HttpRequest, donor: object, result: imports.ImportResult) -> HttpResponse:
    return render(
        request,
        "registry/import_result.html",
        {"donor": donor, "result": result},
        status=200 if result.ok else 422,
    )


@require_roles(Role.DONOR_COORDINATOR)
def upload(request: HttpRequest, slug: str) -> HttpResponse:
    donor = _own_donor(request, slug)
    user = signed_in_user(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.require_member(user, donor)
        except services.RegistryError as e:
            messages.error(request, str(e))
            return redirect("registry:donor", slug)
        kind = form.cleaned_data["kind"]
        f = form.cleaned_data["file"]
        if kind in (ImportBatch.Kind.CSV, ImportBatch.Kind.XLSX):
            pending = PendingUpload(donor=donor, user=user, kind=kind, filename=f.name[:255])
            pending.file.save("upload", f, save=False)
            pending.save()
            return redirect("registry:import_map", slug, pending.token)
        result = imports.run_import(donor, kind=kind, filename=f.name, data=f.read(), by=user)
        return _result(request, donor, result)
    return render(request, "registry/import_upload.html", {"donor": donor, "form": form})


@require_roles(Role.DONOR_COORDINATOR)
def mapping(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    donor = _own_donor(request, slug)
    user = signed_in_user(request)
    pending = get_object_or_404(PendingUpload, token=token, donor=donor, user=user)
    try:
        with pending.file.open("rb") as handle:
            data = handle.read()
    except (OSError, CryptoError):  # gone from disk, or damaged / under a key this server lacks
        pending.delete()
        messages.error(
            request, _("The uploaded file is no longer on the server. Nothing was imported: upload it again.")
        )
        return redirect("registry:import_upload", slug)
    try:
        table = tabular.read_csv(data) if pending.kind == ImportBatch.Kind.CSV else tabular.read_xlsx(data)
    except FileRefusedError as e:
        pending.file.delete(save=False)
        pending.delete()
        return _result(request, donor, imports.ImportResult(problems=e.problems))
    remembered = getattr(ColumnMapping.objects.filter(donor=donor).first(), "mapping", {}) or {}
    initial = tabular.suggest_mapping(table.header, remembered)
    form = MappingForm(request.POST or None, header=table.header, initial_mapping=initial)
    problems = []
    if request.method == "POST" and form.is_valid():
        chosen = form.mapping()
        problems = tabular.mapping_problems(chosen, table.header)
        if not problems:
            result = imports.run_import(
                donor, kind=pending.kind, filename=pending.filename, data=data, by=user, mapping=chosen
            )
            if result.ok:
                pending.file.delete(save=False)
                pending.delete()
            return _result(request, donor, result)
    return render(
        request,
        "registry/import_map.html",
        {
            "donor": donor,
            "pending": pending,
            "header": table.header,
            "preview": table.rows[:PREVIEW_ROWS],
            "total": len(table.rows),
            "form": form,
            "problems": problems,
            "required": REQUIRED,
            "fields": FIELDS,
            "remembered": bool(remembered),
            "title": _("Map the columns"),
        },
    )
