"""The evidence app's door for other apps: read-only, and only what they may see.

* :func:`dossiers_for`, :func:`dossier_brief` give a listing proposal its starting point: the perpetrator as the
  dossier names them, the draft statement of reasons (read through ``reveal``, audited), and the incidents and
  evidence files behind it with their hashes, limited to what the reader may see.
* :func:`evidence_label` checks that one incident, evidence item or dossier exists and is visible to the reader,
  and gives a label without names (incident and item titles are written without names).
* :func:`prisoner_months`, :func:`incidents_per_month`, :func:`observations_per_month` are aggregate counts per
  month (no person in them) for the relief benchmarks; :func:`trend_chart` draws them like the register's charts.

Nothing here writes, except the audit entry of a reveal.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q
from django.utils.safestring import SafeString

from hramada.core.roles import Role
from hramada.evidence import charts
from hramada.evidence.access import visible
from hramada.evidence.models import (
    Dossier,
    EvidenceFile,
    EvidenceItem,
    Incident,
    IncidentKind,
    Involvement,
    Observation,
    PerpetratorKind,
    Prisoner,
)
from hramada.evidence.selectors import month_starts

__all__ = [
    "EVIDENCE_KINDS",
    "DossierBrief",
    "DossierSummary",
    "EvidenceRef",
    "PrisonerMonth",
    "dossier_brief",
    "dossiers_for",
    "evidence_label",
    "incident_kinds",
    "incidents_per_month",
    "month_starts",
    "observations_per_month",
    "prisoner_months",
    "trend_chart",
]

EVIDENCE_KINDS = ("incident", "item", "dossier")


@dataclass(frozen=True)
class DossierSummary:
    id: int
    perpetrator: str
    created_at: Any


@dataclass(frozen=True)
class EvidenceRef:
    """One record behind a dossier: ``kind`` is ``incident``, ``item`` or ``dossier``; ``sha256`` is the hash of an
    evidence item's original file (empty for incidents and dossiers)."""

    kind: str
    id: int
    label: str
    sha256: str = ""


@dataclass(frozen=True)
class DossierBrief:
    """What a listing proposal takes from a dossier."""

    id: int
    name: str
    organisation_like: bool
    position: str
    organisation: str
    birth_date: date | None
    identifiers: dict[str, str]
    statement: str
    evidence: tuple[EvidenceRef, ...]


def _dossiers_visible(user: Any) -> Any:
    if not getattr(user, "is_authenticated", False):
        return Dossier.objects.none()
    if user.has_role(Role.AUDITOR):
        return Dossier.objects.all()
    return Dossier.objects.filter(owner_group__members=user).distinct()


def dossiers_for(user: Any) -> list[DossierSummary]:
    """Dossiers ``user`` may read: those of a documenter group they belong to (auditors: all)."""
    return [
        DossierSummary(dossier.pk, dossier.perpetrator.name, dossier.created_at)
        for dossier in _dossiers_visible(user).select_related("perpetrator").order_by("-created_at")
    ]


def _incident_label(incident: Incident) -> str:
    return f"{incident}: {incident.get_kind_display()}, {incident.date_start.isoformat()}, {incident.title}"


def dossier_brief(dossier_id: int, *, by: Any, purpose: str) -> DossierBrief | None:
    """The dossier as a proposal starts from it, or None when it does not exist or ``by`` may not read it."""
    dossier = _dossiers_visible(by).select_related("perpetrator").filter(pk=dossier_id).first()
    if dossier is None:
        return None
    perpetrator = dossier.perpetrator
    statement = (
        dossier.reveal("statement_of_reasons", by=by, purpose=purpose) if dossier.statement_of_reasons else ""
    )
    refs = [EvidenceRef("dossier", dossier.pk, f"{dossier}: {perpetrator.name}")]
    incident_ids = Involvement.objects.filter(perpetrator=perpetrator).values("incident_id")
    incidents = visible(Incident, by).filter(pk__in=incident_ids).order_by("date_start", "pk")
    refs.extend(EvidenceRef("incident", incident.pk, _incident_label(incident)) for incident in incidents)
    items = visible(EvidenceItem, by).filter(incident__in=incidents).order_by("pk")
    originals = {
        file.item_id: file.sha256 for file in EvidenceFile.objects.filter(item__in=items, role="original")
    }
    refs.extend(
        EvidenceRef("item", item.pk, f"{item}: {item.title}", originals.get(item.pk, "")) for item in items
    )
    kind = PerpetratorKind(perpetrator.kind) if perpetrator.kind in PerpetratorKind.values else None
    return DossierBrief(
        id=dossier.pk,
        name=perpetrator.name,
        organisation_like=bool(kind and kind.is_organisation) or perpetrator.kind == PerpetratorKind.PRISON,
        position=perpetrator.position,
        organisation=perpetrator.organisation,
        birth_date=perpetrator.birth_date,
        identifiers={str(k): str(v) for k, v in (perpetrator.identifiers or {}).items()},
        statement=str(statement or ""),
        evidence=tuple(refs),
    )


