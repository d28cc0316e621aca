"""Finance exports of grants and disbursements as CSV and XLSX. No personal data: references, not names.

Cells that a spreadsheet would run as a formula (=, +, -, @) are prefixed with an apostrophe (CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from typing import Any

from openpyxl import Workbook

from hramada.fund.models import Disbursement, Grant

GRANT_HEADER = (
    "reference",
    "programme",
    "tier",
    "category",
    "status",
    "amount",
    "currency",
    "disbursed",
    "envelope_year",
    "approved_at",
    "demo",
)
DISBURSEMENT_HEADER = (
    "grant",
    "tranche",
    "amount",
    "currency",
    "method",
    "intermediary",
    "payment_reference",
    "paid_on",
    "demo",
)


def grant_rows() -> Iterator[Sequence[Any]]:
    grants = Grant.objects.select_related("application__programme", "envelope").prefetch_related("tranches")
    for g in grants.order_by("created_at"):
        a = g.application
        yield (
            a.reference,
            a.programme.name,
            a.tier,
            a.category,
            g.status,
            g.amount,
            g.currency,
            g.disbursed,
            g.envelope.year,
            a.decided_at.date().isoformat() if a.decided_at else "",
            g.is_demo,
        )


def disbursement_rows() -> Iterator[Sequence[Any]]:
    items = Disbursement.objects.select_related("tranche__grant__application").order_by("paid_on", "pk")
    for d in items:
        yield (
            d.tranche.grant.application.reference,
            d.tranche.number,
            d.amount,
            d.currency,
            d.method,
            d.intermediary,
            d.reference,
            d.paid_on.isoformat(),
            d.tranche.grant.is_demo,
        )


def _safe(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def as_csv(header: Sequence[str], rows: Iterator[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe(v) for v in row])
    return out.getvalue()


def as_xlsx(title: str, header: Sequence[str], rows: Iterator[Sequence[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    if sheet is None:  # a new workbook always has one sheet
        sheet = book.create_sheet()
    sheet.title = title
    sheet.append(list(header))
    for row in rows:
        sheet.append([_safe(v) if not isinstance(v, bool) else ("yes" if v else "no") for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
