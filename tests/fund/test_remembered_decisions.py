"""A cleared false positive is remembered by the sanctions app: the next list import does not raise the hold again,
a changed birth date on the listed record does (real engine, real EU list)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hramada.core.roles import Role
from hramada.fund import services
from hramada.fund.models import Notification, ScreeningHold
from hramada.sanctions import live_index
from hramada.sanctions.models import ScreeningDecision
from hramada.sanctions.services import import_file
from tests.fund import factories
from tests.fund.listed import EU_LIST, with_changed_birth_date

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_index(monkeypatch: pytest.MonkeyPatch) -> Any:
    live_index.reset_screening_index()
    monkeypatch.setattr(live_index, "FRESHNESS_SECONDS", 0.0)
    yield
    live_index.reset_screening_index()


def test_a_cleared_false_positive_stays_cleared_until_the_listed_birth_date_changes(
    analyst: Any, tmp_path: Path
) -> None:
    import_file("eu_journal", EU_LIST, by=None)
    app = factories.submitted(factories.programme(), contact_name="Vladimir Naumov")
    hold = ScreeningHold.objects.get(application=app, party="applicant")
    listed = next(
        m
        for m in hold.reveal("matches", by=None, purpose="test reads the matches")
        if "NAVUMAU" in m["caption"]
    )
    assert listed["identity"]

    services.decide_hold(
        hold, confirm=False, reason="Another man: the applicant is 30 years old.", by=analyst
    )
    decision = ScreeningDecision.objects.get(party_ref=f"fund.application:{app.pk}:applicant")
    assert decision.verdict == "false_positive" and decision.identity == listed["identity"]
    assert decision.decided_by == analyst and decision.origin == f"fund.hold:{hold.pk}"

    assert services.rescreen_all() == 0, "the same listed record does not raise the hold again"

    import_file("eu_journal", with_changed_birth_date(tmp_path), by=None)
    assert services.rescreen_all() == 1, "a changed birth date on the listed record raises it again"
    again = ScreeningHold.objects.filter(application=app, status="open").get()
    changed = next(
        m
        for m in again.reveal("matches", by=None, purpose="test reads the matches")
        if m["entity_id"] == listed["entity_id"]
    )
    assert changed["listed_changed"] and changed["identity"] != listed["identity"]
    note = Notification.objects.get(kind="screening_hold", key=str(again.pk))
    assert note.text == "The listed record changed since your decision"


def test_deciding_again_after_the_change_supersedes_the_old_decision(analyst: Any, tmp_path: Path) -> None:
    import_file("eu_journal", EU_LIST, by=None)
    app = factories.submitted(factories.programme(), contact_name="Vladimir Naumov")
    services.decide_hold(app.holds.get(), confirm=False, reason="Another man.", by=analyst)
    import_file("eu_journal", with_changed_birth_date(tmp_path), by=None)
    services.rescreen_all()
    services.decide_hold(app.holds.get(status="open"), confirm=False, reason="Still another man.", by=analyst)
    standing = ScreeningDecision.objects.filter(reversed_at__isnull=True)
    assert standing.count() >= 1
    old = ScreeningDecision.objects.filter(superseded_by__isnull=False)
    assert old.exists()
    assert services.rescreen_all() == 0


def test_a_reversed_false_positive_raises_the_hold_again(
    analyst: Any, make_staff: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from hramada.sanctions.services.decisions import reverse_decision

    import_file("eu_journal", EU_LIST, by=None)
    app = factories.submitted(factories.programme(), contact_name="Vladimir Naumov")
    services.decide_hold(app.holds.get(), confirm=False, reason="Another man.", by=analyst)
    assert services.rescreen_all() == 0
    decision = ScreeningDecision.objects.get(party_ref=f"fund.application:{app.pk}:applicant")
    second = make_staff(Role.SANCTIONS_ANALYST)
    with django_capture_on_commit_callbacks(execute=True):
        reverse_decision(decision, reason="His passport number matches after all.", by=second)
    assert ScreeningHold.objects.filter(application=app, status="open").count() == 1
