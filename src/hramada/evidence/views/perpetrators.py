"""Pages of perpetrators, listing candidates and dossiers, and of the offline map and timeline."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hramada.core import audit
from hramada.core.access import require_roles, signed_in_user
from hramada.core.posted_ids import posted_id
from hramada.core.roles import Role
from hramada.evidence import charts, dossiers, forms, maps, sanctions_link, selectors, services
from hramada.evidence.models import DocumenterGroup, Dossier, IncidentKind, ObservationKind, Perpetrator

D, A, S = Role.DOCUMENTER, Role.AUDITOR, Role.SANCTIONS_ANALYST


@require_roles(D, A, S)
def perpetrators(request: HttpRequest) -> HttpResponse:
    form = forms.PerpetratorForm(request.POST or None)
    if request.method == "POST":
        if not signed_in_user(request).has_role(D):
            raise Http404
        if form.is_valid():
            try:
                perpetrator = services.add_perpetrator(by=request.user, **form.cleaned_data)
            except services.EvidenceError as exc:
                messages.error(request, str(exc))
            else:
                return redirect("evidence:perpetrator", perpetrator.pk)
    return render(
        request, "evidence/perpetrators.html", {"perpetrators": Perpetrator.objects.all()[:500], "form": form}
    )


@require_roles(D, A, S)
def perpetrator(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(Perpetrator, pk=pk)
    return render(
        request,
        "evidence/perpetrator.html",
        {
            "perpetrator": record,
            "involvements": record.involvements.filter(
                incident__in=selectors.incidents_for(request.user)
            ).select_related("incident"),
            "dossiers": record.dossiers.filter(owner_group__members=signed_in_user(request))
            if not signed_in_user(request).has_role(A)
            else record.dossiers.all(),
            "groups": DocumenterGroup.objects.filter(members=signed_in_user(request)),
            "dossier_form": forms.DossierForm(),
        },
    )


@require_roles(D, A, S)
def candidates(request: HttpRequest) -> HttpResponse:
    verified = list(selectors.perpetrators_with_verified_incidents())
    return render(
        request,
        "evidence/candidates.html",
        {
            "candidates": [p for p in verified if p.sanctions_checked_at and not p.sanctions_matches],
            "listed": [p for p in verified if p.sanctions_matches],
            "unchecked": [p for p in verified if not p.sanctions_checked_at],
        },
    )


@require_roles(D, S)
@require_POST
def sanctions_check(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Screen one perpetrator (pk) or every one with a verified incident against the sanctions lists."""
    if pk is not None:
        chosen = [get_object_or_404(Perpetrator, pk=pk)]
    else:
        chosen = list(selectors.perpetrators_with_verified_incidents())
    checked = sanctions_link.check(chosen, by=request.user)
    messages.success(request, _("%(count)s checked against the sanctions lists.") % {"count": len(checked)})
    return redirect("evidence:perpetrator", pk) if pk is not None else redirect("evidence:candidates")


@require_roles(D)
@require_POST
def dossier_new(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(Perpetrator, pk=pk)
    group = DocumenterGroup.objects.filter(
        members=signed_in_user(request), pk=posted_id(request.POST.get("group")) or 0
    ).first()
    form = forms.DossierForm(request.POST)
    if group is None or not form.is_valid():
        messages.error(request, _("Choose your group and write the draft statement of reasons."))
        return redirect("evidence:perpetrator", pk)
    with transaction.atomic():
        dossier = Dossier.objects.create(
            perpetrator=record,
            owner_group=group,
            created_by=signed_in_user(request),
            statement_of_reasons=form.cleaned_data["statement_of_reasons"],
        )
        audit.record(action="evidence.dossier.created", target=dossier, by=request.user)
    return redirect("evidence:dossier", dossier.pk)


def _dossier_or_404(request: HttpRequest, pk: int) -> Dossier:
    dossier = get_object_or_404(Dossier.objects.select_related("perpetrator"), pk=pk)
    user = signed_in_user(request)
    if not user.has_role(A) and not dossier.owner_group.members.filter(pk=user.pk).exists():
        raise Http404
    return dossier


@require_roles(D, A)
def dossier(request: HttpRequest, pk: int) -> HttpResponse:
    record = _dossier_or_404(request, pk)
    content = dossiers.assemble(record, by=request.user, purpose="dossier page")
    response = render(request, "evidence/dossier.html", {"dossier": record, "content": content})
    response["Cache-Control"] = "no-store"
    return response


@require_roles(D, A)
@require_POST
def dossier_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    record = _dossier_or_404(request, pk)
    if fmt not in {"pdf", "ftm"}:
        raise Http404
    content = dossiers.assemble(record, by=request.user, purpose=f"dossier export ({fmt})")
    with transaction.atomic():
        audit.record(action=f"evidence.dossier.exported.{fmt}", target=record, by=request.user)
    if fmt == "pdf":
        response = HttpResponse(dossiers.as_pdf(content), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="dossier-{record.pk}.pdf"'
    else:
        response = HttpResponse(dossiers.as_ftm(content), content_type="application/json")
        response["Content-Disposition"] = f'attachment; filename="dossier-{record.pk}.ftm.json"'
    response["Cache-Control"] = "no-store"
    return response


def _filters(request: HttpRequest) -> tuple[forms.MapFilterForm, list[str], date | None, date | None]:
    form = forms.MapFilterForm(request.GET or None)
    if request.GET and form.is_valid():
        return form, list(form.cleaned_data["kinds"]), form.cleaned_data["start"], form.cleaned_data["end"]
    return form, [], None, None


def _groups() -> list[str]:
    return [f"incident:{k}" for k in IncidentKind.values] + [
        f"observation:{k}" for k in ObservationKind.values
    ]


def _legend() -> list[tuple[str, str]]:
    labels = {f"incident:{v}": str(label) for v, label in IncidentKind.choices}
    labels |= {f"observation:{v}": str(label) for v, label in ObservationKind.choices}
    groups = _groups()
    return [(labels[g], charts.PALETTE[i % len(charts.PALETTE)]) for i, g in enumerate(groups)]


@require_roles(D, A)
def map_page(request: HttpRequest) -> HttpResponse:
    form, kinds, start, end = _filters(request)
    points = selectors.map_points(request.user, kinds=kinds, start=start, end=end)
    return render(
        request,
        "evidence/map.html",
        {
            "form": form,
            "svg": maps.map_svg(points, _groups(), _("Incidents and observations")),
            "points": points,
            "legend": _legend(),
        },
    )


@require_roles(D, A)
def timeline(request: HttpRequest) -> HttpResponse:
    form, kinds, start, end = _filters(request)
    points = selectors.map_points(request.user, kinds=kinds, start=start, end=end, located_only=False)
    first = start or (points[0].when if points else timezone.localdate())
    last = end or timezone.localdate()
    groups = [g for g in _groups() if any(p.group == g for p in points)]
    labels = dict(_legend_labels())
    return render(
        request,
        "evidence/timeline.html",
        {
            "form": form,
            "svg": maps.timeline_svg(points, groups, first, last, _("Timeline"), labels=labels),
            "points": list(reversed(points)),
        },
    )


def _legend_labels() -> list[tuple[str, str]]:
    labels = [(f"incident:{v}", str(label)) for v, label in IncidentKind.choices]
    return labels + [(f"observation:{v}", str(label)) for v, label in ObservationKind.choices]
