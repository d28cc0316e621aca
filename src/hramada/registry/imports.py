"""Imports, all or nothing: the whole file is read and every row cleaned before anything is stored; any problem
stores nothing and every problem is reported with its row or path. The same file again (same SHA-256 for the
donor) stores nothing and says so; a changed file updates the records it owns and reports the changes."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.registry import bulk, money, screening, services
from hramada.registry.importers import FileRefusedError, Problem, giving, giving_sheet, iati, tabular
from hramada.registry.models import ColumnMapping, Donor, ImportBatch, Provenance
from hramada.registry.rows import Cleaner, RecordInput


@dataclass
class ImportResult:
    batch: ImportBatch | None = None
    problems: list[Problem] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    already_imported: ImportBatch | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def read_rows(
    kind: str, data: bytes, mapping: Mapping[str, str] | None = None
) -> Iterable[tuple[int, dict[str, Any]]]:
    if kind == ImportBatch.Kind.IATI:
        return iati.read(data)
    if kind == ImportBatch.Kind.GIVING:
        return giving.read(data)
    if kind == ImportBatch.Kind.GIVING_XLSX:
        return giving_sheet.read(data)
    table = tabular.read_csv(data) if kind == ImportBatch.Kind.CSV else tabular.read_xlsx(data)
    mapping = mapping or {}
    problems = tabular.mapping_problems(mapping, table.header)
    if problems:
        raise FileRefusedError(problems)
    return tabular.mapped_rows(table, mapping)


def _where(kind: str, n: int) -> str:
    if kind == ImportBatch.Kind.GIVING:
        return f"/grants/{n}"
    if kind == ImportBatch.Kind.IATI:
        return _("line %(n)s") % {"n": n}
    if kind == ImportBatch.Kind.GIVING_XLSX:
        return _("sheet %(sheet)s, row %(row)s") % {"sheet": giving_sheet.SHEET, "row": n}
    return _("row %(n)s") % {"n": n}


def clean_all(
    kind: str, rows: Iterable[tuple[int, dict[str, Any]]]
) -> tuple[list[tuple[int, RecordInput]], list[Problem]]:
    clean = Cleaner(get_language())
    source: Iterable[tuple[int, dict[str, Any]]] | _Settled = rows
    if isinstance(rows, tabular.MappedTable):
        records = clean.columns(rows.columns(), rows.count)
        if _all_settled(records):
            # Every row clean, every identifier once, every currency with a rate on its day: no problem to
            # report, so the per-row checks below would keep every row as it is.
            return list(zip(range(rows.first, rows.first + rows.count), records, strict=True)), []  # type: ignore[arg-type]
        source = _Settled(rows, records)
    problems: list[Problem] = []
    cleaned: list[tuple[int, RecordInput]] = []
    seen: dict[str, int] = {}
    for n, record, errors in _cleaned(clean, source):
        if errors:
            problems += [Problem(_where(kind, n), e) for e in errors]
        if record is None:
            continue
        if record.identifier in seen:
            problems.append(
                Problem(
                    _where(kind, n),
                    _("The identifier %(id)s appears twice in the file (also at %(other)s).")
                    % {"id": record.identifier, "other": _where(kind, seen[record.identifier])},
                )
            )
            continue
        seen[record.identifier] = n
        try:
            # The euro value itself is worked out when the record is stored; here only whether there is one.
            if record.currency != "EUR":
                money.eur_rate(record.currency, record.award_date)
        except money.MoneyError as e:
            problems.append(Problem(_where(kind, n), str(e)))
            continue
        cleaned.append((n, record))
    return cleaned, problems


def _all_settled(records: Sequence[RecordInput | None]) -> bool:
    """Whether the per-row checks of `clean_all` would find no problem in `records` (a table cleaned a column at
    a time): every row settled, no identifier twice, and an ECB rate for every (currency, award date) pair,
    each distinct pair asked once instead of once per row."""
    if None in records:
        return False
    if len({r.identifier for r in records}) != len(records):  # type: ignore[union-attr]
        return False
    pairs = {(r.currency, r.award_date) for r in records if r.currency != "EUR"}  # type: ignore[union-attr]
    try:
        for currency, awarded in pairs:
            money.eur_rate(currency, awarded)
    except money.MoneyError:
        return False
    return True


@dataclass
class _Settled:
    """A table with its rows already cleaned a column at a time (`Cleaner.columns`; None where a row is left
    to be cleaned on its own)."""

    table: tabular.MappedTable
    records: list[RecordInput | None]


def _cleaned(
    clean: Cleaner, rows: Iterable[tuple[int, dict[str, Any]]] | _Settled
) -> Iterator[tuple[int, RecordInput | None, list[str]]]:
    """(row number, record or None, errors) of every row in file order: a spreadsheet's rows cleaned a column
    at a time, with the rows that path leaves (any row with a problem) cleaned one by one, like other files."""
    if isinstance(rows, _Settled):
        table = rows.table
        for n, record in enumerate(rows.records, start=table.first):
            if record is None:
                yield n, *clean(table.row(n))
            else:
                yield n, record, []
        return
    for n, raw in rows:
        yield n, *clean(raw)


def run_import(
    donor: Donor,
    *,
    kind: str,
    filename: str,
    data: bytes,
    by: Any,
    mapping: Mapping[str, str] | None = None,
) -> ImportResult:
    """Read, clean and store a donor's file in one transaction (see `bulk.store`). New recipients are stored
    awaiting screening, their records held; the screening runs in the task worker once the import commits."""
    services.require_member(by, donor)
    digest = hashlib.sha256(data).hexdigest()
    previous = ImportBatch.objects.filter(donor=donor, sha256=digest).first()
    if previous is not None:
        return ImportResult(already_imported=previous)
    with bulk.collector_paused():
        return _read_and_store(
            donor, kind=kind, filename=filename, data=data, by=by, mapping=mapping, digest=digest
        )


def _read_and_store(
    donor: Donor,
    *,
    kind: str,
    filename: str,
    data: bytes,
    by: Any,
    mapping: Mapping[str, str] | None,
    digest: str,
) -> ImportResult:
    try:
        rows = read_rows(kind, data, mapping)
    except FileRefusedError as e:
        return ImportResult(problems=e.problems)
    cleaned, problems = clean_all(kind, rows)
    del rows
    existing = bulk.existing_records(donor)
    problems += [
        Problem(
            _where(kind, n),
            _(
                "%(donor)s already has the record %(id)s, entered by hand or by the fund; an import does not overwrite it."
            )
            % {"donor": donor.name, "id": r.identifier},
        )
        for n, r in cleaned
        if r.identifier in existing and existing[r.identifier][1] != Provenance.IMPORT
    ]
    if problems:
        return ImportResult(problems=problems)
    try:
        with transaction.atomic():
            batch = ImportBatch.objects.create(
                donor=donor,
                kind=kind,
                filename=filename[:255],
                sha256=digest,
                rows=len(cleaned),
                by=by if getattr(by, "pk", None) else None,
            )
            stored = bulk.store(donor, cleaned, existing, batch=batch, by=by, filename=filename)
            batch.changes = {
                "created": stored.created,
                "changed": stored.changed,
                "unchanged": stored.unchanged,
            }
            batch.save(update_fields=["changes"])
            if mapping and kind in (ImportBatch.Kind.CSV, ImportBatch.Kind.XLSX):
                ColumnMapping.objects.update_or_create(
                    donor=donor, defaults={"mapping": dict(mapping), "updated_at": timezone.now()}
                )
            audit.record(
                action="registry.import.done",
                target=batch,
                detail={
                    "kind": kind,
                    "created": len(stored.created),
                    "changed": len(stored.changed),
                    "unchanged": stored.unchanged,
                    "new_recipients": stored.new_recipients,
                },
                by=by,
            )
            if stored.new_recipients:
                transaction.on_commit(screening.enqueue_awaiting)
    except IntegrityError:
        # Another import or a coordinator stored one of these identifiers after the file was checked.
        return ImportResult(
            problems=[
                Problem("", _("The donor's records changed while the file was imported; import it again."))
            ]
        )
    return ImportResult(
        batch=batch, created=stored.created, changed=stored.changed, unchanged=stored.unchanged
    )
