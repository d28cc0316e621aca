"""API authentication: an API key (`Authorization: ApiKey ...` as yente clients send, or `Bearer ...`) or a
signed-in staff session with a verified second factor. Each operation lists the roles it accepts."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthorizationError
from ninja.security.base import AuthBase

from hramada.core.models import ApiKey
from hramada.core.models.api_keys import hash_api_key
from hramada.core.roles import ALL_STAFF_ROLES, Role


class RoleAuth(AuthBase):
    """Authenticate the caller, then require one of `roles`; 401 without credentials, 403 with the wrong role."""

    openapi_type = "apiKey"
    openapi_in = "header"
    openapi_name = "Authorization"

    def __init__(self, *roles: Role) -> None:
        self.roles = frozenset(roles)
        super().__init__()

    def __call__(self, request: HttpRequest) -> Any | None:
        user = _user_from_key(request) or _user_from_session(request)
        if user is None:
            return None
        if not user.has_role(*self.roles):
            raise AuthorizationError(message="Your account's roles may not call this endpoint.")
        request.user = user
        return user


def _user_from_key(request: HttpRequest) -> Any | None:
    header = request.headers.get("Authorization", "")
    scheme, _, raw = header.partition(" ")
    if scheme.lower() not in {"apikey", "bearer"} or not raw.strip():
        return None
    key = (
        ApiKey.objects.select_related("owner")
        .filter(key_hash=hash_api_key(raw.strip()), revoked_at__isnull=True)
        .first()
    )
    if key is None or not key.owner.is_staff_member:
        return None
    request.api_key_id = key.pk  # type: ignore[attr-defined]  # names the caller in the audit log
    now = timezone.now()
    # A write per request would serialise every API call on the database's write lock; a minute's precision is
    # enough to tell which keys are in use.
    if key.last_used_at is None or (now - key.last_used_at).total_seconds() > 60:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
    return key.owner


def _user_from_session(request: HttpRequest) -> Any | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not getattr(user, "is_staff_member", False):
        return None
    if not user.is_verified() or user.must_change_password:
        return None
    return user


def roles(*accepted: Role) -> RoleAuth:
    return RoleAuth(*accepted)


any_staff = RoleAuth(*ALL_STAFF_ROLES)
