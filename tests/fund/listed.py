"""The real EU Belarus list, and a later publication of it in which one listed person's birth date changed."""

from __future__ import annotations

import csv
from pathlib import Path

EU_LIST = (
    Path(__file__).resolve().parents[2].parent / "shared" / "data" / "sanctions/eu/journal/32006R0765.csv"
)
NAUMOV = "Uladzimir Uladzimiravich NAVUMAU"  # Vladimir NAUMOV, born 7.2.1956 according to the list


def with_changed_birth_date(folder: Path, name: str = NAUMOV, birth_date: str = "7.2.1957") -> Path:
    """A copy of the EU list where one record's birth date reads differently (what an amendment does)."""
    with EU_LIST.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    for row in rows:
        if row["schema"] == "Person" and row["name"] == name:
            row["birthDate"] = birth_date
    out = folder / "32006R0765.csv"
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return out
