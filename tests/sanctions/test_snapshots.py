"""Snapshots: one per file and SHA-256, what is stored equals what the file holds, content stored once."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from hramada.sanctions import selectors, services
from hramada.sanctions.models import (
    Delta,
    Designation,
    EntityVersion,
    Identifier,
    Name,
    Snapshot,
    SnapshotEntity,
)
from tests.sanctions.conftest import FTM, JOURNAL, OFAC

NAME_COLUMNS = ("name", "alias", "weakAlias", "previousName")


def journal_counts(path: Path) -> dict[str, int]:
    """An independent count of the EU journal CSV: rows, and names ("; "-separated values in name columns)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    names = 0
    for row in rows:
        for column in NAME_COLUMNS:
            names += len(
                [
                    value
                    for value in next(csv.reader([row.get(column) or ""], delimiter=";"), [])
                    if value.strip()
                ]
            )
    return {"rows": len(rows), "names": names}


def stored_counts(snapshot: Snapshot) -> dict[str, int]:
    versions = SnapshotEntity.objects.filter(snapshot=snapshot).values("version_id")
    return {
        "entities": SnapshotEntity.objects.filter(snapshot=snapshot).count(),
        "subjects": SnapshotEntity.objects.filter(snapshot=snapshot, subject=True).count(),
        "names": Name.objects.filter(version_id__in=versions).count(),
        "identifiers": Identifier.objects.filter(version_id__in=versions).count(),
        "designations": Designation.objects.filter(version_id__in=versions).count(),
    }


def test_eu_journal_stores_as_many_parties_names_and_designations_as_the_csv_holds(import_list: Any) -> None:
    path = JOURNAL / "32006R0765.csv"
    result = import_list("eu_journal", path)
    expected = journal_counts(path)
    stored = stored_counts(result.snapshot)
    assert expected["rows"] == 408
    assert stored["subjects"] == expected["rows"]
    assert stored["designations"] == expected["rows"]
    assert stored["entities"] == 2 * expected["rows"]
    assert stored["names"] == expected["names"]
    snapshot = result.snapshot
    assert (snapshot.entity_count, snapshot.subject_count, snapshot.name_count) == (
        stored["entities"],
        stored["subjects"],
        stored["names"],
    )
    assert snapshot.identifier_count == stored["identifiers"] > 0
    assert snapshot.sha256 == services.file_sha256(path)
    assert snapshot.kind == Snapshot.Kind.FULL


def test_importing_the_same_file_again_changes_nothing_and_says_so(import_list: Any) -> None:
    path = JOURNAL / "32006R0765.csv"
    first = import_list("eu_journal", path)
    tables = (Snapshot, EntityVersion, SnapshotEntity, Name, Identifier, Designation, Delta)
    before = [model.objects.count() for model in tables]
    again = import_list("eu_journal", path)
    assert again.created is False
    assert again.snapshot.pk == first.snapshot.pk
    assert "already imported" in again.message and "nothing changed" in again.message
    assert [model.objects.count() for model in tables] == before


def test_belarusian_and_russian_spellings_are_kept_with_script_and_language(import_list: Any) -> None:
    import_list("eu_journal", JOURNAL / "32006R0765.csv")
    lukashenka = selectors.current_member("eu_journal", "eu-journal-i-a-10") or next(
        member
        for member in selectors.search_members("Lukashenka", source_key="eu_journal")
        if member.version.caption.startswith("Aliaksandr")
    )
    names = {(name.value, name.script, name.lang) for name in Name.objects.filter(version=lukashenka.version)}
    scripts = {script for _, script, _ in names}
    assert {"Latn", "Cyrl"} <= scripts
    languages = {lang for _, script, lang in names if script == "Cyrl"}
    assert {"bel", "rus"} <= languages


def test_entity_content_is_stored_once_across_snapshots(import_list: Any, ofac_belarus: Any) -> None:
    first = import_list("ofac_sdn", ofac_belarus("2024-04-15"))
    versions_after_first = EntityVersion.objects.count()
    second = import_list("ofac_sdn", ofac_belarus("2024-05-03"))
    assert second.created and second.snapshot.pk != first.snapshot.pk
    new_versions = EntityVersion.objects.count() - versions_after_first
    assert new_versions == second.new_versions
    assert new_versions < second.snapshot.entity_count / 5  # 2024-05-03 changed little of the Belarus rows


def test_amendments_apply_to_the_latest_consolidated_snapshot_and_yield_real_deltas(import_list: Any) -> None:
    base = import_list("eu_journal", JOURNAL / "32006R0765.csv").snapshot
    first = import_list("eu_journal", JOURNAL / "amendment-32026R1817.csv")
    second = import_list("eu_journal", JOURNAL / "amendment-32026R1846.csv")
    assert first.snapshot.kind == Snapshot.Kind.AMENDMENT and first.snapshot.base_id == base.pk
    assert second.snapshot.base_id == first.snapshot.pk
    assert first.snapshot.subject_count == base.subject_count + 2
    assert second.snapshot.subject_count == first.snapshot.subject_count + 4
    delta = selectors.delta_into(second.snapshot)
    assert delta.old_id == first.snapshot.pk
    assert len([i for i in delta.added_ids if not i.endswith("-sanction")]) == 4
    assert delta.removed_ids == []
    added = SnapshotEntity.objects.filter(
        snapshot=second.snapshot, entity_id__in=delta.added_ids, subject=True
    )
    assert all(member.belarus for member in added)


