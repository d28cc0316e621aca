"""The EU Belarus regime (Regulation 765/2006) as OpenSanctions transcribes it from the Official Journal: CSV.

One row per designated party per annex, cells in the act's printed wording (see docs/sanctions-sources.md).
The consolidated file (``32006R0765.csv``) is a full snapshot; an amendment file (``amendment-32026R*.csv``,
columns ``amendedCelex, amendmentCelex`` instead of ``celex``) lists the rows one implementing regulation adds
or replaces, and :func:`apply_amendment` turns a snapshot and an amendment into the next snapshot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from normality import slugify

from hramada.sanctions.importers.dates import parse_dates
from hramada.sanctions.importers.entities import EntityBuilder, ParsedEntity, sanction_entity
from hramada.sanctions.importers.errors import SourceFormatError
from hramada.sanctions.importers.programmes import EU_JOURNAL_PROGRAMMES, unknown_programme_warning
from hramada.sanctions.importers.reading import PathLike, iter_csv_rows, split_cell

KEY = "eu_journal"
ID_PREFIX = "eu-journal"
AUTHORITY = "Council of the European Union"
CONSOLIDATED_HEAD = ("celex", "recordId", "programKey", "annex", "measure")
AMENDMENT_HEAD = ("amendedCelex", "amendmentCelex", "recordId", "programKey", "annex", "measure")
REQUIRED = ("recordId", "programKey", "annex", "measure", "schema", "name")

# Columns whose cell holds several values separated by "; " (a quoted value may contain "; ").
MULTI_VALUE = (
    "name alias weakAlias previousName position passportNumber registrationNumber taxNumber idNumber innCode "
    "ogrnCode kppCode okpoCode leiCode swiftBic ticker imoNumber mmsi address phone email website legalForm "
    "sector fatherName motherName ethnicity appearance flag"
).split()
SINGLE_VALUE = ("birthPlace", "notes")
COUNTRY_COLUMNS = ("country", "nationality", "jurisdiction")
DATE_COLUMNS = ("birthDate", "incorporationDate")
_COUNTRY_SPLIT = re.compile(r"\s*(?:;|,|\band\b|/)\s*")
_ID_RE = re.compile(r"^eu-journal-(?P<annex>[a-z-]+?)-(?P<number>\d+)$")


def celex_url(celex: str) -> str:
    """The EUR-Lex page of a legal act."""
    return f"https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:{celex}"


def record_id(annex: str, number: str, name: str) -> str:
    """The stable id of a designated party: annex and record number, or annex and name where unnumbered."""
    annex_slug = slugify(annex) or "annex"
    if number:
        return f"{ID_PREFIX}-{annex_slug}-{number}"
    return f"{ID_PREFIX}-{annex_slug}-{slugify(name) or 'unnamed'}"


@dataclass(frozen=True)
class JournalRecord:
    """One row of the file: where it is, its key and the entities it yields (the party, then its Sanction)."""

    line: int
    annex: str
    number: str
    key: str
    entities: tuple[ParsedEntity, ...]


def _row_entities(path: PathLike, line: int, row: dict[str, str], *, amendment: bool) -> JournalRecord:
    where = f"line {line}"
    for column in REQUIRED:
        if column != "recordId" and not row.get(column, "").strip():
            raise SourceFormatError(path, f"empty {column!r}", where=where)
    annex = row["annex"].strip()
    number = row["recordId"].strip()
    if number and not number.isdigit():
        raise SourceFormatError(path, f"recordId {number!r} is not a number", where=where)
    names = split_cell(row["name"])
    if not names:
        raise SourceFormatError(path, "empty 'name'", where=where)
    key = record_id(annex, number, names[0])
    subject = EntityBuilder(row["schema"].strip(), key, path=path, where=where)
    subject.add("topics", "sanction")
    for column in MULTI_VALUE:
        if row.get(column):
            subject.add_all(column, split_cell(row[column]))
    for column in SINGLE_VALUE:
        subject.add(column, row.get(column))
    for column in COUNTRY_COLUMNS:
        for value in _COUNTRY_SPLIT.split(row.get(column, "")):
            subject.add(column, value, printed=row.get(column, ""))
    for column in DATE_COLUMNS:
        cell = row.get(column, "").strip()
        if cell:
            dates = parse_dates(cell)
            if not dates:
                subject.add(column, cell)  # kept in printed, with a warning
            for value in dates:
                subject.add(column, value, printed=cell)
    if row.get("gender", "").strip():
        subject.add("gender", row["gender"].strip().lower(), printed=row["gender"].strip())
    for column in row:
        if column not in _KNOWN_COLUMNS and row[column].strip():
            raise SourceFormatError(path, f"unknown column {column!r} has a value", where=where)

    programme_key = row["programKey"].strip()
    programme = EU_JOURNAL_PROGRAMMES.get(programme_key)
    warnings = [] if programme else [unknown_programme_warning(programme_key)]
    for warning in warnings:
        subject.warn(warning)
    act = row.get("amendmentCelex") if amendment else row.get("celex")
    start = row.get("startDate", "").strip()
    sanction = sanction_entity(
        subject,
        entity_id=f"{key}-sanction",
        authority=AUTHORITY,
        program_id=programme_key,
        program=programme.label if programme else None,
        warnings=warnings,
        values={
            "provisions": row["measure"].strip(),
            "reason": row.get("reason"),
            "startDate": parse_dates(start),
            "recordId": number or None,
            "sourceUrl": celex_url(act.strip()) if act and act.strip() else None,
            "summary": f"Annex {annex}",
        },
        trusted={"sourceUrl"},
    )
    return JournalRecord(line, annex, number, key, (subject.build(), sanction))


_KNOWN_COLUMNS = {
    "celex",
    "amendedCelex",
    "amendmentCelex",
    "recordId",
    "programKey",
    "annex",
    "measure",
    "startDate",
    "reason",
    "schema",
    "gender",
    *MULTI_VALUE,
    *SINGLE_VALUE,
    *COUNTRY_COLUMNS,
    *DATE_COLUMNS,
}


def iter_records(path: PathLike) -> Iterator[JournalRecord]:
    """The rows of a consolidated or amendment file, one record each; duplicate keys are a format error."""
    rows = iter_csv_rows(path)
    first = next(rows, None)
    if first is None:
        raise SourceFormatError(path, "the file has no header")
    _, header = first
    amendment = tuple(header[: len(AMENDMENT_HEAD)]) == AMENDMENT_HEAD
    if not amendment and tuple(header[: len(CONSOLIDATED_HEAD)]) != CONSOLIDATED_HEAD:
        raise SourceFormatError(
            path, "not an EU journal CSV: the header does not start with celex, recordId, ...", where="line 1"
        )
    missing = [column for column in REQUIRED if column not in header]
    if missing or len(set(header)) != len(header):
        raise SourceFormatError(path, f"bad header (missing or repeated columns: {missing})", where="line 1")
    seen: dict[str, int] = {}
    for line, cells in rows:
        if len(cells) != len(header):
            raise SourceFormatError(
                path, f"expected {len(header)} columns, found {len(cells)}", where=f"line {line}"
            )
        try:
            record = _row_entities(path, line, dict(zip(header, cells, strict=True)), amendment=amendment)
        except SourceFormatError:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            # A damaged header or cell that no named rule catches still gets an answer naming the line.
            raise SourceFormatError(
                path, f"unreadable row ({type(exc).__name__}: {exc})", where=f"line {line}"
            ) from exc
        if record.key in seen:
            raise SourceFormatError(
                path, f"duplicate entry {record.key} (first on line {seen[record.key]})", where=f"line {line}"
            )
        seen[record.key] = line
        yield record


def parse(path: PathLike) -> Iterator[list[ParsedEntity]]:
    """Records (the party and its Sanction) of one consolidated or amendment file."""
    for record in iter_records(path):
        yield list(record.entities)


def _subject_of(entity: ParsedEntity) -> str:
    if entity.schema == "Sanction":
        subjects = entity.values("entity")
        return subjects[0] if subjects else entity.id
    return entity.id


def apply_amendment(base: Iterable[ParsedEntity], amendment_path: PathLike) -> list[ParsedEntity]:
    """The snapshot that results from applying one amendment file to ``base`` (a parsed snapshot).

    A row whose key is in the base replaces that record; a row without a record number, or with a number above
    the highest of its annex, adds one. A numbered row at or below that highest number that is not in the base
    refers to an entry that does not exist, and is a :class:`SourceFormatError` naming the row. Order: the
    base's records in their order, then the added ones.
    """
    records: dict[str, list[ParsedEntity]] = {}
    highest: dict[str, int] = {}
    for entity in base:
        subject = _subject_of(entity)
        records.setdefault(subject, []).append(entity)
        match = _ID_RE.match(subject)
        if match:
            annex, number = match.group("annex"), int(match.group("number"))
            highest[annex] = max(highest.get(annex, 0), number)
    for record in iter_records(amendment_path):
        annex_slug = slugify(record.annex) or "annex"
        if record.key not in records and record.number and int(record.number) <= highest.get(annex_slug, 0):
            raise SourceFormatError(
                amendment_path,
                f"amends annex {record.annex} entry {record.number}, which is not in the base snapshot",
                where=f"line {record.line}",
            )
        records[record.key] = list(record.entities)
    return [entity for entities in records.values() for entity in entities]
