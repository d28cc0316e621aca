"""What django-axes keeps about failed sign-ins: enough to lock a guesser out, nothing that identifies anyone.

By default django-axes stores, for every failed sign-in, the username typed, the address, the browser's user
agent and the whole form that was posted: an applicant's account code and passphrase would sit in
``axes_accessattempt.post_data`` in clear. Here it stores instead a keyed hash of the username, a pseudonymous
address derived from a keyed hash of the real one (a private IPv6 address, so the column type still fits), and
no form data, query string, user agent or ``Accept`` header. Lockout works as before: the same username from the
same address gives the same pair of values. Successful sign-ins are not logged by django-axes at all (the audit
log records them).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from django.http import HttpRequest, QueryDict

from hramada.core import crypto

USERNAME_SCOPE = "axes.username"
ADDRESS_SCOPE = "axes.address"


def pseudonymous_username(
    request: HttpRequest | None, credentials: dict[str, Any] | None = None
) -> str | None:
    """A keyed hash of the username tried (``AXES_USERNAME_CALLABLE``): equal usernames give equal values."""
    username = (credentials or {}).get("username")
    if username is None and request is not None:
        username = request.POST.get("username")
    if not username:
        return None
    return crypto.blind_index(str(username), scope=USERNAME_SCOPE)


def pseudonymous_address(request: HttpRequest) -> str:
    """A private IPv6 address made from a keyed hash of the client's address (``AXES_CLIENT_IP_CALLABLE``)."""
    address = request.META.get("REMOTE_ADDR") or "unknown"
    digest = crypto.blind_index(str(address), scope=ADDRESS_SCOPE)
    return str(ipaddress.IPv6Address(bytes.fromhex("fd" + digest[:30])))


@contextmanager
def _nothing_typed(request: HttpRequest) -> Iterator[None]:
    """While django-axes records, the request carries no form data, query string, user agent or Accept."""
    saved_get, saved_post = request.GET, request.POST
    request.GET = QueryDict()
    request.POST = QueryDict()
    request.axes_user_agent = ""  # type: ignore[attr-defined]
    request.axes_http_accept = ""  # type: ignore[attr-defined]
    try:
        yield
    finally:
        request.GET = saved_get
        request.POST = saved_post


class PseudonymousDatabaseHandler(AxesDatabaseHandler):  # type: ignore[misc]
    """django-axes' database handler, recording failures without anything a person typed."""

    def user_login_failed(
        self, sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
    ) -> None:
        if request is None:
            return super().user_login_failed(sender, credentials, request=request, **kwargs)  # type: ignore[no-any-return]
        # Hash the username before the form is hidden (AXES_USERNAME_CALLABLE reads credentials first).
        with _nothing_typed(request):
            super().user_login_failed(sender, credentials, request=request, **kwargs)
        return None

    def user_logged_in(self, sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
        with _nothing_typed(request):
            super().user_logged_in(sender, request, user, **kwargs)

    def user_logged_out(self, sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
        if request is None:
            return
        with _nothing_typed(request):
            super().user_logged_out(sender, request, user, **kwargs)
