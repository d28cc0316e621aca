"""Staff administration: invitations, roles, suspension, second-factor resets, API keys, and the two-administrator rule."""

from __future__ import annotations

import re
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from hramada.core import staff
from hramada.core.models import ApiKey, AuditEntry, StaffApproval, User
from hramada.core.roles import Role
from tests.conftest import sign_in_verified

pytestmark = pytest.mark.django_db


def actions() -> list[str]:
    return list(AuditEntry.objects.order_by("seq").values_list("action", flat=True))


def test_an_invitation_is_a_link_and_a_one_time_password_that_the_person_replaces(
    client: Any, make_staff: Any
) -> None:
    admin = make_staff(Role.ADMINISTRATOR)
    invitation = staff.invite(
        username="olga", name="Olga Kavalenka", email="", roles=[Role.FUND_MANAGER], by=admin
    )
    user = invitation.user
    assert user.roles == {Role.FUND_MANAGER}
    assert user.first_name == "Olga"
    assert "staff.invited" in actions()
    # The password alone does not open the account: the link must be used first.
    response = client.post("/staff/login/", {"username": "olga", "password": invitation.password})
    assert "invitation link" in response.content.decode()
    page = client.get(f"/staff/invitation/{invitation.token}/")
    assert page.status_code == 200 and "olga" in page.content.decode()
    wrong = client.post(
        f"/staff/invitation/{invitation.token}/",
        {
            "one_time_password": "nope",
            "new_password": "a brand new passphrase",
            "new_password_again": "a brand new passphrase",
        },
    )
    assert wrong.status_code == 200 and "not right" in wrong.content.decode()
    done = client.post(
        f"/staff/invitation/{invitation.token}/",
        {
            "one_time_password": invitation.password,
            "new_password": "a brand new passphrase",
            "new_password_again": "a brand new passphrase",
        },
    )
    assert done.status_code == 302 and done["Location"] == "/staff/mfa/"
    user.refresh_from_db()
    assert user.check_password("a brand new passphrase")
    assert "staff.invitation_accepted" in actions()
    # The link works once.
    assert client.get(f"/staff/invitation/{invitation.token}/").status_code == 404


def test_an_invitation_with_an_address_mails_the_link_but_never_the_password(
    make_staff: Any, django_capture_on_commit_callbacks: Any
) -> None:
    admin = make_staff(Role.ADMINISTRATOR)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = staff.invite(
            username="ihar", name="Ihar", email="ihar@example.org", roles=[Role.REVIEWER], by=admin
        )
        staff.send_invitation_email(
            invitation, link=f"https://hramada.example/staff/invitation/{invitation.token}/"
        )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ihar@example.org"]
    assert invitation.token in mail.outbox[0].body
    assert invitation.password not in mail.outbox[0].body


def test_granting_the_administrator_role_waits_for_a_second_administrator(make_staff: Any) -> None:
    first = make_staff(Role.ADMINISTRATOR)
    second = make_staff(Role.ADMINISTRATOR)
    colleague = make_staff(Role.REVIEWER)
    approval = staff.set_roles(colleague, [Role.REVIEWER, Role.ADMINISTRATOR], by=first)
    assert approval is not None
    colleague = User.objects.get(pk=colleague.pk)
    assert colleague.roles == {Role.REVIEWER}
    with pytest.raises(staff.StaffAdminError):
        staff.decide_approval(approval, approve=True, by=first)
    staff.decide_approval(approval, approve=True, by=second)
    assert User.objects.get(pk=colleague.pk).roles == {Role.REVIEWER, Role.ADMINISTRATOR}
    assert {"staff.approval_requested", "staff.approval_granted", "staff.roles_changed"} <= set(actions())


def test_resetting_another_administrators_second_factor_waits_for_approval(make_staff: Any) -> None:
    first = make_staff(Role.ADMINISTRATOR)
    second = make_staff(Role.ADMINISTRATOR)
    third = make_staff(Role.ADMINISTRATOR)
    approval = staff.reset_second_factor(second, by=first)
    assert approval is not None and TOTPDevice.objects.filter(user=second).exists()
    staff.decide_approval(approval, approve=False, by=third)
    assert StaffApproval.objects.get(pk=approval.pk).outcome == StaffApproval.Outcome.REFUSED
    assert TOTPDevice.objects.filter(user=second).exists()
    again = staff.reset_second_factor(second, by=first)
    assert again is not None
    staff.decide_approval(again, approve=True, by=third)
    assert not TOTPDevice.objects.filter(user=second).exists()


def test_resetting_a_non_administrators_second_factor_applies_at_once_and_ends_sessions(
    make_staff: Any,
) -> None:
    admin = make_staff(Role.ADMINISTRATOR)
    analyst = make_staff(Role.SANCTIONS_ANALYST)
    StaticDevice.objects.create(user=analyst, name="recovery codes", confirmed=True)
    generation = analyst.session_generation
    assert staff.reset_second_factor(analyst, by=admin) is None
    analyst.refresh_from_db()
    assert not TOTPDevice.objects.filter(user=analyst).exists()
    assert not StaticDevice.objects.filter(user=analyst).exists()
    assert analyst.session_generation == generation + 1


