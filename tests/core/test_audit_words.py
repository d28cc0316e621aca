"""The audit pages speak people's words: record kinds by name (only those in the log), details as label and value."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.core import staff
from hramada.core.models import AuditEntry
from hramada.core.roles import Role
from tests.conftest import sign_in_verified

pytestmark = pytest.mark.django_db


def test_the_kind_filter_lists_record_kinds_in_the_log_in_words(client: Any, make_staff: Any) -> None:
    auditor = make_staff(Role.AUDITOR, Role.ADMINISTRATOR)
    staff.set_roles(make_staff(Role.REVIEWER), [Role.REVIEWER, Role.FUND_MANAGER], by=auditor)
    sign_in_verified(client, auditor)
    page = client.get("/staff/audit/").content.decode()
    select = page[
        page.index('name="target_type"') : page.index("</select>", page.index('name="target_type"'))
    ]
    assert "Core: user" in select
    assert "contenttypes" not in select and "sessions" not in select and "core.user" not in select
    entry = AuditEntry.objects.get(action="staff.roles_changed")
    detail = client.get(f"/staff/audit/{entry.seq}/").content.decode()
    assert "<dt>Added</dt><dd>Fund manager</dd>" in detail
    assert "{" not in detail.split("<main", 1)[1].split("</main>", 1)[0]  # no Python dict on the page
