"""Finance pages: the payments queue, releasing a tranche, revealing payment details, exports."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hramada.core.access import acting_user, require_roles
from hramada.core.roles import Role
from hramada.fund import exports, forms, selectors, services, workflow
from hramada.fund.models import Grant, Tranche

F, M, A = Role.FINANCE_OFFICER, Role.FUND_MANAGER, Role.AUDITOR


@require_roles(F, M, A)
def queue_payments(request: HttpRequest) -> HttpResponse:
    return render(request, "fund/staff/queue_payments.html", {"items": selectors.payments_queue()})


@require_roles(F)
@require_POST
def release(request: HttpRequest, pk: int) -> HttpResponse:
    tranche = get_object_or_404(Tranche, pk=pk)
    form = forms.ReleaseForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(e) for e in errors))
        return redirect("fund:grant", tranche.grant_id)
    try:
        services.release_tranche(tranche, by=acting_user(request), **form.cleaned_data)
        messages.success(request, _("The tranche was released and the grantee told."))
    except (services.FundError, workflow.TransitionRefused) as exc:
        messages.error(request, str(exc))
    return redirect("fund:grant", tranche.grant_id)


@require_roles(F)
@require_POST
def reveal_payment(request: HttpRequest, pk: int) -> HttpResponse:
    """Payment details for the finance officer who pays; each field read is logged with its purpose."""
    grant = get_object_or_404(Grant, pk=pk)
    purpose = request.POST.get("purpose", "").strip()
    if not purpose:
        messages.error(request, _("Say why you need to see the payment details."))
        return redirect("fund:grant", pk)
    revealed = {}
    if grant.payee_name:
        revealed[_("payee name")] = grant.reveal("payee_name", by=acting_user(request), purpose=purpose)
    if grant.payment_details:
        details = grant.reveal("payment_details", by=acting_user(request), purpose=purpose) or {}
        revealed.update({str(k): v for k, v in details.items()})
    response = render(
        request, "fund/staff/revealed.html", {"application": grant.application, "revealed": revealed}
    )
    response["Cache-Control"] = "no-store"
    return response


@require_roles(F, M, A)
def export(request: HttpRequest, what: str, fmt: str) -> HttpResponse:
    header: tuple[str, ...]
    if what == "grants":
        header, rows = exports.GRANT_HEADER, exports.grant_rows()
    elif what == "disbursements":
        header, rows = exports.DISBURSEMENT_HEADER, exports.disbursement_rows()
    else:
        raise Http404
    if fmt == "csv":
        response = HttpResponse(exports.as_csv(header, rows), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            exports.as_xlsx(what, header, rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="fund-{what}.{fmt}"'
    return response
