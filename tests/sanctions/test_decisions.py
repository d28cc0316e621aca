"""Remembered decisions: taken by an analyst, reversible only by a second one, every step audited; listed and
searchable on their page."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.core.models import AuditEntry
from hramada.core.roles import Role
from hramada.sanctions.models import ScreeningDecision
from hramada.sanctions.services.decisions import DecisionRefusedError, record_decision, reverse_decision

pytestmark = pytest.mark.django_db

PAIR = {"party_ref": "registry.recipient:45", "entity_id": "eu-fsf-1234", "identity": "a" * 64}


def _decide(by: Any, verdict: str = "false_positive", **changes: Any) -> ScreeningDecision:
    return record_decision(**{**PAIR, **changes}, verdict=verdict, reason="Different birth year", by=by)


def test_an_analyst_decision_is_recorded_and_audited(make_staff: Any) -> None:
    analyst = make_staff(Role.SANCTIONS_ANALYST)
    decision = _decide(analyst)
    assert decision.standing and decision.decided_by == analyst
    entry = AuditEntry.objects.get(action="sanctions.decision.recorded")
    assert entry.detail["party"] == PAIR["party_ref"] and entry.detail["verdict"] == "false_positive"


def test_the_same_decision_twice_changes_nothing(make_staff: Any) -> None:
    analyst = make_staff(Role.SANCTIONS_ANALYST)
    assert _decide(analyst) == _decide(analyst)
    assert ScreeningDecision.objects.count() == 1


@pytest.mark.parametrize("role", [Role.FUND_MANAGER, Role.AUDITOR, Role.ADMINISTRATOR])
def test_only_a_sanctions_analyst_may_decide(make_staff: Any, role: Role) -> None:
    with pytest.raises(DecisionRefusedError):
        _decide(make_staff(role))
    with pytest.raises(DecisionRefusedError):
        _decide(None)


def test_a_decision_needs_a_reason(make_staff: Any) -> None:
    with pytest.raises(DecisionRefusedError):
        record_decision(**PAIR, verdict="false_positive", reason="  ", by=make_staff(Role.SANCTIONS_ANALYST))


def test_a_contrary_decision_on_the_same_record_must_wait_for_a_reversal(make_staff: Any) -> None:
    first, second = make_staff(Role.SANCTIONS_ANALYST), make_staff(Role.SANCTIONS_ANALYST)
    decision = _decide(first)
    with pytest.raises(DecisionRefusedError, match="reversed first"):
        _decide(second, verdict="confirmed")
    reverse_decision(decision, reason="The applicant's passport matches after all", by=second)
    assert _decide(second, verdict="confirmed").verdict == "confirmed"


def test_a_decision_on_a_changed_listed_record_is_superseded(make_staff: Any) -> None:
    analyst = make_staff(Role.SANCTIONS_ANALYST)
    old = _decide(analyst)
    new = _decide(analyst, identity="b" * 64)
    old.refresh_from_db()
    assert not old.standing and old.superseded_by == new and new.standing


def test_only_a_second_analyst_may_reverse(make_staff: Any) -> None:
    analyst = make_staff(Role.SANCTIONS_ANALYST)
    decision = _decide(analyst)
    with pytest.raises(DecisionRefusedError, match="second analyst"):
        reverse_decision(decision, reason="oops", by=analyst)
    with pytest.raises(DecisionRefusedError):
        reverse_decision(decision, reason="not mine", by=make_staff(Role.AUDITOR))
    reversed_ = reverse_decision(decision, reason="Wrong call", by=make_staff(Role.SANCTIONS_ANALYST))
    assert not reversed_.standing and reversed_.reversal_reason == "Wrong call"
    assert AuditEntry.objects.filter(action="sanctions.decision.reversed").count() == 1
    with pytest.raises(DecisionRefusedError, match="already"):
        reverse_decision(decision, reason="again", by=make_staff(Role.SANCTIONS_ANALYST))


def test_decisions_are_listed_and_searchable(staff_client: Any, make_staff: Any) -> None:
    analyst = make_staff(Role.SANCTIONS_ANALYST)
    _decide(analyst)
    _decide(analyst, party_ref="fund.application:9:payee", entity_id="ofac-77")
    page = staff_client(Role.AUDITOR).get("/screening/decisions/", {"q": "registry.recipient"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "registry.recipient:45" in text and "fund.application:9:payee" not in text


def test_a_second_analyst_reverses_on_the_decision_page(staff_client: Any, make_staff: Any) -> None:
    decision = _decide(make_staff(Role.SANCTIONS_ANALYST))
    client = staff_client(Role.SANCTIONS_ANALYST)
    assert "Reverse this decision" in client.get(f"/screening/decisions/{decision.pk}/").content.decode()
    response = client.post(f"/screening/decisions/{decision.pk}/reverse/", {"reason": "Passport matches"})
    assert response.status_code == 302
    decision.refresh_from_db()
    assert not decision.standing and decision.reversal_reason == "Passport matches"


def test_a_reversal_without_a_reason_is_refused_with_a_clear_error(
    staff_client: Any, make_staff: Any
) -> None:
    decision = _decide(make_staff(Role.SANCTIONS_ANALYST))
    response = staff_client(Role.SANCTIONS_ANALYST).post(f"/screening/decisions/{decision.pk}/reverse/", {})
    assert response.status_code == 400
    decision.refresh_from_db()
    assert decision.standing
