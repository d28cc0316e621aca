"""A staff member signs in with a password and a real TOTP code in Chromium and reaches the dashboard."""

from __future__ import annotations

from typing import Any

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from hramada.core.roles import Role
from tests.core.test_login_mfa import current_code


@pytest.mark.django_db(transaction=True)
def test_staff_signs_in_with_password_and_totp_and_reaches_the_dashboard(
    live_server: Any, staff_page: Any, make_staff: Any
) -> None:
    user = make_staff(Role.FUND_MANAGER, Role.REVIEWER, username="hanna")
    page = staff_page
    page.goto(f"{live_server.url}/staff/login/")
    page.fill("#id_username", "hanna")
    page.fill("#id_password", "correct horse battery 42")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/staff/mfa/**")
    page.fill("#id_token", current_code(TOTPDevice.objects.get(user=user)))
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/staff/")
    assert page.locator("h1").inner_text() == "Dashboard"
    assert "Fund manager" in page.content()


@pytest.mark.django_db(transaction=True)
def test_first_sign_in_enrols_an_authenticator_app_from_the_qr_page(
    live_server: Any, staff_page: Any, make_staff: Any
) -> None:
    user = make_staff(Role.AUDITOR, username="pavel", enrolled=False)
    page = staff_page
    page.goto(f"{live_server.url}/staff/login/")
    page.fill("#id_username", "pavel")
    page.fill("#id_password", "correct horse battery 42")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/staff/mfa/enrol/**")
    assert page.locator(".qr svg").count() == 1
    secret = page.locator("#totp-secret").inner_text()
    assert len(secret) >= 32
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    page.fill("#id_token", current_code(device))
    page.click("main form button[type=submit]")
    expect(page.locator("#recovery-codes li")).to_have_count(10)
