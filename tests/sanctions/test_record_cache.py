"""Importing several OFAC publications in a row reuses the entities of rows printed the same way, and gives
exactly what parsing each file alone gives (including a "Linked To:" whose target left the list)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from hramada.sanctions.importers import parse_all
from hramada.sanctions.importers.ofac_sdn import RecordCache
from tests.sanctions.conftest import OFAC, belarus_rows_of


def _rows(path: Path) -> list[list[str]]:
    return [row for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8").rstrip("\x1a"))) if row]


def _write(rows: list[list[str]], path: Path) -> Path:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue() + "\x1a", encoding="utf-8")
    return path


def _as_data(entities: list[Any]) -> list[Any]:
    return [(e.data, dict(e.name_langs), dict(e.printed), e.warnings) for e in entities]


def test_a_run_of_publications_parses_as_each_file_alone(tmp_path: Path) -> None:
    first = belarus_rows_of(OFAC / "sdn-2024-04-15.csv", tmp_path / "first.csv")
    second = belarus_rows_of(OFAC / "sdn-2024-05-03.csv", tmp_path / "second.csv")
    # The second file again with one row linking to another by name ("Linked To:", as OFAC prints it); the
    # third drops the linked row, so the unchanged linking row must be read again (its link becomes a note).
    rows = _rows(second)
    linking, linked = rows[0], rows[1]
    linking[11] = (
        linking[11].rstrip(".") + "; " if linking[11] != "-0-" else ""
    ) + f"Linked To: {linked[1]}."
    second = _write(rows, tmp_path / "second.csv")
    third = _write([row for row in rows if row is not linked], tmp_path / "third.csv")

    cache = RecordCache()
    for path in (first, second, third):
        alone = parse_all("ofac_sdn", path)
        in_a_run = parse_all("ofac_sdn", path, record_cache=cache)
        assert _as_data(in_a_run) == _as_data(alone)
    assert cache.hits > len(rows)  # most rows of the second and third files came from the cache
    link = (f"ofac-{linking[0]}", f"ofac-{linked[0]}")

    def links(path: Path) -> set[tuple[str, str]]:
        found = parse_all("ofac_sdn", path)
        return {(e.values("subject")[0], e.values("object")[0]) for e in found if e.schema == "UnknownLink"}

    assert link in links(second) and link not in links(third)
