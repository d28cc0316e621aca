"""One grant record as it arrives from a form, a spreadsheet row, an IATI activity or a 360Giving grant: cleaned
into `RecordInput`, or a list of errors saying what is wrong with which field. Every importer ends here, so
every source is held to the same rules."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache, partial
from typing import Any, NamedTuple

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


class RecordInput(NamedTuple):
    """A cleaned record. A named tuple (immutable, like the frozen dataclass it was): an import builds a million
    of them, and a tuple is made in one C call where a frozen dataclass set each of its 18 fields through
    `object.__setattr__` (about 2 µs a row); a list of them also turns into columns with `zip(*records)`."""

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
    tranches: tuple[tuple[Decimal, date | None], ...] = ()


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
_PUBLIC = frozenset({"1", "true", "yes", "y", "так", "да"})


def clean(raw: Mapping[str, Any], *, language: Any = _ACTIVE) -> tuple[RecordInput | None, list[str]]:
    """The record, or the errors of every field (all of them, not only the first)."""
    return Cleaner(get_language() if language is _ACTIVE else language)(raw)


class Cleaner:
    """`clean` for many rows: the same rules, with the verdict on each distinct value of the columns that repeat
    (dates, currencies, themes, geographies, instruments, statuses, kinds of recipient) worked out once.

    A file of 50,000 rows has about 1,500 distinct dates and a handful of the rest; parsing every cell again cost
    about 18 µs of the 23 µs a row took to read and clean (profiled on benchmarks/registry_scale.py). Only text
    values are remembered: a value of another type (a date from a spreadsheet) is worked out each time. Built for
    one language (the choices' labels are matched in it)."""

    def __init__(self, language: str | None) -> None:
        self.language = language
        self._dates: dict[str, date | None] = {}
        self._currencies: dict[str, tuple[str | None, str]] = {}
        self._choices: dict[tuple[str, Any], dict[str, str | None]] = {}

    def _date(self, value: Any) -> date | None:
        if type(value) is str:
            try:
                return self._dates[value]
            except KeyError:
                pass
        try:
            found: date | None = _date(value)
        except ValueError:
            found = None
        if type(value) is str:
            self._dates[value] = found
        return found

    def _currency(self, value: Any) -> tuple[str | None, str]:
        """The currency code, or None and the error."""
        if type(value) is str and value in self._currencies:
            return self._currencies[value]
        try:
            found: tuple[str | None, str] = (money.parse_currency(value), "")
        except money.MoneyError as e:
            found = (None, str(e))
        if type(value) is str:
            self._currencies[value] = found
        return found

    def _choice(self, value: Any, choices: Any, aliases: Mapping[str, str] | None = None) -> str | None:
        seen = self._choices.setdefault((choices, aliases is not None), {})
        if type(value) is str and value in seen:
            return seen[value]
        found = _choice(str(value), choices, aliases, self.language)
        if type(value) is str:
            seen[value] = found
        return found

    def __call__(self, raw: Mapping[str, Any]) -> tuple[RecordInput | None, list[str]]:
        errors: list[str] = []
        # Every field, "" where missing or None.
        values = {**_EMPTY_ROW, **{k: v for k, v in raw.items() if v is not None}}
        for name in REQUIRED:
            value = values[name]
            if (value if type(value) is str else str(value)).strip() == "":
                errors.append(_("%(field)s is empty.") % {"field": name})
        if errors:
            return None, errors
        amount = None
        try:
            amount = money.parse_amount(values["amount"])
        except money.MoneyError as e:
            errors.append(str(e))
        currency, problem = self._currency(values["currency"])
        if problem:
            errors.append(problem)
        dates: dict[str, date] = {}
        for name in ("award_date", "start", "end"):
            day = self._date(values[name])
            if day is None:
                errors.append(
                    _("%(field)s: “%(value)s” is not a date (YYYY-MM-DD).")
                    % {"field": name, "value": values[name]}
                )
            else:
                dates[name] = day
        if "start" in dates and "end" in dates and dates["end"] < dates["start"]:
            errors.append(_("The period ends before it starts."))
        theme = self._choice(values["theme"], Theme)
        if theme is None:
            errors.append(_("“%(value)s” is not a theme of the registry.") % {"value": values["theme"]})
        geography = self._choice(values["geography"], Geography, _GEOGRAPHY_ALIASES)
        if geography is None:
            errors.append(
                _("“%(value)s” is not a geography of the registry.") % {"value": values["geography"]}
            )
        instrument = (
            self._choice(values["instrument"], Instrument) if values["instrument"] else Instrument.GRANT
        )
        if instrument is None:
            errors.append(_("“%(value)s” is not an instrument.") % {"value": values["instrument"]})
        status = self._choice(values["status"], RecordStatus) if values["status"] else RecordStatus.ACTIVE
        if status is None:
            errors.append(_("“%(value)s” is not a status.") % {"value": values["status"]})
        kind = (
            self._choice(values["recipient_kind"], Recipient.Kind)
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
                is_public=str(values["is_public"]).strip().casefold() in _PUBLIC,
            ),
            [],
        )

    def columns(self, columns: Mapping[str, Sequence[str]], count: int) -> list[RecordInput | None]:
        """`count` rows given a column at a time (text cells, a field's column absent where the file has none):
        each row's record, or None for a row this path does not settle (a cell that fails a rule, or an
        amount written in a form the plain pattern does not cover); the caller cleans those rows one by one
        with `__call__`, which gives the record or every error of the row, as for any other row.

        The same rules as `__call__`, worked out per distinct value of a column (a file of 50,000 rows has a
        few thousand distinct dates and a handful of currencies and choices) and per cell only where the
        values are mostly distinct (identifiers, names, titles, amounts), in comprehensions over the column
        instead of a dictionary and a dozen calls per row: reading and cleaning cost 19 µs a row that way."""
        unsettled: set[int] = set()

        def column(name: str) -> Sequence[str]:
            found = columns.get(name)
            return found if found is not None else ("",) * count

        def flag(values: Sequence[Any], bad: Any) -> None:
            unsettled.update(i for i, v in enumerate(values) if v in bad)

        def stripped(name: str, *, required: bool) -> Sequence[str]:
            # A column the file does not have is already blank (`column`): nothing to strip.
            values = list(map(str.strip, columns[name])) if name in columns else column(name)
            if required and "" in values:
                flag(values, ("",))
            return values

        def by_value(name: str, verdict: Any, *, table_of: Any = None) -> Sequence[Any]:
            if name not in columns and table_of is None:
                # A column the file does not have: one verdict on "" for every row (six of the eleven columns
                # of a typical donor file), instead of a set and a look-up per row.
                found = verdict("")
                if found is None:
                    unsettled.update(range(count))
                return (found,) * count
            col = column(name)
            table = table_of(set(col)) if table_of else {value: verdict(value) for value in set(col)}
            bad = {value for value, found in table.items() if found is None}
            if bad:
                flag(col, bad)
            return list(map(table.__getitem__, col))

        identifiers = stripped("identifier", required=True)
        if max(map(len, identifiers), default=0) > 120:
            unsettled.update(i for i, v in enumerate(identifiers) if len(v) > 120)
        names = stripped("recipient_name", required=True)
        titles = [t[:300] for t in stripped("title", required=True)]
        amounts = by_value("amount", None, table_of=_plain_amounts)

        def required(verdict: Any) -> Any:
            return lambda value: None if value.strip() == "" else verdict(value)

        currencies = by_value("currency", required(lambda v: self._currency(v)[0]))
        awarded = by_value("award_date", required(self._date))
        starts = by_value("start", required(self._date))
        ends = by_value("end", required(self._date))
        unsettled.update(
            i
            for i, (s, e) in enumerate(zip(starts, ends, strict=True))
            if s is not None and e is not None and e < s
        )
        themes = by_value("theme", required(lambda v: self._choice(v, Theme)))
        geographies = by_value(
            "geography", required(lambda v: self._choice(v, Geography, _GEOGRAPHY_ALIASES))
        )

        def optional(choices: Any, default: str) -> Any:
            return lambda value: self._choice(value, choices) if value else default

        instruments = by_value("instrument", optional(Instrument, Instrument.GRANT))
        statuses = by_value("status", optional(RecordStatus, RecordStatus.ACTIVE))
        kinds = by_value("recipient_kind", optional(Recipient.Kind, Recipient.Kind.ORGANISATION))
        purposes = stripped("purpose", required=False)
        registrations = stripped("recipient_registration", required=False)
        countries = by_value("recipient_country", lambda v: v.strip().upper()[:8])
        public = by_value("is_public", lambda v: v.strip().casefold() in _PUBLIC)
        cells: dict[str, Sequence[Any]] = {
            "identifier": identifiers,
            "recipient_name": names,
            "title": titles,
            "amount": amounts,
            "currency": currencies,
            "award_date": awarded,
            "start": starts,
            "end": ends,
            "theme": themes,
            "geography": geographies,
            "purpose": purposes,
            "recipient_kind": kinds,
            "recipient_registration": registrations,
            "recipient_country": countries,
            "instrument": instruments,
            "status": statuses,
            "is_public": public,
            # No file format carries tranches: the named tuple's default.
            "tranches": ((),) * count,
        }
        # Made by `tuple.__new__` from each row's values in the order of `RecordInput._fields` (the tuple a named
        # tuple's own `__new__` builds, called there from Python with 18 arguments: a fifth of this method's
        # time).
        records: list[RecordInput | None] = list(
            map(_new_record, zip(*(cells[name] for name in RecordInput._fields), strict=True))
        )
        for i in unsettled:
            records[i] = None
        return records


_new_record = partial(tuple.__new__, RecordInput)

# Digits, and at most two decimals: the form nearly every file writes its amounts in. Anything else (spaces,
# signs, exponents, a comma) goes through `money.parse_amount` row by row with its own error messages.
_PLAIN_AMOUNT = re.compile(r"[0-9]{1,10}(?:\.[0-9]{1,2})?")


def _plain_amounts(values: Iterable[str]) -> dict[str, Decimal | None]:
    """Each value to the amount `money.parse_amount` gives for it when it is plain and valid, else None; the loop
    in C calls, as a file's amounts are nearly all distinct. The pattern allows at most ten digits before the
    point, so a plain amount is below `money.MAX_AMOUNT`; only zero is left to refuse."""
    table: dict[str, Decimal | None] = dict.fromkeys(values)
    plain = list(filter(_PLAIN_AMOUNT.fullmatch, table))
    table.update(zip(plain, map(Decimal, plain), strict=True))
    for value in plain:
        if not table[value]:
            table[value] = None
    return table
