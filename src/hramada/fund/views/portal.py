"""The applicant portal: plain forms that work with JavaScript disabled (Tor Browser, safest mode).

Every page is either `public` (start, register, sign in) or `applicant_required`, and every application is looked
up through its owner, so one applicant can never open another's.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from hramada.core import rate_limits
from hramada.core.access import acting_user, applicant_required, public
from hramada.core.personal_data import reveal
from hramada.core.sealed import Sealed
from hramada.fund import forms, selectors, services, workflow
from hramada.fund.account_codes import normalise_account_code, normalise_passphrase
from hramada.fund.models import Application, Attachment, Grant, Programme, Tier, Tranche
from hramada.fund.views import attachments
from hramada.fund.workflow import State

# Why an applicant's own pages open their encrypted answers (each read is in the audit log all the same).
OWN_DATA = "the applicant reads their own application"


def _own(request: HttpRequest, pk: int) -> Application:
    return get_object_or_404(
        Application.objects.select_related("programme"), pk=pk, applicant__user=request.user
    )


@public
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "fund/portal/start.html", {"programmes": Programme.objects.order_by("name")})


@public
@sensitive_post_parameters("name", "email")
def register(request: HttpRequest) -> HttpResponse:
    """Create an account. The code and passphrase appear once, in this response, and are stored nowhere in clear."""
    language = translation.get_language() or "en"
    form = forms.RegisterForm(
        request.POST or None, initial={"language": language if language in "be ru en" else "en"}
    )
    if request.method == "POST" and form.is_valid():
        refusal = _registration_refused(request)
        if refusal:
            form.add_error(None, refusal)
            return render(request, "fund/portal/register.html", {"form": form}, status=429)
        account = services.register_applicant(
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            language=form.cleaned_data["language"],
        )
        login(request, account.applicant.user, backend="django.contrib.auth.backends.ModelBackend")
        translation.activate(form.cleaned_data["language"])
        response = render(request, "fund/portal/account_created.html", {"account": account})
        response["Cache-Control"] = "no-store"
        return response
    return render(request, "fund/portal/register.html", {"form": form})


def _registration_refused(request: HttpRequest) -> str:
    """Why a new account cannot be made now ('' if it can): too many from this address, or in all, this hour."""
    if not rate_limits.allow(
        "registration.address",
        rate_limits.client_address(request),
        limit=settings.REGISTRATIONS_PER_ADDRESS_PER_HOUR,
        window_seconds=3600,
    ):
        return _(
            "Too many accounts were created from your connection in the last hour. Please try again in an hour. "
            "Nothing you typed was stored."
        )
    if not rate_limits.allow(
        "registration.all", "all", limit=settings.REGISTRATIONS_PER_HOUR, window_seconds=3600
    ):
        return _(
            "Unusually many accounts were created in the last hour, so registration is paused for a while. "
            "Please try again in an hour. Nothing you typed was stored."
        )
    return ""


@public
@sensitive_post_parameters("passphrase")
def login_view(request: HttpRequest) -> HttpResponse:
    form = forms.PortalLoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request,
            username=normalise_account_code(form.cleaned_data["code"]),
            password=normalise_passphrase(form.cleaned_data["passphrase"]),
        )
        if user is not None and getattr(user, "is_applicant", False):
            login(request, user)
            return redirect("fund_portal:home")
        form.add_error(None, _("The code or the passphrase is not right."))
    return render(request, "fund/portal/login.html", {"form": form})


@applicant_required
def home(request: HttpRequest) -> HttpResponse:
    applicant = services.applicant_of(request.user)
    applications = selectors.opened(
        applicant.applications.select_related("programme").order_by("-created_at"),
        ("title",),
        by=request.user,
        purpose=OWN_DATA,
    )
    return render(request, "fund/portal/home.html", {"applications": applications, "applicant": applicant})


@applicant_required
def new(request: HttpRequest, tier: str) -> HttpResponse:
    """Start a draft. The form carries a token, so a double click makes one draft, not two."""
    if tier not in Tier.values:
        return redirect("fund_portal:home")
    language = getattr(request.user, "preferred_language", "") or translation.get_language() or "en"
    form = forms.NewApplicationForm(request.POST or None, initial={"language": language})
    if not request.POST:
        form = forms.NewApplicationForm(initial={"language": language, "token": _fresh_token()})
    if request.method == "POST" and form.is_valid():
        application = services.create_draft(
            applicant=services.applicant_of(request.user),
            programme=form.cleaned_data["programme"],
            tier=tier,
            token=form.cleaned_data["token"],
            language=form.cleaned_data["language"],
            by=acting_user(request),
        )
        first_step = "rapid" if tier == Tier.RAPID else forms.LONG_STEPS[0][0]
        return redirect("fund_portal:edit", application.pk, first_step)
    return render(request, "fund/portal/new.html", {"form": form, "tier": Tier(tier)})


def _fresh_token() -> str:
    import uuid

    return str(uuid.uuid4())


def _initial(application: Application, form_class: type[Any], *, by: Any) -> dict[str, Any]:
    initial: dict[str, Any] = {}
    for name in form_class.base_fields:
        value = getattr(application, name, None)
        if name in selectors.PROPOSAL_TEXT and isinstance(value, Sealed):
            # The applicant's own text comes back into their draft (an audited read); contact data does not.
            initial[name] = reveal(application, name, by=by, purpose=OWN_DATA)
        elif value is not None and not isinstance(value, Sealed):
            initial[name] = value
    if form_class is forms.RapidForm:
        for key in ("repression_related", "non_violent", "other_funding"):
            if key in application.eligibility:
                initial[key] = "yes" if application.eligibility[key] else "no"
    if form_class is forms.LongBudgetForm:
        lines = selectors.opened(
            application.budget_lines.all()[: forms.BUDGET_ROWS], ("description",), by=by, purpose=OWN_DATA
        )
        for i, line in enumerate(lines):
            initial[f"line_{i}"] = line.description_text  # type: ignore[attr-defined]
            initial[f"amount_{i}"] = line.amount
    return initial


@applicant_required
def edit(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """One step of the form. Every button saves; "Save draft" stays, "Next" moves on: no script needed."""
    application = _own(request, pk)
    if application.state != State.DRAFT:
        messages.info(request, _("This application was submitted and can no longer be changed."))
        return redirect("fund_portal:application", pk)
    steps = [("rapid", _("Request"), forms.RapidForm)] if application.is_rapid else forms.LONG_STEPS
    names = [s[0] for s in steps]
    if step not in names:
        return redirect("fund_portal:edit", pk, names[0])
    index = names.index(step)
    form_class = steps[index][2]
    form = form_class(request.POST or None, initial=_initial(application, form_class, by=request.user))
    if request.method == "POST":
        if form.is_valid():
            fields = form.to_fields() if hasattr(form, "to_fields") else dict(form.cleaned_data)
            fields = {
                k: v
                for k, v in fields.items()
                if not k.startswith(("line_", "amount_")) or k == "amount_requested"
            }
            try:
                services.save_draft(application, fields=fields, by=acting_user(request))
            except services.FundError as exc:
                messages.error(request, str(exc))
                return redirect("fund_portal:application", pk)
            messages.success(request, _("Saved."))
            if "next" in request.POST and index + 1 < len(names):
                return redirect("fund_portal:edit", pk, names[index + 1])
            if "next" in request.POST:
                return redirect("fund_portal:application", pk)
            return redirect("fund_portal:edit", pk, step)
        messages.error(request, _("Please correct the answers marked below. Nothing you typed was lost."))
    return render(
        request,
        "fund/portal/edit.html",
        {
            "application": application,
            "form": form,
            "steps": steps,
            "step": step,
            "index": index,
            "last": index + 1 == len(names),
        },
    )


@applicant_required
def application(request: HttpRequest, pk: int) -> HttpResponse:
    application = _own(request, pk)
    grant = Grant.objects.filter(application=application).first()
    problems = services.completeness_problems(application) if application.state == State.DRAFT else []
    answers = ("summary", "objectives", "activities", "risks", "digital_security_plan")
    opened = ("title",) if application.state == State.DRAFT else ("title", *answers)
    selectors.opened([application], opened, by=request.user, purpose=OWN_DATA)
    budget_lines = (
        selectors.opened(application.budget_lines.all(), ("description",), by=request.user, purpose=OWN_DATA)
        if application.state != State.DRAFT
        else []
    )
    return render(
        request,
        "fund/portal/application.html",
        {
            "application": application,
            "budget_lines": budget_lines,
            "problems": problems,
            "token_form": forms.TokenForm.fresh(),
            "attachment_form": forms.AttachmentForm(),
            "message_form": forms.MessageForm(),
            "can_withdraw": workflow.may("withdraw", application.state, request.user),
            "grant": grant,
            "tranches": grant.tranches.all() if grant else [],
            "messages_list": selectors.opened(
                application.messages.all(), ("body",), by=request.user, purpose=OWN_DATA
            ),
            "history": selectors.opened(
                application.history.all(), ("note",), by=request.user, purpose=OWN_DATA
            ),
            "steps": [("rapid", _("Request"))]
            if application.is_rapid
            else [(s[0], s[1]) for s in forms.LONG_STEPS],
        },
    )


@applicant_required
@require_POST
def attach(request: HttpRequest, pk: int) -> HttpResponse:
    application = _own(request, pk)
    form = forms.AttachmentForm(request.POST, request.FILES)
    if application.state != State.DRAFT:
        messages.error(
            request, _("Attachments can be added to a draft only; send further documents as a message.")
        )
    elif form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.add_attachment(
                application, upload=upload, name=upload.name, size=upload.size, by=acting_user(request)
            )
            messages.success(request, _("The file was added."))
        except services.AttachmentRefused as exc:
            messages.error(request, str(exc))
    else:
        messages.error(request, _("Choose a file to upload."))
    return redirect("fund_portal:application", pk)


@applicant_required
def attachment(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponseBase:
    """The applicant's own file, back to them (and to nobody else: the application is looked up through its owner)."""
    application = _own(request, pk)
    item = get_object_or_404(Attachment, pk=attachment_pk, application=application)
    return attachments.send(request, item, back=reverse("fund_portal:application", args=[application.pk]))


