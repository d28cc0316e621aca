"""A dossier on one perpetrator or unit, assembled for the reader (only incidents and evidence they may see) and
written as PDF (fpdf2) or as FollowTheMoney entities (JSON lines), the input of a sanctions listing proposal."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from followthemoney import model

from hramada.evidence.access import visible
from hramada.evidence.models import (
    Dossier,
    EvidenceFile,
    EvidenceItem,
    Incident,
    Involvement,
    PerpetratorKind,
)


@dataclass(frozen=True)
class DossierContent:
    dossier: Dossier
    involvements: list[Involvement]
    files: list[EvidenceFile]
    statement: str


def assemble(dossier: Dossier, *, by: Any, purpose: str) -> DossierContent:
    incidents = visible(Incident, by)
    involvements = list(
        Involvement.objects.filter(perpetrator=dossier.perpetrator, incident__in=incidents)
        .select_related("incident")
        .order_by("incident__date_start")
    )
    items = visible(EvidenceItem, by).filter(incident__in=[i.incident for i in involvements])
    files = list(EvidenceFile.objects.filter(item__in=items).order_by("item_id", "pk"))
    statement = (
        dossier.reveal("statement_of_reasons", by=by, purpose=purpose) if dossier.statement_of_reasons else ""
    )
    return DossierContent(dossier, involvements, files, statement or "")


# DejaVu Sans (free licence, data/fonts/LICENSE.txt): Latin, Cyrillic and the Belarusian ў and і, on any machine.
BUNDLED_FONT = Path(__file__).resolve().parent / "data" / "fonts" / "DejaVuSans.ttf"


def pdf_font() -> Path:
    """The TrueType font dossiers are written in: HRAMADA_PDF_FONT when it names a file, else the bundled one."""
    configured = Path(str(settings.PDF_FONT)) if settings.PDF_FONT else None
    return configured if configured is not None and configured.is_file() else BUNDLED_FONT


def as_pdf(content: DossierContent) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.add_font("body", fname=str(pdf_font()))

    def line(text: str, size: int = 10, gap: float = 6) -> None:
        pdf.set_font("body", size=size)
        pdf.multi_cell(0, gap, text, new_x="LMARGIN", new_y="NEXT")

    perpetrator = content.dossier.perpetrator
    line(f"Dossier #{content.dossier.pk}: {perpetrator.name}", 16, 9)
    line(
        f"{PerpetratorKind(perpetrator.kind).label}. {perpetrator.position} {perpetrator.organisation}".strip()
    )
    if perpetrator.birth_date:
        line(f"Date of birth: {perpetrator.birth_date.isoformat()}")
    for kind, value in sorted(perpetrator.identifiers.items()):
        line(f"{kind}: {value}")
    line("")
    line("Draft statement of reasons", 13, 8)
    line(content.statement or "-")
    line("")
    line("Incidents", 13, 8)
    for involvement in content.involvements:
        incident = involvement.incident
        period = incident.date_start.isoformat() + (
            f" - {incident.date_end.isoformat()}" if incident.date_end else ""
        )
        line(
            f"#{incident.pk} {period}, {incident.place_name}: {incident.get_kind_display()}. {incident.title}. "
            f"Involvement: {involvement.get_degree_display()}. Verification: {incident.get_verification_display()}."
        )
    line("")
    line("Evidence index", 13, 8)
    for f in content.files:
        line(f"Item {f.item_id}, file {f.pk} ({f.role}, {f.kind}, {f.size} bytes)", 10, 5)
        line(f"  SHA-256 {f.sha256}", 8, 4)
        line(f"  SHA-512 {f.sha512}", 8, 4)
    return bytes(pdf.output())


def as_ftm(content: DossierContent) -> str:
    """FollowTheMoney entities, one JSON object per line: the perpetrator, each incident as an Event with the
    perpetrator involved, and the evidence files as Documents with their hashes."""
    perpetrator = content.dossier.perpetrator
    schema = "Organization" if PerpetratorKind(perpetrator.kind).is_organisation else "Person"
    subject = model.make_entity(schema)
    subject.make_id("hramada-evidence-perpetrator", str(perpetrator.pk))
    subject.add("name", perpetrator.name)
    if schema == "Person":
        subject.add("position", perpetrator.position or None)
        if perpetrator.birth_date:
            subject.add("birthDate", perpetrator.birth_date.isoformat())
    for kind, value in perpetrator.identifiers.items():
        prop = {"passport": "passportNumber", "tax": "taxNumber", "inn": "innCode"}.get(
            kind.lower(), "idNumber"
        )
        if schema == "Organization" and prop == "passportNumber":
            prop = "idNumber"
        subject.add(prop, value)
    subject.add("notes", content.statement or None)
    subject.add("topics", "crime")
    entities = [subject]
    for involvement in content.involvements:
        incident = involvement.incident
        event = model.make_entity("Event")
        event.make_id("hramada-evidence-incident", str(incident.pk))
        event.add("name", f"{incident.get_kind_display()}: {incident.title}")
        event.add("date", incident.date_start.isoformat())
        event.add("location", incident.place_name)
        event.add("involved", subject.id)
        event.add("summary", f"{involvement.get_degree_display()}; {incident.get_verification_display()}")
        entities.append(event)
    for f in content.files:
        document = model.make_entity("Document")
        document.make_id("hramada-evidence-file", str(f.pk))
        document.add("title", f"evidence item {f.item_id}, file {f.pk} ({f.role})")
        # FtM's contentHash is SHA-1 by definition; our hashes go into the notes under their own names.
        document.add("notes", f"SHA-256 {f.sha256}; SHA-512 {f.sha512}")
        document.add("fileSize", str(f.size))
        document.add("mimeType", f.content_type)
        entities.append(document)
    return "".join(
        json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True) + "\n" for entity in entities
    )