def test_suspension_ends_sign_in_and_api_keys_and_the_last_administrator_is_kept(
    client: Any, make_staff: Any
) -> None:
    admin = make_staff(Role.ADMINISTRATOR)
    analyst = make_staff(Role.SANCTIONS_ANALYST)
    _key, raw = ApiKey.issue(owner=analyst, name="bank")
    staff.suspend(analyst, by=admin)
    analyst.refresh_from_db()
    assert not analyst.is_active
    response = client.get("/api/yente/catalog", HTTP_AUTHORIZATION=f"ApiKey {raw}")
    assert response.status_code == 401
    with pytest.raises(staff.StaffAdminError):
        staff.suspend(admin, by=admin)
    with pytest.raises(staff.StaffAdminError):
        staff.set_roles(admin, [Role.AUDITOR], by=admin)
    staff.reactivate(analyst, by=admin)
    assert User.objects.get(pk=analyst.pk).is_active


def test_only_administrators_administer(make_staff: Any) -> None:
    manager = make_staff(Role.FUND_MANAGER)
    reviewer = make_staff(Role.REVIEWER)
    with pytest.raises(staff.StaffAdminError):
        staff.suspend(reviewer, by=manager)


def test_the_pages_list_accounts_and_change_them(client: Any, make_staff: Any) -> None:
    admin = make_staff(Role.ADMINISTRATOR, username="ala")
    analyst = make_staff(Role.SANCTIONS_ANALYST, username="siarhei")
    key, _raw = ApiKey.issue(owner=analyst, name="bank system")
    sign_in_verified(client, admin)
    listing = client.get("/staff/accounts/").content.decode()
    assert "siarhei" in listing and "Sanctions analyst" in listing and "1 authenticator app" in listing
    client.post(f"/staff/accounts/{analyst.pk}/", {"action": "roles", "roles": ["auditor"]})
    assert User.objects.get(pk=analyst.pk).roles == {Role.AUDITOR}
    client.post(f"/staff/accounts/{analyst.pk}/", {"action": "revoke_key", "key_id": key.pk})
    assert ApiKey.objects.get(pk=key.pk).revoked_at is not None
    client.post(f"/staff/accounts/{analyst.pk}/", {"action": "suspend"})
    assert not User.objects.get(pk=analyst.pk).is_active
    invited = client.post(
        "/staff/accounts/invite/",
        {"name": "Nasta", "username": "nasta", "email": "", "roles": ["fund_manager"]},
    )
    body = invited.content.decode()
    assert invited["Cache-Control"] == "no-store"
    assert re.search(r"/staff/invitation/[\w-]+/", body)
    assert User.objects.get(username="nasta").roles == {Role.FUND_MANAGER}


def test_an_auditor_cannot_open_staff_administration(client: Any, make_staff: Any) -> None:
    sign_in_verified(client, make_staff(Role.AUDITOR))
    assert client.get("/staff/accounts/").status_code == 403


def test_the_command_line_adds_lists_and_changes_staff(make_staff: Any) -> None:
    make_staff(Role.ADMINISTRATOR, username="root")
    out = StringIO()
    call_command(
        "staff", "add", "lena", "--name", "Lena", "--role", "reviewer", "--role", "fund_manager", stdout=out
    )
    assert "/staff/invitation/" in out.getvalue() and "one-time password" in out.getvalue()
    call_command("staff", "roles", "lena", "--role", "administrator", stdout=StringIO())
    assert User.objects.get(username="lena").roles == {Role.ADMINISTRATOR}
    call_command("staff", "suspend", "lena", stdout=StringIO())
    call_command("staff", "reset-mfa", "root", stdout=StringIO())
    listing = StringIO()
    call_command("staff", "list", stdout=listing)
    assert re.search(r"lena\s+suspended", listing.getvalue())
    assert re.search(r"root\s+active\s+no", listing.getvalue())
    with pytest.raises(CommandError):
        call_command("staff", "suspend", "nobody", stdout=StringIO())


def test_favicon_ico_exists(client: Any) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"


def test_the_first_administrator_banner_names_the_address_actually_served() -> None:
    from hramada.core.bootstrap import create_first_administrator

    lines: list[str] = []
    create_first_administrator(lines.append, site_url="http://127.0.0.1:8123")
    assert "http://127.0.0.1:8123/staff/login/" in "\n".join(lines)


def test_an_administrator_grants_the_legal_reviewer_role_in_staff_administration(
    client: Any, make_staff: Any
) -> None:
    admin = make_staff(Role.ADMINISTRATOR, username="ala")
    lawyer = make_staff(Role.AUDITOR, username="maryna")
    sign_in_verified(client, admin)
    page = client.get(f"/staff/accounts/{lawyer.pk}/").content.decode()
    assert "legal_reviewer" in page and "Legal reviewer" in page
    client.post(f"/staff/accounts/{lawyer.pk}/", {"action": "roles", "roles": ["legal_reviewer"]})
    assert User.objects.get(pk=lawyer.pk).roles == {Role.LEGAL_REVIEWER}
