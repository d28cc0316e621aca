"""Deny by default: every view declares who may use it, and `AccessPolicyMiddleware` refuses any view that does not.

Three declarations exist:
- `public` for pages anyone may open (login, the applicant portal's entry, health checks);
- `applicant_required` for the applicant portal;
- `require_roles(Role.X, ...)` for staff pages; staff must also have passed their second factor.

`check_access(user, view_func)` is the one function that decides; the middleware and the URL-enumeration test both
call it, so what the test proves is what runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from hramada.core.roles import ALL_STAFF_ROLES, Role

if TYPE_CHECKING:
    from hramada.core.models import User

ViewFunc = TypeVar("ViewFunc", bound=Callable[..., Any])
ACCESS_ATTRIBUTE = "hramada_access"


class Audience(Enum):
    PUBLIC = "public"
    APPLICANT = "applicant"
    STAFF = "staff"
    # Staff who have signed in with a password but not yet with a second factor (enrolment and verification pages).
    STAFF_PENDING_MFA = "staff_pending_mfa"
    # JSON API endpoints: each operation checks its roles itself against an API key or a verified staff session
    # (hramada.api.auth), answering 401/403 in JSON instead of redirecting to a login page.
    API = "api"


@dataclass(frozen=True)
class AccessRule:
    audience: Audience
    roles: frozenset[Role] = frozenset()


class Decision(Enum):
    ALLOW = "allow"
    LOGIN = "login"  # not signed in: send to the right login page
    MFA = "mfa"  # staff without a verified second factor: send to enrolment or verification
    PASSWORD = "password"  # noqa: S105  (staff with a one-time password: must set their own first)
    DENY = "deny"  # signed in as the wrong kind or role


def _declare(rule: AccessRule) -> Callable[[ViewFunc], ViewFunc]:
    def decorator(view: ViewFunc) -> ViewFunc:
        setattr(view, ACCESS_ATTRIBUTE, rule)
        return view

    return decorator


def public(view: ViewFunc) -> ViewFunc:
    return _declare(AccessRule(Audience.PUBLIC))(view)


def applicant_required(view: ViewFunc) -> ViewFunc:
    return _declare(AccessRule(Audience.APPLICANT))(view)


def api_endpoint(view: ViewFunc) -> ViewFunc:
    return _declare(AccessRule(Audience.API))(view)


def staff_pending_mfa(view: ViewFunc) -> ViewFunc:
    return _declare(AccessRule(Audience.STAFF_PENDING_MFA))(view)


def require_roles(*roles: Role) -> Callable[[ViewFunc], ViewFunc]:
    if not roles:
        raise ValueError("require_roles needs at least one role; use any_staff for every staff role")
    return _declare(AccessRule(Audience.STAFF, frozenset(roles)))


any_staff = require_roles(*ALL_STAFF_ROLES)


def signed_in_user(request: Any) -> Any:
    """The request's user, for views the access policy already let through (never anonymous there)."""
    user = request.user
    if not getattr(user, "is_authenticated", False):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("Sign in first.")
    return user


def acting_user(request: Any) -> User:
    """The signed-in account as services take their actor (`by: User | None`); PermissionDenied if anonymous."""
    acting: User = signed_in_user(request)
    return acting


def rule_of(view: Callable[..., Any] | None) -> AccessRule | None:
    """The access rule a view declared, looking through class-based view wrappers."""
    if view is None:
        return None
    rule = getattr(view, ACCESS_ATTRIBUTE, None)
    if rule is None and hasattr(view, "view_class"):
        rule = getattr(view.view_class, ACCESS_ATTRIBUTE, None)
    return rule if isinstance(rule, AccessRule) else None


def check_access(user: Any, rule: AccessRule | None) -> Decision:
    """Decide whether `user` may open a view with `rule`. A view without a rule is refused to everyone."""
    if rule is None:
        return Decision.DENY
    if rule.audience in (Audience.PUBLIC, Audience.API):
        return Decision.ALLOW
    if not getattr(user, "is_authenticated", False):
        return Decision.LOGIN
    if rule.audience is Audience.APPLICANT:
        return Decision.ALLOW if user.is_applicant and user.is_active else Decision.DENY
    if not user.is_staff_member:
        return Decision.DENY
    if rule.audience is Audience.STAFF_PENDING_MFA:
        return Decision.ALLOW
    if not user.is_verified():
        return Decision.MFA
    if user.must_change_password:
        return Decision.PASSWORD
    return Decision.ALLOW if user.has_role(*rule.roles) else Decision.DENY
