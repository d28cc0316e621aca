"""Request middleware of the core: the access policy, the user's language and the audit context."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from hramada.core import audit_context
from hramada.core.access import Decision, check_access, rule_of


def _client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


class AccessPolicyMiddleware:
    """Refuse every view that does not declare who may use it, and send people to the right login or MFA step."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        if _is_exempt(request):
            return None
        rule = rule_of(view_func)
        decision = check_access(request.user, rule)
        if decision is Decision.ALLOW:
            return None
        next_url = request.get_full_path()
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            next_url = "/"
        if decision is Decision.LOGIN:
            login = "fund_portal:login" if rule and rule.audience.value == "applicant" else "core:login"
            try:
                target = reverse(login)
            except Exception:
                target = reverse("core:login")
            return HttpResponseRedirect(f"{target}?{urlencode({'next': next_url})}")
        if decision is Decision.MFA:
            return HttpResponseRedirect(f"{reverse('core:mfa')}?{urlencode({'next': next_url})}")
        if decision is Decision.PASSWORD:
            return HttpResponseRedirect(reverse("core:password_change"))
        raise PermissionDenied("Your account may not open this page.")


def _is_exempt(request: HttpRequest) -> bool:
    """Static files are served before views; only Django's own static and media prefixes are exempt."""
    return request.path.startswith(settings.STATIC_URL)


class UserLanguageMiddleware:
    """Use the language a signed-in user chose, whatever the browser says; anonymous visitors keep the cookie."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        language = getattr(user, "preferred_language", "") if user and user.is_authenticated else ""
        if not language or language not in dict(settings.LANGUAGES):
            return self.get_response(request)
        # override() restores the previous language afterwards, so nothing leaks into the next request or task
        # served by this thread.
        with translation.override(language):
            request.LANGUAGE_CODE = language
            return self.get_response(request)


class AuditContextMiddleware:
    """Make the acting user and their address known to audit records written while serving this request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        with audit_context.acting(
            user=user if user and user.is_authenticated else None, address=_client_address(request)
        ):
            return self.get_response(request)


API_PREFIX = "/api/"


class NulCharacterMiddleware:
    """A NUL character in the path names no page (404) and one in the query string is a bad request (400).

    PostgreSQL text cannot hold NUL, so `/sanctions/entities/%00/x/` answered 500 where a path value reached a
    query; forms already refuse NUL in their fields (Django's `ProhibitNullCharactersValidator`), and no key,
    reference or search of ours contains one. Bodies are left to the forms, so uploads still stream. The JSON API
    is left to its own validation: its answers (status and JSON body) are what its OpenAPI description says, and an
    HTML refusal from here would be neither.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if "\x00" in request.path:
            raise Http404("There is nothing here.")
        if any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            raise BadRequest("A NUL character in the query string.")
        return self.get_response(request)
