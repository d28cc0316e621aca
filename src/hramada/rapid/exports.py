"""A proposal in the EU's own shapes: an annex entry in the EU journal CSV layout (the one the sanctions importer
reads, ``hramada.sanctions.importers.eu_journal``), FollowTheMoney entities, and a working-party package (zip)
with the evidence manifest. The functions take the revealed subject and reasons: the caller reveals (audited)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from followthemoney import model

from hramada.rapid import legal

if TYPE_CHECKING:
    from hramada.rapid.models import Proposal

# The consolidated file's columns, in its order (../shared/data/sanctions/eu/journal/32006R0765.csv).
EU_JOURNAL_COLUMNS = (
    "celex recordId programKey annex measure startDate reason schema name alias weakAlias previousName country "
    "nationality jurisdiction birthDate birthPlace position passportNumber gender appearance ethnicity fatherName "
    "motherName incorporationDate legalForm sector registrationNumber taxNumber idNumber innCode ogrnCode kppCode "
    "okpoCode leiCode swiftBic ticker imoNumber mmsi flag address phone email website notes"
).split()

# Identifier kinds a proposal takes, with the EU journal column and the FtM property they go to.
IDENTIFIER_COLUMNS: dict[str, str] = {
    "passport": "passportNumber",
    "national_id": "idNumber",
    "registration": "registrationNumber",
    "tax": "taxNumber",
    "inn": "innCode",
    "ogrn": "ogrnCode",
}
AUTHORITY = "Council of the European Union"
PROGRAMME_LABEL = "EU Belarus regime (Regulation 765/2006)"


def _cell(values: Sequence[str]) -> str:
    """Several values in one cell, as the journal file writes them (``a; b``); a ``;`` inside a value would
    split it, so it becomes a comma."""
    return "; ".join(value.replace(";", ",").strip() for value in values if value and value.strip())


def printed_date(value: str) -> str:
    """An ISO date as the journal prints it (``7.2.1956``); a year stays a year."""
    if len(value) == 10:
        day = date.fromisoformat(value)
        return f"{day.day}.{day.month}.{day.year}"
    return value


def _positions(subject: Mapping[str, Any]) -> list[str]:
    return [value for value in (subject.get("position", ""), subject.get("function", "")) if value]


def _aliases(subject: Mapping[str, Any]) -> list[str]:
    return [
        value
        for value in (*subject.get("aliases", []), subject.get("name_be", ""), subject.get("name_ru", ""))
        if value
    ]


def eu_journal_row(proposal: Proposal, subject: Mapping[str, Any], reasons: str) -> dict[str, str]:
    """The proposal as one row of the consolidated EU journal file (Annex I of Regulation 765/2006)."""
    row = dict.fromkeys(EU_JOURNAL_COLUMNS, "")
    row.update(
        celex=legal.REGULATION_CELEX,
        recordId=str(proposal.adoption_entry or ""),
        programKey=legal.PROGRAMME_KEY,
        annex=legal.ANNEX,
        measure=legal.MEASURE,
        startDate=printed_date(proposal.adopted_on.isoformat()) if proposal.adopted_on else "",
        reason=" ".join(reasons.split()),
        schema=proposal.subject_kind,
        name=subject["name"],
        alias=_cell(_aliases(subject)),
        nationality=subject.get("nationality", ""),
        birthDate=printed_date(subject.get("birth_date", "")) if subject.get("birth_date") else "",
        birthPlace=subject.get("birth_place", ""),
        position=_cell(_positions(subject)),
        gender=subject.get("gender", ""),
        address=_cell([subject.get("address", "")]),
        notes=f"Proposal {proposal.reference}",
    )
    for identifier in subject.get("identifiers", []):
        column = IDENTIFIER_COLUMNS[identifier["kind"]]
        row[column] = _cell([*filter(None, row[column].split("; ")), identifier["value"]])
    return row


def eu_journal_csv(rows: Sequence[Mapping[str, str]]) -> bytes:
    """Rows as a consolidated EU journal CSV file (UTF-8, the file's header)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EU_JOURNAL_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue().encode("utf-8")


def ftm_entities(proposal: Proposal, subject: Mapping[str, Any], reasons: str) -> list[dict[str, Any]]:
    """The proposed party and its Sanction as FtM dicts (checked by the followthemoney model)."""
    party = model.make_entity(proposal.subject_kind)
    party.id = proposal.entity_id
    party.add("name", subject["name"])
    party.add("alias", _aliases(subject))
    party.add("topics", "sanction")
    if subject.get("birth_date"):
        party.add(
            "birthDate" if proposal.subject_kind == "Person" else "incorporationDate", subject["birth_date"]
        )
    if proposal.subject_kind == "Person":
        party.add("position", _positions(subject))
        if subject.get("birth_place"):
            party.add("birthPlace", subject["birth_place"])
        if subject.get("gender"):
            party.add("gender", subject["gender"].lower())
        if subject.get("nationality"):
            party.add("nationality", subject["nationality"], quiet=True, fuzzy=True)
    if subject.get("address"):
        party.add("address", subject["address"])
    for identifier in subject.get("identifiers", []):
        party.add(IDENTIFIER_COLUMNS[identifier["kind"]], identifier["value"])
    sanction = model.make_entity("Sanction")
    sanction.id = f"{proposal.entity_id}-sanction"
    sanction.add("entity", party.id)
    sanction.add("authority", AUTHORITY)
    sanction.add("programId", legal.PROGRAMME_KEY)
    sanction.add("program", PROGRAMME_LABEL)
    sanction.add("provisions", legal.MEASURE)
    sanction.add("reason", " ".join(reasons.split()))
    citation = legal.citation(proposal.criterion)
    sanction.add("summary", f"{citation.decision}; {citation.regulation}")
    if proposal.adopted_on:
        sanction.add("startDate", proposal.adopted_on.isoformat())
        sanction.add("listingDate", proposal.adopted_on.isoformat())
    if proposal.adoption_entry:
        sanction.add("recordId", str(proposal.adoption_entry))
    if proposal.adoption_act:
        sanction.add(
            "sourceUrl", f"https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:{proposal.adoption_act}"
        )
    return [party.to_dict(), sanction.to_dict()]


def ftm_json_lines(entities: Sequence[Mapping[str, Any]]) -> bytes:
    return "".join(
        json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n" for entity in entities
    ).encode()


def manifest_entry(proposal: Proposal, evidence: Sequence[Any]) -> dict[str, Any]:
    return {
        "reference": proposal.reference,
        "entity_id": proposal.entity_id,
        "criterion": proposal.criterion,
        "legal_basis": [
            legal.citation(proposal.criterion).decision,
            legal.citation(proposal.criterion).regulation,
        ],
        "evidence": [
            {"kind": item.kind, "record_id": item.record_id, "sha256": item.sha256 or None}
            for item in evidence
        ],
    }


README = """Listing proposals for the Council working party (restrictive measures against Belarus).

annex.csv          the proposed entries in the layout of the EU journal's consolidated file of Regulation
                   (EC) No 765/2006, Annex I (one row per proposal; recordId is empty until adopted)
entities.ftm.json  the same parties and their sanctions as FollowTheMoney entities (JSON lines)
manifest.json      for each proposal: the evidence behind it with the SHA-256 of each file, and the SHA-256 of
                   annex.csv and entities.ftm.json
"""


def package(
    items: Sequence[tuple[Proposal, Mapping[str, Any], str, Sequence[Any]]], *, generated_at: str
) -> bytes:
    """A zip for a working party: ``items`` are (proposal, subject, reasons, evidence rows)."""
    annex = eu_journal_csv([eu_journal_row(p, subject, reasons) for p, subject, reasons, _ in items])
    entities = ftm_json_lines(
        [e for p, subject, reasons, _ in items for e in ftm_entities(p, subject, reasons)]
    )
    manifest = {
        "generated_at": generated_at,
        "files": {
            "annex.csv": hashlib.sha256(annex).hexdigest(),
            "entities.ftm.json": hashlib.sha256(entities).hexdigest(),
        },
        "proposals": [manifest_entry(p, evidence) for p, _, _, evidence in items],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("annex.csv", annex)
        archive.writestr("entities.ftm.json", entities)
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        archive.writestr("README.txt", README)
    return buffer.getvalue()