def evidence_label(kind: str, record_id: int, *, by: Any) -> EvidenceRef | None:
    """One incident, evidence item or dossier that ``by`` may see, with a label without names; else None."""
    if kind == "incident":
        incident = visible(Incident, by).filter(pk=record_id).first()
        return EvidenceRef("incident", incident.pk, _incident_label(incident)) if incident else None
    if kind == "item":
        item = visible(EvidenceItem, by).filter(pk=record_id).first()
        if item is None:
            return None
        original = (
            EvidenceFile.objects.filter(item=item, role="original").values_list("sha256", flat=True).first()
        )
        return EvidenceRef("item", item.pk, f"{item}: {item.title}", original or "")
    if kind == "dossier":
        dossier = _dossiers_visible(by).select_related("perpetrator").filter(pk=record_id).first()
        return (
            EvidenceRef("dossier", dossier.pk, f"{dossier}: {dossier.perpetrator.name}") if dossier else None
        )
    return None


# Aggregate counts for the relief benchmarks ----------------------------------------------------------------


@dataclass(frozen=True)
class PrisonerMonth:
    """The political-prisoner register in one month: held at its end, released (released, pardoned or died in
    custody) during it, newly detained during it."""

    month: date
    held: int
    ended: int
    detained: int


def _count_by(queryset: Any, field: str) -> dict[date, int]:
    return {row[field]: row["n"] for row in queryset.values(field).annotate(n=Count("pk")) if row[field]}


def prisoner_months(months: list[date]) -> list[PrisonerMonth]:
    """One row per month of ``months`` (first days, in order), from the register; two grouped queries."""
    if not months:
        return []
    detained = _count_by(Prisoner.objects.all(), "detained_month")
    ended = _count_by(Prisoner.objects.exclude(ended_month=None), "ended_month")
    first = months[0]
    held = sum(n for month, n in detained.items() if month < first) - sum(
        n for month, n in ended.items() if month < first
    )
    rows = []
    for month in months:
        held += detained.get(month, 0) - ended.get(month, 0)
        rows.append(PrisonerMonth(month, held, ended.get(month, 0), detained.get(month, 0)))
    return rows


def incident_kinds() -> list[tuple[str, str]]:
    return [(str(value), str(label)) for value, label in IncidentKind.choices]


def incidents_per_month(months: list[date]) -> dict[str, list[int]]:
    """Incidents that started in each month, per kind (every kind, zeros included)."""
    if not months:
        return {}
    start, end = months[0], months[-1]
    counts: dict[tuple[str, date], int] = defaultdict(int)
    rows = Incident.objects.filter(date_start__gte=start).values_list("kind", "date_start")
    for kind, day in rows.iterator(chunk_size=5000):
        month = date(day.year, day.month, 1)
        if month <= end:
            counts[(kind, month)] += 1
    return {value: [counts[(value, month)] for month in months] for value in IncidentKind.values}


def observations_per_month(months: list[date]) -> list[int]:
    """Military-logistics observations made in each month."""
    if not months:
        return []
    start = months[0]
    counts: dict[date, int] = defaultdict(int)
    for moment in Observation.objects.filter(Q(observed_at__date__gte=start)).values_list(
        "observed_at", flat=True
    ):
        counts[date(moment.year, moment.month, 1)] += 1
    return [counts[month] for month in months]


def trend_chart(months: list[date], series: list[tuple[str, list[int]]], title: str) -> SafeString:
    """A server-rendered SVG line chart (no script), as the register's charts are drawn."""
    return charts.line_chart(months, series, title)
