"""Downloads of the coordination views as CSV or XLSX. No recipient names: pseudonymous references only. A cell
a spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from openpyxl import Workbook

from hramada.registry import selectors

Table = tuple[Sequence[str], Iterable[Sequence[Any]]]


def _safe(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def gaps_table(user: Any, years: list[int]) -> Table:
    header = ("year", "theme", "geography", "funded_eur", "target_eur", "shortfall_eur")
    rows = (
        (
            c.year,
            c.theme,
            c.geography,
            c.funded_eur,
            c.target_eur if c.target_eur is not None else "",
            c.shortfall if c.shortfall is not None else "",
        )
        for c in selectors.gaps(years)
    )
    return header, rows


def concentration_table(user: Any, years: list[int]) -> Table:
    header = ("theme", "total_eur", "recipients", "top3_share")
    return header, ((c.theme, c.total_eur, c.recipients, c.top_share) for c in selectors.concentration())


def over_time_table(user: Any, years: list[int]) -> Table:
    header = ("series", "kind", "year", "eur")
    rows = []
    for kind in ("theme", "donor"):
        _years, series = selectors.over_time(kind)
        rows += [
            (name, kind, year, value)
            for name, values in series.items()
            for year, value in sorted(values.items())
        ]
    return header, rows


def coordination_table(user: Any, years: list[int]) -> Table:
    header = (
        "donor",
        "recipient_reference",
        "theme",
        "geography",
        "amount_band_eur",
        "start",
        "end",
        "status",
    )
    rows = (
        (
            r.donor,
            r.recipient_reference,
            r.theme,
            r.geography,
            r.band,
            r.start.isoformat(),
            r.end.isoformat(),
            r.status,
        )
        for r in selectors.coordination_rows(user, limit=100_000)
    )
    return header, rows


TABLES: dict[str, Callable[[Any, list[int]], Table]] = {
    "gaps": gaps_table,
    "concentration": concentration_table,
    "over-time": over_time_table,
    "coordination": coordination_table,
}


def as_csv(table: Table) -> str:
    header, rows = table
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe(v) for v in row])
    return out.getvalue()


def as_xlsx(title: str, table: Table) -> bytes:
    header, rows = table
    book = Workbook()
    sheet = book.active or book.create_sheet()
    sheet.title = title[:31]
    sheet.append(list(header))
    for row in rows:
        sheet.append([_safe(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
