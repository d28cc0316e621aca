"""The demo programme: every state, both tiers, three languages, named and pseudonymous, marked DEMO, idempotent."""

from __future__ import annotations

import pytest

from hramada.fund import demo
from hramada.fund.models import Application, Envelope, Programme, ScreeningHold
from hramada.fund.workflow import State

pytestmark = pytest.mark.django_db


def test_the_demo_programme_covers_every_state_and_loads_once() -> None:
    said: list[str] = []
    demo.load(said.append)
    demo.load(said.append)
    assert said[-1].strip() == "demo programme already loaded"
    assert Programme.objects.filter(is_demo=True).count() == 1
    apps = Application.objects.all()
    assert 30 <= apps.count() <= 60
    assert all(a.is_demo for a in apps)
    for tier in ("rapid", "long_term"):
        states = set(apps.filter(tier=tier).values_list("state", flat=True))
        assert states == set(State.values), (tier, set(State.values) - states)
    assert set(apps.values_list("language", flat=True)) == {"be", "ru", "en"}
    assert {a.applicant.pseudonymous for a in apps} == {True, False}
    assert ScreeningHold.objects.filter(status="open").exists()
    for envelope in Envelope.objects.all():
        assert 0 <= envelope.disbursed <= envelope.committed <= envelope.allocated
