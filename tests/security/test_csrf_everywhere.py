"""A page posted from another site does nothing: every URL the platform resolves refuses a POST without the CSRF
token, signed in with every role, as an applicant and anonymously (the API answers its own 403 for a session;
API keys need no token, as a browser never sends them on its own)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from hramada.core.roles import Role
from tests.conftest import sign_in_verified
from tests.security.test_no_server_errors import ROUTES


def posted_from_elsewhere(client: Client) -> list[str]:
    """Every route (ids filled with 1) that took a token-less POST: anything but 403 or 405, a 401 of the API or
    a redirect to a sign-in page (the visitor must sign in first; nothing was done)."""
    accepted = []
    for route in ROUTES:
        path = re.sub(r"<(?:\w+:)?\w+>", "1", route)
        response = client.post(path, {"name": "x", "decision": "approve", "action": "api_key"})
        refused = response.status_code in (403, 405) or (
            response.status_code == 401 and path.startswith("/api/")
        )
        if response.status_code == 302 and re.match(r"/(staff|apply)/login/\?", response["Location"]):
            refused = True
        if not refused:
            accepted.append(f"{path} -> {response.status_code} {response.get('Location', '')}")
    return accepted


@pytest.mark.django_db
def test_no_post_without_the_token_is_taken_from_staff(make_staff: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    sign_in_verified(client, make_staff(*Role))
    assert posted_from_elsewhere(client) == []


@pytest.mark.django_db
def test_no_post_without_the_token_is_taken_from_an_applicant_or_a_visitor(make_applicant: Any) -> None:
    anonymous = Client(enforce_csrf_checks=True)
    applicant = Client(enforce_csrf_checks=True)
    applicant.force_login(make_applicant())
    assert posted_from_elsewhere(anonymous) == []
    assert posted_from_elsewhere(applicant) == []
