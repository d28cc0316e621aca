"""Template filters for numbers, money and dates in the reader's language: `{% load hramada_format %}`,
`{{ envelope.available|money:envelope.currency }}`, `{{ count|number }}`, `{{ day|long_date }}`, `{{ moment|timestamp }}`."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django import template

from hramada.core import formatting

register = template.Library()


@register.filter(name="money")
def money(amount: Decimal | int | str | None, currency: str = "EUR") -> str:
    return formatting.money(amount, currency or "EUR")


@register.filter(name="number")
def number(value: Decimal | int | float | None) -> str:
    return formatting.number(value)


@register.filter(name="long_date")
def long_date(value: date | datetime | str | None) -> str:
    """A date in the reader's language; a value that is not a date (a partial date kept as text) as it is."""
    if not isinstance(value, date):
        return str(value or "")
    return formatting.long_date(value)


@register.filter(name="timestamp")
def timestamp(value: datetime | date | str | None) -> str:
    if not isinstance(value, datetime):
        return long_date(value)
    return formatting.timestamp(value)


@register.filter(name="record_kind")
def record_kind(content_type: Any) -> str:
    from hramada.core.record_kinds import kind_of_record

    return kind_of_record(content_type) if content_type is not None else ""


@register.filter(name="schema_label")
def schema_label(name: str | None) -> str:
    """`{{ member.schema|schema_label }}`: "Person" as a reader says it (Асоба, Лицо)."""
    from hramada.core.schema_labels import schema_label as label

    return label(name)


@register.filter(name="property_label")
def property_label(name: str | None, schema: str | None = None) -> str:
    """`{{ prop|property_label:member.schema }}`: "birthDate" as a reader says it (Дата нараджэння)."""
    from hramada.core.schema_labels import property_label as label

    return label(name, schema)


@register.filter(name="country_names")
def country_names(codes: Any) -> str:
    """`{{ vessel.flags|country_names }}`: "ru, pa" as a reader says it (Расія, Панама); unknown values as given."""
    from hramada.core.countries import country_name

    values = [codes] if isinstance(codes, str) else list(codes or [])
    return ", ".join(country_name(str(value)) for value in values)


@register.filter(name="identifier_label")
def identifier_label(scheme: str | None) -> str:
    """`{{ identifier.scheme|identifier_label }}`: "inn" as a reader says it (ІНН, ИНН)."""
    from hramada.core.schema_labels import identifier_label as label

    return label(scheme)


# A label that already ends in one of these reads as finished; a colon after it ("threat?:") looks broken.
LABEL_ENDINGS = ("?", "!", ":", ".", "…")


@register.filter(name="lead_in", is_safe=True)
def lead_in(label: Any) -> str:
    """`{{ field.label|lead_in }} {{ error }}`: the label followed by a colon, unless its own punctuation ends it."""
    text = str(label or "").rstrip()
    return text if not text or text.endswith(LABEL_ENDINGS) else f"{text}:"
