"""A documenter invited to try the demo can work at once: signing in without a group joins the demo groups, where
the demo's evidence lives; a documenter who already has a group, and any platform without the demo, stay as they are."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from hramada.core.models import AuditEntry
from hramada.core.roles import Role
from hramada.evidence import demo
from hramada.evidence.models import DocumenterGroup
from tests.core.test_login_mfa import sign_in_with_password

pytestmark = pytest.mark.django_db


def test_a_documenter_without_a_group_joins_the_demo_groups_at_sign_in(client: Any, make_staff: Any) -> None:
    team = DocumenterGroup.objects.create(name=demo.TEAM)
    monitors = DocumenterGroup.objects.create(name=demo.MONITORS)
    user = make_staff(Role.DOCUMENTER, username="new-documenter")
    sign_in_with_password(client, "new-documenter")
    assert set(DocumenterGroup.objects.filter(members=user)) == {team, monitors}
    # Joining a group opens its evidence: each join is in the audit log.
    assert AuditEntry.objects.filter(action="evidence.demo_group.joined", actor=user).count() == 2


def test_a_documenter_with_a_group_and_other_roles_are_left_alone(client: Any, make_staff: Any) -> None:
    team = DocumenterGroup.objects.create(name=demo.TEAM)
    own = DocumenterGroup.objects.create(name="Their own team")
    documenter = make_staff(Role.DOCUMENTER, username="grouped")
    own.members.add(documenter)
    make_staff(Role.REVIEWER, username="reviewer")
    sign_in_with_password(client, "grouped")
    client.logout()
    sign_in_with_password(client, "reviewer")
    assert list(team.members.all()) == []


def test_without_the_demo_a_documenter_signs_in_to_no_group(client: Any, make_staff: Any) -> None:
    user = make_staff(Role.DOCUMENTER, username="alone")
    response = sign_in_with_password(client, "alone")
    assert response.status_code == 302 and reverse("core:mfa") in response["Location"]
    assert not DocumenterGroup.objects.filter(members=user).exists()
