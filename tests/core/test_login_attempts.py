"""django-axes records failed sign-ins without anything a person typed, and still locks a guesser out."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from axes.models import AccessAttempt, AccessLog
from django.apps import apps
from django.db import connection
from django.test import Client

from hramada.core.roles import Role
from tests.core.test_login_mfa import PASSWORD, sign_in_with_password


def _stored(row: AccessAttempt) -> str:
    return " ".join(
        str(getattr(row, f.attname)) for f in AccessAttempt._meta.concrete_fields if f.attname != "id"
    )


@pytest.mark.django_db
def test_a_failed_applicant_sign_in_stores_neither_the_code_nor_the_passphrase(make_applicant: Any) -> None:
    make_applicant(username="HR-AB12-CD34")
    client = Client(HTTP_USER_AGENT="Mozilla/5.0 (Tor Browser) distinctive-agent")
    client.post("/apply/login/", {"code": "hr-ab12-cd34", "passphrase": "wrong-zubr-passphrase"})
    row = AccessAttempt.objects.get()
    stored = _stored(row)
    for typed in ("HR-AB12-CD34", "wrong-zubr-passphrase", "distinctive-agent", "127.0.0.1"):
        assert typed.casefold() not in stored.casefold()
    assert row.post_data == "" and row.get_data == "" and row.user_agent == ""
    assert row.ip_address.startswith("fd")  # a pseudonymous private address, stable per client


@pytest.mark.django_db
def test_applicants_are_still_locked_out_after_five_failures(make_applicant: Any) -> None:
    make_applicant(username="HR-AB12-CD34", password=PASSWORD)
    client = Client()
    for _ in range(5):
        client.post("/apply/login/", {"code": "HR-AB12-CD34", "passphrase": "wrong"})
    response = client.post("/apply/login/", {"code": "HR-AB12-CD34", "passphrase": PASSWORD})
    assert response.status_code == 429
    assert AccessAttempt.objects.get().failures_since_start >= 5


@pytest.mark.django_db
def test_a_staff_username_typed_is_kept_only_as_a_keyed_hash(client: Client, make_staff: Any) -> None:
    make_staff(Role.REVIEWER, username="ryhor")
    sign_in_with_password(client, "ryhor.typo", "a wrong password")
    row = AccessAttempt.objects.get()
    assert "ryhor" not in _stored(row) and "wrong password" not in _stored(row)
    assert len(row.username) == 64


@pytest.mark.django_db
def test_a_successful_sign_in_is_not_logged_by_django_axes(client: Client, make_staff: Any) -> None:
    make_staff(Role.REVIEWER, username="ryhor")
    sign_in_with_password(client, "ryhor")
    assert not AccessLog.objects.exists()


@pytest.mark.django_db
def test_the_migration_forgets_what_django_axes_stored_before(db: Any) -> None:
    AccessAttempt.objects.create(
        username="HR-AB12-CD34",
        ip_address="192.0.2.1",
        user_agent="agent",
        get_data="",
        post_data="code=HR-AB12-CD34\npassphrase=zubr",
        http_accept="*/*",
        path_info="/apply/login/",
        failures_since_start=1,
    )
    migration = importlib.import_module("hramada.core.migrations.0004_forget_login_attempt_details")

    class Editor:
        pass

    editor = Editor()
    editor.connection = connection  # type: ignore[attr-defined]
    migration.forget(apps, editor)
    assert not AccessAttempt.objects.exists()
