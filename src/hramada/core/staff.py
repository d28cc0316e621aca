"""Staff administration: invite colleagues, change their roles, suspend them, reset a lost second factor, revoke keys.

Every function takes the acting administrator keyword-only (`by=`) and writes its audit entry in the same transaction.
Two changes would let one administrator take over the platform alone: granting the administrator role and resetting
another administrator's second factor. When a person asks for either, the change waits as a `StaffApproval` until a
different administrator approves it. `by=None` is the operator at the server's command line (`manage.py staff`), who
already holds the database and the key ring: for them the change applies at once, audited as "system".
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from hramada.core.audit import record
from hramada.core.models import ApiKey, RoleGrant, StaffApproval, StaffInvitation, User
from hramada.core.models.staff import hash_invitation_token
from hramada.core.roles import AccountKind, Role

__all__ = [
    "INVITATION_VALIDITY",
    "Invitation",
    "StaffAdminError",
    "accept_invitation",
    "decide_approval",
    "invitation_for_token",
    "invite",
    "reactivate",
    "reset_second_factor",
    "revoke_api_key",
    "set_roles",
    "suspend",
]

INVITATION_VALIDITY = timedelta(days=7)


class StaffAdminError(ValidationError):
    """A change refused for a reason the administrator can act on (the message says which)."""


@dataclass(frozen=True)
class Invitation:
    """What the inviting administrator sees once: the account, the link's token and the one-time password."""

    user: User
    token: str
    password: str
    approval: StaffApproval | None


def _is_admin(user: User | None) -> bool:
    return user is not None and user.has_role(Role.ADMINISTRATOR)


def _require_admin(by: User | None) -> None:
    if by is not None and not _is_admin(by):
        raise StaffAdminError(_("Only an administrator may administer staff accounts."))


def _roles_of(user: User) -> set[Role]:
    return {Role(value) for value in RoleGrant.objects.filter(user=user).values_list("role", flat=True)}


def _other_active_administrators(user: User) -> bool:
    return (
        RoleGrant.objects.filter(role=Role.ADMINISTRATOR, user__is_active=True, user__kind=AccountKind.STAFF)
        .exclude(user=user)
        .exists()
    )


def _forget_roles(user: User) -> None:
    if hasattr(user, "_roles_cache"):
        del user._roles_cache


def _request_approval(kind: StaffApproval.Kind, target: User, *, by: User) -> StaffApproval:
    approval, created = StaffApproval.objects.get_or_create(
        kind=kind, target=target, outcome=StaffApproval.Outcome.PENDING, defaults={"requested_by": by}
    )
    if created:
        record(action="staff.approval_requested", target=target, by=by, detail={"change": kind.value})
    return approval


def invite(
    *, username: str, name: str, email: str, roles: Iterable[Role], by: User | None, language: str = ""
) -> Invitation:
    """Create a staff account that can sign in only through its invitation link with its one-time password.

    The link goes by e-mail when an address is given (after commit, through Django's e-mail backend); the one-time
    password is shown to the inviting administrator only, to hand over by another channel, so an intercepted e-mail
    alone does not open the account. The administrator role waits for a second administrator's approval.
    """
    _require_admin(by)
    wanted = set(roles)
    if not wanted:
        raise StaffAdminError(_("Choose at least one role."))
    username = username.strip()
    if User.objects.filter(username__iexact=username).exists():
        raise StaffAdminError(_("An account with this username already exists."))
    first_name, _sep, last_name = name.strip().partition(" ")
    password = secrets.token_urlsafe(12)
    token = secrets.token_urlsafe(32)
    needs_approval = by is not None and Role.ADMINISTRATOR in wanted
    granted = wanted - {Role.ADMINISTRATOR} if needs_approval else wanted
    with transaction.atomic():
        user = User.objects.create_user(
            username=username,
            password=password,
            email=email.strip(),
            first_name=first_name[:150],
            last_name=last_name.strip()[:150],
            kind=AccountKind.STAFF,
            preferred_language=language,
        )
        RoleGrant.objects.bulk_create(RoleGrant(user=user, role=role) for role in sorted(granted))
        StaffInvitation.objects.create(
            user=user,
            token_hash=hash_invitation_token(token),
            invited_by=by,
            expires_at=timezone.now() + INVITATION_VALIDITY,
        )
        record(
            action="staff.invited",
            target=user,
            by=by,
            detail={"roles": sorted(granted), "by_email": bool(email.strip())},
        )
        approval = (
            _request_approval(StaffApproval.Kind.GRANT_ADMINISTRATOR, user, by=by)
            if needs_approval and by is not None
            else None
        )
    return Invitation(user=user, token=token, password=password, approval=approval)