@applicant_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    application = _own(request, pk)
    form = forms.TokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The form expired. Please press Submit again."))
        return redirect("fund_portal:application", pk)
    already = application.state != State.DRAFT and application.submission_token == form.cleaned_data["token"]
    try:
        services.submit(application, token=form.cleaned_data["token"], by=acting_user(request))
    except (services.FundError, workflow.TransitionRefused) as exc:
        messages.error(request, str(exc))
        return redirect("fund_portal:application", pk)
    messages.success(
        request, _("Already submitted: nothing was sent twice.") if already else _("Submitted. Thank you.")
    )
    return redirect("fund_portal:application", pk)


@applicant_required
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdrawing cannot be undone, so it takes two steps: this page asks, and only its own button withdraws
    (a confirmation page rather than a script, so it works without JavaScript)."""
    application = _own(request, pk)
    if not workflow.may("withdraw", application.state, request.user):
        messages.error(request, _("This application can no longer be withdrawn."))
        return redirect("fund_portal:application", pk)
    if request.method == "POST" and request.POST.get("confirm") == "withdraw":
        try:
            services.take(
                application, "withdraw", by=acting_user(request), note=request.POST.get("note", "")[:500]
            )
            messages.success(request, _("Your application was withdrawn."))
        except workflow.TransitionRefused as exc:
            messages.error(request, str(exc))
        return redirect("fund_portal:application", pk)
    return render(request, "fund/portal/withdraw.html", {"application": application})


@applicant_required
@require_POST
def message(request: HttpRequest, pk: int) -> HttpResponse:
    application = _own(request, pk)
    form = forms.MessageForm(request.POST)
    if form.is_valid():
        services.send_message(application, body=form.cleaned_data["body"], by=acting_user(request))
        messages.success(request, _("Your message was sent."))
    else:
        messages.error(request, _("The message is empty."))
    return redirect("fund_portal:application", pk)


@applicant_required
def payment(request: HttpRequest, pk: int) -> HttpResponse:
    application = _own(request, pk)
    grant = get_object_or_404(Grant, application=application)
    form = forms.PaymentDetailsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.give_payment_details(
            grant,
            payee_name=data["payee_name"],
            details={"account": data["account"], "bank": data["bank"], "country": data["country"]},
            by=acting_user(request),
        )
        messages.success(request, _("Payment details saved. They are stored encrypted."))
        return redirect("fund_portal:application", pk)
    return render(
        request, "fund/portal/payment.html", {"application": application, "form": form, "grant": grant}
    )


@applicant_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    application = _own(request, pk)
    grant = get_object_or_404(Grant, application=application)
    tranches = list(grant.tranches.filter(status=Tranche.Status.PLANNED))
    form = forms.ReportForm(request.POST or None, request.FILES or None, tranches=tranches)
    if request.method == "POST" and form.is_valid():
        tranche = next(t for t in tranches if t.pk == form.cleaned_data["tranche"])
        try:
            new_report = services.submit_report(
                grant,
                tranche=tranche,
                narrative=form.cleaned_data["narrative"],
                spent=form.cleaned_data["spent"],
                financial_notes=form.cleaned_data["financial_notes"],
                by=acting_user(request),
            )
            upload = form.cleaned_data.get("file")
            if upload:
                try:
                    services.add_attachment(
                        application,
                        upload=upload,
                        name=upload.name,
                        size=upload.size,
                        by=acting_user(request),
                        report=new_report,
                    )
                except services.AttachmentRefused as exc:
                    messages.error(request, str(exc))
            messages.success(request, _("Your report was submitted."))
            return redirect("fund_portal:application", pk)
        except services.FundError as exc:
            form.add_error(None, str(exc))
    return render(
        request, "fund/portal/report.html", {"application": application, "form": form, "grant": grant}
    )
