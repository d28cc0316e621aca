"""`manage.py sanctions ...` and the bootstrap step, as an operator meets them."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from hramada.core.models import AuditEntry
from hramada.sanctions import services
from hramada.sanctions.models import Snapshot
from hramada.sanctions.services import bundled
from tests.sanctions.conftest import FTM, JOURNAL


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("sanctions", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_reports_counts_and_a_second_import_says_nothing_changed(db: Any) -> None:
    out, err = run("import", "eu_journal", str(JOURNAL / "32006R0765.csv"))
    assert "snapshot" in out and "816 entities (408 listed parties)" in out
    assert "parsed entities" in err  # the progress bar
    again, _ = run("import", "eu_journal", str(JOURNAL / "32006R0765.csv"), "--no-progress")
    assert "already imported" in again and "nothing changed" in again
    assert Snapshot.objects.count() == 1


def test_import_writes_an_audit_entry(db: Any) -> None:
    run("import", "eu_journal", str(JOURNAL / "32006R0765.csv"), "--no-progress")
    entry = AuditEntry.objects.filter(action="sanctions.import").get()
    assert entry.detail["source"] == "eu_journal" and entry.detail["entities"] == 816


def test_import_of_the_wrong_source_or_file_is_a_clear_error(db: Any, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="unknown sanctions source 'eu'"):
        run("import", "eu", str(JOURNAL / "32006R0765.csv"))
    with pytest.raises(CommandError, match="looks like eu_journal, not ofac_sdn"):
        run("import", "ofac_sdn", str(JOURNAL / "32006R0765.csv"))
    with pytest.raises(CommandError, match="no such file"):
        run("import", "eu_journal", str(tmp_path / "missing.csv"))
    assert Snapshot.objects.count() == 0


def test_sources_lists_what_is_loaded(db: Any) -> None:
    empty, _ = run("sources")
    assert "No sanctions lists loaded" in empty
    run("import", "eu_journal", str(JOURNAL / "32006R0765.csv"), "--no-progress")
    run("import", "eu_journal", str(JOURNAL / "amendment-32026R1817.csv"), "--no-progress")
    out, _ = run("sources")
    assert "eu_journal" in out and "32006R0765.csv" in out and "amendment-32026R1817.csv" in out
    assert "816 entities" in out and "820 entities" in out


def test_diff_is_readable_and_available_as_json(db: Any) -> None:
    run("import", "eu_journal", str(JOURNAL / "32006R0765.csv"), "--no-progress")
    run("import", "eu_journal", str(JOURNAL / "amendment-32026R1817.csv"), "--no-progress")
    old, new = Snapshot.objects.order_by("pk")
    text, _ = run("diff", str(old.pk), str(new.pk))
    assert "4 added, 0 removed, 0 amended" in text
    assert "+ eu-journal-" in text
    data = json.loads(run("diff", str(old.pk), str(new.pk), "--json")[0])
    assert data["counts"] == {"added": 4, "removed": 0, "amended": 0}
    assert len(data["added"]) == 4
    with pytest.raises(CommandError, match="no snapshot 999"):
        run("diff", str(old.pk), "999")


def test_export_writes_ftm_json_lines(db: Any, tmp_path: Path) -> None:
    run("import", "ftm_json", str(FTM / "yente-t1-entities.ftm.json"), "--no-progress")
    snapshot = Snapshot.objects.get()
    out = tmp_path / "t1.ftm.json"
    message, _ = run("export", str(snapshot.pk), str(out))
    assert "7 entities" in message
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {entity["schema"] for entity in lines} == {"Person", "Organization", "Address"}


def test_bootstrap_loads_the_bundled_lists_once_in_order(db: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled lists without the big OFAC files (those are covered in test_snapshots): loaded, then skipped."""
    from tests.sanctions.conftest import DATA

    everything = services.bundled_files(DATA)
    sources = [item.source for item in everything]
    ofac = [item.path.name for item in everything if item.source == "ofac_sdn"]
    assert ofac == sorted(ofac) and len(ofac) == 6
    assert sources.index("eu_journal") < sources.index("ofac_sdn")
    journal = [item.path.name for item in everything if item.source == "eu_journal"]
    assert journal[0] == "32006R0765.csv"
    monkeypatch.setattr(
        bundled, "bundled_files", lambda root: [item for item in everything if item.source != "ofac_sdn"]
    )
    said: list[str] = []
    services.bootstrap_bundled_lists(said.append)
    loaded = Snapshot.objects.count()
    assert loaded == len(everything) - 6
    said.clear()
    services.bootstrap_bundled_lists(said.append)
    assert Snapshot.objects.count() == loaded
    assert any("already loaded" in line for line in said)


