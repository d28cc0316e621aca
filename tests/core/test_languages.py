"""Three languages: the switcher works without JavaScript and a signed-in user's choice follows them."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from hramada.core.roles import Role
from tests.conftest import sign_in_verified


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Staff sign-in"), ("be", "Уваход для супрацоўнікаў"), ("ru", "Вход для сотрудников")],
)
def test_the_login_page_speaks_each_language(client: Client, language: str, expected: str) -> None:
    client.post("/language/", {"language": language, "next": "/staff/login/"})
    assert expected in client.get("/staff/login/").content.decode()


@pytest.mark.django_db
def test_a_users_language_is_remembered_on_another_device(make_staff: Any) -> None:
    user = make_staff(Role.REVIEWER)
    laptop = Client()
    sign_in_verified(laptop, user)
    laptop.post("/language/", {"language": "be", "next": "/staff/"})
    user.refresh_from_db()
    assert user.preferred_language == "be"
    phone = Client(HTTP_ACCEPT_LANGUAGE="en")
    sign_in_verified(phone, user)
    assert 'lang="be"' in phone.get("/staff/").content.decode()


@pytest.mark.django_db
def test_the_language_switch_refuses_an_outside_redirect(client: Client) -> None:
    response = client.post("/language/", {"language": "ru", "next": "https://evil.example/"})
    assert response["Location"] == "/"
