"""CSV and XLSX: a header row and data rows, mapped to record fields by a column mapping the donor confirms."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _

from hramada.registry.importers import FileRefusedError, Problem
from hramada.registry.rows import FIELDS, REQUIRED

MAX_ROWS = 200_000


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def read_csv(data: bytes) -> Table:
    """UTF-8 only (a byte-order mark is fine); another encoding is refused with the line where it fails."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise FileRefusedError(
            [
                Problem(
                    _("line %(n)s") % {"n": line},
                    _("The file is not UTF-8 text. Save it as CSV UTF-8 and upload it again."),
                )
            ]
        ) from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = [tuple(map(str.strip, row)) for row in reader]
    return _table(list(filter(any, rows)))


def read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise FileRefusedError([Problem("", _("The file is not an Excel workbook (.xlsx)."))]) from None
    sheet = book.worksheets[0]
    rows = [tuple(_cell(c) for c in row) for row in sheet.iter_rows(values_only=True)]
    return _table([r for r in rows if any(r)])


def _table(rows: list[tuple[str, ...]]) -> Table:
    if len(rows) < 2:
        raise FileRefusedError([Problem("", _("The file has no data rows under its header."))])
    if len(rows) > MAX_ROWS + 1:
        raise FileRefusedError([Problem("", _("At most %(n)s rows per file.") % {"n": MAX_ROWS})])
    header = tuple(h.strip() for h in rows[0])
    width = len(header)
    # Most rows are as wide as the header and are kept as they are; others are cut or padded with "".
    body = rows[1:]
    if set(map(len, body)) != {width}:
        body = [r if len(r) == width else r[:width] + ("",) * (width - len(r)) for r in body]
    return Table(header, tuple(body))


def suggest_mapping(header: tuple[str, ...], remembered: Mapping[str, str]) -> dict[str, str]:
    """The donor's remembered mapping where its columns still exist, else a column named like the field."""
    normal = {h.casefold().replace(" ", "_"): h for h in header}
    mapping = {}
    for name in FIELDS:
        if remembered.get(name) in header:
            mapping[name] = remembered[name]
        elif name in normal:
            mapping[name] = normal[name]
    return mapping


def mapping_problems(mapping: Mapping[str, str], header: tuple[str, ...]) -> list[Problem]:
    problems = [
        Problem(name, _("Choose the column that holds this field; it is required."))
        for name in REQUIRED
        if not mapping.get(name)
    ]
    problems += [
        Problem(name, _("The file has no column “%(column)s”.") % {"column": column})
        for name, column in mapping.items()
        if column and column not in header
    ]
    return problems


def mapped_rows(table: Table, mapping: Mapping[str, str]) -> MappedTable:
    """The table's rows as (row number in the file, counting the header as 1; raw values by field), one row at
    a time when iterated (a list of a million rows' dicts would take more than a gigabyte), or a column at a
    time (`columns`), which is how an import cleans them (`rows.Cleaner.columns`)."""
    return MappedTable(table, mapping)


class MappedTable:
    def __init__(self, table: Table, mapping: Mapping[str, str]) -> None:
        index = {h: i for i, h in enumerate(table.header)}
        self.table = table
        self.pairs = [(name, index[column]) for name, column in mapping.items() if column]
        self.count = len(table.rows)
        self.first = 2

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        for n in range(self.first, self.first + self.count):
            yield n, self.row(n)

    def row(self, n: int) -> dict[str, str]:
        row = self.table.rows[n - self.first]
        return {name: row[k] for name, k in self.pairs}

    def columns(self) -> dict[str, tuple[str, ...]]:
        """Each mapped field's column of cells (text, stripped), in row order."""
        transposed = list(zip(*self.table.rows, strict=True)) if self.count else []
        return {name: transposed[k] if transposed else () for name, k in self.pairs}
