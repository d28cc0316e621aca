"""Numbers, money and dates read naturally in each of the three languages."""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from hramada.core.formatting import long_date, money, number


def test_money_follows_the_readers_language() -> None:
    assert money(Decimal("1234.5"), "EUR", "en") == "€1,234.50"
    assert money(Decimal("1234.5"), "EUR", "be") == "1\xa0234,50\xa0€"
    assert money(Decimal("1234.5"), "EUR", "ru") == "1\xa0234,50\xa0€"


def test_dates_are_written_out_in_each_language() -> None:
    day = datetime.date(2026, 7, 23)
    assert long_date(day, "en") == "23 July 2026"
    assert long_date(day, "be").startswith("23 ліпеня 2026")
    assert long_date(day, "ru").startswith("23 июля 2026")


def test_large_numbers_are_grouped_per_language() -> None:
    assert number(1234567, "en") == "1,234,567"
    assert number(1234567, "ru") == "1\xa0234\xa0567"


@given(
    st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2),
    st.sampled_from(["en", "be", "ru"]),
)
def test_any_amount_formats_without_losing_its_cents(amount: Decimal, language: str) -> None:
    text = money(amount, "EUR", language)
    digits = "".join(ch for ch in text if ch.isdigit())
    assert digits.lstrip("0") == f"{abs(amount):.2f}".replace(".", "").lstrip("0")


def test_timestamps_read_as_people_read_them_with_genitive_months() -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from hramada.core.formatting import long_date, timestamp

    moment = datetime(2026, 2, 1, 14, 31, 41, 394296, tzinfo=ZoneInfo("Europe/Vilnius"))
    assert timestamp(moment, "en") == "14:31, 1 Feb 2026"
    assert long_date(moment, "ru").startswith("1 февраля 2026")
    assert long_date(moment, "be").startswith("1 лютага 2026")
    assert "41" not in timestamp(moment, "ru") and "+02:00" not in timestamp(moment, "ru")