@pytest.mark.slow
def test_whole_ofac_files_with_companions_store_every_row(import_list: Any) -> None:
    """The largest bundled file with its companion files: counts against the CSV (the delta between two whole
    OFAC publications is measured in benchmarks/sanctions_import.py)."""
    aux = OFAC / "aux"
    newer_result = import_list("ofac_sdn", OFAC / "sdn-2024-05-03.csv", aux_dir=aux)
    newer = newer_result.snapshot
    with open(OFAC / "sdn-2024-05-03.csv", encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle) if len(row) == 12]
    listed = SnapshotEntity.objects.filter(
        snapshot=newer, schema__in=["Person", "Organization", "Vessel", "Airplane"]
    )
    assert listed.count() == len(rows)
    belarus_rows = {f"ofac-{row[0]}" for row in rows if "BELARUS" in row[3]}
    assert len(belarus_rows) > 200  # SOURCES.md counts 233 lines that mention BELARUS anywhere
    belarus_members = set(
        SnapshotEntity.objects.filter(snapshot=newer, belarus=True, subject=True).values_list(
            "entity_id", flat=True
        )
    )
    assert belarus_rows <= belarus_members
    stored = stored_counts(newer)
    assert stored["designations"] == newer.designation_count
    assert stored["names"] == newer.name_count >= len(rows)
    assert stored["identifiers"] == newer.identifier_count
    assert newer_result.delta.added_count == newer.entity_count


def test_export_is_ftm_json_lines_that_import_back_as_the_same_entities(
    import_list: Any, tmp_path: Path
) -> None:
    from django.core.management import call_command

    snapshot = import_list("eu_journal", JOURNAL / "32006R0765.csv").snapshot
    out = tmp_path / "journal.ftm.json"
    call_command("sanctions", "export", str(snapshot.pk), str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == snapshot.entity_count
    exported = {entity["id"]: entity for entity in map(json.loads, lines)}
    back = import_list("ftm_json", out).snapshot
    assert back.entity_count == snapshot.entity_count
    reimported = {entity["id"]: entity for entity in selectors.snapshot_ftm(back)}
    assert set(reimported) == set(exported)
    for entity_id, entity in exported.items():
        again = reimported[entity_id]
        assert again["schema"] == entity["schema"]
        assert {k: sorted(v) for k, v in again["properties"].items()} == {
            k: sorted(v) for k, v in entity["properties"].items()
        }, entity_id


def test_ftm_files_and_opensanctions_deltas_become_snapshot_chains(import_list: Any) -> None:
    zala = import_list("ftm_json", FTM / "yente-zala-entities.ftm.json").snapshot
    assert zala.entity_count == 91
    deltas = sorted((FTM / "yente-t2-deltas").glob("*.entities.delta.json"))
    snapshots = [import_list("opensanctions_delta", path).snapshot for path in deltas]
    counts = [snapshot.entity_count for snapshot in snapshots]
    assert counts[0] == 2  # 2 ADD
    assert counts[1] == 3  # 1 ADD, 1 MOD
    assert counts[2] == 2  # 1 DEL
    assert counts[3] == 3  # 1 ADD
    mod = selectors.delta_into(snapshots[1])
    assert mod.added_count == 1 and mod.amended_count == 1
    assert selectors.delta_into(snapshots[2]).removed_count == 1


def test_current_entities_streams_the_latest_snapshot_of_each_source(
    import_list: Any, ofac_belarus: Any
) -> None:
    import_list("eu_journal", JOURNAL / "32006R0765.csv")
    import_list("ofac_sdn", ofac_belarus("2024-04-15"))
    latest = import_list("ofac_sdn", ofac_belarus("2024-05-03")).snapshot
    entities = list(selectors.current_entities(subjects_only=True))
    by_source: dict[str, int] = {}
    for entity in entities:
        by_source[entity["datasets"][0]] = by_source.get(entity["datasets"][0], 0) + 1
    assert by_source == {"eu_journal": 408, "ofac_sdn": latest.subject_count}
    belarus = list(selectors.current_entities(belarus_only=True, subjects_only=True))
    assert 0 < len(belarus) <= len(entities)


def test_stored_names_carry_the_script_and_language_the_importers_give() -> None:
    from hramada.sanctions.importers import name_variants, parse_all

    for entity in parse_all("eu_journal", JOURNAL / "32006R0765.csv"):
        expected = [(v.value, v.kind, v.script, v.lang or "") for v in name_variants(entity)]
        stored = [(row[1], row[2], row[3], row[4]) for row in services.name_rows(entity)]
        assert stored == expected, entity.id


@pytest.mark.django_db(transaction=True)
def test_two_imports_of_one_file_at_once_store_one_snapshot() -> None:
    """Concurrent imports queue on a lock (PostgreSQL advisory lock; SQLite's IMMEDIATE transactions)."""
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("needs a database with concurrent writers (PostgreSQL)")
    results: list[Any] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(services.import_file("eu_journal", JOURNAL / "32006R0765.csv", by=None))
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(result.created for result in results) == [False, True]
    assert Snapshot.objects.count() == 1
    assert EntityVersion.objects.count() == 816


def test_each_ftm_dataset_is_a_list_of_its_own(import_list: Any) -> None:
    """yente's t1 (EU FSF, with Belarus designations) and zala (a Russian case) are different datasets: the second
    must not read as a later publication of the first, or t1's Belarus entities would drop out of search."""
    t1 = import_list("ftm_json", FTM / "yente-t1-entities.ftm.json").snapshot
    zala = import_list("ftm_json", FTM / "yente-zala-entities.ftm.json").snapshot
    assert t1.source_id != zala.source_id
    assert t1.source.key == "ftm_json:yente-t1-entities" and t1.source.importer == "ftm_json"
    assert {snapshot.pk for snapshot in selectors.latest_snapshots()} == {t1.pk, zala.pk}
    assert selectors.delta_into(zala).old_id is None
    found = [m.version.caption for m in selectors.search_members("Pachodava", source_key="ftm_json")]
    assert found
