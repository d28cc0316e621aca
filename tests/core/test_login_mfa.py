"""Staff sign-in as a person does it: password, then a code from the authenticator app."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from hramada.core.roles import Role

PASSWORD = "correct horse battery 42"


def current_code(device: TOTPDevice, *, offset_steps: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset_steps * device.step
    return f"{totp.token():0{device.digits}d}"


def sign_in_with_password(client: Client, username: str, password: str = PASSWORD) -> Any:
    return client.post("/staff/login/", {"username": username, "password": password})


@pytest.mark.django_db
def test_password_then_totp_code_reaches_the_dashboard(client: Client, make_staff: Any) -> None:
    user = make_staff(Role.FUND_MANAGER, username="maryia")
    response = sign_in_with_password(client, "maryia")
    assert response.status_code == 302 and response["Location"].startswith("/staff/mfa/")
    assert client.get("/staff/").status_code == 302, "the dashboard must wait for the second factor"
    device = TOTPDevice.objects.get(user=user)
    response = client.post("/staff/mfa/", {"token": current_code(device)})
    assert response.status_code == 302
    assert client.get("/staff/").status_code == 200


@pytest.mark.django_db
def test_a_wrong_code_is_refused_with_a_clear_message(client: Client, make_staff: Any) -> None:
    make_staff(Role.REVIEWER, username="aleh")
    sign_in_with_password(client, "aleh")
    response = client.post("/staff/mfa/", {"token": "000000"})
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert client.get("/staff/").status_code == 302


@pytest.mark.django_db
def test_a_replayed_code_is_refused(make_staff: Any) -> None:
    user = make_staff(Role.REVIEWER, username="siarhei")
    device = TOTPDevice.objects.get(user=user)
    code = current_code(device)
    first, second = Client(), Client()
    sign_in_with_password(first, "siarhei")
    assert first.post("/staff/mfa/", {"token": code}).status_code == 302
    sign_in_with_password(second, "siarhei")
    response = second.post("/staff/mfa/", {"token": code})
    assert response.status_code == 200 and "This code has been used already" in response.content.decode()
    assert second.get("/staff/").status_code == 302


@pytest.mark.django_db
def test_staff_without_a_device_must_enrol_and_can_do_nothing_else(client: Client, make_staff: Any) -> None:
    user = make_staff(Role.AUDITOR, username="nadzeya", enrolled=False)
    sign_in_with_password(client, "nadzeya")
    response = client.get("/staff/mfa/")
    assert response.status_code == 302 and "/staff/mfa/enrol/" in response["Location"]
    for path in ["/staff/", "/staff/audit/", "/staff/security/"]:
        assert client.get(path).status_code == 302, path
    page = client.get("/staff/mfa/enrol/").content.decode()
    assert "<svg" in page
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/staff/mfa/enrol/", {"token": current_code(device)})
    codes = re.findall(r"<code>([0-9a-f]{6}-[0-9a-f]{6})</code>", response.content.decode())
    assert len(codes) == 10
    assert client.get("/staff/").status_code == 200


@pytest.mark.django_db
def test_a_recovery_code_works_once(make_staff: Any) -> None:
    from hramada.core.mfa import regenerate_recovery_codes

    user = make_staff(Role.REVIEWER, username="yauhen")
    code = regenerate_recovery_codes(user)[0]
    first, second = Client(), Client()
    sign_in_with_password(first, "yauhen")
    assert first.post("/staff/mfa/", {"token": code}).status_code == 302
    sign_in_with_password(second, "yauhen")
    assert second.post("/staff/mfa/", {"token": code}).status_code == 200


@pytest.mark.django_db
def test_brute_force_locks_the_account_out_from_that_address(client: Client, make_staff: Any) -> None:
    make_staff(Role.REVIEWER, username="ryhor")
    for _ in range(5):
        sign_in_with_password(client, "ryhor", "wrong password")
    response = sign_in_with_password(client, "ryhor")  # even the right password is refused now
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()


@pytest.mark.django_db
def test_applicants_cannot_sign_in_on_the_staff_page(client: Client, make_applicant: Any) -> None:
    make_applicant(username="reporter")
    response = sign_in_with_password(client, "reporter")
    assert response.status_code == 200
    assert "This account cannot sign in here." in response.content.decode()


@pytest.mark.django_db
def test_a_forged_csrf_token_is_refused_with_a_readable_page(make_staff: Any) -> None:
    make_staff(Role.REVIEWER, username="tatsiana")
    client = Client(enforce_csrf_checks=True)
    client.get("/staff/login/")
    response = client.post(
        "/staff/login/", {"username": "tatsiana", "password": PASSWORD, "csrfmiddlewaretoken": "forged" * 8}
    )
    assert response.status_code == 403
    assert "The form has expired or was sent from elsewhere" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["x" * 100_000, "\x00\x01\x02binary\xff", "a\u200b" * 50])
def test_over_long_or_binary_fields_get_an_answer_not_an_error(client: Client, username: str) -> None:
    response = sign_in_with_password(client, username, "whatever")
    assert response.status_code in {200, 400}
    assert client.get("/staff/").status_code == 302


@pytest.mark.django_db
def test_a_staff_member_with_a_one_time_password_must_choose_their_own(
    client: Client, make_staff: Any
) -> None:
    from tests.conftest import sign_in_verified

    user = make_staff(Role.ADMINISTRATOR)
    user.must_change_password = True
    user.save()
    sign_in_verified(client, user)
    response = client.get("/staff/")
    assert response.status_code == 302 and response["Location"] == "/staff/password/"
    response = client.post(
        "/staff/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "a much longer passphrase 7",
            "new_password2": "a much longer passphrase 7",
        },
    )
    assert response.status_code == 302
    assert client.get("/staff/").status_code == 200


@pytest.mark.django_db
def test_the_right_code_typed_straight_after_a_wrong_one_is_told_to_wait_not_to_check_the_clock(
    client: Client, make_staff: Any
) -> None:
    user = make_staff(Role.REVIEWER, username="zmitser")
    device = TOTPDevice.objects.get(user=user)
    sign_in_with_password(client, "zmitser")
    wrong = "000000" if current_code(device) != "000000" else "111111"
    client.post("/staff/mfa/", {"token": wrong})
    response = client.post("/staff/mfa/", {"token": current_code(device)})
    page = response.content.decode()
    assert response.status_code == 200 and "wait 1 second" in page
    assert "clock" not in page
    device.refresh_from_db()
    device.throttling_failure_timestamp = None  # the second has passed
    device.save()
    assert client.post("/staff/mfa/", {"token": current_code(device)}).status_code == 302


@pytest.mark.django_db
def test_the_code_of_the_previous_time_step_is_accepted(client: Client, make_staff: Any) -> None:
    user = make_staff(Role.REVIEWER, username="tacciana")
    device = TOTPDevice.objects.get(user=user)
    sign_in_with_password(client, "tacciana")
    assert client.post("/staff/mfa/", {"token": current_code(device, offset_steps=-1)}).status_code == 302
