"""Recipients are screened through the sanctions app's door against the real EU Belarus list: a recipient who
resolves to a listed person is held, not rejected, and not published; the analyst's decision is remembered."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hramada.registry import publication, screening, services
from hramada.registry.models import Recipient, ScreeningHold
from hramada.sanctions import live_index
from hramada.sanctions.services import import_file
from tests.registry.conftest import record_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def eu_list(shared_data: Path) -> Any:
    live_index.reset_screening_index()
    import_file("eu_journal", shared_data / "sanctions/eu/journal/32006R0765.csv", by=None)
    yield
    live_index.reset_screening_index()


def test_a_recipient_who_is_a_listed_person_is_held_and_never_published(
    eu_list: Any, make_donor: Any, coordinator_of: Any, make_staff: Any
) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    record = services.record_grant(
        donor,
        record_input(recipient_name="Alexander Lukashenko", recipient_kind="individual", is_public=True),
        by=user,
    )
    assert record.held and record.recipient.screening == Recipient.Screening.HELD
    hold = ScreeningHold.objects.get()
    assert any("LUKASHENK" in m["caption"].upper() for m in hold.matches)
    assert json.loads(publication.giving_json())["grants"] == []
    from hramada.core.roles import Role

    screening.decide_hold(hold, confirmed=True, by=make_staff(Role.SANCTIONS_ANALYST))
    record.refresh_from_db()
    assert record.held and record.recipient.screening == Recipient.Screening.CONFIRMED


@pytest.mark.parametrize(
    "name",
    # The journalists' association shares the letters B-A-Z(h) with the listed BelAZ (ААТ «БЕЛАЗ»), not its words.
    ["Беларуская асацыяцыя журналістаў", "Белорусская ассоциация журналистов"],
)
def test_an_ordinary_recipient_is_screened_clear(
    eu_list: Any, make_donor: Any, coordinator_of: Any, name: str
) -> None:
    donor = make_donor()
    record = services.record_grant(donor, record_input(recipient_name=name), by=coordinator_of(donor))
    assert not record.held and record.recipient.screening == Recipient.Screening.CLEAR
