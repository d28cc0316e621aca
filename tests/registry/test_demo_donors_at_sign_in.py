"""A donor coordinator invited to try the demo can record grants at once: signing in while acting for no donor
makes them act for the demo donors; a coordinator who acts for a donor, and a platform without the demo, stay as
they are."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.core.models import AuditEntry
from hramada.core.roles import Role
from hramada.registry.models import Donor, DonorMember
from tests.core.test_login_mfa import sign_in_with_password

pytestmark = pytest.mark.django_db


def test_a_coordinator_for_no_donor_acts_for_the_demo_donors_after_signing_in(
    client: Any, make_staff: Any, make_donor: Any
) -> None:
    demo = make_donor("demo-ec")
    Donor.objects.filter(pk=demo.pk).update(is_demo=True)
    real = make_donor("sida")
    user = make_staff(Role.DONOR_COORDINATOR, username="new-coordinator")
    sign_in_with_password(client, "new-coordinator")
    assert set(DonorMember.objects.filter(user=user).values_list("donor__slug", flat=True)) == {"demo-ec"}
    assert real.pk not in DonorMember.objects.filter(user=user).values_list("donor_id", flat=True)
    assert AuditEntry.objects.filter(action="registry.demo_donor.joined", actor=user).count() == 1


def test_a_coordinator_who_acts_for_a_donor_and_other_roles_are_left_alone(
    client: Any, make_staff: Any, make_donor: Any
) -> None:
    demo = make_donor("demo-ec")
    Donor.objects.filter(pk=demo.pk).update(is_demo=True)
    own = make_donor("sida")
    coordinator = make_staff(Role.DONOR_COORDINATOR, username="coordinator")
    DonorMember.objects.create(donor=own, user=coordinator)
    make_staff(Role.FUND_MANAGER, username="manager")
    sign_in_with_password(client, "coordinator")
    client.logout()
    sign_in_with_password(client, "manager")
    assert list(DonorMember.objects.filter(donor=demo)) == []


def test_without_the_demo_a_coordinator_signs_in_acting_for_no_donor(
    client: Any, make_staff: Any, make_donor: Any
) -> None:
    make_donor("sida")
    user = make_staff(Role.DONOR_COORDINATOR, username="alone")
    sign_in_with_password(client, "alone")
    assert not DonorMember.objects.filter(user=user).exists()
