"""Accounts: applicants can never become staff, and "sign out everywhere" ends every session."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from hramada.core.roles import Role
from tests.conftest import sign_in_verified


@pytest.mark.django_db
def test_an_applicant_cannot_be_made_django_staff_or_superuser(make_applicant: Any) -> None:
    applicant = make_applicant()
    applicant.is_staff = True
    applicant.is_superuser = True
    applicant.save()
    applicant.refresh_from_db()
    assert not applicant.is_staff and not applicant.is_superuser
    assert applicant.roles == frozenset()


@pytest.mark.django_db
def test_an_applicant_holding_a_role_grant_still_has_no_role(make_applicant: Any) -> None:
    from hramada.core.models import RoleGrant

    applicant = make_applicant()
    RoleGrant.objects.create(user=applicant, role=Role.ADMINISTRATOR)
    assert applicant.roles == frozenset()


@pytest.mark.django_db
def test_sign_out_everywhere_ends_the_sessions_on_other_devices(make_staff: Any) -> None:
    user = make_staff(Role.REVIEWER)
    laptop, phone = Client(), Client()
    sign_in_verified(laptop, user)
    sign_in_verified(phone, user)
    assert phone.get("/staff/").status_code == 200
    laptop.post("/staff/logout-everywhere/")
    response = phone.get("/staff/")
    assert response.status_code == 302 and "/staff/login/" in response["Location"]


@pytest.mark.django_db
def test_sessions_expire_after_inactivity(settings: Any) -> None:
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_AGE <= 60 * 60


@pytest.mark.django_db
def test_passwords_are_hashed_with_argon2_in_production_settings() -> None:
    from hramada.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


@pytest.mark.django_db
def test_staff_issue_and_revoke_api_keys_on_their_security_page(staff_client: Any) -> None:
    import re

    from hramada.core.models import ApiKey

    client = staff_client(Role.SANCTIONS_ANALYST)
    page = client.post("/staff/security/", {"action": "api_key", "name": "bank onboarding"}).content.decode()
    raw = re.search(r'id="new-api-key">([^<]+)<', page).group(1)
    assert client.get("/api/yente/catalog", HTTP_AUTHORIZATION=f"ApiKey {raw}").status_code == 200
    key = ApiKey.objects.get()
    assert raw not in (key.key_hash, key.prefix)
    client.post("/staff/security/", {"action": "revoke_key", "key_id": key.pk})
    from django.test import Client

    assert Client().get("/api/yente/catalog", HTTP_AUTHORIZATION=f"ApiKey {raw}").status_code == 401
