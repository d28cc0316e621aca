"""Pages for sanctions analysts (auditors and administrators read them too): sources and snapshots, search
across every name in any script, an entity with its records in other sources and its history, and what a
delta changed. Thin: they call selectors; the one change is an analyst's review of a snapshot held as suspicious
(:mod:`hramada.sanctions.plausibility`).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hramada.core import formatting
from hramada.core.access import require_roles, signed_in_user
from hramada.core.roles import Role
from hramada.sanctions import linking, plausibility, selectors
from hramada.sanctions.forms import ChangesFilterForm, CompareForm, ReviewForm, SearchForm
from hramada.sanctions.models import Delta, DeltaParty, Snapshot, Source

READ_ROLES = frozenset({Role.SANCTIONS_ANALYST, Role.AUDITOR, Role.ADMINISTRATOR})
PAGE_SIZE = 50

read_only = require_roles(Role.SANCTIONS_ANALYST, Role.AUDITOR, Role.ADMINISTRATOR)
REVIEW_ROLES = (Role.SANCTIONS_ANALYST, Role.ADMINISTRATOR)


def _query_string(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@read_only
def sources(request: HttpRequest) -> HttpResponse:
    overview = selectors.source_overview()
    return render(
        request, "sanctions/sources.html", {"overview": overview, "engine": selectors.screening_engine()}
    )


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
    context = {
        "snapshot": snap,
        "page": page,
        "delta": delta,
        "belarus": belarus,
        "query": _query_string(request),
        "review_form": ReviewForm() if snap.status == Snapshot.Status.HELD else None,
        "may_review": signed_in_user(request).has_role(*REVIEW_ROLES),
    }
    return render(request, "sanctions/snapshot.html", context)


@require_roles(*REVIEW_ROLES)
@require_POST
def review_snapshot(request: HttpRequest, snapshot_id: int) -> HttpResponse:
    """Confirm a held snapshot (it becomes current if it is the newest) or reject it (it never does)."""
    snap = get_object_or_404(Snapshot, pk=snapshot_id)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision and say why."))
        return redirect("sanctions:snapshot", snap.pk)
    decide = plausibility.confirm if form.cleaned_data["decision"] == "confirm" else plausibility.reject
    try:
        reviewed = decide(snap, by=request.user, note=form.cleaned_data["note"])
    except plausibility.ReviewError:
        messages.error(request, _("This snapshot is not held; nothing changed."))
        return redirect("sanctions:snapshot", snap.pk)
    if reviewed.status == Snapshot.Status.ACCEPTED:
        messages.success(request, _("Snapshot confirmed: it is current if it is the newest of its source."))
    else:
        messages.success(request, _("Snapshot rejected: it will never be current."))
    return redirect("sanctions:snapshot", snap.pk)


@read_only
def delta(request: HttpRequest, delta_id: int) -> HttpResponse:
    """What a stored delta changed, by listed party: filtered, paged, or as CSV."""
    found = get_object_or_404(Delta.objects.select_related("source", "old", "new"), pk=delta_id)
    return _changes_page(request, selectors.changes_of(found))


@read_only
def compare(request: HttpRequest, source_key: str) -> HttpResponse:
    """Any two snapshots of one source compared, by listed party (the stored delta when they are consecutive)."""
    source = get_object_or_404(Source, key=source_key)
    snapshots = selectors.snapshots_of(source)
    if len(snapshots) < 2:
        raise Http404("This source has fewer than two snapshots.")
    form = CompareForm(request.GET, snapshots=[(s.pk, _snapshot_label(s)) for s in snapshots])
    if not form.is_valid():
        if "old" in request.GET or "new" in request.GET:
            return render(
                request,
                "sanctions/compare.html",
                {"source": source, "compare_form": form},
                status=400,
            )
        query = QueryDict(mutable=True)
        query.update({"old": str(snapshots[-2].pk), "new": str(snapshots[-1].pk)})
        return redirect(f"{request.path}?{query.urlencode()}")
    by_pk = {s.pk: s for s in snapshots}
    old, new = by_pk[form.cleaned_data["old"]], by_pk[form.cleaned_data["new"]]
    if selectors.snapshot_order_key(old) > selectors.snapshot_order_key(new):
        old, new = new, old
    return _changes_page(request, selectors.changes_between(old, new), compare_form=form)


def _snapshot_label(snapshot: Snapshot) -> str:
    day = formatting.long_date(snapshot.published_at or snapshot.imported_at)
    return f"{day} — {snapshot.file_name}"


def _changes_page(
    request: HttpRequest, changes: selectors.Changes, *, compare_form: CompareForm | None = None
) -> HttpResponse:
    is_compare = compare_form is not None
    programmes = selectors.programmes_in(changes)
    labels = selectors.programme_labels()
    choices = [(code, f"{code} — {labels[code]}" if code in labels else code) for code in programmes]
    form = ChangesFilterForm(request.GET, programmes=choices)
    filters: dict[str, Any] = {}
    if form.is_valid():
        data = form.cleaned_data
        filters = {
            "change": data.get("change") or "",
            "programme": data.get("programme") or "",
            "schema": data.get("schema") or "",
            "belarus_only": bool(data.get("belarus")),
        }
    parties = selectors.filter_parties(changes, **filters)
    source = changes.new.source
    if request.GET.get("format") == "csv":
        return _changes_csv(changes, parties)
    page = Paginator(parties, PAGE_SIZE).get_page(request.GET.get("page"))
    snapshots = selectors.snapshots_of(source)
    if compare_form is None:
        initial = {"old": changes.old.pk if changes.old else None, "new": changes.new.pk}
        compare_form = CompareForm(initial=initial, snapshots=[(s.pk, _snapshot_label(s)) for s in snapshots])
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    csv_query = query.copy()
    csv_query["format"] = "csv"
    context = {
        "changes": changes,
        "delta": changes.delta,
        "source": source,
        "page": page,
        "rows": list(selectors.party_rows(page.object_list)),
        "filter_form": form,
        "filtered": any(filters.values()),
        "compare_form": compare_form if len(snapshots) > 1 else None,
        "query": query.urlencode(),
        "csv_query": csv_query.urlencode(),
        "is_compare": is_compare,
    }
    return render(request, "sanctions/delta.html", context)


def _changes_csv(
    changes: selectors.Changes, parties: QuerySet[DeltaParty] | list[DeltaParty]
) -> HttpResponse:
    new, old = changes.new, changes.old
    name = f"{new.source.key}-{_file_day(old)}-{_file_day(new)}-changes.csv".replace(":", "-")
    response = HttpResponse(selectors.changes_csv(changes, parties), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _file_day(snapshot: Snapshot | None) -> str:
    if snapshot is None:
        return "start"
    return (snapshot.published_at or snapshot.imported_at.date()).isoformat()


@read_only
def snapshot_changes(request: HttpRequest, snapshot_id: int) -> HttpResponse:
    snap = get_object_or_404(Snapshot.objects.select_related("source"), pk=snapshot_id)
    found = selectors.delta_into(snap)
    if found.pk is not None:
        return redirect("sanctions:delta", found.pk)
    query = QueryDict(mutable=True)
    query.update({"old": str(found.old_id), "new": str(snap.pk)})
    return redirect(f"{reverse('sanctions:compare', args=[snap.source.key])}?{query.urlencode()}")


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
