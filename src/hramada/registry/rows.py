"""One grant record as it arrives from a form, a spreadsheet row, an IATI activity or a 360Giving grant: cleaned
into `RecordInput`, or a list of errors saying what is wrong with which field. Every importer ends here, so
every source is held to the same rules."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from hramada.registry import money
from hramada.registry.models import Geography, Instrument, Recipient, RecordStatus, Theme

REQUIRED = (
    "identifier",
    "recipient_name",
    "title",
    "amount",
    "currency",
    "award_date",
    "start",
    "end",
    "theme",
    "geography",
)
OPTIONAL = (
    "purpose",
    "recipient_kind",
    "recipient_registration",
    "recipient_country",
    "instrument",
    "status",
    "is_public",
)
FIELDS = REQUIRED + OPTIONAL
_EMPTY_ROW: dict[str, Any] = dict.fromkeys(FIELDS, "")

# Words a spreadsheet may use for a theme or a geography, beside the codes and English labels.
_GEOGRAPHY_ALIASES = {"belarus": "BY", "by": "BY", "inside belarus": "BY", "other": "other"}


@dataclass(frozen=True, slots=True)
class RecordInput:
    identifier: str
    recipient_name: str
    title: str
    amount: Decimal
    currency: str
    award_date: date
    start: date
    end: date
    theme: str
    geography: str
    purpose: str = ""
    recipient_kind: str = Recipient.Kind.ORGANISATION
    recipient_registration: str = ""
    recipient_country: str = ""
    instrument: str = Instrument.GRANT
    status: str = RecordStatus.ACTIVE
    is_public: bool = False
    tranches: tuple[tuple[Decimal, date | None], ...] = field(default=())


@lru_cache(maxsize=64)
def _choice_table(choices: Any, language: str | None) -> dict[str, str]:
    """Codes and labels (in the active language) of a choice class, case-folded, to its code."""
    table: dict[str, str] = {}
    for code, label in choices.choices:
        table.setdefault(str(label).casefold(), str(code))
        table[str(code).casefold()] = str(code)
    return table


def _choice(
    value: str, choices: Any, aliases: Mapping[str, str] | None = None, language: str | None = None
) -> str | None:
    low = value.strip().casefold()
    found = _choice_table(choices, language).get(low)
    if found is not None:
        return found
    if aliases and low in aliases:
        return aliases[low]
    return None


def _date(value: Any) -> date:
    if isinstance(value, date):
        return value
    text = str(value).strip()[:10]
    return date.fromisoformat(text)


_ACTIVE = object()


def clean(raw: Mapping[str, Any], *, language: Any = _ACTIVE) -> tuple[RecordInput | None, list[str]]:
    """The record, or the errors of every field (all of them, not only the first). A caller cleaning many rows
    passes the active `language` once (looking it up costs more than the rest of a row's cleaning)."""
    if language is _ACTIVE:
        language = get_language()
    errors: list[str] = []
    # Every field, "" where missing or None (built from the row's few keys: a tenth of an import's cleaning time
    # went into looking up all seventeen fields twice).
    values = {**_EMPTY_ROW, **{k: v for k, v in raw.items() if v is not None}}
    for name in REQUIRED:
        if str(values[name]).strip() == "":
            errors.append(_("%(field)s is empty.") % {"field": name})
    if errors:
        return None, errors
    amount = currency = None
    try:
        amount = money.parse_amount(values["amount"])
    except money.MoneyError as e:
        errors.append(str(e))
    try:
        currency = money.parse_currency(values["currency"])
    except money.MoneyError as e:
        errors.append(str(e))
    dates: dict[str, date] = {}
    for name in ("award_date", "start", "end"):
        try:
            dates[name] = _date(values[name])
        except ValueError:
            errors.append(
                _("%(field)s: “%(value)s” is not a date (YYYY-MM-DD).")
                % {"field": name, "value": values[name]}
            )
    if "start" in dates and "end" in dates and dates["end"] < dates["start"]:
        errors.append(_("The period ends before it starts."))
    theme = _choice(str(values["theme"]), Theme, language=language)
    if theme is None:
        errors.append(_("“%(value)s” is not a theme of the registry.") % {"value": values["theme"]})
    geography = _choice(str(values["geography"]), Geography, _GEOGRAPHY_ALIASES, language)
    if geography is None:
        errors.append(_("“%(value)s” is not a geography of the registry.") % {"value": values["geography"]})
    instrument = (
        _choice(str(values["instrument"]), Instrument, language=language)
        if values["instrument"]
        else Instrument.GRANT
    )
    if instrument is None:
        errors.append(_("“%(value)s” is not an instrument.") % {"value": values["instrument"]})
    status = (
        _choice(str(values["status"]), RecordStatus, language=language)
        if values["status"]
        else RecordStatus.ACTIVE
    )
    if status is None:
        errors.append(_("“%(value)s” is not a status.") % {"value": values["status"]})
    kind = (
        _choice(str(values["recipient_kind"]), Recipient.Kind, language=language)
        if values["recipient_kind"]
        else Recipient.Kind.ORGANISATION
    )
    if kind is None:
        errors.append(_("“%(value)s” is not a kind of recipient.") % {"value": values["recipient_kind"]})
    identifier = str(values["identifier"]).strip()
    if len(identifier) > 120:
        errors.append(_("The identifier is longer than 120 characters."))
    if (
        errors
        or amount is None
        or currency is None
        or not (theme and geography and instrument and status and kind)
    ):
        return None, errors
    public = str(values["is_public"]).strip().casefold() in {"1", "true", "yes", "y", "так", "да"}
    return (
        RecordInput(
            identifier=identifier,
            recipient_name=str(values["recipient_name"]).strip(),
            title=str(values["title"]).strip()[:300],
            amount=amount,
            currency=currency,
            award_date=dates["award_date"],
            start=dates["start"],
            end=dates["end"],
            theme=theme,
            geography=geography,
            purpose=str(values["purpose"]).strip(),
            recipient_kind=kind,
            recipient_registration=str(values["recipient_registration"]).strip(),
            recipient_country=str(values["recipient_country"]).strip().upper()[:8],
            instrument=instrument,
            status=status,
            is_public=public,
        ),
        [],
    )
