"""The grants registry in the JSON API: records at coordination level, in full where the caller's donor owns them.

`GET /api/registry/records` (filters: `theme`, `geography`, `year`, `donor`; paged by `limit`/`offset`) and
`GET /api/registry/records/{id}`. The publication files have stable URLs outside the API:
`/registry/public/iati.xml` (IATI 2.03) and `/registry/public/360giving.json` (360Giving 1.4).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from hramada.api.auth import roles
from hramada.api.screening import AUTH_ERRORS
from hramada.core.roles import Role
from hramada.registry import selectors

router = Router(tags=["grants registry"])
READ = (Role.DONOR_COORDINATOR, Role.AUDITOR)
MAX_LIMIT = 1000
# Far beyond any registry; a larger offset or a year outside the calendar's range reached the database as an
# integer it cannot hold (500), so they are refused here with the parameter's name.
MAX_OFFSET = 1_000_000_000
YEARS = (1, 9999)


class RecordOut(Schema):
    id: int
    donor: str
    level: str  # "full" (the caller's donor owns it) or "coordination"
    recipient_reference: str
    theme: str
    geography: str
    start: date
    end: date
    status: str
    amount_band_eur: str
    identifier: str | None = None
    title: str | None = None
    purpose: str | None = None
    amount: str | None = None
    currency: str | None = None
    amount_eur: str | None = None
    award_date: date | None = None
    instrument: str | None = None
    is_public: bool | None = None


class RecordPage(Schema):
    count: int
    results: list[RecordOut]


def _out(view: selectors.RecordView) -> dict[str, Any]:
    return view.as_dict()


@router.get(
    "/records",
    auth=roles(*READ),
    response={200: RecordPage, 422: dict[str, Any], **AUTH_ERRORS},
    summary="Grant records the caller may see",
)
def records(
    request: HttpRequest,
    theme: str | None = None,
    geography: str | None = None,
    year: int | None = None,
    donor: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> dict[str, Any]:
    if not 1 <= limit <= MAX_LIMIT:
        raise HttpError(422, f"limit: between 1 and {MAX_LIMIT}")
    if not 0 <= offset <= MAX_OFFSET:
        raise HttpError(422, f"offset: between 0 and {MAX_OFFSET}")
    if year is not None and not YEARS[0] <= year <= YEARS[1]:
        raise HttpError(422, f"year: between {YEARS[0]} and {YEARS[1]}")
    count, views = selectors.record_views(
        request.user, theme=theme, geography=geography, year=year, donor=donor, limit=limit, offset=offset
    )
    return {"count": count, "results": [_out(v) for v in views]}


@router.get(
    "/records/{record_id}",
    auth=roles(*READ),
    response={200: RecordOut, 404: dict[str, Any], 422: dict[str, Any], **AUTH_ERRORS},
    summary="One grant record",
)
def record(request: HttpRequest, record_id: int) -> dict[str, Any]:
    view = selectors.record_view(request.user, record_id)
    if view is None:
        raise HttpError(404, f"record_id: no record {record_id}")
    return _out(view)
