"""Recovery codes are stored only as keyed hashes and checked in constant time, once each."""

from __future__ import annotations

import hmac
import importlib
from typing import Any

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from hramada.core import mfa
from hramada.core.roles import Role
from tests.core.test_login_mfa import sign_in_with_password


@pytest.mark.django_db
def test_no_recovery_code_is_stored_in_clear(make_staff: Any) -> None:
    user = make_staff(Role.REVIEWER, username="yauhen")
    codes = mfa.regenerate_recovery_codes(user)
    stored = set(StaticToken.objects.values_list("token", flat=True))
    assert len(stored) == len(codes) == 10
    assert not stored & set(codes)
    assert all(mfa.is_recovery_code_digest(token) for token in stored)


@pytest.mark.django_db
def test_a_recovery_code_signs_in_once_typed_in_any_case(make_staff: Any) -> None:
    user = make_staff(Role.REVIEWER, username="yauhen")
    code = mfa.regenerate_recovery_codes(user)[0]
    first, second = Client(), Client()
    sign_in_with_password(first, "yauhen")
    assert first.post("/staff/mfa/", {"token": f" {code.upper()} "}).status_code == 302
    sign_in_with_password(second, "yauhen")
    assert second.post("/staff/mfa/", {"token": code}).status_code == 200
    assert StaticToken.objects.count() == 9


@pytest.mark.django_db
def test_every_stored_code_is_compared_in_constant_time(make_staff: Any, monkeypatch: Any) -> None:
    user = make_staff(Role.REVIEWER, username="yauhen", enrolled=False)
    mfa.regenerate_recovery_codes(user)
    calls = []
    original = hmac.compare_digest

    def counting(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return original(a, b)

    monkeypatch.setattr(mfa.hmac, "compare_digest", counting)
    device = StaticDevice.objects.get(user=user)
    assert not mfa.use_recovery_code(device, "000000-000000")
    assert len(calls) == 10  # no early exit, no lookup by value


@pytest.mark.django_db
def test_the_migration_hashes_codes_stored_in_clear(make_staff: Any) -> None:
    user = make_staff(Role.REVIEWER, username="yauhen", enrolled=False)
    device = StaticDevice.objects.create(user=user, name=mfa.RECOVERY_DEVICE_NAME, confirmed=True)
    StaticToken.objects.create(device=device, token="a1b2c3-d4e5f6")
    migration = importlib.import_module("hramada.core.migrations.0005_recovery_codes_hashed")

    class Editor:
        pass

    editor = Editor()
    editor.connection = connection  # type: ignore[attr-defined]
    migration.hash_codes(apps, editor)
    migration.hash_codes(apps, editor)  # running twice changes nothing more
    assert StaticToken.objects.get().token == mfa.recovery_code_digest("a1b2c3-d4e5f6")
    assert mfa.use_recovery_code(StaticDevice.objects.get(pk=device.pk), "a1b2c3-d4e5f6")
