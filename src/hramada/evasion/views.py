"""Pages of the evasion analysis: overview, an entity's ownership picture, vessels, wallets, investigations,
imports and shipment-file screening. Thin: they call selectors, services and investigation."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from hramada.core import audit
from hramada.core.access import require_roles
from hramada.core.roles import Role
from hramada.evasion import investigation, selectors, services
from hramada.evasion.drawing import ownership_svg
from hramada.evasion.forms import ImportForm, InvestigationForm, ShipmentFileForm, WalletForm
from hramada.evasion.models import ShipmentScreening
from hramada.evasion.parsers import ImportRefusedError
from hramada.evasion.templatetags.evasion_tags import evasion_word, translated

read_only = require_roles(Role.SANCTIONS_ANALYST, Role.AUDITOR, Role.ADMINISTRATOR)
analyst = require_roles(Role.SANCTIONS_ANALYST)


def _entity_url(node_id: str) -> str:
    return reverse("evasion:entity", args=[node_id])


@read_only
def overview(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    return render(
        request,
        "evasion/overview.html",
        {
            "query": query,
            "found": selectors.find_entities(query) if query else None,
            "deemed": {rule: selectors.deemed_sanctioned(rule, limit=50) for rule in selectors.RULES},
            "names": selectors.world().names(),
            "datasets": selectors.datasets(),
        },
    )


@read_only
@require_http_methods(["GET", "POST"])
def entity(request: HttpRequest, node_id: str) -> HttpResponse:
    picture = selectors.entity_picture(node_id)
    if picture is None:
        # a list id merged into another entity, or an IMO or registration number: its entity's page (302)
        canonical = selectors.canonical_node(node_id)
        if canonical is None:
            raise Http404
        return redirect("evasion:entity", canonical)
    # a natural person is drawn under their key; the name the imported data gives is sealed, shown on request
    sealed_names = selectors.sealed_person_names(node_id) if picture.node.schema == "Person" else []
    person_names: list[str] = []
    if request.method == "POST" and sealed_names:
        person_names = sorted(
            {
                holding.reveal(
                    "person_name",
                    by=request.user,
                    purpose="reading the name of a person in the ownership data",
                )
                for holding in sealed_names
            }
        )
    w = selectors.world()
    svg = ownership_svg(
        picture.neighbourhood,
        node_id,
        w.coverage,
        title=picture.node.name,
        href={n: _entity_url(n) for n in picture.neighbourhood.g.nodes if n != node_id},
        say=evasion_word,
    )
    names = w.names()
    return render(
        request,
        "evasion/entity.html",
        {
            "picture": picture,
            "svg": mark_safe(svg),  # noqa: S308 (built by drawing.ownership_svg, every text escaped there)
            "paths": {
                rule: (found, found.path_text(names))
                for rule, found in picture.coverage.items()
                if found is not None
            },
            "names": names,
            "has_sealed_name": bool(sealed_names),
            "person_names": person_names,
        },
    )


@read_only
def vessels(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    return render(
        request,
        "evasion/vessels.html",
        {
            "query": query,
            "found": selectors.find_vessels(query) if query else None,
            "vessels": selectors.listed_vessels(),
            "found_aircraft": selectors.find_aircraft(query) if query else None,
            "aircraft": selectors.listed_aircraft(),
            "names": selectors.world().names(),
        },
    )


@read_only
def wallet(request: HttpRequest) -> HttpResponse:
    form = WalletForm(request.GET or None)
    exposure = None
    if form.is_valid():
        exposure = selectors.wallet_exposure(
            form.cleaned_data["address"],
            currency=form.cleaned_data["currency"] or "",
            hops=form.cleaned_data["hops"] or 3,
        )
    tags = []
    if exposure is not None:
        for tag in exposure.tags:
            purpose = "reading the tags of a traced wallet"
            tags.append(
                {
                    "label": tag.reveal("label", by=request.user, purpose=purpose),
                    "category": tag.category,
                    "source": tag.reveal("source", by=request.user, purpose=purpose) if tag.source else "",
                }
            )
    return render(
        request,
        "evasion/wallet.html",
        {"form": form, "exposure": exposure, "tags": tags, "names": selectors.world().names()},
    )


@read_only
def investigate(request: HttpRequest) -> HttpResponse:
    form = InvestigationForm(request.GET or None)
    result = None
    if form.is_valid():
        result = investigation.investigate(form.cleaned_data["q"], by=request.user)
        export = request.GET.get("format")
        if export in ("ftm", "csv"):
            audit.record(
                by=request.user,
                action="evasion.investigation.export",
                detail={"format": export, "kind": result.kind},
            )
            if export == "ftm":
                response = HttpResponse(result.to_ftm(), content_type="application/json; charset=utf-8")
                response["Content-Disposition"] = 'attachment; filename="investigation.ftm.json"'
            else:
                response = HttpResponse(result.to_csv(), content_type="text/csv; charset=utf-8")
                response["Content-Disposition"] = 'attachment; filename="investigation.csv"'
            return response
    return render(request, "evasion/investigate.html", {"form": form, "result": result})


@analyst
@require_http_methods(["GET", "POST"])
def import_data(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            dataset = services.import_dataset(
                kind=form.cleaned_data["kind"],
                data=upload.read(services.MAX_FILE_BYTES + 1),
                file_name=upload.name,
                name=form.cleaned_data["name"],
                source=form.cleaned_data["source"],
                by=request.user,
            )
        except ImportRefusedError as exc:
            errors = [translated(e) for e in exc.errors]
        except services.AlreadyImportedError as exc:
            errors = [_("This file was already imported as '%(name)s'.") % {"name": exc.dataset.name}]
        else:
            messages.success(request, _("Imported %(rows)s rows.") % {"rows": dataset.row_count})
            for warning in dataset.warnings:
                messages.warning(request, warning)
            return redirect("evasion:overview")
    return render(request, "evasion/import.html", {"form": form, "errors": errors})


@analyst
@require_http_methods(["GET", "POST"])
def shipments(request: HttpRequest) -> HttpResponse:
    form = ShipmentFileForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            screening = services.screen_shipment_file(
                data=upload.read(services.MAX_FILE_BYTES + 1), file_name=upload.name, by=request.user
            )
        except ImportRefusedError as exc:
            errors = [translated(e) for e in exc.errors]
        else:
            return redirect("evasion:shipment_result", screening.pk)
    recent = ShipmentScreening.objects.only("pk", "file_name", "screened_at", "row_count", "flagged_count")[
        :10
    ]
    return render(request, "evasion/shipments.html", {"form": form, "errors": errors, "recent": recent})


@read_only
def shipment_result(request: HttpRequest, screening_id: int) -> HttpResponse:
    screening = get_object_or_404(ShipmentScreening, pk=screening_id)
    csv_wanted = request.GET.get("format") == "csv"
    # the parties may be natural persons and the reasons quote them: read in clear through the audited reveal
    results = selectors.shipment_results(
        screening,
        by=request.user,
        purpose="downloading the screened shipments" if csv_wanted else "reading the screened shipments",
    )
    if csv_wanted:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            ["row", "shipment_id", "flagged", "parties", "vessel", "hs_codes", "value", "reasons"]
        )
        for row in results:
            writer.writerow(
                [
                    row["row"],
                    row["shipment_id"],
                    "yes" if row["flagged"] else "no",
                    "; ".join(f"{k}: {v}" for k, v in row["parties"].items()),
                    row["vessel"],
                    " ".join(row["hs_codes"]),
                    row["value"],
                    " | ".join(
                        f"{r['role']}: {translated(r.get('text') or r['detail'])}"
                        if r["role"]
                        else translated(r.get("text") or r["detail"])
                        for r in row["reasons"]
                    ),
                ]
            )
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="shipments-{screening.pk}.csv"'
        return response
    return render(request, "evasion/shipment_result.html", {"screening": screening, "results": results})
