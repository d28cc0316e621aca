"""Staff administration and navigation in Chromium: an invited fund manager reaches the queue; an auditor finds the
audit log from the menu; the API documentation renders under the site's Content-Security-Policy."""

from __future__ import annotations

from typing import Any

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from hramada.core.models import User
from hramada.core.roles import Role
from tests.core.test_login_mfa import current_code

PASSWORD = "correct horse battery 42"


def sign_in(page: Any, base: str, user: Any, username: str) -> None:
    page.goto(f"{base}/staff/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/staff/mfa/**")
    page.fill("#id_token", current_code(TOTPDevice.objects.get(user=user)))
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{base}/staff/")


@pytest.mark.django_db(transaction=True)
def test_an_administrator_invites_a_fund_manager_who_enrols_and_reaches_the_queue(
    live_server: Any, browser: Any, make_staff: Any
) -> None:
    admin = make_staff(Role.ADMINISTRATOR, username="ala")
    admin_context = browser.new_context(locale="en-GB")
    page = admin_context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, live_server.url, admin, "ala")
    page.click("nav >> text=Staff accounts")
    page.click("text=Invite a colleague")
    page.fill("#id_name", "Maryna Lis")
    page.fill("#id_username", "maryna")
    page.check("input[name=roles][value=fund_manager]")
    page.click("main form button[type=submit]")
    link = page.locator("#invitation-link").inner_text().strip()
    password = page.locator("#invitation-password").inner_text().strip()
    admin_context.close()

    newcomer_context = browser.new_context(locale="en-GB")
    newcomer = newcomer_context.new_page()
    newcomer.set_default_timeout(15_000)
    newcomer.goto(link)
    newcomer.fill("#id_one_time_password", password)
    newcomer.fill("#id_new_password", "my own long passphrase 7")
    newcomer.fill("#id_new_password_again", "my own long passphrase 7")
    newcomer.click("main form button[type=submit]")
    newcomer.wait_for_url("**/staff/mfa/enrol/**")
    user = User.objects.get(username="maryna")
    newcomer.fill("#id_token", current_code(TOTPDevice.objects.get(user=user, confirmed=False)))
    newcomer.click("main form button[type=submit]")
    expect(newcomer.locator("#recovery-codes li")).to_have_count(10)
    newcomer.click("text=I have saved them, continue")
    newcomer.click("nav >> text=Fund")
    newcomer.click("main >> text=Rapid-response triage")
    newcomer.wait_for_url("**/fund/queue/rapid/")
    assert newcomer.locator("h1").count() == 1
    newcomer_context.close()


@pytest.mark.django_db(transaction=True)
def test_an_auditor_finds_the_audit_log_from_the_menu(
    live_server: Any, staff_page: Any, make_staff: Any
) -> None:
    auditor = make_staff(Role.AUDITOR, username="vera")
    sign_in(staff_page, live_server.url, auditor, "vera")
    staff_page.click("nav >> text=Audit log")
    staff_page.wait_for_url("**/staff/audit/")
    assert staff_page.locator("h1").inner_text() == "Audit log"


@pytest.mark.django_db(transaction=True)
def test_the_api_documentation_renders_under_the_content_security_policy(
    live_server: Any, staff_page: Any, make_staff: Any
) -> None:
    analyst = make_staff(Role.SANCTIONS_ANALYST, username="kastus")
    violations: list[str] = []
    staff_page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security" in message.text else None,
    )
    sign_in(staff_page, live_server.url, analyst, "kastus")
    staff_page.click("nav >> text=API documentation")
    staff_page.wait_for_selector("#swagger-ui .info .title")
    assert "Hramada API" in staff_page.locator("#swagger-ui .info .title").inner_text()
    assert violations == []
