"""Staff administration pages for administrators, and the invitation page a new colleague opens from their link."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.password_validation import validate_password
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from hramada.core import staff
from hramada.core.access import public, require_roles, signed_in_user
from hramada.core.models import ApiKey, StaffApproval, User
from hramada.core.posted_ids import posted_id
from hramada.core.roles import AccountKind, Role
from hramada.core.staff_selectors import api_keys_of, pending_approvals, staff_account, staff_accounts

ROLE_CHOICES = Role.choices


class InviteForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=150)
    username = forms.RegexField(
        label=gettext_lazy("Username"),
        max_length=150,
        regex=r"^[\w.@+-]+\Z",
        help_text=gettext_lazy("Letters, digits and . @ + - _ only."),
    )
    email = forms.EmailField(
        label=gettext_lazy("E-mail"),
        required=False,
        help_text=gettext_lazy(
            "The invitation link is sent here. Leave empty to hand over the link yourself."
        ),
    )
    roles = forms.MultipleChoiceField(
        label=gettext_lazy("Roles"), choices=ROLE_CHOICES, widget=forms.CheckboxSelectMultiple
    )


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=gettext_lazy("Roles"), choices=ROLE_CHOICES, widget=forms.CheckboxSelectMultiple
    )


class AcceptInvitationForm(forms.Form):
    one_time_password = forms.CharField(
        label=gettext_lazy("One-time password"),
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )
    new_password = forms.CharField(
        label=gettext_lazy("Your new password"),
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    new_password_again = forms.CharField(
        label=gettext_lazy("The new password again"),
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("new_password"), data.get("new_password_again")
        if first and second and first != second:
            self.add_error("new_password_again", _("The two passwords differ."))
        elif first:
            try:
                validate_password(first, self.user)
            except forms.ValidationError as error:
                self.add_error("new_password", error)
        return data


def _staff_user(pk: int) -> User:
    return get_object_or_404(User, pk=pk, kind=AccountKind.STAFF)


@require_roles(Role.ADMINISTRATOR)
def accounts(request: HttpRequest) -> HttpResponse:
    """Every staff account with roles, second factors, last sign-in and API keys, and changes awaiting approval."""
    context = {
        "accounts": staff_accounts(),
        "approvals": pending_approvals(),
        "me": signed_in_user(request),
    }
    return render(request, "core/staff/accounts.html", context)


@require_roles(Role.ADMINISTRATOR)
@sensitive_post_parameters()
def invite(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation = staff.invite(
                username=data["username"],
                name=data["name"],
                email=data["email"],
                roles=[Role(value) for value in data["roles"]],
                by=signed_in_user(request),
                language=get_language() or "",
            )
        except staff.StaffAdminError as error:
            form.add_error(None, error)
        else:
            link = request.build_absolute_uri(reverse("core:staff_invitation", args=[invitation.token]))
            staff.send_invitation_email(invitation, link=link)
            response = render(
                request,
                "core/staff/invited.html",
                {"invitation": invitation, "link": link, "account": staff_account(invitation.user)},
            )
            response["Cache-Control"] = "no-store"
            return response
    return render(request, "core/staff/invite.html", {"form": form})


@require_roles(Role.ADMINISTRATOR)
def account(request: HttpRequest, pk: int) -> HttpResponse:
    """One account: change roles, suspend or re-activate, reset the second factor, revoke API keys."""
    target = _staff_user(pk)
    me = signed_in_user(request)
    roles_form = RolesForm(initial={"roles": [grant.role for grant in target.role_grants.all()]})
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "roles":
                roles_form = RolesForm(request.POST)
                if roles_form.is_valid():
                    approval = staff.set_roles(
                        target, [Role(value) for value in roles_form.cleaned_data["roles"]], by=me
                    )
                    messages.success(request, _("Roles saved."))
                    if approval is not None:
                        messages.info(
                            request,
                            _("The administrator role takes effect when a second administrator approves."),
                        )
                    return redirect("core:staff_account", pk=target.pk)
            elif action == "suspend":
                staff.suspend(target, by=me)
                messages.success(request, _("The account is suspended; its sessions have ended."))
                return redirect("core:staff_account", pk=target.pk)
            elif action == "reactivate":
                staff.reactivate(target, by=me)
                messages.success(request, _("The account is active again."))
                return redirect("core:staff_account", pk=target.pk)
            elif action == "reset_mfa":
                if staff.reset_second_factor(target, by=me) is not None:
                    messages.info(
                        request, _("The reset takes effect when a second administrator approves it.")
                    )
                else:
                    messages.success(
                        request,
                        _("Second factors removed. The person sets up a new one at the next sign-in."),
                    )
                return redirect("core:staff_account", pk=target.pk)
            elif action == "revoke_key":
                key = get_object_or_404(ApiKey, pk=posted_id(request.POST.get("key_id")) or 0, owner=target)
                staff.revoke_api_key(key, by=me)
                messages.success(request, _("The API key is revoked."))
                return redirect("core:staff_account", pk=target.pk)
        except staff.StaffAdminError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("core:staff_account", pk=target.pk)
    context = {
        "account": staff_account(target),
        "target": target,
        "roles_form": roles_form,
        "api_keys": api_keys_of(target),
        "approvals": pending_approvals().filter(target=target),
        "me": me,
    }
    return render(request, "core/staff/account.html", context)


@require_roles(Role.ADMINISTRATOR)
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    approval = get_object_or_404(StaffApproval, pk=pk)
    approve = request.POST.get("decision") == "approve"
    try:
        staff.decide_approval(approval, approve=approve, by=signed_in_user(request))
    except staff.StaffAdminError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Change approved and applied.") if approve else _("Change refused."))
    return redirect("core:staff_accounts")


@public
@sensitive_post_parameters()
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The invited colleague types the one-time password, chooses their own, and goes on to set up MFA."""
    invitation = staff.invitation_for_token(token)
    if invitation is None:
        return render(request, "core/staff/invitation_invalid.html", status=404)
    form = AcceptInvitationForm(request.POST or None, user=invitation.user)
    if request.method == "POST" and form.is_valid():
        try:
            user = staff.accept_invitation(
                invitation,
                one_time_password=form.cleaned_data["one_time_password"],
                new_password=form.cleaned_data["new_password"],
            )
        except staff.StaffAdminError as error:
            form.add_error("one_time_password", error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("core:mfa")
    return render(request, "core/staff/invitation.html", {"form": form, "invited": invitation.user})
