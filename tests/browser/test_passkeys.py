"""A staff member adds a passkey and signs in with it, using Chromium's virtual authenticator."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from hramada.core.roles import Role
from tests.core.test_login_mfa import current_code


def sign_in_with_password(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/staff/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct horse battery 42")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/staff/mfa/**")


@pytest.mark.django_db(transaction=True)
def test_a_passkey_added_on_the_security_page_signs_in_as_second_factor(
    live_server: Any, browser: Any, make_staff: Any, settings: Any
) -> None:
    base = live_server.url.replace("127.0.0.1", "localhost")
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [base]
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    user = make_staff(Role.SANCTIONS_ANALYST, username="ales")
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    sign_in_with_password(page, base, "ales")
    page.fill("#id_token", current_code(TOTPDevice.objects.get(user=user)))
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{base}/staff/")
    page.goto(f"{base}/staff/security/")
    page.click("#passkey-register-button")
    expect(page.locator("#passkey-register-status-message")).to_have_text(re.compile(r"\S"))
    assert user.webauthncredential_set.count() == 1

    page.click("header form button.button-link")  # sign out
    sign_in_with_password(page, base, "ales")
    page.click("#passkey-verification-button")
    page.wait_for_url(f"{base}/staff/")
    assert page.locator("h1").inner_text() == "Dashboard"
    context.close()
