"""Screening pages: screen one name and read why each result matched (bulk screening lives beside it)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hramada.core.access import require_roles
from hramada.core.audit import record
from hramada.core.roles import Role
from hramada.sanctions.live_index import index_status, screening_index
from hramada.sanctions.screening_forms import ScreenNameForm
from hramada.screening import Query, QueryError, Thresholds, screen

SCREENING_ROLES = (
    Role.SANCTIONS_ANALYST,
    Role.FUND_MANAGER,
    Role.FINANCE_OFFICER,
    Role.REVIEWER,
    Role.DOCUMENTER,
    Role.DONOR_COORDINATOR,
    Role.ADMINISTRATOR,
)


def screening_roles() -> tuple[Role, ...]:
    return SCREENING_ROLES


QUERY_FIELDS = {
    "name": "name",
    "birth_date": "birth_date",
    "countries": "country",
    "identifiers": "identifiers",
}


@require_roles(*SCREENING_ROLES)
def screen_name(request: HttpRequest) -> HttpResponse:
    form = ScreenNameForm(request.GET if "name" in request.GET or "identifiers" in request.GET else None)
    results = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        thresholds = Thresholds.INVESTIGATION if data["profile"] == "investigation" else Thresholds.SCREENING
        try:
            query = Query(
                name=data["name"],
                schema=data["schema"],
                birth_date=data["birth_date"] or None,
                countries=(data["country"],) if data["country"] else (),
                identifiers=form.identifier_list(),
            )
        except QueryError as exc:
            form.add_error(QUERY_FIELDS.get(exc.field, None), str(exc))
        else:
            results = screen(query, screening_index(), thresholds=thresholds, limit=10)
            record(
                action="screening.screen_name",
                detail={"schema": data["schema"], "profile": data["profile"], "results": len(results)},
            )
    return render(
        request,
        "sanctions/screen.html",
        {"form": form, "results": results, "status": index_status()},
    )
