"""Fixtures of the monitoring tests: the real EU Belarus list, earlier states of it made by leaving one listed
person out (what that person's listing added), the 2026 amendment that lists four companies, and a watch list."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from hramada.core.roles import Role
from hramada.monitoring import rescreen
from hramada.sanctions import live_index

JOURNAL = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "sanctions" / "eu" / "journal"
EU_LIST = JOURNAL / "32006R0765.csv"
AMENDMENT = JOURNAL / "amendment-32026R1846.csv"  # lists CHIP AND DIP LLC and three other companies
NAUMOV = "Uladzimir Uladzimiravich NAVUMAU"  # Vladimir NAUMOV, born 7.2.1956 according to the list
NAUMOV_RU = "Владимир Владимирович Наумов"
OTHER = "Marina Sviataslavauna ZAPASNIK"  # another listed person, left out to tell two publications apart


def eu_list_without(folder: Path, *names: str, birth_dates: dict[str, str] | None = None) -> Path:
    """A copy of the EU list without the rows of ``names`` (the list before their listing), optionally with a
    listed person's birth date reading differently (what an amendment does)."""
    with EU_LIST.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = [row for row in reader if row["name"] not in names]
    for row in rows:
        if birth_dates and row["name"] in birth_dates:
            row["birthDate"] = birth_dates[row["name"]]
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "32006R0765.csv"
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return out


@pytest.fixture(autouse=True)
def fresh_indexes() -> Iterator[None]:
    live_index.reset_screening_index()
    rescreen.forget_index()
    yield
    live_index.reset_screening_index()
    rescreen.forget_index()


@pytest.fixture
def analyst(make_staff: Callable[..., Any]) -> Any:
    return make_staff(Role.SANCTIONS_ANALYST)


def watch_csv(
    rows: list[tuple[str, ...]], header: tuple[str, ...] = ("name", "schema", "birth_date", "country")
) -> bytes:
    lines = [",".join(header)] + [",".join(f'"{v}"' for v in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")
