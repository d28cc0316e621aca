"""Staff sign-in: password (throttled by django-axes), then a second factor, enrolled on first sign-in."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.validators import MaxLengthValidator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from hramada.core import mfa
from hramada.core.access import public, signed_in_user, staff_pending_mfa
from hramada.core.audit import record
from hramada.core.models import ApiKey
from hramada.core.posted_ids import posted_id
from hramada.core.staff import has_pending_invitation


class StaffAuthenticationForm(AuthenticationForm):
    """Password sign-in for staff only: applicants sign in through the portal and never reach staff pages."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "not_staff": gettext_lazy("This account cannot sign in here."),
        "invitation_pending": gettext_lazy(
            "Open the invitation link you were sent and choose your own password first."
        ),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # AuthenticationForm sets max_length after the field is built, which adds no validator: without this an
        # over-long username would reach authenticate() and django-axes' 255-character column.
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(getattr(username, "max_length", None) or 150))

    def confirm_login_allowed(self, user: object) -> None:
        super().confirm_login_allowed(user)  # type: ignore[arg-type]
        if not getattr(user, "is_staff_member", False):
            raise forms.ValidationError(self.error_messages["not_staff"], code="not_staff")
        if has_pending_invitation(user):
            raise forms.ValidationError(self.error_messages["invitation_pending"], code="invitation_pending")


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


def _safe_next(request: HttpRequest, default: str = "core:dashboard") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    from django.urls import reverse

    return reverse(default)


class StaffLoginView(auth_views.LoginView):
    template_name = "core/login.html"
    authentication_form = StaffAuthenticationForm
    redirect_authenticated_user = False

    def get_success_url(self) -> str:
        from django.urls import reverse

        next_url = self.get_redirect_url()
        # Encoded, so a `next` holding its own query string (`/fund/?a=1&b=2`) arrives whole at the MFA step.
        return f"{reverse('core:mfa')}?{urlencode({'next': next_url})}" if next_url else reverse("core:mfa")


login_view = public(sensitive_post_parameters("password")(StaffLoginView.as_view()))


