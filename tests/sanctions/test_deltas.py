"""Deltas: added, removed and amended entities with the changed properties, computed once and read back."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

from hramada.sanctions import selectors
from hramada.sanctions.models import Delta
from tests.sanctions.conftest import JOURNAL


def journal_variant(tmp_path: Path, name: str, change: Any) -> Path:
    """A copy of the real consolidated EU journal CSV with ``change(rows)`` applied (rows as dicts)."""
    with open(JOURNAL / "32006R0765.csv", encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = list(reader.fieldnames or [])
        rows = list(reader)
    rows = change(rows)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path = tmp_path / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def amend_first_reason(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    rows[0] = {**rows[0], "reason": rows[0]["reason"] + " Re-listed after review."}
    return rows


def test_delta_lists_added_removed_and_amended_with_old_and_new_values(
    import_list: Any, tmp_path: Path
) -> None:
    old = import_list("eu_journal", JOURNAL / "32006R0765.csv", published_at=date(2026, 4, 24)).snapshot

    def change(rows: list[dict[str, str]]) -> list[dict[str, str]]:
        rows = amend_first_reason(rows)
        return rows[:-1]  # the last party is delisted

    new_path = journal_variant(tmp_path, "32006R0765-next.csv", change)
    new = import_list("eu_journal", new_path, published_at=date(2026, 7, 23)).snapshot
    delta = selectors.delta_between(old, new)
    assert delta.added_ids == []
    assert len(delta.removed_ids) == 2  # the party and its Sanction
    sanction_id = next(entity_id for entity_id in delta.amended_ids)
    change_of_reason = delta.amended[sanction_id]["reason"]
    assert change_of_reason["new"][0].endswith("Re-listed after review.")
    assert change_of_reason["old"][0] + " Re-listed after review." == change_of_reason["new"][0]
    assert delta.amended_count == 1


def test_changed_entities_gives_the_parties_to_screen_again(import_list: Any, tmp_path: Path) -> None:
    import_list("eu_journal", JOURNAL / "32006R0765.csv", published_at=date(2026, 4, 24))
    new = import_list(
        "eu_journal",
        journal_variant(tmp_path, "next.csv", amend_first_reason),
        published_at=date(2026, 7, 23),
    ).snapshot
    changed = selectors.changed_entities(new)
    # Only the Sanction entity changed; re-screening needs its subject, as an FtM dict.
    assert [entity["schema"] for entity in changed.upserted] == ["Person"]
    assert changed.upserted[0]["id"] == changed.delta.amended_ids[0].removesuffix("-sanction")
    assert changed.removed_ids == []


def test_a_delta_is_computed_once_and_then_read_back(
    import_list: Any, django_assert_max_num_queries: Any
) -> None:
    first = import_list("eu_journal", JOURNAL / "32006R0765.csv").snapshot
    second = import_list("eu_journal", JOURNAL / "amendment-32026R1817.csv").snapshot
    assert Delta.objects.filter(old=first, new=second).count() == 1  # stored by the import
    with django_assert_max_num_queries(1):
        delta = selectors.delta_between(first, second)
    assert delta.added_count == 4
    latest = selectors.latest_delta("eu_journal")
    assert latest is not None and latest.pk == delta.pk


def test_a_late_import_of_an_older_publication_slots_into_the_chain(
    import_list: Any, ofac_belarus: Any
) -> None:
    newest = import_list("ofac_sdn", ofac_belarus("2024-05-03")).snapshot
    oldest = import_list("ofac_sdn", ofac_belarus("2023-08-03")).snapshot
    middle = import_list("ofac_sdn", ofac_belarus("2023-08-09")).snapshot
    assert selectors.delta_into(middle).old_id == oldest.pk
    assert selectors.delta_into(newest).old_id == middle.pk
    assert selectors.latest_delta("ofac_sdn") == selectors.delta_into(newest)
    # 9 August 2023: new Belarus designations (+14 rows per SOURCES.md)
    added_parties = [i for i in selectors.delta_into(middle).added_ids if i.count("-") == 1]
    assert len(added_parties) >= 14


def test_the_first_snapshot_of_a_source_has_everything_added(import_list: Any) -> None:
    snapshot = import_list("eu_journal", JOURNAL / "32006R0765.csv").snapshot
    delta = selectors.delta_into(snapshot)
    assert delta.old_id is None
    assert delta.added_count == snapshot.entity_count
