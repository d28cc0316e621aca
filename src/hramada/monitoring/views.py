"""Monitoring's pages: the analysts' inbox of list-change alerts, one alert (acknowledge, escalate, reveal the
explanation), the runs, the watch lists. Thin: they read through selectors and change through services."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hramada.core.access import acting_user, require_roles
from hramada.core.personal_data import reveal
from hramada.core.roles import Role
from hramada.monitoring import forms, selectors, services
from hramada.monitoring.models import Alert, WatchList

S, ADMIN, A = Role.SANCTIONS_ANALYST, Role.ADMINISTRATOR, Role.AUDITOR


@require_roles(S, ADMIN, A)
def inbox(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "open")
    owner = request.GET.get("owner", "")
    return render(
        request,
        "monitoring/inbox.html",
        {
            "alerts": selectors.alerts(status=status, owner=owner)[:500],
            "owners": selectors.owners_with_alerts(),
            "status": status,
            "owner": owner,
            "runs": selectors.recent_runs(10),
            "failed_runs": selectors.failed_runs()[:20],
        },
    )


@require_roles(S, ADMIN, A)
def alert(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Alert, pk=pk)
    explanation = None
    if request.method == "POST" and request.POST.get("show"):
        explanation = reveal(
            found, "explanation", by=acting_user(request), purpose="reading a list-change alert"
        )
    return render(
        request,
        "monitoring/alert.html",
        {
            "alert": found,
            "explanation": explanation,
            "ack_form": forms.AcknowledgeForm(),
            "escalate_form": forms.EscalateForm(),
            "may_act": acting_user(request).has_role(S) or acting_user(request).has_role(ADMIN),
        },
    )


@require_POST
@require_roles(S, ADMIN)
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Alert, pk=pk)
    form = forms.AcknowledgeForm(request.POST)
    if form.is_valid():
        try:
            services.acknowledge(found, note=form.cleaned_data["note"], by=acting_user(request))
        except services.MonitoringError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Alert acknowledged."))
    return redirect("monitoring:alert", found.pk)


@require_POST
@require_roles(S, ADMIN)
def escalate(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Alert, pk=pk)
    form = forms.EscalateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why you escalate this alert."))
        return redirect("monitoring:alert", found.pk)
    try:
        services.escalate(found, reason=form.cleaned_data["reason"], by=acting_user(request))
    except services.MonitoringError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Alert escalated."))
    return redirect("monitoring:alert", found.pk)


@require_roles(S, ADMIN, A)
def watch_lists(request: HttpRequest) -> HttpResponse:
    form = forms.WatchListForm()
    problems: list[object] = []
    if request.method == "POST":
        if not (acting_user(request).has_role(S) or acting_user(request).has_role(ADMIN)):
            messages.error(request, _("Only a sanctions analyst may do this."))
            return redirect("monitoring:watch_lists")
        form = forms.WatchListForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                watch_list = services.upload_watch_list(
                    name=form.cleaned_data["name"],
                    file_name=upload.name,
                    data=upload.read(),
                    by=acting_user(request),
                )
            except services.WatchListRefusedError as exc:
                problems = list(exc.problems)
            except services.MonitoringError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(
                    request,
                    _("Watch list stored with %(n)s rows; its first screening is queued.")
                    % {"n": watch_list.row_count},
                )
                return redirect("monitoring:watch_list", watch_list.pk)
    return render(
        request,
        "monitoring/watch_lists.html",
        {"form": form, "problems": problems, "watch_lists": selectors.watch_lists()},
        status=400 if problems else 200,
    )


@require_roles(S, ADMIN, A)
def watch_list(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(WatchList, pk=pk, active=True)
    return render(
        request,
        "monitoring/watch_list.html",
        {
            "watch_list": found,
            "alerts": selectors.alerts(status="all").filter(
                owner="monitoring", ref__startswith=f"monitoring.watch:{found.pk}:"
            )[:500],
        },
    )
