"""Staff pages of the fund: queues per role, the application page with its history, reviews, decisions,
reallocations, policy and screening holds. Views are thin: they read through selectors and change through
services, and show a service's refusal as it is."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hramada.core.access import acting_user, require_roles
from hramada.core.personal_data import reveal as reveal_field
from hramada.core.roles import Role
from hramada.fund import forms, selectors, services, workflow
from hramada.fund.models import (
    Application,
    Attachment,
    Envelope,
    Grant,
    Programme,
    Reallocation,
    Report,
    ScreeningHold,
)
from hramada.fund.views import attachments

M, R, F, S, A = Role.FUND_MANAGER, Role.REVIEWER, Role.FINANCE_OFFICER, Role.SANCTIONS_ANALYST, Role.AUDITOR
FUND_STAFF = (M, R, F, S, A)
REFUSALS = (services.FundError, workflow.TransitionRefused)


def _refused(request: HttpRequest, exc: Exception) -> None:
    messages.error(request, str(exc))


@require_roles(*FUND_STAFF)
def overview(request: HttpRequest) -> HttpResponse:
    roles = request.user.roles  # type: ignore[union-attr]
    return render(
        request,
        "fund/staff/overview.html",
        {
            "programmes": Programme.objects.prefetch_related("envelopes").order_by("name"),
            "notifications": selectors.notifications_for(roles)[:50],
            "reallocations": selectors.pending_reallocations(),
            "summary": selectors.panel_summary(request.user),
            "batches": selectors.next_batch_dates(),
        },
    )


@require_roles(M, R, A)
def queue_rapid(request: HttpRequest) -> HttpResponse:
    return render(request, "fund/staff/queue_rapid.html", {"items": selectors.rapid_queue()})


@require_roles(M, R, A)
def queue_long(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "fund/staff/queue_long.html",
        {"batches": selectors.long_term_batches(), "next_dates": selectors.next_batch_dates()},
    )


@require_roles(M, A)
def queue_decisions(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "fund/staff/queue_decisions.html",
        {"applications": selectors.decision_queue(), "reports": selectors.reports_to_review()},
    )


@require_roles(S, A)
def queue_holds(request: HttpRequest) -> HttpResponse:
    return render(request, "fund/staff/queue_holds.html", {"holds": selectors.open_holds()})


@require_roles(*FUND_STAFF)
def application(request: HttpRequest, pk: int) -> HttpResponse:
    app = get_object_or_404(Application.objects.select_related("programme", "applicant"), pk=pk)
    if app.state == "draft":
        raise Http404  # drafts belong to the applicant until they submit
    user: Any = request.user
    # Opening the application page reads what the applicant wrote: each value is an audited reveal.
    purpose = "reading the application"
    selectors.opened([app], selectors.PROPOSAL_TEXT, by=user, purpose=purpose)
    context = {
        "application": app,
        "budget_lines": selectors.opened(app.budget_lines.all(), ("description",), by=user, purpose=purpose),
        "history": selectors.opened(app.history.select_related("by"), ("note",), by=user, purpose=purpose),
        "reviews": selectors.opened(
            app.reviews.select_related("reviewer"), ("conflict_note", "comment"), by=user, purpose=purpose
        ),
        "holds": app.holds.all(),
        "messages_list": selectors.opened(app.messages.all(), ("body",), by=user, purpose=purpose),
        "attachments": app.attachments.all(),
        "transitions": [
            t for t in workflow.available(app.state, user) if t.name in {"start_review", "return_to_review"}
        ],
        "can_review": user.has_role(R, M) and app.state == "in_review",
        "can_recommend": workflow.may("recommend", app.state, user),
        "can_decide": workflow.may("approve", app.state, user),
        "decision_form": forms.DecisionForm(initial={"amount": app.amount_requested}),
        "message_form": forms.MessageForm(),
        "reveal_form": forms.RevealForm(),
        "can_reveal_contacts": user.has_role(M),
        "revealed": None,
        "clock": selectors.clock_status_of(app),
        "envelope": selectors.envelope_of_application(app),
        "grant": Grant.objects.filter(application=app).first(),
        "mine": app.reviews.filter(reviewer=user).first(),
    }
    return render(request, "fund/staff/application.html", context)


@require_roles(M)
@require_POST
def reveal_contacts(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the applicant's contact data to a fund manager, once, after they say why; every field read is logged."""
    app = get_object_or_404(Application, pk=pk)
    form = forms.RevealForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why you need to see the contact data."))
        return redirect("fund:application", pk)
    purpose = form.cleaned_data["purpose"]
    revealed = {
        str(getattr(Application._meta.get_field(name), "verbose_name", name)): reveal_field(
            app, name, by=acting_user(request), purpose=purpose
        )
        for name in ("organisation_name", "contact_name", "contact_details", "address")
        if getattr(app, name)
    }
    if app.applicant.name:
        revealed[_("account name")] = reveal_field(
            app.applicant, "name", by=acting_user(request), purpose=purpose
        )
    response = render(request, "fund/staff/revealed.html", {"application": app, "revealed": revealed})
    response["Cache-Control"] = "no-store"
    return response