def send_invitation_email(invitation: Invitation, *, link: str) -> None:
    """Mail the link (never the password) once the account is committed; nothing is sent for a rolled-back one."""
    address = invitation.user.email
    if not address:
        return
    subject = _("Your Hramada staff account")
    body = _(
        "An administrator has created a Hramada staff account for you (username: %(username)s).\n\n"
        "Open this link within seven days: %(link)s\n\n"
        "You will also need the one-time password that the administrator gives you in person or through another "
        "channel. You will then choose your own password and set up a second factor."
    ) % {"username": invitation.user.username, "link": link}
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address], fail_silently=False)
    )


def invitation_for_token(token: str) -> StaffInvitation | None:
    """The pending, unexpired invitation a link's token names, or None."""
    if not token or len(token) > 100:
        return None
    invitation = (
        StaffInvitation.objects.select_related("user").filter(token_hash=hash_invitation_token(token)).first()
    )
    if invitation is None or not invitation.pending or not invitation.user.is_active:
        return None
    return invitation


def accept_invitation(invitation: StaffInvitation, *, one_time_password: str, new_password: str) -> User:
    """Check the one-time password and replace it with the person's own; the link then stops working."""
    user = invitation.user
    if not user.check_password(one_time_password):
        raise StaffAdminError(_("The one-time password is not right. Ask the administrator who invited you."))
    with transaction.atomic():
        locked = StaffInvitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.accepted_at is not None:
            raise StaffAdminError(_("This invitation has already been used."))
        locked.accepted_at = timezone.now()
        locked.save(update_fields=["accepted_at"])
        user.set_password(new_password)
        user.must_change_password = False
        user.save(update_fields=["password", "must_change_password"])
        record(action="staff.invitation_accepted", target=user, by=user, detail={})
    return user


def has_pending_invitation(user: Any) -> bool:
    """Whether `user` has not yet used their invitation link (they cannot sign in with the password alone)."""
    pk = getattr(user, "pk", None)
    if pk is None:
        return False
    return StaffInvitation.objects.filter(user_id=pk, accepted_at__isnull=True).exists()


def set_roles(target: User, roles: Iterable[Role], *, by: User | None) -> StaffApproval | None:
    """Give `target` exactly `roles`. Adding the administrator role waits for a second administrator when a person
    asks for it (the approval is returned); removing the last active administrator is refused."""
    _require_admin(by)
    wanted = set(roles)
    if not wanted:
        raise StaffAdminError(_("A staff account needs at least one role; suspend it instead."))
    with transaction.atomic():
        current = _roles_of(target)
        approval = None
        if Role.ADMINISTRATOR in wanted and Role.ADMINISTRATOR not in current and by is not None:
            approval = _request_approval(StaffApproval.Kind.GRANT_ADMINISTRATOR, target, by=by)
            wanted.discard(Role.ADMINISTRATOR)
        if (
            Role.ADMINISTRATOR in current
            and Role.ADMINISTRATOR not in wanted
            and not _other_active_administrators(target)
        ):
            raise StaffAdminError(_("This is the last active administrator; make another one first."))
        if not wanted:
            raise StaffAdminError(_("A staff account needs at least one role; suspend it instead."))
        added, removed = wanted - current, current - wanted
        RoleGrant.objects.filter(user=target, role__in=sorted(removed)).delete()
        RoleGrant.objects.bulk_create(RoleGrant(user=target, role=role) for role in sorted(added))
        _forget_roles(target)
        if added or removed:
            record(
                action="staff.roles_changed",
                target=target,
                by=by,
                detail={"added": sorted(added), "removed": sorted(removed)},
            )
    return approval


def _end_sessions(user: User) -> None:
    user.session_generation += 1


