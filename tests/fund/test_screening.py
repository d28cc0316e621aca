"""The fund's screening interface against the real engine and a small index of listed people."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.fund import screening
from hramada.sanctions import live_index
from hramada.screening import ScreeningIndex

LISTED = [
    {
        "id": "eu-lukashenka",
        "schema": "Person",
        "properties": {
            "name": ["Аляксандр Рыгоравіч ЛУКАШЭНКА", "Aliaksandr LUKASHENKA"],
            "birthDate": ["1954-08-30"],
        },
    },
    {"id": "eu-belaz", "schema": "Company", "properties": {"name": ["OAO BELAZ"]}},
]


@pytest.fixture
def index(monkeypatch: pytest.MonkeyPatch, db: Any) -> Any:
    built = ScreeningIndex.from_entities(LISTED)
    monkeypatch.setattr(live_index, "screening_index", lambda: built)
    return built


def test_lukashenko_in_russian_spelling_matches_the_listed_lukashenka(index: Any) -> None:
    matches = screening.screen_party("Alexander Lukashenko", kind="applicant")
    assert matches and matches[0].entity_id == "eu-lukashenka"
    assert matches[0].explanation


def test_an_unrelated_payee_has_no_match(index: Any) -> None:
    assert screening.screen_party("Hanna Kavalenka", kind="payee") == []


def test_an_empty_name_is_not_screened() -> None:
    assert screening.screen_party("   ") == []


@pytest.mark.django_db
def test_without_an_imported_list_screening_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(live_index, "screening_index", ScreeningIndex)
    assert screening.screen_party("Alexander Lukashenko") == []


@pytest.mark.django_db
def test_a_new_sanctions_snapshot_rescreens_open_applications(
    django_capture_on_commit_callbacks: Any,
) -> None:
    from hramada.fund.models import ScreeningHold
    from hramada.sanctions.public import ListChange, list_changed
    from tests.fund import factories

    prog = factories.programme()
    app = factories.submitted(prog, contact_name="Alexander Lukashenko")
    assert not ScreeningHold.objects.exists()
    hit = [screening.PossibleMatch("eu-lukashenka", "Aliaksandr LUKASHENKA", 0.93, "names agree")]
    change = ListChange(
        source="eu_journal", snapshot_id=2, previous_snapshot_id=1, changed=("eu-lukashenka",)
    )
    with screening.use_screener(lambda *args: hit), django_capture_on_commit_callbacks(execute=True):
        list_changed.send(sender=ListChange, change=change)
    assert ScreeningHold.objects.filter(application=app, status="open").count() == 1
