"""Recording incidents and observations, their people, sources and perpetrators, verification and sharing."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core import audit, audit_context
from hramada.core.fields import EncryptedFieldMixin
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
    RecordChange,
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


# What an edit may change: plain fields, and encrypted ones whose earlier text goes to the encrypted history.
INCIDENT_FIELDS = ("kind", "title", "date_start", "date_end", "place_name", "latitude", "longitude")
INCIDENT_SEALED_FIELDS = ("description",)
OBSERVATION_FIELDS = (
    "kind",
    "observed_at",
    "place_name",
    "latitude",
    "longitude",
    "units_or_equipment",
    "count",
)
OBSERVATION_SEALED_FIELDS = ("notes",)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def stored_plaintext(record: Any, name: str) -> str:
    """The text of an encrypted field as stored, opened only to compare it with an edit and to move it into the
    encrypted history: no person reads it here, so no reveal (and no audit entry for a read)."""
    field = record._meta.get_field(name)
    if not isinstance(field, EncryptedFieldMixin):
        raise TypeError(f"{name} is not an encrypted field")
    return str(field.open(getattr(record, field.attname)) or "")


def _apply_changes(
    record: Incident | Observation,
    *,
    values: Mapping[str, Any],
    plain: tuple[str, ...],
    sealed: tuple[str, ...],
) -> list[RecordChange]:
    """Set the given values on `record` (locked by the caller) and return one unsaved history row per field that
    changed. An empty encrypted field keeps its text: edit forms never show a stored encrypted value."""
    link = {"incident": record} if isinstance(record, Incident) else {"observation": record}
    changes = []
    for name in plain:
        if name not in values:
            continue
        old, new = getattr(record, name), values[name]
        if old != new:
            # The history column follows the field: an encrypted field's values are never kept in the clear, even
            # when a caller lists it among the plain ones.
            if isinstance(record._meta.get_field(name), EncryptedFieldMixin):
                change = RecordChange(field=name, old_sealed=_text(old), new_sealed=_text(new), **link)
            else:
                change = RecordChange(field=name, old=_text(old)[:500], new=_text(new)[:500], **link)
            changes.append(change)
            setattr(record, name, new)
    for name in sealed:
        new = str(values.get(name) or "").strip()
        if not new:
            continue
        old = stored_plaintext(record, name)
        if old != new:
            changes.append(RecordChange(field=name, old_sealed=old, new_sealed=new, **link))
            setattr(record, name, new)
    return changes


def _save_history(changes: list[RecordChange], *, by: Any) -> None:
    at = timezone.now()
    for change in changes:
        change.by, change.at = by, at
        change.save()


def _change_record(
    record: Incident | Observation,
    *,
    values: Mapping[str, Any],
    by: Any,
    plain: tuple[str, ...],
    sealed: tuple[str, ...],
) -> Any:
    _require_change(record, by)
    with transaction.atomic(), audit_context.acting(user=by, address=audit_context.current().address):
        locked = type(record).objects.select_for_update(no_key=True).get(pk=record.pk)
        changes = _apply_changes(locked, values=values, plain=plain, sealed=sealed)
        if not changes:
            return locked
        _validated(locked)
        locked.save()
        # The audit entry ("evidence.incident.changed", with the plain fields' values and the encrypted fields'
        # names only) is written by core.signals.track in this transaction (registrations.py tracks these models).
        _save_history(changes, by=by)
    return locked


def change_incident(*, incident: Incident, values: Mapping[str, Any], by: Any) -> Incident:
    """Correct an incident after it was recorded; each changed field is kept in its history (who, when, before,
    after; the description's earlier text encrypted). Verification changes through `set_verification`."""
    changed: Incident = _change_record(
        incident,
        values=values,
        by=by,
        plain=INCIDENT_FIELDS,
        sealed=INCIDENT_SEALED_FIELDS,
    )
    return changed


def change_observation(*, observation: Observation, values: Mapping[str, Any], by: Any) -> Observation:
    """Correct an observation after it was recorded; each changed field is kept in its history."""
    changed: Observation = _change_record(
        observation,
        values=values,
        by=by,
        plain=OBSERVATION_FIELDS,
        sealed=OBSERVATION_SEALED_FIELDS,
    )
    return changed


def change_person(*, person: IncidentPerson, values: Mapping[str, Any], by: Any) -> IncidentPerson:
    """Correct a victim's or witness's name, contact or statement. Empty values keep what is stored; each earlier
    text goes into the incident's history, encrypted (field "victim #12 name")."""
    incident = person.incident
    _require_change(incident, by)
    with transaction.atomic(), audit_context.acting(user=by, address=audit_context.current().address):
        locked = IncidentPerson.objects.select_for_update(no_key=True).get(pk=person.pk)
        changes = []
        for name in ("name", "contact", "statement"):
            new = str(values.get(name) or "").strip()
            old = stored_plaintext(locked, name)
            if new and new != old:
                label = f"{locked.role} #{locked.pk} {name}"
                changes.append(RecordChange(incident=incident, field=label, old_sealed=old, new_sealed=new))
                setattr(locked, name, new)
        if changes:
            locked.save()
            _save_history(changes, by=by)
            audit.record(
                action="evidence.person.changed",
                target=incident,
                detail={"person": locked.pk, "fields": [c.field.rsplit(" ", 1)[-1] for c in changes]},
                by=by,
            )
    return locked


def set_verification(*, incident: Incident, status: Verification | str, method: str, by: Any) -> Incident:
    _require_change(incident, by)
    if status != Verification.REPORTED and not method.strip():
        raise EvidenceError(_("Say how the incident was corroborated or verified."))
    with transaction.atomic():
        incident = Incident.objects.select_for_update(no_key=True).get(pk=incident.pk)
        old = incident.verification
        changes = _apply_changes(
            incident,
            values={"verification": status, "verification_method": method},
            plain=("verification",),
            sealed=("verification_method",),
        )
        if not method.strip() and incident.verification_method:  # back to "reported": the old text is kept
            old_method = stored_plaintext(incident, "verification_method")
            changes.append(
                RecordChange(incident=incident, field="verification_method", old_sealed=old_method)
            )
        incident.verification_method = method.strip()
        incident.verified_by = by if status != Verification.REPORTED else None
        incident.verified_at = timezone.now() if status != Verification.REPORTED else None
        incident.save()
        _save_history(changes, by=by)
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