def suspend(target: User, *, by: User | None) -> None:
    """Stop `target` from signing in or using API keys, ending every session now; nothing is deleted."""
    _require_admin(by)
    if by is not None and target.pk == by.pk:
        raise StaffAdminError(_("You cannot suspend your own account."))
    with transaction.atomic():
        if Role.ADMINISTRATOR in _roles_of(target) and not _other_active_administrators(target):
            raise StaffAdminError(_("This is the last active administrator; make another one first."))
        target.is_active = False
        _end_sessions(target)
        target.save(update_fields=["is_active", "session_generation"])
        record(action="staff.suspended", target=target, by=by, detail={})


def reactivate(target: User, *, by: User | None) -> None:
    _require_admin(by)
    with transaction.atomic():
        target.is_active = True
        target.save(update_fields=["is_active"])
        record(action="staff.reactivated", target=target, by=by, detail={})


def _remove_second_factors(target: User) -> int:
    from django_otp_webauthn.models import WebAuthnCredential

    removed: int = TOTPDevice.objects.filter(user=target).delete()[0]
    removed += StaticDevice.objects.filter(user=target).delete()[0]
    removed += int(WebAuthnCredential.objects.filter(user=target).delete()[0])
    _end_sessions(target)
    target.save(update_fields=["session_generation"])
    return removed


def reset_second_factor(target: User, *, by: User | None) -> StaffApproval | None:
    """Remove every second factor of `target` (apps, passkeys, recovery codes) and end their sessions, so that they
    enrol again at their next sign-in. Another administrator's reset waits for a second administrator."""
    _require_admin(by)
    with transaction.atomic():
        if by is not None and target.pk != by.pk and Role.ADMINISTRATOR in _roles_of(target):
            return _request_approval(StaffApproval.Kind.RESET_SECOND_FACTOR, target, by=by)
        removed = _remove_second_factors(target)
        record(action="staff.second_factor_reset", target=target, by=by, detail={"devices": removed})
    return None


def revoke_api_key(key: ApiKey, *, by: User | None) -> None:
    _require_admin(by)
    with transaction.atomic():
        locked = ApiKey.objects.select_for_update().get(pk=key.pk)
        if locked.revoked_at is not None:
            return
        locked.revoked_at = timezone.now()
        locked.save(update_fields=["revoked_at"])
        record(
            action="staff.api_key_revoked",
            target=locked.owner,
            by=by,
            detail={"key": locked.prefix, "name": locked.name},
        )


def decide_approval(approval: StaffApproval, *, approve: bool, by: User) -> None:
    """A second administrator approves (the change applies now) or refuses a waiting change."""
    _require_admin(by)
    if not _is_admin(by):
        raise StaffAdminError(_("Only an administrator may approve this change."))
    with transaction.atomic():
        locked = StaffApproval.objects.select_for_update().select_related("target").get(pk=approval.pk)
        if locked.outcome != StaffApproval.Outcome.PENDING:
            raise StaffAdminError(_("This change has already been decided."))
        if locked.requested_by_id == by.pk:
            raise StaffAdminError(_("A different administrator must approve a change you asked for."))
        if approve and locked.kind == StaffApproval.Kind.RESET_SECOND_FACTOR and locked.target_id == by.pk:
            raise StaffAdminError(
                _("A different administrator must approve a reset of your own second factor.")
            )
        locked.outcome = StaffApproval.Outcome.APPROVED if approve else StaffApproval.Outcome.REFUSED
        locked.decided_by = by
        locked.decided_at = timezone.now()
        locked.save(update_fields=["outcome", "decided_by", "decided_at"])
        target = locked.target
        record(
            action="staff.approval_granted" if approve else "staff.approval_refused",
            target=target,
            by=by,
            detail={"change": locked.kind, "requested_by": getattr(locked.requested_by, "username", "")},
        )
        if not approve:
            return
        if locked.kind == StaffApproval.Kind.GRANT_ADMINISTRATOR:
            RoleGrant.objects.get_or_create(user=target, role=Role.ADMINISTRATOR)
            _forget_roles(target)
            record(
                action="staff.roles_changed",
                target=target,
                by=by,
                detail={"added": [Role.ADMINISTRATOR.value], "removed": []},
            )
        else:
            removed = _remove_second_factors(target)
            record(action="staff.second_factor_reset", target=target, by=by, detail={"devices": removed})
