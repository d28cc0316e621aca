"""Pages of the screening record: analysts' remembered decisions (listed, searchable, reversible by a second
analyst), the question "was this name screened, when, by whom", and the screening profiles (administrators)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hramada.core import audit
from hramada.core.access import acting_user, require_roles, signed_in_user
from hramada.core.roles import Role
from hramada.sanctions import public, selectors
from hramada.sanctions.decision_forms import (
    DecisionSearchForm,
    ProfileForm,
    RecordDecisionForm,
    ReverseDecisionForm,
    ScreenedNameForm,
)
from hramada.sanctions.models import ProfileChange, ScreeningDecision
from hramada.sanctions.profiles import DEFAULTS
from hramada.sanctions.services.decisions import DecisionRefusedError, reverse_decision
from hramada.sanctions.services.profiles import (
    ProfileChangeRefusedError,
    change_profile,
    decide_profile_change,
)

READ_DECISIONS = (Role.SANCTIONS_ANALYST, Role.AUDITOR, Role.ADMINISTRATOR)


@require_roles(*READ_DECISIONS)
def decisions(request: HttpRequest) -> HttpResponse:
    form = DecisionSearchForm(request.GET or None)
    text, standing = "", False
    if form.is_bound and form.is_valid():
        text, standing = form.cleaned_data["q"], form.cleaned_data["standing"]
    page = Paginator(selectors.decisions(text, standing_only=standing), 50).get_page(request.GET.get("page"))
    user = signed_in_user(request)
    return render(
        request,
        "sanctions/decisions.html",
        {
            "form": form,
            "page": page,
            "record_form": RecordDecisionForm(),
            "can_decide": user.has_role(Role.SANCTIONS_ANALYST),
        },
    )


@require_roles(*READ_DECISIONS)
def decision(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(ScreeningDecision.objects.select_related("decided_by", "reversed_by"), pk=pk)
    user = signed_in_user(request)
    return render(
        request,
        "sanctions/decision.html",
        {
            "decision": item,
            "form": ReverseDecisionForm(),
            "can_reverse": user.has_role(Role.SANCTIONS_ANALYST)
            and item.reversed_at is None
            and item.decided_by_id != user.pk,
        },
    )


@require_roles(Role.SANCTIONS_ANALYST)
@require_POST
def reverse(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(ScreeningDecision, pk=pk)
    form = ReverseDecisionForm(request.POST)
    if form.is_valid():
        try:
            reverse_decision(item, reason=form.cleaned_data["reason"], by=acting_user(request))
        except DecisionRefusedError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The decision was reversed."))
            return redirect("screening:decision", item.pk)
    return render(
        request, "sanctions/decision.html", {"decision": item, "form": form, "can_reverse": True}, status=400
    )


@require_roles(Role.SANCTIONS_ANALYST)
@require_POST
def record(request: HttpRequest) -> HttpResponse:
    """Record a decision on a counterparty another system screens through the API (by its reference)."""
    form = RecordDecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        identity = public.current_identity(data["entity_id"])
        listed = public.listed_entity(data["entity_id"])
        if listed is None:
            form.add_error("entity_id", _("No current list carries this entity."))
        else:
            try:
                public.remember_decision(
                    party_ref=data["party_ref"].strip(),
                    entity_id=listed.id,
                    confirmed=data["verdict"] == ScreeningDecision.Verdict.CONFIRMED,
                    reason=data["reason"],
                    identity=identity,
                    caption=listed.caption,
                    origin="page.decisions",
                    by=acting_user(request),
                )
            except DecisionRefusedError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Decision recorded."))
                return redirect("screening:decisions")
    page = Paginator(selectors.decisions(), 50).get_page(1)
    context = {"form": DecisionSearchForm(), "page": page, "record_form": form, "can_decide": True}
    return render(request, "sanctions/decisions.html", context, status=400)


@require_roles(Role.AUDITOR, Role.ADMINISTRATOR)
def screened_name(request: HttpRequest) -> HttpResponse:
    """Was this name screened, when, by whom? Answered from the keyed hash: the log never holds the name.
    The name travels by POST, so it reaches no address bar, proxy log or browser history."""
    form = ScreenedNameForm(request.POST if request.method == "POST" else None)
    entries = None
    if form.is_bound and form.is_valid():
        digest = public.screened_name_hash(form.cleaned_data["name"])
        entries = selectors.screenings_of_name_hash(digest)
        audit.record(
            action="sanctions.screened_name.looked_up",
            detail={"name": digest, "found": len(entries)},
            by=acting_user(request),
        )
    return render(request, "sanctions/screened_name.html", {"form": form, "entries": entries})


@require_roles(Role.ADMINISTRATOR)
def profiles(request: HttpRequest) -> HttpResponse:
    rows = selectors.screening_profiles()
    forms = [
        (
            row,
            DEFAULTS[row.key].label if row.key in DEFAULTS else row.key,
            ProfileForm(
                initial={
                    "match": row.match,
                    "review": row.review,
                    "candidates": row.candidates,
                    "limit": row.limit,
                },
                prefix=row.key,
            ),
        )
        for row in rows
    ]
    return render(
        request,
        "sanctions/profiles.html",
        {"forms": forms, "pending": selectors.pending_profile_changes(), "user_pk": request.user.pk},
    )


@require_roles(Role.ADMINISTRATOR)
@require_POST
def change(request: HttpRequest, key: str) -> HttpResponse:
    form = ProfileForm(request.POST, prefix=key)
    if not form.is_valid():
        messages.error(request, _("The profile was not changed: check the numbers and give a reason."))
        return redirect("screening:profiles")
    try:
        outcome = change_profile(key, by=acting_user(request), **form.cleaned_data)
    except ProfileChangeRefusedError as exc:
        messages.error(request, str(exc))
    else:
        if isinstance(outcome, ProfileChange):
            messages.success(
                request,
                _("This change makes screening less sensitive: it waits for a second administrator."),
            )
        else:
            messages.success(request, _("The profile was changed."))
    return redirect("screening:profiles")


@require_roles(Role.ADMINISTRATOR)
@require_POST
def decide_change(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(ProfileChange, pk=pk)
    approve = request.POST.get("decision") == "approve"
    try:
        decide_profile_change(item, approve=approve, by=acting_user(request))
    except ProfileChangeRefusedError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Change applied.") if approve else _("Change rejected."))
    return redirect("screening:profiles")
