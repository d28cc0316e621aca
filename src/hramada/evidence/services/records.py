"""Recording incidents and observations, their people, sources and perpetrators, verification and sharing."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.evidence import access
from hramada.evidence.models import (
    Degree,
    DocumenterGroup,
    Incident,
    IncidentPerson,
    Involvement,
    Observation,
    PartnerOrganisation,
    Perpetrator,
    PersonRole,
    Restricted,
    Source,
    Verification,
)
from hramada.evidence.services.errors import EvidenceError


def _owner_group(group: DocumenterGroup, by: Any) -> DocumenterGroup:
    if not group.members.filter(pk=by.pk).exists():
        raise EvidenceError(_("You can record only for a group you belong to."))
    return group


def _require_change(record: Restricted, by: Any) -> None:
    if not access.can_change(record, by):
        raise EvidenceError(_("You may not change this record."))


def _validated(record: Any) -> None:
    try:
        record.full_clean(exclude=["recorded_by", "owner_group"])
    except ValidationError as exc:
        raise EvidenceError(" ".join(exc.messages)) from None


def record_incident(
    *,
    group: DocumenterGroup,
    kind: str,
    title: str,
    date_start: date,
    place_name: str,
    by: Any,
    date_end: date | None = None,
    description: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    is_demo: bool = False,
) -> Incident:
    incident = Incident(
        owner_group=_owner_group(group, by),
        recorded_by=by,
        kind=kind,
        title=title,
        description=description,
        date_start=date_start,
        date_end=date_end,
        place_name=place_name,
        latitude=latitude,
        longitude=longitude,
        is_demo=is_demo,
    )
    _validated(incident)
    with transaction.atomic():
        incident.save()
        audit.record(action="evidence.incident.recorded", target=incident, detail={"kind": kind}, by=by)
    return incident


def add_person(
    *, incident: Incident, role: PersonRole | str, name: str, by: Any, contact: str = "", statement: str = ""
) -> IncidentPerson:
    _require_change(incident, by)
    if not name.strip():
        raise EvidenceError(_("Give a name (it is stored encrypted)."))
    with transaction.atomic():
        person = IncidentPerson.objects.create(
            incident=incident, role=role, name=name.strip(), contact=contact, statement=statement
        )
        audit.record(action="evidence.person.added", target=incident, detail={"role": str(role)}, by=by)
    return person


def add_source(
    *, record: Incident | Observation, identity: str, by: Any, contact: str = "", description: str = ""
) -> Source:
    _require_change(record, by)
    if not identity.strip():
        raise EvidenceError(_("Say who the source is (only you and those you share with can read it)."))
    link = {"incident": record} if isinstance(record, Incident) else {"observation": record}
    with transaction.atomic():
        source = Source.objects.create(
            recorded_by=by, identity=identity.strip(), contact=contact, description=description, **link
        )
        audit.record(action="evidence.source.added", target=record, detail={"source": source.pk}, by=by)
    return source


def add_perpetrator(
    *,
    name: str,
    kind: str,
    by: Any,
    position: str = "",
    organisation: str = "",
    birth_date: date | None = None,
    identifiers: dict[str, str] | None = None,
    is_demo: bool = False,
) -> Perpetrator:
    if not name.strip():
        raise EvidenceError(_("Give the perpetrator's name."))
    with transaction.atomic():
        perpetrator = Perpetrator.objects.create(
            name=name.strip(),
            kind=kind,
            position=position,
            organisation=organisation,
            birth_date=birth_date,
            identifiers=identifiers or {},
            created_by=by,
            is_demo=is_demo,
        )
        audit.record(action="evidence.perpetrator.added", target=perpetrator, by=by)
    return perpetrator


def link_perpetrator(
    *, incident: Incident, perpetrator: Perpetrator, degree: Degree | str, by: Any
) -> Involvement:
    _require_change(incident, by)
    with transaction.atomic():
        involvement, _created = Involvement.objects.update_or_create(
            incident=incident, perpetrator=perpetrator, defaults={"degree": degree}
        )
        audit.record(
            action="evidence.perpetrator.linked",
            target=incident,
            detail={"perpetrator": perpetrator.pk, "degree": str(degree)},
            by=by,
        )
    return involvement


def set_verification(*, incident: Incident, status: Verification | str, method: str, by: Any) -> Incident:
    _require_change(incident, by)
    if status != Verification.REPORTED and not method.strip():
        raise EvidenceError(_("Say how the incident was corroborated or verified."))
    with transaction.atomic():
        incident = Incident.objects.select_for_update(no_key=True).get(pk=incident.pk)
        old = incident.verification
        incident.verification = status
        incident.verification_method = method.strip()
        incident.verified_by = by if status != Verification.REPORTED else None
        incident.verified_at = timezone.now() if status != Verification.REPORTED else None
        incident.save()
        audit.record(
            action="evidence.incident.verification",
            target=incident,
            detail={"from": old, "to": str(status)},
            by=by,
        )
    return incident


def record_observation(
    *,
    group: DocumenterGroup,
    kind: str,
    observed_at: datetime,
    place_name: str,
    units_or_equipment: str,
    by: Any,
    count: int | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
    notes: str = "",
    is_demo: bool = False,
) -> Observation:
    observation = Observation(
        owner_group=_owner_group(group, by),
        recorded_by=by,
        kind=kind,
        observed_at=observed_at,
        place_name=place_name,
        units_or_equipment=units_or_equipment,
        count=count,
        latitude=latitude,
        longitude=longitude,
        notes=notes,
        is_demo=is_demo,
    )
    _validated(observation)
    with transaction.atomic():
        observation.save()
        audit.record(action="evidence.observation.recorded", target=observation, detail={"kind": kind}, by=by)
    return observation


def share(
    *,
    record: Restricted,
    by: Any,
    people: list[Any] | None = None,
    partners: list[PartnerOrganisation] | None = None,
) -> None:
    """Share a record with named people or partner organisations (they also see its sources' identities)."""
    _require_change(record, by)
    with transaction.atomic():
        for person in people or []:
            record.shared_with_people.add(person)
        for partner in partners or []:
            record.shared_with_partners.add(partner)
        audit.record(
            action="evidence.shared",
            target=record,
            detail={"people": [p.pk for p in people or []], "partners": [p.pk for p in partners or []]},
            by=by,
        )
