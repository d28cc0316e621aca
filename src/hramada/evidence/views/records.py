"""Pages of incidents and observations: lists, recording forms, the record page with its people, sources,
perpetrators and verification. A record the user may not see is a 404, as if it did not exist."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hramada.core.access import require_roles
from hramada.core.models import User
from hramada.core.roles import Role
from hramada.evidence import access, forms, selectors, services
from hramada.evidence.models import Incident, Observation, PersonRole, Restricted, Source

D, A = Role.DOCUMENTER, Role.AUDITOR


def visible_or_404(model: type[Restricted], pk: int, user: Any) -> Any:
    record = access.visible(model, user).filter(pk=pk).first()
    if record is None:
        raise Http404
    return record


def _errors(request: HttpRequest, form: Any) -> None:
    for errors in form.errors.values():
        messages.error(request, " ".join(str(e) for e in errors))


@require_roles(D, A)
def overview(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "evidence/overview.html",
        {
            "incidents": selectors.incidents_for(user)[:50],
            "observations": selectors.observations_for(user)[:50],
            "items": selectors.items_for(user)[:50],
            "groups": user.documenter_groups.all(),  # type: ignore[union-attr]
        },
    )


@require_roles(D)
def incident_new(request: HttpRequest) -> HttpResponse:
    form = forms.IncidentForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        group = data.pop("group")
        try:
            incident = services.record_incident(group=group, by=request.user, **data)
        except services.EvidenceError as exc:
            messages.error(request, str(exc))
        else:
            return redirect("evidence:incident", incident.pk)
    return render(request, "evidence/record_form.html", {"form": form, "title": _("Record an incident")})


def _edit(request: HttpRequest, record: Incident | Observation) -> HttpResponse:
    """The edit page of an incident or observation: 404 for whoever may not see it, refused to auditors."""
    if not access.can_change(record, request.user):
        raise Http404
    is_incident = isinstance(record, Incident)
    fields = services.records.INCIDENT_FIELDS if is_incident else services.records.OBSERVATION_FIELDS
    form_class = forms.IncidentEditForm if is_incident else forms.ObservationEditForm
    form = form_class(request.POST or None, initial={name: getattr(record, name) for name in fields})
    name = "evidence:incident" if is_incident else "evidence:observation"
    if request.method == "POST" and form.is_valid():
        try:
            if isinstance(record, Incident):
                services.change_incident(incident=record, values=form.cleaned_data, by=request.user)
            else:
                services.change_observation(observation=record, values=form.cleaned_data, by=request.user)
        except services.EvidenceError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Saved."))
            return redirect(name, record.pk)
    title = _("Correct incident #%(pk)s") if is_incident else _("Correct observation #%(pk)s")
    return render(
        request,
        "evidence/record_form.html",
        {"form": form, "title": title % {"pk": record.pk}, "back": reverse(name, args=[record.pk])},
    )


@require_roles(D)
def incident_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, visible_or_404(Incident, pk, request.user))


@require_roles(D)
def observation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, visible_or_404(Observation, pk, request.user))


def _sources(record: Incident | Observation, user: Any) -> list[tuple[Source, bool]]:
    return [(source, access.can_see_source_identity(source, user)) for source in record.sources.all()]


@require_roles(D, A)
def incident(request: HttpRequest, pk: int) -> HttpResponse:
    record = visible_or_404(Incident, pk, request.user)
    return render(
        request,
        "evidence/incident.html",
        {
            "record": record,
            "people": record.people.all(),
            "sources": _sources(record, request.user),
            "involvements": record.involvements.select_related("perpetrator"),
            "items": selectors.items_for(request.user).filter(incident=record),
            "can_change": access.can_change(record, request.user),
            "changes": record.changes.select_related("by"),
            "person_form": forms.PersonForm(),
            "correction_forms": [
                (
                    person,
                    forms.PersonCorrectionForm(initial={"person": person.pk}, auto_id=f"id_p{person.pk}_%s"),
                )
                for person in record.people.all()
            ]
            if access.can_change(record, request.user)
            else [],
            "source_form": forms.SourceForm(),
            "involvement_form": forms.InvolvementForm(),
            "verification_form": forms.VerificationForm(initial={"status": record.verification}),
            "share_form": forms.ShareForm(),
        },
    )


@require_roles(D)
@require_POST
def incident_add(request: HttpRequest, pk: int, what: str) -> HttpResponse:
    record = visible_or_404(Incident, pk, request.user)
    form: Any
    try:
        if what == "person":
            form = forms.PersonForm(request.POST)
            if form.is_valid():
                services.add_person(incident=record, by=request.user, **form.cleaned_data)
        elif what == "person-correction":
            form = forms.PersonCorrectionForm(request.POST)
            if form.is_valid():
                data = dict(form.cleaned_data)
                person = record.people.filter(pk=data.pop("person")).first()
                if person is None:
                    raise Http404
                services.change_person(person=person, values=data, by=request.user)
        elif what == "source":
            form = forms.SourceForm(request.POST)
            if form.is_valid():
                services.add_source(record=record, by=request.user, **form.cleaned_data)
        elif what == "perpetrator":
            form = forms.InvolvementForm(request.POST)
            if form.is_valid():
                services.link_perpetrator(incident=record, by=request.user, **form.cleaned_data)
        elif what == "verification":
            form = forms.VerificationForm(request.POST)
            if form.is_valid():
                services.set_verification(incident=record, by=request.user, **form.cleaned_data)
        else:
            raise Http404
        if form.errors:
            _errors(request, form)
        else:
            messages.success(request, _("Saved."))
    except services.EvidenceError as exc:
        messages.error(request, str(exc))
    return redirect("evidence:incident", pk)


def _share(request: HttpRequest, record: Restricted) -> None:
    form = forms.ShareForm(request.POST)
    if not form.is_valid():
        _errors(request, form)
        return
    people = []
    if form.cleaned_data["username"]:
        person = User.objects.filter(username=form.cleaned_data["username"]).first()
        if person is None:
            messages.error(request, _("There is no such user."))
            return
        people.append(person)
    partners = [form.cleaned_data["partner"]] if form.cleaned_data["partner"] else []
    try:
        services.share(record=record, by=request.user, people=people, partners=partners)
        messages.success(request, _("Shared."))
    except services.EvidenceError as exc:
        messages.error(request, str(exc))


@require_roles(D)
@require_POST
def incident_share(request: HttpRequest, pk: int) -> HttpResponse:
    _share(request, visible_or_404(Incident, pk, request.user))
    return redirect("evidence:incident", pk)


@require_roles(D, A)
@require_POST
def incident_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    """Victims' and witnesses' names and statements, each read audited with its purpose."""
    record = visible_or_404(Incident, pk, request.user)
    purpose = request.POST.get("purpose", "").strip()
    if not purpose:
        messages.error(request, _("Say why you need to see the names."))
        return redirect("evidence:incident", pk)
    revealed = []
    for person in record.people.all():
        revealed.append(
            {
                "role": PersonRole(person.role).label,
                "name": person.reveal("name", by=request.user, purpose=purpose),
                "contact": person.reveal("contact", by=request.user, purpose=purpose)
                if person.contact
                else "",
                "statement": person.reveal("statement", by=request.user, purpose=purpose)
                if person.statement
                else "",
            }
        )
    description = record.reveal("description", by=request.user, purpose=purpose) if record.description else ""
    response = render(
        request,
        "evidence/revealed.html",
        {
            "record": record,
            "revealed": revealed,
            "description": description,
            "history": selectors.sealed_history(
                record.changes.select_related("by"), by=request.user, purpose=purpose
            ),
        },
    )
    response["Cache-Control"] = "no-store"
    return response


@require_roles(D, A)
@require_POST
def observation_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    """An observation's notes and their earlier versions, each read audited with its purpose."""
    record = visible_or_404(Observation, pk, request.user)
    purpose = request.POST.get("purpose", "").strip()
    if not purpose:
        messages.error(request, _("Say why you need to see the notes."))
        return redirect("evidence:observation", pk)
    notes = record.reveal("notes", by=request.user, purpose=purpose) if record.notes else ""
    response = render(
        request,
        "evidence/revealed.html",
        {
            "record": record,
            "is_observation": True,
            "description": notes,
            "history": selectors.sealed_history(
                record.changes.select_related("by"), by=request.user, purpose=purpose
            ),
        },
    )
    response["Cache-Control"] = "no-store"
    return response