@require_roles(M, R)
@require_POST
def transition(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    app = get_object_or_404(Application, pk=pk)
    if name not in {"start_review", "return_to_review"}:
        raise Http404
    try:
        services.take(app, name, by=acting_user(request), note=request.POST.get("note", "")[:2000])
        messages.success(request, _("Done."))
    except REFUSALS as exc:
        _refused(request, exc)
    return redirect("fund:application", pk)


@require_roles(R, M)
def review(request: HttpRequest, pk: int) -> HttpResponse:
    app = get_object_or_404(Application, pk=pk)
    form = forms.ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_review(
                app,
                by=acting_user(request),
                conflict_of_interest=form.cleaned_data["conflict_of_interest"],
                conflict_note=form.cleaned_data["conflict_note"],
                scores=form.scores(),
                recommendation=form.cleaned_data["recommendation"],
                comment=form.cleaned_data["comment"],
            )
            messages.success(request, _("Your review was saved."))
            return redirect("fund:application", pk)
        except REFUSALS as exc:
            form.add_error(None, str(exc))
    return render(request, "fund/staff/review.html", {"application": app, "form": form})


@require_roles(R, M)
@require_POST
def recommend(request: HttpRequest, pk: int) -> HttpResponse:
    app = get_object_or_404(Application, pk=pk)
    try:
        services.recommend(app, by=acting_user(request), note=request.POST.get("note", "")[:2000])
        messages.success(request, _("Sent to a fund manager for decision."))
    except REFUSALS as exc:
        _refused(request, exc)
    return redirect("fund:application", pk)


@require_roles(M)
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    app = get_object_or_404(Application, pk=pk)
    form = forms.DecisionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(e) for e in errors))
        return redirect("fund:application", pk)
    try:
        if form.cleaned_data["decision"] == "approve":
            services.approve(
                app,
                by=acting_user(request),
                amount=form.cleaned_data["amount"],
                note=form.cleaned_data["note"],
            )
            messages.success(request, _("Approved; the letter was sent in the applicant's language."))
        else:
            services.reject(app, by=acting_user(request), note=form.cleaned_data["note"])
            messages.success(request, _("Rejected; the letter was sent in the applicant's language."))
    except REFUSALS as exc:
        _refused(request, exc)
    return redirect("fund:application", pk)


@require_roles(M, R)
@require_POST
def message(request: HttpRequest, pk: int) -> HttpResponse:
    app = get_object_or_404(Application, pk=pk)
    form = forms.MessageForm(request.POST)
    if form.is_valid():
        services.send_message(app, body=form.cleaned_data["body"], by=acting_user(request))
        messages.success(request, _("Message sent."))
    return redirect("fund:application", pk)


@require_roles(M, R)
def attachment(request: HttpRequest, pk: int) -> HttpResponseBase:
    """An attachment is visible exactly when its application is: a draft's files stay the applicant's."""
    item = get_object_or_404(Attachment.objects.select_related("application"), pk=pk)
    if item.application is None or item.application.state == workflow.State.DRAFT:
        raise Http404
    return attachments.send(request, item, back=reverse("fund:application", args=[item.application_id]))


@require_roles(M, F, A)
def envelope(request: HttpRequest, pk: int) -> HttpResponse:
    env = get_object_or_404(Envelope.objects.select_related("programme"), pk=pk)
    return render(
        request,
        "fund/staff/envelope.html",
        {
            "envelope": env,
            "entries": env.entries.select_related("by")[:500],
            "reallocations": Reallocation.objects.filter(source=env)
            | Reallocation.objects.filter(target=env),
        },
    )


