"""The demo programme: every state, both tiers, three languages, named and pseudonymous, marked DEMO, idempotent."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.fund import demo
from hramada.fund.models import Application, Envelope, Programme, ScreeningHold
from hramada.fund.workflow import State
from hramada.monitoring import demo as monitoring_demo
from hramada.monitoring import rescreen
from hramada.monitoring.models import RescreenRun
from hramada.sanctions import live_index
from hramada.sanctions.services import import_file
from tests.fund.listed import EU_LIST

pytestmark = pytest.mark.django_db


def test_the_demo_programme_covers_every_state_and_loads_once(
    django_capture_on_commit_callbacks: Any,
) -> None:
    live_index.reset_screening_index()
    rescreen.forget_index()
    import_file("eu_journal", EU_LIST, by=None)  # the bundled lists load before the demo programme
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
    held = ScreeningHold.objects.filter(status="open")
    assert held.exists()
    assert held.values("application").distinct().count() == 1, (
        "only the look-alike of a listed person is held"
    )
    # Monitoring's first look at the fund's parties finds the same listed entities: no second hold.
    holds = held.count()
    with django_capture_on_commit_callbacks(execute=True):
        monitoring_demo.load(lambda line: None)
    assert RescreenRun.objects.filter(status=RescreenRun.Status.DONE).exists()
    assert ScreeningHold.objects.filter(status="open").count() == holds
    live_index.reset_screening_index()
    rescreen.forget_index()
    for envelope in Envelope.objects.all():
        assert 0 <= envelope.disbursed <= envelope.committed <= envelope.allocated
