"""A signed-in staff session must carry the CSRF token to change anything through the API; API keys need none
(a browser never sends them on its own)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from hramada.core.models import ApiKey
from hramada.core.roles import Role
from tests.conftest import sign_in_verified

BODY = json.dumps({"queries": {"q1": {"schema": "Person", "properties": {"name": ["Ivan Csrftest"]}}}})


@pytest.fixture
def browser_client() -> Client:
    return Client(enforce_csrf_checks=True)


@pytest.mark.django_db
def test_a_session_post_without_the_csrf_token_is_refused(browser_client: Client, make_staff: Any) -> None:
    sign_in_verified(browser_client, make_staff(Role.SANCTIONS_ANALYST))
    response = browser_client.post("/api/yente/match/default", BODY, content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


@pytest.mark.django_db
def test_a_session_post_with_the_csrf_token_is_accepted(browser_client: Client, make_staff: Any) -> None:
    sign_in_verified(browser_client, make_staff(Role.SANCTIONS_ANALYST))
    browser_client.get("/staff/")  # any page sets the CSRF cookie
    token = browser_client.cookies[settings.CSRF_COOKIE_NAME].value
    response = browser_client.post(
        "/api/yente/match/default", BODY, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 200


@pytest.mark.django_db
def test_an_api_key_needs_no_csrf_token(browser_client: Client, make_staff: Any) -> None:
    _, raw = ApiKey.issue(owner=make_staff(Role.SANCTIONS_ANALYST), name="bank onboarding")
    response = browser_client.post(
        "/api/yente/match/default", BODY, content_type="application/json", HTTP_AUTHORIZATION=f"ApiKey {raw}"
    )
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_session_may_read_without_a_token(browser_client: Client, make_staff: Any) -> None:
    sign_in_verified(browser_client, make_staff(Role.SANCTIONS_ANALYST))
    assert browser_client.get("/api/yente/catalog").status_code == 200
