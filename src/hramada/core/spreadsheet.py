"""CSV for spreadsheets: a cell that a spreadsheet program would run as a formula (=, +, -, @, tab, carriage
return) is written with a leading apostrophe, so an exported list name or reason can never execute (CSV
injection). Apps with their own exports keep theirs; new exports use this one."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` as a spreadsheet shows it without running it: text starting like a formula gets an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A CSV document (header first), every text cell made safe with :func:`safe_cell`."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return out.getvalue()
