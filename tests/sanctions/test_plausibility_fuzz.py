"""Fuzzing the import with damage that keeps a file well-formed: swapped columns (in one record or in all),
truncation at a record boundary, values shuffled within a record, records in another order, duplicated records.

The property is the promise of the importers: a damaged list never silently becomes the current list. After
importing a mutated copy of a real publication on top of the original, either the file was refused, or it was held
as suspicious, or it was accepted and every listed party in it is the original party with the same names, at most
a few (``HRAMADA_SANCTIONS_MAX_KIND_CHANGES``) of a changed kind, and at most the allowed share of parties gone. Bounded for CI: a few dozen examples per source, no deadline.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hramada.sanctions import plausibility, services
from hramada.sanctions.models import Name, Snapshot, SnapshotEntity
from tests.sanctions.conftest import FTM, JOURNAL, OFAC, belarus_rows_of

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,
)


# --- Mutations of a list of records (rows or JSON lines), each keeping the file well-formed -------------------


def _swap_in_one(records: list[list[str]], rng: random.Random) -> list[list[str]]:
    row = records[rng.randrange(len(records))]
    i, j = rng.sample(range(len(row)), 2)
    row[i], row[j] = row[j], row[i]
    return records


def _swap_in_all(records: list[list[str]], rng: random.Random) -> list[list[str]]:
    i, j = rng.sample(range(len(records[0])), 2)
    for row in records:
        row[i], row[j] = row[j], row[i]
    return records


def _shuffle_one(records: list[list[str]], rng: random.Random) -> list[list[str]]:
    row = records[rng.randrange(len(records))]
    rng.shuffle(row)
    return records


def _truncate(records: list[list[str]], rng: random.Random) -> list[list[str]]:
    return records[: rng.randrange(1, len(records))] if len(records) > 1 else records


def _reorder(records: list[list[str]], rng: random.Random) -> list[list[str]]:
    rng.shuffle(records)
    return records


def _duplicate(records: list[list[str]], rng: random.Random) -> list[list[str]]:
    index = rng.randrange(len(records))
    return [*records[: index + 1], list(records[index]), *records[index + 1 :]]


MUTATIONS: dict[str, Callable[[list[list[str]], random.Random], list[list[str]]]] = {
    "swap columns in one record": _swap_in_one,
    "swap columns in every record": _swap_in_all,
    "shuffle the values of one record": _shuffle_one,
    "truncate at a record boundary": _truncate,
    "records in another order": _reorder,
    "duplicate a record": _duplicate,
}
steps = st.lists(st.tuples(st.sampled_from(sorted(MUTATIONS)), st.integers(0, 2**32)), min_size=1, max_size=3)


def mutate(records: list[list[str]], chosen: list[tuple[str, int]]) -> list[list[str]]:
    records = [list(record) for record in records]
    for name, seed in chosen:
        records = MUTATIONS[name](records, random.Random(seed))
    return records


# --- The property -------------------------------------------------------------------------------------------


def parties(snapshot: Snapshot) -> dict[str, tuple[str, frozenset[str]]]:
    names: dict[str, set[str]] = {}
    for entity_id, value in Name.objects.filter(version__memberships__snapshot=snapshot).values_list(
        "entity_id", "value"
    ):
        names.setdefault(entity_id, set()).add(value)
    return {
        entity_id: (schema, frozenset(names.get(entity_id, ())))
        for entity_id, schema in SnapshotEntity.objects.filter(snapshot=snapshot, subject=True).values_list(
            "entity_id", "schema"
        )
    }


def check_never_silently_current(source: str, original: Snapshot, path: Path, **options: Any) -> None:
    point = transaction.savepoint()
    try:
        try:
            result = services.import_file(source, path, by=None, **options)
        except services.SnapshotImportError:
            return
        snapshot = result.snapshot
        if not result.created or snapshot.status == Snapshot.Status.HELD:
            return
        before, after = parties(original), parties(snapshot)
        kind_changes = 0
        for entity_id, (schema, names) in after.items():
            assert entity_id in before, entity_id
            assert before[entity_id][1] == names, (entity_id, before[entity_id], names)
            kind_changes += before[entity_id][0] != schema
        assert kind_changes <= plausibility.max_kind_changes()  # "more than a few" is held
        gone = len(set(before) - set(after))
        assert gone <= max(plausibility.max_removed_share() * len(before), plausibility.removed_floor())
    finally:
        transaction.savepoint_rollback(point)


# --- OFAC sdn.csv -------------------------------------------------------------------------------------------


@pytest.fixture
def ofac_original(import_list: Any, tmp_path: Path) -> tuple[Snapshot, list[list[str]]]:
    import csv

    path = belarus_rows_of(OFAC / "sdn-2024-05-03.csv", tmp_path / "sdn-2024-05-03.csv")
    snapshot = import_list("ofac_sdn", path).snapshot
    with open(path, encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle) if len(row) == 12]
    return snapshot, rows


@FUZZ
@given(chosen=steps)
def test_a_mutated_ofac_file_never_silently_becomes_current(
    ofac_original: tuple[Snapshot, list[list[str]]], tmp_path: Path, chosen: list[tuple[str, int]]
) -> None:
    import csv
    import io

    snapshot, rows = ofac_original
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(mutate(rows, chosen))
    path = tmp_path / "sdn-2024-05-04.csv"
    path.write_text(out.getvalue() + "\x1a", encoding="utf-8")  # a well-formed file, end mark and all
    check_never_silently_current("ofac_sdn", snapshot, path)


# --- EU journal CSV (with a header: a swap in every record but the header is damage, not a new layout) ------


@pytest.fixture
def journal_original(import_list: Any) -> tuple[Snapshot, list[str], list[list[str]]]:
    import csv

    path = JOURNAL / "32006R0765.csv"
    snapshot = import_list("eu_journal", path, published_at=date(2026, 4, 1)).snapshot
    with open(path, encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    return snapshot, header, rows


@FUZZ
@given(chosen=steps)
def test_a_mutated_eu_journal_file_never_silently_becomes_current(
    journal_original: tuple[Snapshot, list[str], list[list[str]]],
    tmp_path: Path,
    chosen: list[tuple[str, int]],
) -> None:
    import csv
    import io

    snapshot, header, rows = journal_original
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *mutate(rows, chosen)])
    path = tmp_path / "32006R0765.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    check_never_silently_current("eu_journal", snapshot, path, published_at=date(2026, 4, 2))


# --- FtM JSON lines: a "column" is a property; swapping moves values between two properties -------------------


ZALA = FTM / "yente-zala-entities.ftm.json"
FTM_FIELDS = ("id", "schema", "name", "alias", "birthDate", "country", "entity", "programId")


def to_records(lines: list[str]) -> list[list[str]]:
    """Each entity as a row of JSON-encoded cells, one per field of FTM_FIELDS (top-level or property)."""
    rows = []
    for line in lines:
        entity = json.loads(line)
        props = entity.get("properties", {})
        rest = {k: v for k, v in entity.items() if k not in ("id", "schema")}
        rest["properties"] = {k: v for k, v in props.items() if k not in FTM_FIELDS}
        rows.append(
            [json.dumps(entity.get(f) if f in ("id", "schema") else props.get(f)) for f in FTM_FIELDS]
            + [json.dumps(rest)]
        )
    return rows


def from_records(rows: list[list[str]]) -> str:
    lines = []
    for row in rows:
        cells = [json.loads(cell) for cell in row]
        entity: dict[str, Any] = dict(cells[-1]) if isinstance(cells[-1], dict) else {}
        props = entity.get("properties")
        props = dict(props) if isinstance(props, dict) else {}
        entity["properties"] = props
        for field, value in zip(FTM_FIELDS, cells[:-1], strict=True):
            if field in ("id", "schema"):
                entity[field] = value
            elif value is not None:
                props[field] = value
        lines.append(json.dumps(entity, ensure_ascii=False))
    return "\n".join(lines) + "\n"


@pytest.fixture
def ftm_original(import_list: Any) -> tuple[Snapshot, list[list[str]]]:
    snapshot = import_list("ftm_json", ZALA).snapshot
    return snapshot, to_records(ZALA.read_text(encoding="utf-8").splitlines())


@FUZZ
@given(chosen=steps)
def test_a_mutated_ftm_file_never_silently_becomes_current(
    ftm_original: tuple[Snapshot, list[list[str]]], tmp_path: Path, chosen: list[tuple[str, int]]
) -> None:
    snapshot, rows = ftm_original
    path = tmp_path / "zala-mutated.ftm.json"
    path.write_text(from_records(mutate(rows, chosen)), encoding="utf-8")
    check_never_silently_current("ftm_json", snapshot, path, dataset="yente-zala-entities")


def test_the_unmutated_records_round_trip(tmp_path: Path) -> None:
    """The FtM record view itself loses nothing (so every difference the fuzz finds is the mutation's)."""
    lines = ZALA.read_text(encoding="utf-8").splitlines()
    back = from_records(to_records(lines)).splitlines()
    assert [json.loads(line) for line in back] == [json.loads(line) for line in lines]
