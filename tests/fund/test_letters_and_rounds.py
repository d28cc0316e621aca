"""Decision letters exist in all three languages and fill in; review rounds fall on the programme's rhythm."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hramada.fund import letters
from hramada.fund.models import Programme

VALUES = {
    "reference": "R-2026-ABC123",
    "title": "T",
    "timing": "soon",
    "hours": 72,
    "round": "2026-12-07",
    "amount": "€1,000.00",
    "next_steps": "next",
    "note": "",
    "days": 180,
    "number": 1,
    "date": "2026-11-24",
}


@pytest.mark.parametrize("kind", list(letters.LETTERS))
@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_every_letter_has_a_real_text_in_each_language(kind: str, language: str) -> None:
    assert language in letters.LETTERS[kind]
    letter = letters.render(kind, language, **VALUES)
    assert letter.body and "{" not in letter.body and "{" not in letter.subject
    if language != "en":
        assert letter.body != letters.render(kind, "en", **VALUES).body


@given(
    weeks=st.integers(min_value=1, max_value=26),
    anchor=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 1, 1)),
    today=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2031, 1, 1)),
)
def test_the_next_review_round_is_the_first_round_on_or_after_today(
    weeks: int, anchor: dt.date, today: dt.date
) -> None:
    programme = Programme(review_round_weeks=weeks, review_anchor=anchor)
    nxt = programme.next_review_round(today)
    assert nxt >= today and (nxt - anchor).days % (7 * weeks) == 0
    assert nxt == anchor or nxt - dt.timedelta(weeks=weeks) < today
