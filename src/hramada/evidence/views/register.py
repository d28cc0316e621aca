"""Pages of the political-prisoner register: the list, an entry with its history and conditions, charts of counts
over time, CSV import with a mapping step, CSV export."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hramada.core import audit
from hramada.core.access import require_roles, signed_in_user
from hramada.core.roles import Role
from hramada.evidence import charts, forms, register_csv, selectors, services
from hramada.evidence.models import SENTENCE_BAND_LABELS, Prisoner, Region, RegisterImport

D, A = Role.DOCUMENTER, Role.AUDITOR


@require_roles(D, A)
def register(request: HttpRequest) -> HttpResponse:
    prisoners = Prisoner.objects.prefetch_related("charges").order_by("-detained_on", "-pk")
    status = request.GET.get("status", "")
    if status:
        prisoners = prisoners.filter(status=status)
    page = Paginator(prisoners, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "evidence/register.html",
        {"page": page, "totals": selectors.register_totals(), "status": status},
    )


def _values(form: forms.PrisonerForm) -> tuple[dict[str, Any], list[str]]:
    data = dict(form.cleaned_data)
    articles = [a for a in data.pop("articles", "").split(",") if a.strip()]
    return data, articles


@require_roles(D)
def prisoner_new(request: HttpRequest) -> HttpResponse:
    form = forms.PrisonerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        values, articles = _values(form)
        try:
            prisoner = services.save_prisoner(by=request.user, values=values, articles=articles)
        except services.EvidenceError as exc:
            messages.error(request, str(exc))
        else:
            return redirect("evidence:prisoner", prisoner.pk)
    return render(request, "evidence/record_form.html", {"form": form, "title": _("Add to the register")})


@require_roles(D, A)
def prisoner(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(Prisoner, pk=pk)
    initial = {field: getattr(entry, field) for field in services.register.PLAIN_FIELDS}
    initial["articles"] = ", ".join(sorted(entry.charges.values_list("article", flat=True)))
    form = forms.PrisonerForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not request.user.has_role(D):  # type: ignore[union-attr]
            raise Http404
        if form.is_valid():
            values, articles = _values(form)
            if not values.get("name"):
                values.pop("name", None)
            try:
                services.save_prisoner(by=request.user, values=values, articles=articles, prisoner=entry)
                messages.success(request, _("Saved."))
                return redirect("evidence:prisoner", pk)
            except services.EvidenceError as exc:
                messages.error(request, str(exc))
    return render(
        request,
        "evidence/prisoner.html",
        {
            "entry": entry,
            "form": form,
            "condition_form": forms.ConditionForm(),
            "conditions": entry.conditions.all(),
            "changes": entry.changes.select_related("by"),
        },
    )


@require_roles(D)
@require_POST
def prisoner_condition(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(Prisoner, pk=pk)
    form = forms.ConditionForm(request.POST)
    if form.is_valid():
        try:
            services.add_condition(entry, by=request.user, **form.cleaned_data)
            messages.success(request, _("Saved."))
        except services.EvidenceError as exc:
            messages.error(request, str(exc))
    else:
        messages.error(request, _("Give a date and a condition."))
    return redirect("evidence:prisoner", pk)


@require_roles(D, A)
@require_POST
def prisoner_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(Prisoner, pk=pk)
    purpose = request.POST.get("purpose", "").strip()
    if not purpose:
        messages.error(request, _("Say why you need to see the name."))
        return redirect("evidence:prisoner", pk)
    name = entry.reveal("name", by=request.user, purpose=purpose)
    history = selectors.sealed_history(entry.changes.select_related("by"), by=request.user, purpose=purpose)
    response = render(
        request, "evidence/prisoner_revealed.html", {"entry": entry, "name": name, "history": history}
    )
    response["Cache-Control"] = "no-store"
    return response


DIMENSIONS = {"article": _("articles"), "sentence": _("sentence length"), "region": _("region")}


@require_roles(D, A, Role.SANCTIONS_ANALYST)
def register_charts(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    try:
        years = max(1, min(20, int(request.GET.get("years", "5"))))
    except ValueError:
        years = 5
    months = selectors.month_starts(date(today.year - years, today.month, 1), today)
    titles = {
        "article": _("People held at the end of each month, by article"),
        "sentence": _("People held at the end of each month, by sentence length"),
        "region": _("People held at the end of each month, by region"),
    }
    # The legends name each line in the reader's language, not by the key it is stored under.
    legends: dict[str, dict[str, Any]] = {"region": dict(Region.choices), "sentence": SENTENCE_BAND_LABELS}
    rendered = []
    for d, title in titles.items():
        names = legends.get(d, {})
        series = [(str(names.get(key, key)), values) for key, values in selectors.held_over_time(d, months)]
        rendered.append((title, charts.line_chart(months, series, title)))
    return render(request, "evidence/register_charts.html", {"charts": rendered, "years": years})


@require_roles(D)
def register_import(request: HttpRequest) -> HttpResponse:
    form = forms.CsvUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(register_csv.MAX_CSV_BYTES + 1)
        try:
            register_csv.read(data)
        except register_csv.CsvError as exc:
            messages.error(request, str(exc))
        else:
            draft = RegisterImport.objects.create(
                content=data.decode("utf-8-sig"), created_by=signed_in_user(request)
            )
            return redirect("evidence:register_mapping", draft.pk)
    return render(request, "evidence/register_import.html", {"form": form})


@require_roles(D)
def register_mapping(request: HttpRequest, pk: int) -> HttpResponse:
    draft = get_object_or_404(RegisterImport, pk=pk, created_by=request.user, imported__isnull=True)
    text = draft.reveal("content", by=request.user, purpose="register import")
    header, rows = register_csv.read(text.encode("utf-8"))
    mapping = register_csv.guess_mapping(header)
    errors: list[Any] = []
    if request.method == "POST":
        mapping = {}
        for target in register_csv.TARGETS:
            raw = request.POST.get(f"map_{target}", "")
            if raw.isdigit() and int(raw) < len(header):
                mapping[target] = int(raw)
        parsed, errors = register_csv.parse_rows(rows, mapping)
        if not errors:
            try:
                with transaction.atomic():
                    for row in parsed:
                        try:
                            services.save_prisoner(
                                by=request.user, values=row["values"], articles=row["articles"]
                            )
                        except services.EvidenceError as exc:
                            raise services.EvidenceError(
                                _("line %(line)s: %(message)s") % {"line": row["line"], "message": exc}
                            ) from None
                    draft.imported = len(parsed)
                    draft.save(update_fields=["imported"])
                    audit.record(
                        action="evidence.register.imported",
                        target=draft,
                        detail={"rows": len(parsed)},
                        by=request.user,
                    )
            except services.EvidenceError as exc:
                errors = [str(exc)]
            else:
                messages.success(request, _("%(count)s entries were imported.") % {"count": len(parsed)})
                return redirect("evidence:register")
    return render(
        request,
        "evidence/register_mapping.html",
        {
            "draft": draft,
            "header": list(enumerate(header)),
            "targets": [(t, mapping.get(t)) for t in register_csv.TARGETS],
            "required": register_csv.REQUIRED,
            "preview": rows[:5],
            "errors": errors[:100],
            "row_count": len(rows),
        },
        status=400 if errors else 200,
    )


@require_roles(D, A)
def register_export(request: HttpRequest) -> HttpResponse:
    prisoners = list(Prisoner.objects.prefetch_related("charges").order_by("pk"))
    names = {
        p.pk: p.reveal("name", by=request.user, purpose="register export (published names)")
        for p in prisoners
        if p.name_is_public
    }
    response = HttpResponse(register_csv.export(prisoners, names), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="political-prisoners.csv"'
    return response