def test_bootstrap_skips_with_a_note_when_the_data_folder_is_missing(
    db: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(bundled, "bundled_data_root", lambda: tmp_path / "nowhere")
    said: list[str] = []
    services.bootstrap_bundled_lists(said.append)
    assert "skipped" in said[0] and Snapshot.objects.count() == 0


def test_a_background_import_reports_progress(db: Any, django_capture_on_commit_callbacks: Any) -> None:
    from hramada.core.models import TaskProgress
    from hramada.sanctions import tasks

    items = [
        {"source": "eu_journal", "path": str(JOURNAL / "32006R0765.csv")},
        {"source": "eu_journal", "path": str(JOURNAL / "amendment-32026R1817.csv")},
        {"source": "ofac_sdn", "path": str(JOURNAL / "amendment-32026R1846.csv")},  # the wrong source
    ]
    with django_capture_on_commit_callbacks(execute=True):
        progress_id = tasks.enqueue_import(items, by=None, label="Bundled EU journal")
    progress = TaskProgress.objects.get(pk=progress_id)
    assert progress.status == TaskProgress.Status.DONE
    assert progress.done == 3 and progress.total == 3
    assert "not imported" in progress.message
    assert Snapshot.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_bundled_ofac_files_parsed_in_a_second_process_store_what_each_file_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a machine with two cores the OFAC files are parsed in a second process: every snapshot holds exactly
    the entities its file gives when parsed alone, in order, with the deltas between consecutive files, and a
    file already imported (the same publication under another name) is skipped without confusing the next."""
    from hramada.sanctions.importers import parse_all
    from hramada.sanctions.models import SnapshotEntity
    from hramada.sanctions.records import content_hash
    from tests.sanctions.conftest import OFAC, belarus_rows_of

    first = belarus_rows_of(OFAC / "sdn-2023-08-03.csv", tmp_path / "sdn-2023-08-03.csv")
    again = tmp_path / "sdn-2023-08-04.csv"
    again.write_bytes(first.read_bytes())
    second = belarus_rows_of(OFAC / "sdn-2024-04-12.csv", tmp_path / "sdn-2024-04-12.csv")
    third = belarus_rows_of(OFAC / "sdn-2024-05-03.csv", tmp_path / "sdn-2024-05-03.csv")
    files = [services.BundledFile("ofac_sdn", path) for path in (first, again, second, third)]
    used: list[Any] = []

    class Recorded(bundled._ParsedElsewhere):
        def __init__(self, items: list[Any]) -> None:
            super().__init__(items)
            used.append(self)

    monkeypatch.setattr(bundled, "_ParsedElsewhere", Recorded)
    monkeypatch.setattr(bundled.os, "cpu_count", lambda: 2)
    said: list[str] = []
    results = list(services.import_bundled(files, by=None, say=said.append))

    assert [result.created for result in results] == [True, False, True, True]
    assert used and not used[0].failed, said
    for result, path in zip([results[0], results[2], results[3]], (first, second, third), strict=True):
        stored = set(
            SnapshotEntity.objects.filter(snapshot=result.snapshot).values_list(
                "entity_id", "version__content_hash"
            )
        )
        assert stored == {(entity.id, content_hash(entity)) for entity in parse_all("ofac_sdn", path)}
    assert results[2].delta is not None and results[2].delta.old_id == results[0].snapshot.pk
    assert results[3].delta is not None and results[3].delta.old_id == results[2].snapshot.pk
