"""Reading staff accounts for the administration pages and `manage.py staff list`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from hramada.core.models import ApiKey, StaffApproval, StaffInvitation, User
from hramada.core.roles import AccountKind, Role


@dataclass(frozen=True)
class StaffAccount:
    user: User
    roles: tuple[Role, ...]
    authenticator_apps: int
    passkeys: int
    recovery_codes: int
    last_sign_in: datetime | None
    active_api_keys: int
    invitation_pending: bool

    @property
    def has_second_factor(self) -> bool:
        return bool(self.authenticator_apps or self.passkeys)


def staff_users() -> QuerySet[User]:
    return User.objects.filter(kind=AccountKind.STAFF).order_by("username")


def staff_account(user: User) -> StaffAccount:
    from django_otp_webauthn.models import WebAuthnCredential

    return StaffAccount(
        user=user,
        roles=tuple(sorted(Role(grant.role) for grant in user.role_grants.all())),
        authenticator_apps=TOTPDevice.objects.filter(user=user, confirmed=True).count(),
        passkeys=WebAuthnCredential.objects.filter(user=user, confirmed=True).count(),
        recovery_codes=sum(device.token_set.count() for device in StaticDevice.objects.filter(user=user)),
        last_sign_in=user.last_login,
        active_api_keys=ApiKey.objects.filter(owner=user, revoked_at__isnull=True).count(),
        invitation_pending=StaffInvitation.objects.filter(user=user, accepted_at__isnull=True).exists(),
    )


def staff_accounts() -> list[StaffAccount]:
    """Every staff account with its roles, second factors, last sign-in and keys (a few queries per account:
    staff number in the dozens, not thousands)."""
    return [staff_account(user) for user in staff_users().prefetch_related("role_grants")]


def pending_approvals() -> QuerySet[StaffApproval]:
    return StaffApproval.objects.filter(outcome=StaffApproval.Outcome.PENDING).select_related(
        "target", "requested_by"
    )


def api_keys_of(user: User) -> QuerySet[ApiKey]:
    return ApiKey.objects.filter(owner=user)
