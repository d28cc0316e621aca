"""What every answer tells the browser, and what an error page does not tell anyone: the security headers on
pages, refusals and errors alike; production's HTTPS settings; no traceback, exception text or setting on a 500."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path

from hramada import urls as platform_urls
from hramada.core.access import public


@public
def broken_view(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("secret-detail-7f3a in /srv/hramada/var/keyring.json")


# This module doubles as the URL configuration of the error-page test: the platform's, plus one view that fails.
urlpatterns = [path("broken/", broken_view), *platform_urls.urlpatterns]
handler500 = "hramada.core.views.errors.server_error"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/staff/login/", "/apply/register/", "/no/such/page/", "/staff/audit/"])
def test_every_answer_carries_the_security_headers(client: Client, url: str) -> None:
    response = client.get(url)
    policy = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy and "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_production_insists_on_https() -> None:
    production: Any = importlib.import_module("hramada.settings.production")
    assert production.DEBUG is False
    assert production.SECURE_SSL_REDIRECT is True
    assert production.SECURE_HSTS_SECONDS >= 365 * 24 * 3600
    assert production.SECURE_HSTS_INCLUDE_SUBDOMAINS and production.SECURE_HSTS_PRELOAD
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert production.SESSION_COOKIE_HTTPONLY and production.CSRF_COOKIE_HTTPONLY


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_a_server_error_page_shows_no_internals() -> None:
    client = Client(raise_request_exception=False)
    response = client.get("/broken/")
    assert response.status_code == 500
    page = response.content.decode()
    for internal in (
        "Traceback",
        "RuntimeError",
        "secret-detail-7f3a",
        "keyring",
        "SECRET_KEY",
        "site-packages",
    ):
        assert internal not in page
    assert response["Content-Security-Policy"]
