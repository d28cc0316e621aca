"""Numbers, money and dates in the reader's language (Babel's CLDR data: "1 234,50 €" in be/ru, "€1,234.50" in en).

Django's own localisation covers dates; Babel gives correct currency formats for Belarusian and Russian.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal
from django.utils import timezone, translation

_BABEL_LOCALES = {"en": "en_GB", "be": "be_BY", "ru": "ru_RU"}


def babel_locale(language: str | None = None) -> str:
    code = (language or translation.get_language() or "en").split("-")[0]
    return _BABEL_LOCALES.get(code, "en_GB")


def money(amount: Decimal | int | str | None, currency: str = "EUR", language: str | None = None) -> str:
    if amount is None or amount == "":
        return ""
    return str(format_currency(Decimal(amount), currency, locale=babel_locale(language)))


def number(value: Decimal | int | float | None, language: str | None = None) -> str:
    if value is None:
        return ""
    return str(format_decimal(value, locale=babel_locale(language)))


def long_date(value: date | datetime | None, language: str | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    return str(format_date(value, format="long", locale=babel_locale(language)))


def timestamp(value: datetime | None, language: str | None = None) -> str:
    """A moment as people read it, in the reader's time zone: "14:31, 3 Dec 2026" / "14:31, 3 дек. 2026 г."."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return str(format_datetime(value, "HH:mm, d MMM y", locale=babel_locale(language)))
