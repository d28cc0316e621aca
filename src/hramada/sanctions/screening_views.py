"""Screening pages: screen one name and read why each result matched (bulk screening lives beside it)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hramada.core.access import require_roles, signed_in_user
from hramada.core.audit import record
from hramada.core.roles import Role
from hramada.core.screening_notes import screening_notes
from hramada.sanctions.bulk_screening import (
    BulkUploadError,
    max_upload_bytes,
    start_bulk_screening,
    store_upload,
)
from hramada.sanctions.public import SCREENING_ROLES, Party, PartyError, current_lists, index_status, screen
from hramada.sanctions.screening_forms import BulkScreenForm, ScreenNameForm


def screening_roles() -> tuple[Role, ...]:
    return SCREENING_ROLES


# The page's choice -> the screening profile it uses.
PURPOSE_BY_CHOICE = {"screening": "onboarding", "investigation": "investigation"}

QUERY_FIELDS = {
    "name": "name",
    "birth_date": "birth_date",
    "countries": "country",
    "identifiers": "identifiers",
}


@require_roles(*SCREENING_ROLES)
def screen_name(request: HttpRequest) -> HttpResponse:
    """Screen one party. Names, birth dates and identifiers come only in a POST body: never in a URL, where
    access logs, proxies and browser history would keep them."""
    form = ScreenNameForm(request.POST if request.method == "POST" else None)
    results = None
    rows: list[tuple[Any, list[str], list[Any]]] = []
    query_notes: list[Any] = []
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        party = Party(
            name=data["name"],
            schema=data["schema"],
            birth_date=data["birth_date"] or None,
            countries=(data["country"],) if data["country"] else (),
            identifiers={"any": form.identifier_list()} if form.identifier_list() else {},
        )
        try:
            screening = screen(
                party,
                purpose=PURPOSE_BY_CHOICE.get(data["profile"], "onboarding"),
                by=signed_in_user(request),
                source="page.screen",
                limit=10,
            )
        except PartyError as exc:
            form.add_error(QUERY_FIELDS.get(exc.field, None), str(exc))
        else:
            results = [hit.result for hit in screening.hits]
            titles = {current.key: current.title for current in current_lists()}
            # what other apps know beyond the lists' names (ownership paths, wallet checks): core.screening_notes
            notes = screening_notes(
                party.name, form.identifier_list(), [result.entity_id for result in results]
            )
            rows = [
                (
                    result,
                    [titles.get(key, key) for key in result.datasets],
                    [note for note in notes if note.entity_id == result.entity_id],
                )
                for result in results
            ]
            shown = {result.entity_id for result in results}
            query_notes = [note for note in notes if note.entity_id not in shown]
    response = render(
        request,
        "sanctions/screen.html",
        {
            "form": form,
            "results": results,
            "rows": rows,
            "query_notes": query_notes,
            "status": index_status(),
        },
    )
    response["Cache-Control"] = "no-store"
    return response


@require_roles(*SCREENING_ROLES)
def bulk_screen(request: HttpRequest) -> HttpResponse:
    """Upload a file of names; the worker screens it and the job page offers the results."""
    too_large = int(request.META.get("CONTENT_LENGTH") or 0) > max_upload_bytes() + 64 * 1024
    if request.method == "POST" and too_large:
        # Refuse before Django reads the body: a 1 GB upload must not fill the disk or the worker's memory.
        refusal = _("The file is larger than %(limit)s MB.") % {"limit": max_upload_bytes() // 2**20}
        context = {"form": BulkScreenForm(), "refusal": refusal, "limit_mb": max_upload_bytes() // 2**20}
        return render(request, "sanctions/bulk_screen.html", context, status=413)
    form = BulkScreenForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            path, rows = store_upload(upload)
        except BulkUploadError as exc:
            form.add_error("file", str(exc))
        else:
            job_id = start_bulk_screening(
                path=path,
                rows=rows,
                profile=form.cleaned_data["profile"],
                by=signed_in_user(request),
                label=_("Screening %(file)s") % {"file": upload.name},
            )
            record(action="screening.bulk_started", detail={"rows": rows, "job": job_id})
            return redirect("core:job_progress", job_id)
    return render(
        request, "sanctions/bulk_screen.html", {"form": form, "limit_mb": max_upload_bytes() // 2**20}
    )
