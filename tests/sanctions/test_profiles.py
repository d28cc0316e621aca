"""Screening profiles are audited policy: a change that can only find more applies at once, one that may find
less waits for a second administrator; screening uses the rows."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from hramada.core.models import AuditEntry
from hramada.core.roles import Role
from hramada.sanctions import profiles
from hramada.sanctions.models import ProfileChange, ScreeningProfile
from hramada.sanctions.services.profiles import (
    ProfileChangeRefusedError,
    change_profile,
    decide_profile_change,
)

pytestmark = pytest.mark.django_db


def _change(by: Any, **values: Any) -> Any:
    current = {"match": "0.80", "review": "0.60", "candidates": 20, "limit": 5, "reason": "policy review"}
    return change_profile("onboarding", by=by, **{**current, **values})


def test_every_purpose_has_a_seeded_profile_that_screening_reads() -> None:
    assert set(ScreeningProfile.objects.values_list("key", flat=True)) == set(profiles.PURPOSES)
    ScreeningProfile.objects.filter(key="registry").update(match=Decimal("0.9"))
    assert profiles.profile("registry").match == 0.9
    assert profiles.profile("registry").thresholds.match == 0.9


def test_a_more_sensitive_change_applies_at_once_and_is_audited(make_staff: Any) -> None:
    admin = make_staff(Role.ADMINISTRATOR)
    row = _change(admin, match="0.75", review="0.55", candidates=30)
    assert isinstance(row, ScreeningProfile) and row.match == Decimal("0.750")
    assert profiles.profile("onboarding").candidates == 30
    entry = AuditEntry.objects.get(action="sanctions.profile.changed")
    assert entry.detail["before"]["match"] == "0.800" and entry.detail["after"]["match"] == "0.750"


def test_a_less_sensitive_change_waits_for_a_second_administrator(make_staff: Any) -> None:
    first, second = make_staff(Role.ADMINISTRATOR), make_staff(Role.ADMINISTRATOR)
    change = _change(first, match="0.90")
    assert isinstance(change, ProfileChange) and change.status == "pending"
    assert profiles.profile("onboarding").match == 0.8, "nothing changes before the second administrator"
    with pytest.raises(ProfileChangeRefusedError, match="second administrator"):
        decide_profile_change(change, approve=True, by=first)
    decide_profile_change(change, approve=True, by=second)
    assert profiles.profile("onboarding").match == 0.9
    assert AuditEntry.objects.filter(action="sanctions.profile.approved").count() == 1


def test_a_rejected_change_changes_nothing(make_staff: Any) -> None:
    change = _change(make_staff(Role.ADMINISTRATOR), limit=1)
    decide_profile_change(change, approve=False, by=make_staff(Role.ADMINISTRATOR))
    assert profiles.profile("onboarding").limit == 5


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"match": "1.5"}, "between 0 and 1"),
        ({"match": "lots"}, "not a number"),
        ({"review": "0.9"}, "above the match"),
        ({"candidates": 0}, "between 1 and"),
        ({"reason": " "}, "reason"),
    ],
)
def test_bad_values_are_refused_with_a_clear_error(make_staff: Any, values: Any, message: str) -> None:
    with pytest.raises(ProfileChangeRefusedError, match=message):
        _change(make_staff(Role.ADMINISTRATOR), **values)


def test_only_an_administrator_changes_profiles(make_staff: Any) -> None:
    with pytest.raises(ProfileChangeRefusedError):
        _change(make_staff(Role.SANCTIONS_ANALYST), match="0.7")


def test_the_profiles_page_changes_and_approves(staff_client: Any, make_staff: Any) -> None:
    client = staff_client(Role.ADMINISTRATOR)
    assert client.get("/screening/profiles/").status_code == 200
    data = {
        "onboarding-match": "0.85",
        "onboarding-review": "0.6",
        "onboarding-candidates": "20",
        "onboarding-limit": "5",
        "onboarding-reason": "fewer false alarms",
    }
    assert client.post("/screening/profiles/onboarding/", data).status_code == 302
    change = ProfileChange.objects.get()
    assert change.status == "pending"
    other = staff_client(Role.ADMINISTRATOR)
    other.post(f"/screening/profiles/changes/{change.pk}/", {"decision": "approve"})
    assert profiles.profile("onboarding").match == 0.85
