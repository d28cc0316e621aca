"""The fund's screening interface against the real engine and a small index of listed people."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.fund import screening
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
def index(monkeypatch: pytest.MonkeyPatch) -> Any:
    built = ScreeningIndex.from_entities(LISTED)
    monkeypatch.setattr(screening, "_loaded_index", lambda: built)
    return built


def test_lukashenko_in_russian_spelling_matches_the_listed_lukashenka(index: Any) -> None:
    matches = screening.screen_party("Alexander Lukashenko", kind="applicant")
    assert matches and matches[0].entity_id == "eu-lukashenka"
    assert matches[0].explanation


def test_an_unrelated_payee_has_no_match(index: Any) -> None:
    assert screening.screen_party("Hanna Kavalenka", kind="payee") == []


def test_an_empty_name_is_not_screened() -> None:
    assert screening.screen_party("   ") == []


def test_without_an_imported_list_screening_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screening, "_loaded_index", lambda: None)
    assert screening.screen_party("Alexander Lukashenko") == []
