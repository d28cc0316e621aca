"""Staff pages of the registry: the donor's own records, other donors' coordination-level records, the
coordination views with charts and downloads, overlap flags, recipient merges, priorities and screening holds."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hramada.core.access import require_roles, signed_in_user
from hramada.core.roles import Role
from hramada.registry import charts, exports, overlaps, resolution, screening, selectors, services
from hramada.registry.forms import ConsentForm, DecisionForm, PriorityForm
from hramada.registry.models import (
    Decision,
    Donor,
    GrantRecord,
    MergeProposal,
    OverlapFlag,
    ScreeningHold,
)

READ = (Role.DONOR_COORDINATOR, Role.AUDITOR)
COORDINATOR = (Role.DONOR_COORDINATOR,)


def _years() -> list[int]:
    now = timezone.localdate().year
    return [now - 2, now - 1, now]


def _own_donor(request: HttpRequest, slug: str) -> Donor:
    """The donor, if the user acts for it (auditors read every donor); otherwise 404: a donor's records are not
    even confirmed to exist for others."""
    user = signed_in_user(request)
    donor = get_object_or_404(Donor, slug=slug)
    if donor.pk in services.member_donor_ids(user) or selectors.sees_everything(user):
        return donor
    raise Http404


@require_roles(*READ)
def overview(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    return render(
        request,
        "registry/overview.html",
        {
            "donors": selectors.donors_for(user)
            if not selectors.sees_everything(user)
            else Donor.objects.all(),
            "rows": selectors.coordination_rows(user, limit=200),
            "summary": selectors.panel_summary(user),
        },
    )


@require_roles(*READ)
def donor(request: HttpRequest, slug: str) -> HttpResponse:
    donor = _own_donor(request, slug)
    return render(
        request,
        "registry/donor.html",
        {
            "donor": donor,
            "records": selectors.own_records(request.user, donor)[:500],
            "imports": donor.imports.all()[:20],
        },
    )


@require_roles(*READ)
def record(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(GrantRecord.objects.select_related("donor", "recipient"), pk=pk)
    _own_donor(request, record.donor.slug)
    return render(
        request,
        "registry/record.html",
        {"record": record, "consent_form": ConsentForm(), "consents": record.recipient.consents.all()},
    )


@require_POST
@require_roles(*COORDINATOR)
def reveal_recipient(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(GrantRecord.objects.select_related("donor", "recipient"), pk=pk)
    _own_donor(request, record.donor.slug)
    recipient = record.recipient
    name = recipient.reveal("name", by=request.user, purpose="donor coordinator viewing its own grant record")
    registration = recipient.reveal(
        "registration", by=request.user, purpose="donor coordinator viewing its own grant record"
    )
    return render(
        request, "registry/revealed.html", {"record": record, "name": name, "registration": registration}
    )


@require_POST
@require_roles(*COORDINATOR)
def consent(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(GrantRecord.objects.select_related("donor", "recipient"), pk=pk)
    _own_donor(request, record.donor.slug)
    form = ConsentForm(request.POST)
    if form.is_valid():
        try:
            services.give_consent(record.recipient, by=request.user, **form.cleaned_data)
            messages.success(request, _("The consent was recorded."))
        except services.RegistryError as e:
            messages.error(request, str(e))
    else:
        messages.error(request, _("Give the scope and the date of the consent."))
    return redirect("registry:record", pk)


@require_POST
@require_roles(*COORDINATOR)
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(GrantRecord.objects.select_related("donor"), pk=pk)
    _own_donor(request, record.donor.slug)
    try:
        services.set_public(record, public=request.POST.get("public") == "1", by=request.user)
    except services.RegistryError as e:
        messages.error(request, str(e))
    return redirect("registry:record", pk)


@require_roles(*READ)
def analysis(request: HttpRequest) -> HttpResponse:
    years = _years()
    cells = selectors.gaps(years)
    conc = selectors.concentration()
    theme_years, theme_series = selectors.over_time("theme")
    donor_years, donor_series = selectors.over_time("donor")
    return render(
        request,
        "registry/analysis.html",
        {
            "years": years,
            "gaps": cells[:60],
            "gap_count": sum(1 for c in cells if not c.funded_eur),
            "concentration": conc,
            "concentration_chart": charts.share_bars(
                [(c.theme, c.top_share) for c in conc],
                _("Share of each theme's money going to its top 3 recipients"),
            ),
            "theme_chart": charts.lines(theme_years, theme_series, _("Funding per theme over time (EUR)")),
            "donor_chart": charts.lines(donor_years, donor_series, _("Funding per donor over time (EUR)")),
            "priority_form": PriorityForm(initial={"year": years[-1]}),
        },
    )


@require_POST
@require_roles(*COORDINATOR)
def priority(request: HttpRequest) -> HttpResponse:
    form = PriorityForm(request.POST)
    if form.is_valid():
        try:
            services.set_priority(by=request.user, **form.cleaned_data)
            messages.success(request, _("The priority was saved."))
        except services.RegistryError as e:
            messages.error(request, str(e))
    else:
        messages.error(request, _("Give a theme, a geography, a year and a target of zero or more."))
    return redirect("registry:analysis")


@require_roles(*READ)
def download(request: HttpRequest, what: str, fmt: str) -> HttpResponse:
    if what not in exports.TABLES or fmt not in ("csv", "xlsx"):
        raise Http404
    table = exports.TABLES[what](request.user, _years())
    if fmt == "csv":
        response = HttpResponse(exports.as_csv(table), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.as_xlsx(what, table),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="registry-{what}.{fmt}"'
    return response


@require_roles(*READ)
def overlap_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    return render(
        request,
        "registry/overlaps.html",
        {
            "flags": overlaps.flags_for(user)[:300],
            "mine": services.member_donor_ids(user),
            "form": DecisionForm(),
        },
    )


@require_POST
@require_roles(*COORDINATOR)
def overlap_detect(request: HttpRequest) -> HttpResponse:
    n = overlaps.detect()
    messages.success(request, _("%(n)s new possible double funding flag(s).") % {"n": n})
    return redirect("registry:overlaps")


@require_POST
@require_roles(*COORDINATOR)
def overlap_decide(request: HttpRequest, pk: int) -> HttpResponse:
    flag = get_object_or_404(OverlapFlag, pk=pk)
    form = DecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        overlaps.decide(
            flag, double_funding=request.POST.get("decision") == "double", note=note, by=request.user
        )
        messages.success(request, _("The flag was decided."))
    except services.RegistryError as e:
        messages.error(request, str(e))
    return redirect("registry:overlaps")


@require_roles(*READ)
def merge_list(request: HttpRequest) -> HttpResponse:
    proposals = MergeProposal.objects.select_related("recipient_a", "recipient_b").order_by(
        "status", "-score"
    )[:300]
    return render(request, "registry/merges.html", {"proposals": proposals})


@require_POST
@require_roles(*COORDINATOR)
def merge_propose(request: HttpRequest) -> HttpResponse:
    n = resolution.propose_merges(by=request.user)
    messages.success(request, _("%(n)s new merge proposal(s).") % {"n": n})
    return redirect("registry:merges")


@require_POST
@require_roles(*COORDINATOR)
def merge_decide(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(MergeProposal, pk=pk)
    try:
        resolution.decide(proposal, confirm=request.POST.get("decision") == "confirm", by=request.user)
        messages.success(request, _("The merge proposal was decided."))
    except services.RegistryError as e:
        messages.error(request, str(e))
    return redirect("registry:merges")


@require_roles(Role.SANCTIONS_ANALYST, Role.AUDITOR)
def holds(request: HttpRequest) -> HttpResponse:
    items = ScreeningHold.objects.select_related("recipient").order_by("status", "-created_at")[:300]
    return render(request, "registry/holds.html", {"holds": items, "Decision": Decision})


@require_POST
@require_roles(Role.SANCTIONS_ANALYST)
def hold_decide(request: HttpRequest, pk: int) -> HttpResponse:
    hold = get_object_or_404(ScreeningHold, pk=pk)
    try:
        screening.decide_hold(hold, confirmed=request.POST.get("decision") == "confirm", by=request.user)
        messages.success(request, _("The hold was decided."))
    except screening.HoldRefusedError as e:
        messages.error(request, str(e))
    return redirect("registry:holds")
