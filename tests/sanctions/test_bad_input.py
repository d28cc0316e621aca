"""Bad input gives a clear error and loses nothing: after every kind of failure the store is as it was.

The parsers' own fuzzing lives beside them (test_importers_*); here each kind of bad file goes through the
import service and the test checks that no snapshot, entity version or query row was added and that the
previous snapshot is still the current one.
"""

from __future__ import annotations

from collections.abc import Callable
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
from hramada.sanctions.services import imports
from tests.sanctions.conftest import JOURNAL, OFAC, SANCTIONS

TABLES = (Snapshot, EntityVersion, SnapshotEntity, Name, Identifier, Designation, Delta)


@pytest.fixture
def loaded(import_list: Any) -> Callable[[], list[int]]:
    """The consolidated EU journal and a small real OFAC file are loaded; returns a function counting rows."""
    import_list("eu_journal", JOURNAL / "32006R0765.csv")

    def counts() -> list[int]:
        return [model.objects.count() for model in TABLES]

    return counts


def refused(source: str, path: Path, **options: Any) -> str:
    with pytest.raises(services.SnapshotImportError) as caught:
        services.import_file(source, path, by=None, **options)
    return str(caught.value)


def assert_intact(counts: Callable[[], list[int]], before: list[int]) -> None:
    assert counts() == before
    latest = selectors.latest_snapshots()
    assert [snapshot.file_name for snapshot in latest] == ["32006R0765.csv"]


def test_truncated_csv_is_refused_and_the_previous_snapshot_stays(loaded: Any, tmp_path: Path) -> None:
    data = (JOURNAL / "32006R0765.csv").read_bytes()
    path = tmp_path / "32006R0765-truncated.csv"
    path.write_bytes(data[: len(data) // 2])
    before = loaded()
    message = refused("eu_journal", path)
    assert str(path) in message
    assert_intact(loaded, before)


def test_truncated_xml_is_refused(loaded: Any, tmp_path: Path) -> None:
    data = (SANCTIONS / "un" / "un-consolidated-2016.xml").read_bytes()
    path = tmp_path / "un-truncated.xml"
    path.write_bytes(data[: len(data) * 2 // 3])
    before = loaded()
    assert "XML" in refused("un_xml", path)
    assert_intact(loaded, before)


def test_a_mutated_row_is_refused(loaded: Any, tmp_path: Path) -> None:
    lines = (JOURNAL / "32006R0765.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[5] = lines[5].replace(",", ";", 3)  # three columns fewer on line 6
    path = tmp_path / "mutated.csv"
    path.write_text("".join(lines), encoding="utf-8")
    before = loaded()
    assert "line" in refused("eu_journal", path)
    assert_intact(loaded, before)


def test_a_file_of_one_source_given_as_another_is_refused(loaded: Any) -> None:
    before = loaded()
    message = refused("eu_journal", OFAC / "sdn-2021-12-02.csv")
    assert "ofac_sdn" in message
    assert_intact(loaded, before)


def test_an_unknown_source_is_refused_with_the_known_ones(loaded: Any) -> None:
    before = loaded()
    message = refused("eu_blr", JOURNAL / "32006R0765.csv")
    assert "unknown" in message and "eu_journal" in message
    assert_intact(loaded, before)


def test_a_file_in_the_wrong_encoding_is_refused(loaded: Any, tmp_path: Path) -> None:
    text = (JOURNAL / "32006R0765.csv").read_text(encoding="utf-8")
    path = tmp_path / "cp1251.csv"
    path.write_bytes(text.encode("cp1251", errors="replace"))
    before = loaded()
    assert "UTF-8" in refused("eu_journal", path)
    assert_intact(loaded, before)


def test_an_empty_file_is_refused(loaded: Any, tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    before = loaded()
    assert "empty" in refused("eu_journal", path)
    assert_intact(loaded, before)


def test_duplicate_entries_inside_one_file_are_refused(loaded: Any, tmp_path: Path) -> None:
    lines = (JOURNAL / "32006R0765.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "duplicate.csv"
    path.write_text("".join([*lines, lines[3]]), encoding="utf-8")
    before = loaded()
    assert "duplicate" in refused("eu_journal", path)
    assert_intact(loaded, before)


def test_an_unknown_programme_code_is_kept_with_a_warning(import_list: Any, tmp_path: Path) -> None:
    """Programme lists grow: an unknown code is stored as published and flagged, not dropped or refused."""
    text = (JOURNAL / "32006R0765.csv").read_text(encoding="utf-8")
    path = tmp_path / "unknown-programme.csv"
    path.write_text(text.replace(",EU-BLR,", ",EU-XYZ,", 1), encoding="utf-8")
    snapshot = import_list("eu_journal", path).snapshot
    assert snapshot.warning_count >= 1
    assert any("EU-XYZ" in warning for warning in snapshot.warnings)
    assert Designation.objects.filter(programme="EU-XYZ", belarus=False).count() == 1


def test_an_amendment_of_an_entry_that_does_not_exist_is_refused(loaded: Any, tmp_path: Path) -> None:
    lines = (JOURNAL / "amendment-32026R1846.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    header, first = lines[0], lines[1]
    cells = first.split(",")
    # Annex I.A entry 30: within the annex numbering (29, 31 are listed), but not in the consolidated file.
    cells[2] = "30"
    cells[4] = "I.A"
    path = tmp_path / "amendment-missing.csv"
    path.write_text(header + ",".join(cells), encoding="utf-8")
    before = loaded()
    message = refused("eu_journal", path)
    assert "not in the base snapshot" in message or "does not exist" in message
    assert_intact(loaded, before)


def test_an_amendment_without_its_consolidated_snapshot_is_refused(db: Any) -> None:
    message = refused("eu_journal", JOURNAL / "amendment-32026R1817.csv")
    assert "consolidated" in message
    assert Snapshot.objects.count() == 0


def test_a_failure_in_the_middle_of_writing_leaves_nothing(
    loaded: Any, monkeypatch: pytest.MonkeyPatch, ofac_belarus: Any
) -> None:
    """The membership rows fail after entity versions and names were written: all of it is rolled back."""
    before = loaded()

    def fail(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(imports, "_store_members", fail)
    with pytest.raises(RuntimeError, match="disk full"):
        services.import_file("ofac_sdn", ofac_belarus("2024-05-03"), by=None)
    assert_intact(loaded, before)
    monkeypatch.undo()
    result = services.import_file("ofac_sdn", ofac_belarus("2024-05-03"), by=None)
    assert result.created


def test_a_missing_file_is_refused(loaded: Any, tmp_path: Path) -> None:
    before = loaded()
    assert "no such file" in refused("eu_journal", tmp_path / "nothing.csv")
    assert_intact(loaded, before)


def test_a_crash_inside_an_importer_is_a_refusal_naming_the_file(
    loaded: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A parser bug on an odd file (found by fuzzing: a KeyError on a mangled header) must not leave a traceback
    for the analyst nor anything in the store."""
    from hramada.sanctions import importers

    def crash(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("country")

    monkeypatch.setattr(importers, "parse_all", crash)
    before = loaded()
    copy = tmp_path / "32006R0765-copy.csv"
    copy.write_bytes((JOURNAL / "32006R0765.csv").read_bytes() + b"\n")
    message = refused("eu_journal", copy)
    assert "could not read this file" in message and "KeyError" in message
    assert_intact(loaded, before)