@require_roles(M)
def reallocation_new(request: HttpRequest) -> HttpResponse:
    form = forms.ReallocationForm(
        request.POST or None, initial={"source": request.GET.get("source"), "token": uuid.uuid4()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            realloc = services.request_reallocation(
                source=data["source"],
                target=data["target"],
                amount=data["amount"],
                reason=data["reason"],
                by=acting_user(request),
                token=data["token"],
            )
            if realloc.status == Reallocation.Status.PENDING:
                messages.info(request, _("Above the four-eyes limit: a second fund manager must approve it."))
            else:
                messages.success(request, _("The money was moved."))
            return redirect("fund:overview")
        except REFUSALS as exc:
            form.add_error(None, str(exc))
    return render(request, "fund/staff/reallocation_new.html", {"form": form})


@require_roles(M)
@require_POST
def reallocation_decide(request: HttpRequest, pk: int) -> HttpResponse:
    realloc = get_object_or_404(Reallocation, pk=pk)
    try:
        if request.POST.get("decision") == "approve":
            services.approve_reallocation(realloc, by=acting_user(request))
            messages.success(request, _("Approved: the money was moved."))
        else:
            services.reject_reallocation(realloc, by=acting_user(request), note=request.POST.get("note", ""))
            messages.success(request, _("Rejected."))
    except REFUSALS as exc:
        _refused(request, exc)
    return redirect("fund:overview")


@require_roles(M)
def policy(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_object_or_404(Programme, pk=pk)
    form = forms.PolicyForm(request.POST or None, instance=Programme.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        changes = {k: v for k, v in form.cleaned_data.items() if getattr(programme, k) != v}
        services.update_policy(programme, by=acting_user(request), **changes)
        messages.success(request, _("Policy saved; the change is in the audit log."))
        return redirect("fund:overview")
    return render(request, "fund/staff/policy.html", {"programme": programme, "form": form})


@require_roles(S)
def hold(request: HttpRequest, pk: int) -> HttpResponse:
    """A hold and the analyst's decision. The screened name and the matches (whose explanations quote that
    name) are encrypted: a "show" button posts, and each value it opens is a ``personal_data.read`` entry."""
    item = get_object_or_404(ScreeningHold.objects.select_related("application"), pk=pk)
    deciding = request.method == "POST" and "show" not in request.POST
    form = forms.HoldDecisionForm(request.POST if deciding else None)
    screened, matches = None, None
    if deciding and form.is_valid():
        try:
            services.decide_hold(
                item,
                confirm=form.cleaned_data["decision"] == "confirm",
                reason=form.cleaned_data["reason"],
                by=acting_user(request),
            )
            messages.success(request, _("Decision recorded."))
            return redirect("fund:queue_holds")
        except REFUSALS as exc:
            form.add_error(None, str(exc))
    if request.method == "POST" and "show" in request.POST:
        purpose = "sanctions analyst compares the screened name with the listed names"
        with transaction.atomic():
            if item.screened_name:
                screened = item.reveal("screened_name", by=acting_user(request), purpose=purpose)
            matches = item.reveal("matches", by=acting_user(request), purpose=purpose) or []
    response = render(
        request,
        "fund/staff/hold.html",
        {"hold": item, "form": form, "screened": screened, "matches": matches},
    )
    response["Cache-Control"] = "no-store"
    return response


@require_roles(M, F, A)
def grant(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Grant.objects.select_related("application", "envelope"), pk=pk)
    return _grant_page(request, item)


def _grant_page(
    request: HttpRequest, item: Grant, *, agreement_form: forms.AgreementForm | None = None, status: int = 200
) -> HttpResponse:
    user: Any = request.user
    if agreement_form is None and item.status == Grant.Status.AGREEMENT and user.has_role(M):
        agreement_form = forms.AgreementForm()
    return render(
        request,
        "fund/staff/grant.html",
        {
            "grant": item,
            "tranches": item.tranches.all(),
            "reports": selectors.opened(
                item.reports.select_related("tranche"),
                ("narrative", "financial_notes"),
                by=user,
                purpose="reading the grantee's reports",
            ),
            "agreement_form": agreement_form,
            "release_form": forms.ReleaseForm(initial={"currency": item.currency})
            if user.has_role(F)
            else None,
            "can_review_reports": user.has_role(M),
            "can_reveal_payment": user.has_role(F),
        },
        status=status,
    )


@require_roles(M)
@require_POST
def agreement(request: HttpRequest, pk: int) -> HttpResponse:
    """Plan the tranches. A refused plan comes back with every typed row kept and the wrong fields marked."""
    item = get_object_or_404(Grant.objects.select_related("application", "envelope"), pk=pk)
    form = forms.AgreementForm(request.POST)
    if form.is_valid():
        try:
            services.set_up_agreement(item, tranches=form.planned(), by=acting_user(request))
        except REFUSALS as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The agreement is signed and its tranches planned."))
            return redirect("fund:grant", pk)
    return _grant_page(request, item, agreement_form=form, status=400)


@require_roles(M)
@require_POST
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Report, pk=pk)
    try:
        services.review_report(
            item,
            accept=request.POST.get("decision") == "accept",
            note=request.POST.get("note", ""),
            by=acting_user(request),
        )
        messages.success(request, _("Report reviewed."))
    except REFUSALS as exc:
        _refused(request, exc)
    return redirect("fund:grant", item.grant_id)