@require_roles(D)
@require_POST
def source_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    source = Source.objects.filter(pk=pk).select_related("incident", "observation").first()
    if source is None or not access.can_see(source.record, request.user):
        raise Http404
    if not access.can_see_source_identity(source, request.user):
        raise Http404
    purpose = request.POST.get("purpose", "").strip() or _("contact the source")
    identity = source.reveal("identity", by=request.user, purpose=purpose)
    contact = source.reveal("contact", by=request.user, purpose=purpose) if source.contact else ""
    response = render(
        request, "evidence/source_revealed.html", {"source": source, "identity": identity, "contact": contact}
    )
    response["Cache-Control"] = "no-store"
    return response


@require_roles(D)
def observation_new(request: HttpRequest) -> HttpResponse:
    form = forms.ObservationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        group = data.pop("group")
        try:
            observation = services.record_observation(group=group, by=request.user, **data)
        except services.EvidenceError as exc:
            messages.error(request, str(exc))
        else:
            return redirect("evidence:observation", observation.pk)
    return render(request, "evidence/record_form.html", {"form": form, "title": _("Record an observation")})


@require_roles(D, A)
def observation(request: HttpRequest, pk: int) -> HttpResponse:
    record = visible_or_404(Observation, pk, request.user)
    return render(
        request,
        "evidence/observation.html",
        {
            "record": record,
            "sources": _sources(record, request.user),
            "items": selectors.items_for(request.user).filter(observation=record),
            "can_change": access.can_change(record, request.user),
            "changes": record.changes.select_related("by"),
            "source_form": forms.SourceForm(),
            "share_form": forms.ShareForm(),
        },
    )


@require_roles(D)
@require_POST
def observation_add(request: HttpRequest, pk: int, what: str) -> HttpResponse:
    record = visible_or_404(Observation, pk, request.user)
    if what == "share":
        _share(request, record)
        return redirect("evidence:observation", pk)
    if what != "source":
        raise Http404
    form = forms.SourceForm(request.POST)
    if form.is_valid():
        try:
            services.add_source(record=record, by=request.user, **form.cleaned_data)
            messages.success(request, _("Saved."))
        except services.EvidenceError as exc:
            messages.error(request, str(exc))
    else:
        _errors(request, form)
    return redirect("evidence:observation", pk)
