"""Who may open which fund page: each queue belongs to its roles; applicants never reach staff pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from hramada.core.roles import Role
from tests.conftest import sign_in_verified

pytestmark = pytest.mark.django_db

EXPECTED = {
    "fund:queue_rapid": {Role.FUND_MANAGER, Role.REVIEWER, Role.AUDITOR},
    "fund:queue_payments": {Role.FINANCE_OFFICER, Role.FUND_MANAGER, Role.AUDITOR},
    "fund:queue_holds": {Role.SANCTIONS_ANALYST, Role.AUDITOR},
    "fund:reallocation_new": {Role.FUND_MANAGER},
    "fund:overview": {
        Role.FUND_MANAGER,
        Role.REVIEWER,
        Role.FINANCE_OFFICER,
        Role.SANCTIONS_ANALYST,
        Role.AUDITOR,
    },
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_fund_page_opens_for_its_roles_only(
    client: Client, make_staff: Any, role: Role, name: str
) -> None:
    sign_in_verified(client, make_staff(role))
    status = client.get(reverse(name)).status_code
    assert status == (200 if role in EXPECTED[name] else 403)


def test_an_applicant_never_reaches_staff_pages(client: Client, make_applicant: Any) -> None:
    client.force_login(make_applicant())
    assert client.get(reverse("fund:overview")).status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_portal_sign_in(client: Client) -> None:
    response = client.get(reverse("fund_portal:home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("fund_portal:login"))
