"""Fixtures of the evidence tests: two documenter groups, a partner organisation, people in each position."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from hramada.core.roles import Role
from hramada.evidence.models import DocumenterGroup, PartnerOrganisation


@dataclass
class Cast:
    group: DocumenterGroup
    other_group: DocumenterGroup
    partner: PartnerOrganisation
    recorder: Any  # documenter of `group` who records everything
    colleague: Any  # another documenter of `group`
    outsider: Any  # documenter of `other_group`
    named: Any  # documenter of no group, records get shared with them by name
    partner_member: Any  # documenter, member of `partner`
    auditor: Any
    analyst: Any


@pytest.fixture
def cast(make_staff: Callable[..., Any], settings: Any, tmp_path: Any) -> Cast:
    settings.MEDIA_ROOT = tmp_path / "media"
    group = DocumenterGroup.objects.create(name="Team A")
    other = DocumenterGroup.objects.create(name="Team B")
    partner = PartnerOrganisation.objects.create(name="Investigators")
    recorder = make_staff(Role.DOCUMENTER, username="recorder")
    colleague = make_staff(Role.DOCUMENTER, username="colleague")
    outsider = make_staff(Role.DOCUMENTER, username="outsider")
    named = make_staff(Role.DOCUMENTER, username="named")
    partner_member = make_staff(Role.DOCUMENTER, username="partner_member")
    group.members.add(recorder, colleague)
    other.members.add(outsider)
    partner.members.add(partner_member)
    return Cast(
        group,
        other,
        partner,
        recorder,
        colleague,
        outsider,
        named,
        partner_member,
        make_staff(Role.AUDITOR, username="auditor"),
        make_staff(Role.SANCTIONS_ANALYST, username="analyst"),
    )
