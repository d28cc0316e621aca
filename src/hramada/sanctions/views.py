"""Pages for sanctions analysts (auditors and administrators read them too): sources and snapshots, search
across every name in any script, an entity with its records in other sources and its history, and what a
delta changed. All read-only and thin: they call selectors.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render

from hramada.core.access import require_roles
from hramada.core.roles import Role
from hramada.sanctions import linking, selectors
from hramada.sanctions.forms import SearchForm
from hramada.sanctions.models import Delta, Snapshot

READ_ROLES = frozenset({Role.SANCTIONS_ANALYST, Role.AUDITOR, Role.ADMINISTRATOR})
PAGE_SIZE = 50

read_only = require_roles(Role.SANCTIONS_ANALYST, Role.AUDITOR, Role.ADMINISTRATOR)


def _query_string(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@read_only
def sources(request: HttpRequest) -> HttpResponse:
    overview = selectors.source_overview()
    return render(request, "sanctions/sources.html", {"overview": overview})


@read_only
def search(request: HttpRequest) -> HttpResponse:
    """Search the lists. A name travels only in a POST body (a name typed here may be a counterparty's, and a
    URL ends up in access logs and browser history); filters without a name may be a bookmarkable GET."""
    data: QueryDict = request.POST.copy() if request.method == "POST" else request.GET.copy()
    if request.method != "POST":
        data.pop("q", None)
    form = SearchForm(data if request.method == "POST" or request.GET else None)
    members = None
    page = None
    if form.is_valid():
        cleaned = form.cleaned_data
        members = selectors.search_members(
            cleaned.get("q") or "",
            belarus_only=bool(cleaned.get("belarus")),
            source_key=cleaned.get("source") or None,
            schema=cleaned.get("schema") or None,
        )
        page = Paginator(members, PAGE_SIZE).get_page(data.get("page"))
    query = data.copy()
    query.pop("page", None)
    query.pop("csrfmiddlewaretoken", None)
    response = render(
        request,
        "sanctions/search.html",
        {"form": form, "page": page, "query": query.urlencode(), "by_post": request.method == "POST"},
    )
    if request.method == "POST":
        response["Cache-Control"] = "no-store"
    return response


@read_only
def snapshot(request: HttpRequest, snapshot_id: int) -> HttpResponse:
    snap = get_object_or_404(Snapshot.objects.select_related("source", "base"), pk=snapshot_id)
    belarus = request.GET.get("belarus") == "1"
    members = snap.members.filter(subject=True).select_related("version").order_by("version__caption", "pk")
    if belarus:
        members = members.filter(belarus=True)
    page = Paginator(members, PAGE_SIZE).get_page(request.GET.get("page"))
    delta = selectors.delta_into(snap)
    return render(
        request,
        "sanctions/snapshot.html",
        {"snapshot": snap, "page": page, "delta": delta, "belarus": belarus, "query": _query_string(request)},
    )


@read_only
def delta(request: HttpRequest, delta_id: int) -> HttpResponse:
    found = get_object_or_404(Delta.objects.select_related("source", "old", "new"), pk=delta_id)
    belarus = request.GET.get("belarus") == "1"
    rows = selectors.delta_rows(found, belarus_only=belarus)
    return render(request, "sanctions/delta.html", {"delta": found, "rows": rows, "belarus": belarus})


@read_only
def snapshot_changes(request: HttpRequest, snapshot_id: int) -> HttpResponse:
    snap = get_object_or_404(Snapshot.objects.select_related("source"), pk=snapshot_id)
    return redirect("sanctions:delta", selectors.delta_into(snap).pk)


@read_only
def entity(request: HttpRequest, source_key: str, entity_id: str) -> HttpResponse:
    member = selectors.current_member(source_key, entity_id)
    if member is None:
        raise Http404("No such entity in this source.")
    record = selectors.entity_record(member)
    links = linking.linked_records(member, snapshot_ids=selectors.latest_snapshot_ids())
    linked = [(link, selectors.entity_record(link.member)) for link in links]
    history = selectors.entity_history(source_key, entity_id)
    return render(
        request,
        "sanctions/entity.html",
        {"record": record, "linked": linked, "history": history, "source_key": source_key},
    )
