"""Reading an uploaded watch list (CSV in UTF-8, or XLSX), all or nothing, every problem named by row and column.

Columns: ``name`` (required), ``schema``, ``birth_date``, ``country``, ``identifier``. A file with a missing or an
unknown column, in another encoding, not a spreadsheet at all, or with any bad row is refused as a whole.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from hramada.sanctions import public

COLUMNS = ("name", "schema", "birth_date", "country", "identifier")
REQUIRED = ("name",)
SCHEMATA = ("Person", "Organization", "Company", "LegalEntity", "Vessel")
MAX_ROWS = 200_000


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass(frozen=True)
class WatchRow:
    row: int
    name: str
    schema: str
    birth_date: str
    country: str
    identifier: str


class WatchListRefusedError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems[:5]))
        self.problems = problems


def _table(file_name: str, data: bytes) -> list[list[str]]:
    if file_name.lower().endswith(".xlsx") or data[:2] == b"PK":
        return _xlsx(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise WatchListRefusedError(
            [
                Problem(
                    _("byte %(n)s") % {"n": exc.start + 1},
                    _("The file is not UTF-8 text. Save it as CSV UTF-8 (or as XLSX) and upload it again."),
                )
            ]
        ) from exc
    if "\x00" in text:
        raise WatchListRefusedError([Problem("", _("The file is not a CSV text file."))])
    return [list(row) for row in csv.reader(io.StringIO(text))]


def _xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise WatchListRefusedError([Problem("", _("The file is not a readable XLSX workbook."))]) from exc
    sheet = book.worksheets[0]
    rows: list[list[str]] = []
    for values in sheet.iter_rows(values_only=True):
        rows.append(["" if v is None else _cell(v) for v in values])
    book.close()
    return rows


def _cell(value: Any) -> str:
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    return str(value).strip()


def read_watch_list(file_name: str, data: bytes) -> list[WatchRow]:
    """Every row of the file, cleaned; raises :class:`WatchListRefusedError` with every problem found."""
    table = [row for row in _table(file_name, data) if any(cell.strip() for cell in row)]
    if not table:
        raise WatchListRefusedError([Problem("", _("The file has no rows."))])
    header = [cell.strip().lower() for cell in table[0]]
    problems: list[Problem] = []
    for column in REQUIRED:
        if column not in header:
            problems.append(Problem(_("row 1"), _("The column %(column)s is missing.") % {"column": column}))
    for n, column in enumerate(header, start=1):
        if column not in COLUMNS:
            problems.append(
                Problem(
                    _("row 1, column %(n)s") % {"n": n},
                    _("Unknown column %(column)s; the columns are: %(columns)s.")
                    % {"column": column or "''", "columns": ", ".join(COLUMNS)},
                )
            )
    if len(set(header)) != len(header):
        problems.append(Problem(_("row 1"), _("A column appears twice.")))
    if problems:
        raise WatchListRefusedError(problems)
    if len(table) - 1 > MAX_ROWS:
        raise WatchListRefusedError(
            [Problem("", _("A watch list holds at most %(n)s rows.") % {"n": f"{MAX_ROWS:,}"})]
        )
    rows: list[WatchRow] = []
    for n, cells in enumerate(table[1:], start=2):
        values = {column: (cells[i].strip() if i < len(cells) else "") for i, column in enumerate(header)}
        row, row_problems = _clean(n, values)
        problems.extend(row_problems)
        if row is not None:
            rows.append(row)
    if problems:
        raise WatchListRefusedError(problems)
    return rows


def _clean(n: int, values: dict[str, str]) -> tuple[WatchRow | None, list[Problem]]:
    where = _("row %(n)s") % {"n": n}
    problems = []
    schema = values.get("schema") or "LegalEntity"
    if schema not in SCHEMATA:
        problems.append(
            Problem(
                f"{where}, schema",
                _("%(value)s is not one of %(allowed)s.") % {"value": schema, "allowed": ", ".join(SCHEMATA)},
            )
        )
        schema = "LegalEntity"
    row = WatchRow(
        row=n,
        name=values.get("name", ""),
        schema=schema,
        birth_date=values.get("birth_date", ""),
        country=values.get("country", ""),
        identifier=values.get("identifier", ""),
    )
    if not row.name:
        problems.append(Problem(f"{where}, name", _("The name is empty.")))
    if len(row.name) > 500:
        problems.append(Problem(f"{where}, name", _("The name is longer than 500 characters.")))
    if not problems:
        try:
            party_of(row, ref=f"row:{n}").query()
        except public.PartyError as error:
            column = {"countries": "country", "identifiers": "identifier"}.get(error.field, error.field)
            problems.append(Problem(f"{where}, {column}", str(error).removeprefix(f"{error.field}: ")))
    return (row if not problems else None), problems


def party_of(row: WatchRow, *, ref: str) -> public.Party:
    return public.Party(
        name=row.name,
        schema=row.schema,
        ref=ref,
        birth_date=row.birth_date or None,
        countries=(row.country,) if row.country else (),
        identifiers={"any": [row.identifier]} if row.identifier else {},
    )