@staff_pending_mfa
def mfa_view(request: HttpRequest) -> HttpResponse:
    """Second step of sign-in: enrol a first device, or verify with one already enrolled."""
    user = signed_in_user(request)
    if user.is_verified():
        return redirect(_safe_next(request))
    if not mfa.has_confirmed_device(user):
        return redirect(f"{_reverse('core:mfa_enrol')}?{urlencode({'next': _safe_next(request)})}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        wait_before = mfa.throttle_wait(user)
        device = mfa.verify_any(user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            record(action="auth.mfa_verified", target=user, detail={"device": device.__class__.__name__})
            return redirect(_safe_next(request))
        refusal = mfa.explain_refusal(user, form.cleaned_data["token"], wait_before=wait_before)
        record(action="auth.mfa_failed", target=user, detail={"problem": refusal.problem.value})
        form.add_error("token", _refusal_message(refusal, recovery_codes_accepted=True))
    has_passkey = user.webauthncredential_set.filter(confirmed=True).exists()
    return render(
        request,
        "core/mfa_verify.html",
        {"form": form, "has_passkey": has_passkey, "next": _safe_next(request)},
    )


@staff_pending_mfa
def mfa_enrol(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app by scanning a QR code and typing one code from it."""
    user = signed_in_user(request)
    if mfa.has_confirmed_device(user) and not user.is_verified():
        return redirect("core:mfa")
    device = mfa.pending_totp_device(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        wait_before = mfa.throttle_wait(user, devices=[device])
        if mfa.confirm_totp(device, form.cleaned_data["token"]):
            otp_login(request, device)
            codes = mfa.regenerate_recovery_codes(user)
            record(action="auth.mfa_enrolled", target=user, detail={"device": "totp"})
            return render(request, "core/recovery_codes.html", {"codes": codes, "next": _safe_next(request)})
        form.add_error(
            "token",
            _refusal_message(
                mfa.explain_refusal(
                    user, form.cleaned_data["token"], wait_before=wait_before, devices=[device]
                ),
                recovery_codes_accepted=False,
            ),
        )
    context = {
        "form": form,
        "qr_svg": mfa.totp_qr_svg(device),
        "secret": mfa.totp_secret_base32(device),
        "next": _safe_next(request),
    }
    return render(request, "core/mfa_enrol.html", context)


@staff_pending_mfa
def security(request: HttpRequest) -> HttpResponse:
    """A staff member's own security page: devices, passkeys, recovery codes, sign out everywhere."""
    user = signed_in_user(request)
    if not user.is_verified():
        return redirect("core:mfa")
    codes = None
    new_key = None
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "recovery":
        codes = mfa.regenerate_recovery_codes(user)
        record(action="auth.recovery_codes_regenerated", target=user, detail={})
    elif action == "api_key":
        name = (request.POST.get("name") or "").strip()[:100] or _("API key")
        key, new_key = ApiKey.issue(owner=user, name=name)
        record(action="auth.api_key_issued", target=user, detail={"key": key.prefix, "name": name})
    elif action == "revoke_key":
        revoked = ApiKey.objects.filter(
            owner=user, pk=posted_id(request.POST.get("key_id")) or 0, revoked_at__isnull=True
        )
        for key in revoked:
            key.revoked_at = timezone.now()
            key.save(update_fields=["revoked_at"])
            record(action="auth.api_key_revoked", target=user, detail={"key": key.prefix})
    context = {
        "totp_devices": TOTPDevice.objects.filter(user=user, confirmed=True),
        "passkeys": user.webauthncredential_set.all(),
        "codes": codes,
        "api_keys": ApiKey.objects.filter(owner=user),
        "new_key": new_key,
    }
    return render(request, "core/security.html", context)


@staff_pending_mfa
def password_change(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    if not user.is_verified():
        return redirect("core:mfa")
    form = PasswordChangeForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        user.must_change_password = False
        user.save(update_fields=["must_change_password"])
        update_session_auth_hash(request, user)
        record(action="auth.password_changed", target=user, detail={})
        messages.success(request, _("Your password has been changed."))
        return redirect("core:dashboard")
    return render(request, "core/password_change.html", {"form": form})


@public
@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    applicant = getattr(request.user, "is_applicant", False)
    logout(request)
    return redirect("fund_portal:login" if applicant and _has_url("fund_portal:login") else "core:login")


@staff_pending_mfa
@require_POST
def logout_everywhere(request: HttpRequest) -> HttpResponse:
    """End every session of this account on every device, this one included."""
    user = signed_in_user(request)
    user.session_generation += 1
    user.save(update_fields=["session_generation"])
    record(action="auth.logout_everywhere", target=user, detail={})
    logout(request)
    messages.info(request, _("You have been signed out on every device."))
    return redirect("core:login")


def _refusal_message(refusal: mfa.CodeRefusal, *, recovery_codes_accepted: bool) -> str:
    """Say what actually happened to a refused code: too soon after a wrong one, already used, or not right."""
    if refusal.problem is mfa.CodeProblem.WAIT:
        return ngettext(
            "After a wrong code the next try must wait a moment: wait %(seconds)d second, then type the code "
            "your app shows.",
            "After a wrong code the next try must wait a moment: wait %(seconds)d seconds, then type the code "
            "your app shows.",
            refusal.wait_seconds,
        ) % {"seconds": refusal.wait_seconds}
    if refusal.problem is mfa.CodeProblem.REPLAYED:
        return _(
            "This code has been used already. Wait for your app to show the next one (at most 30 seconds)."
        )
    if recovery_codes_accepted:
        return _(
            "That code is not right. Type the six digits your app shows now, or one of your recovery codes. "
            "If app codes keep failing, set your phone's clock to automatic."
        )
    return _(
        "That code is not right. Type the six digits your app shows now. If it keeps failing, set your "
        "phone's clock to automatic."
    )


def _reverse(name: str) -> str:
    from django.urls import reverse

    return reverse(name)


def _has_url(name: str) -> bool:
    from django.urls import NoReverseMatch

    try:
        _reverse(name)
    except NoReverseMatch:
        return False
    return True
