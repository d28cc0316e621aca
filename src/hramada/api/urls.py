"""The JSON API: OpenAPI schema at /api/openapi.json, interactive docs at /api/docs (staff only)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.core.exceptions import BadRequest, RequestDataTooBig, SuspiciousOperation
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.multipartparser import MultiPartParserError
from django.urls import reverse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError

from hramada.api import reconcile, registry, screening
from hramada.core.access import Decision, any_staff, check_access, rule_of


def staff_only_docs(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The interactive docs and the OpenAPI schema are for signed-in staff who passed MFA."""
    rule = rule_of(any_staff(lambda request: None))

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if check_access(request.user, rule) is not Decision.ALLOW:
            return HttpResponseRedirect(f"{reverse('core:login')}?next={request.path}")
        return view(request, *args, **kwargs)

    return wrapped


api = NinjaAPI(
    title="Hramada API",
    version="1",
    description=(
        "Screening in the yente (OpenSanctions) dialect under /api/yente/ so existing clients work unchanged. "
        "Authenticate with `Authorization: ApiKey <key>` (keys are issued on your Security page) "
        "or a staff session that has passed MFA."
    ),
    urls_namespace="api",
    docs_url="/docs",
    docs_decorator=staff_only_docs,
)
api.add_router("/yente", screening.router)
api.add_router("/registry", registry.router)
api.add_router("/yente", reconcile.router)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(
        request, {"detail": "Authentication required: send Authorization: ApiKey <key>."}, status=401
    )


@api.exception_handler(AuthorizationError)
def forbidden(request: HttpRequest, exc: AuthorizationError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc.message)}, status=403)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc.message)}, status=exc.status_code)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    fields = [".".join(str(p) for p in error.get("loc", ()) if p not in ("body",)) for error in exc.errors]
    detail = "; ".join(
        f"{field}: {error.get('msg', 'invalid')}" for field, error in zip(fields, exc.errors, strict=False)
    )
    return api.create_response(request, {"detail": detail, "errors": exc.errors}, status=422)


@api.exception_handler(RequestDataTooBig)
def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    from django.conf import settings

    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return api.create_response(
        request,
        {"detail": f"The request body is over the limit of {limit} bytes; send fewer queries at once."},
        status=413,
    )


@api.exception_handler(SuspiciousOperation)
def suspicious(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
    # Too many fields, a malformed multipart body, a bad Host: the request is refused, never a 500.
    return api.create_response(request, {"detail": f"Malformed request: {exc}"}, status=400)


@api.exception_handler(BadRequest)
def bad_request(request: HttpRequest, exc: BadRequest) -> HttpResponse:
    return api.create_response(request, {"detail": f"Malformed request: {exc}"}, status=400)


@api.exception_handler(MultiPartParserError)
def bad_multipart(request: HttpRequest, exc: MultiPartParserError) -> HttpResponse:
    return api.create_response(request, {"detail": f"Malformed multipart body: {exc}"}, status=400)
