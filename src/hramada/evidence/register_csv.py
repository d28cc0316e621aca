"""The register as CSV: reading an uploaded file, mapping its columns to the register's fields, importing every
row or none, and exporting (names only where the person or family agreed)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _

from hramada.evidence.models import Prisoner, PrisonerStatus, Region

MAX_CSV_BYTES = 1024 * 1024
# The register's fields a column can be mapped to, in the order the mapping form shows them.
TARGETS = (
    "name",
    "name_is_public",
    "region",
    "detained_on",
    "articles",
    "court",
    "sentenced_on",
    "sentence_months",
    "sentence_kind",
    "place_of_detention",
    "postal_address",
    "recognised_on",
    "recognised_by",
    "status",
    "ended_on",
)
REQUIRED = ("name", "detained_on")
DATE_FIELDS = ("detained_on", "sentenced_on", "recognised_on", "ended_on")
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")
TRUE = {"1", "yes", "true", "так", "да", "y"}


class CsvError(ValueError):
    pass


def read(data: bytes) -> tuple[list[str], list[list[str]]]:
    """Header and rows of an uploaded CSV (UTF-8, comma or semicolon). Raises CsvError with a clear reason."""
    if len(data) > MAX_CSV_BYTES:
        raise CsvError(_("The file is larger than 1 MiB; split it."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvError(_("The file is not UTF-8 text; save it as CSV UTF-8.")) from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = [row for row in csv.reader(io.StringIO(text), dialect) if any(cell.strip() for cell in row)]
    except csv.Error as exc:
        raise CsvError(_("The file cannot be read as CSV: %(reason)s") % {"reason": exc}) from None
    if len(rows) < 2:
        raise CsvError(_("The file has no rows under its header."))
    return [cell.strip() for cell in rows[0]], rows[1:]


def guess_mapping(header: list[str]) -> dict[str, int]:
    """Columns whose header names a field (in English, or as the field's name) are mapped already."""
    mapping = {}
    normalised = [h.strip().lower().replace(" ", "_") for h in header]
    for target in TARGETS:
        if target in normalised:
            mapping[target] = normalised.index(target)
    return mapping


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return _("line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


def _date(value: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()  # noqa: DTZ007 - a calendar date, no time
        except ValueError:
            continue
    raise ValueError(_("“%(value)s” is not a date (use 2024-03-01 or 01.03.2024)") % {"value": value})


def _choice(value: str, choices: Any, what: str) -> str:
    value = value.strip()
    lowered = value.lower()
    for code, label in choices.choices:
        if lowered in {code, str(label).lower()}:
            return str(code)
    raise ValueError(_("“%(value)s” is not a known %(what)s") % {"value": value, "what": what})


def parse_rows(
    rows: Iterable[list[str]], mapping: Mapping[str, int]
) -> tuple[list[dict[str, Any]], list[RowError]]:
    """Every row as the services' values, or the list of errors (line numbers count the header as line 1)."""
    missing = [field for field in REQUIRED if field not in mapping]
    if missing:
        return [], [RowError(1, _("map a column to %(fields)s") % {"fields": ", ".join(missing)})]
    parsed, errors = [], []
    for number, row in enumerate(rows, start=2):
        cell = {field: (row[index] if index < len(row) else "") for field, index in mapping.items()}
        try:
            values: dict[str, Any] = {"name": cell["name"].strip()}
            if not values["name"]:
                raise ValueError(_("the name is empty"))
            for field in DATE_FIELDS:
                if field in cell:
                    values[field] = _date(cell[field])
            if values.get("detained_on") is None:
                raise ValueError(_("the date of detention is empty"))
            if "region" in cell and cell["region"].strip():
                values["region"] = _choice(cell["region"], Region, _("region"))
            if "status" in cell and cell["status"].strip():
                values["status"] = _choice(cell["status"], PrisonerStatus, _("status"))
            if "sentence_months" in cell and cell["sentence_months"].strip():
                months = int(cell["sentence_months"].strip())
                if months < 0 or months > 720:
                    raise ValueError(_("the sentence must be between 0 and 720 months"))
                values["sentence_months"] = months
            if "name_is_public" in cell:
                values["name_is_public"] = cell["name_is_public"].strip().lower() in TRUE
            for field in ("court", "sentence_kind", "place_of_detention", "postal_address", "recognised_by"):
                if field in cell:
                    values[field] = cell[field].strip()[: 200 if field != "postal_address" else 1000]
            if values.get("ended_on") and "status" not in values:
                values["status"] = PrisonerStatus.RELEASED
            articles = [a for a in cell.get("articles", "").replace(";", ",").split(",") if a.strip()]
            parsed.append({"values": values, "articles": articles, "line": number})
        except ValueError as exc:
            message = str(exc)
            if message.startswith("invalid literal"):
                message = _("the sentence is not a whole number of months")
            errors.append(RowError(number, message))
    return parsed, errors


EXPORT_HEADER = (
    "id",
    "name",
    "region",
    "detained_on",
    "articles",
    "court",
    "sentenced_on",
    "sentence_months",
    "sentence_kind",
    "place_of_detention",
    "postal_address",
    "recognised_on",
    "recognised_by",
    "status",
    "ended_on",
)


def _safe(value: Any) -> str:
    text = "" if value is None else str(value)
    # A cell starting with these is a formula in spreadsheet programs.
    return "'" + text if text[:1] in {"=", "+", "-", "@"} and not text[1:2].isdigit() else text


def export(prisoners: Iterable[Prisoner], names: Mapping[int, str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_HEADER)
    for p in prisoners:
        articles = ", ".join(sorted(c.article for c in p.charges.all()))
        writer.writerow(
            _safe(v)
            for v in (
                p.pk,
                names.get(p.pk, ""),
                p.region,
                p.detained_on,
                articles,
                p.court,
                p.sentenced_on,
                p.sentence_months,
                p.sentence_kind,
                p.place_of_detention,
                p.postal_address,
                p.recognised_on,
                p.recognised_by,
                p.status,
                p.ended_on,
            )
        )
    return out.getvalue()
