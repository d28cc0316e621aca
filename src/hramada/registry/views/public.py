"""Public pages (no sign-in): totals by theme, geography and year with charts, the exclusion policy, and the
published IATI and 360Giving files at stable URLs. Nothing here names a recipient that the policy withholds."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from hramada.core.access import public
from hramada.registry import charts, publication, selectors


@public
def totals(request: HttpRequest) -> HttpResponse:
    data = selectors.public_totals()
    return render(
        request,
        "registry/public.html",
        {
            "totals": data,
            "theme_chart": charts.money_bars(
                [(n, v) for n, v, _c in data["theme"]], _("Published funding by theme (EUR)")
            ),
            "geography_chart": charts.money_bars(
                [(n, v) for n, v, _c in data["geography"]], _("Published funding by geography (EUR)")
            ),
            "year_chart": charts.money_bars(
                [(n, v) for n, v, _c in data["year"]], _("Published funding by year (EUR)")
            ),
        },
    )


@public
def policy(request: HttpRequest) -> HttpResponse:
    return render(request, "registry/policy.html", {})


@public
def iati(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(publication.iati_xml(), content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="registry-iati-activities.xml"'
    return response


@public
def giving(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(publication.giving_json(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="registry-360giving.json"'
    return response


@public
def giving_xlsx(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        publication.giving_xlsx(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="registry-360giving.xlsx"'
    return response
