"""The political-prisoner register: entries, charges, conditions over time and the history of every change."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.evidence.models import (
    ENDED_STATUSES,
    Charge,
    ConditionEvent,
    Prisoner,
    PrisonerChange,
    PrisonerStatus,
)
from hramada.evidence.services.errors import EvidenceError
from hramada.evidence.services.records import stored_plaintext

# Fields a register entry may carry, in the order of the form and of the CSV export.
PLAIN_FIELDS = (
    "name_is_public",
    "region",
    "detained_on",
    "court",
    "sentenced_on",
    "sentence_months",
    "sentence_kind",
    "place_of_detention",
    "postal_address",
    "recognised_on",
    "recognised_by",
    "status",
    "ended_on",
)
ENCRYPTED_FIELDS = ("name",)


def normalise_articles(articles: Iterable[str]) -> list[str]:
    """ "ст. 342", "342 ч.1", "361-1" -> "342", "342", "361-1": the article number with its dash suffix."""
    result = []
    for raw in articles:
        text = str(raw).strip().lower().replace("ст.", "").replace("art.", "").replace("–", "-").strip()
        number = text.split()[0] if text.split() else ""
        number = number.strip(".,;")
        if number and number not in result:
            result.append(number)
    return result


def _check(values: Mapping[str, Any]) -> None:
    today = timezone.localdate()
    for key in ("detained_on", "sentenced_on", "recognised_on", "ended_on"):
        value = values.get(key)
        if isinstance(value, date) and value > today:
            raise EvidenceError(_("The date %(date)s is in the future.") % {"date": value.isoformat()})
    detained, ended = values.get("detained_on"), values.get("ended_on")
    if detained and ended and ended < detained:
        raise EvidenceError(_("Custody cannot end before the detention."))
    status = values.get("status")
    if status in ENDED_STATUSES and not ended:
        raise EvidenceError(_("Give the date of release, pardon or death."))
    if status not in ENDED_STATUSES and ended:
        raise EvidenceError(_("A date of release is given, but the status says the person is held."))
    months = values.get("sentence_months")
    if months is not None and (months < 0 or months > 12 * 60):
        raise EvidenceError(_("The sentence must be between 0 and 720 months."))


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def save_prisoner(
    *,
    by: Any,
    values: Mapping[str, Any],
    articles: Iterable[str] | None = None,
    prisoner: Prisoner | None = None,
    record_history: bool = True,
) -> Prisoner:
    """Create or change an entry; each changed field becomes a PrisonerChange (encrypted fields by name only)."""
    merged = {key: getattr(prisoner, key) for key in PLAIN_FIELDS} if prisoner else {}
    merged.update({k: v for k, v in values.items() if k in PLAIN_FIELDS})
    merged.setdefault("status", PrisonerStatus.DETAINED)
    if not merged.get("detained_on"):
        raise EvidenceError(_("Give the date of detention."))
    _check(merged)
    with transaction.atomic():
        created = prisoner is None
        if prisoner is None:
            if not str(values.get("name", "")).strip():
                raise EvidenceError(_("Give the person's name (it is stored encrypted)."))
            prisoner = Prisoner(name=str(values["name"]).strip())
            changes = []
            sealed_changes: list[tuple[str, str, str]] = []
        else:
            prisoner = Prisoner.objects.select_for_update(no_key=True).get(pk=prisoner.pk)
            sealed_changes = []
            changes = [
                (key, _text(getattr(prisoner, key)), _text(merged[key]))
                for key in PLAIN_FIELDS
                if _text(getattr(prisoner, key)) != _text(merged[key])
            ]
            new_name = str(values.get("name", "")).strip()
            if new_name:
                old_name = stored_plaintext(prisoner, "name")
                if old_name != new_name:
                    prisoner.name = new_name
                    sealed_changes.append(("name", old_name, new_name))
        for key in PLAIN_FIELDS:
            setattr(prisoner, key, merged.get(key, getattr(prisoner, key)))
        prisoner.save()
        if articles is not None:
            wanted = normalise_articles(articles)
            current = sorted(prisoner.charges.values_list("article", flat=True))
            if sorted(wanted) != current:
                prisoner.charges.exclude(article__in=wanted).delete()
                Charge.objects.bulk_create(
                    [Charge(prisoner=prisoner, article=a) for a in wanted if a not in current]
                )
                changes.append(("articles", ", ".join(current), ", ".join(sorted(wanted))))
        prisoner.charges.update(detained_month=prisoner.detained_month, ended_month=prisoner.ended_month)
        if record_history:
            if created:
                changes = [("created", "", "")]
            PrisonerChange.objects.bulk_create(
                PrisonerChange(prisoner=prisoner, by=by, field=f, old=o[:500], new=n[:500])
                for f, o, n in changes
            )
            for f, o, n in sealed_changes:  # one by one: each value is encrypted as it is saved
                PrisonerChange.objects.create(prisoner=prisoner, by=by, field=f, old_sealed=o, new_sealed=n)
            audit.record(
                action="evidence.prisoner.created" if created else "evidence.prisoner.changed",
                target=prisoner,
                detail={"fields": [c[0] for c in (*changes, *sealed_changes)]},
                by=by,
            )
    return prisoner


def add_condition(prisoner: Prisoner, *, on: date, kind: str, note: str, by: Any) -> ConditionEvent:
    if on > timezone.localdate():
        raise EvidenceError(_("The date %(date)s is in the future.") % {"date": on.isoformat()})
    if on < prisoner.detained_on:
        raise EvidenceError(_("The date is before the detention."))
    with transaction.atomic():
        event = ConditionEvent.objects.create(prisoner=prisoner, on=on, kind=kind, note=note)
        PrisonerChange.objects.create(prisoner=prisoner, by=by, field="condition", new=f"{on} {kind}")
        audit.record(action="evidence.prisoner.condition", target=prisoner, detail={"kind": kind}, by=by)
    return event
