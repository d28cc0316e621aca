"""Where sign-in and the language switch send people afterwards: back to the page they asked for, whole, and
never to another site (`next=` is the classic open redirect)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from hramada.core.roles import Role
from tests.core.test_login_mfa import PASSWORD, current_code

ELSEWHERE = [
    "//evil.example/",
    "https://evil.example/staff/",
    "/\\evil.example",
    "http:evil.example",
    " //evil.example",
]


def sign_in(client: Client, user: Any, next_url: str) -> Any:
    response = client.post(
        f"/staff/login/?next={next_url}", {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    device = TOTPDevice.objects.get(user=user)
    return client.post(response["Location"], {"token": current_code(device)})


@pytest.mark.django_db
def test_sign_in_returns_to_the_page_asked_for_with_its_whole_query(client: Client, make_staff: Any) -> None:
    user = make_staff(Role.FUND_MANAGER)
    response = sign_in(client, user, "/staff/audit/%3Faction%3Dx%26page%3D2")
    assert response.status_code == 302
    assert response["Location"] == "/staff/audit/?action=x&page=2"


@pytest.mark.django_db
@pytest.mark.parametrize("next_url", ELSEWHERE)
def test_sign_in_never_sends_anyone_to_another_site(client: Client, make_staff: Any, next_url: str) -> None:
    response = sign_in(client, make_staff(Role.FUND_MANAGER), next_url)
    assert response.status_code == 302
    assert response["Location"] == "/staff/"


@pytest.mark.django_db
@pytest.mark.parametrize("next_url", ELSEWHERE)
def test_the_language_switch_never_sends_anyone_to_another_site(client: Client, next_url: str) -> None:
    response = client.post("/language/", {"language": "be", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/"
