"""Real list data for the screening specifications: OFAC SDN (with aliases), the EU Belarus journal, and the
OpenSanctions FtM fixtures, read from ../shared/data through the framework-free importers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hramada.screening import ScreeningIndex, load_entities

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def bundled_entities() -> list[dict[str, Any]]:
    from hramada.sanctions.importers import parse

    sanctions = DATA / "sanctions"
    entities = [
        dict(e.data)
        for e in parse(
            "ofac_sdn",
            sanctions / "ofac/sdn-2024-05-03.csv",
            alt_path=sanctions / "ofac/aux/alt.csv",
        )
    ]
    entities += [dict(e.data) for e in parse("eu_journal", sanctions / "eu/journal/32006R0765.csv")]
    entities += list(load_entities(sorted((DATA / "ftm").glob("*.ftm.json"))))
    return entities


@pytest.fixture(scope="session")
def shared_data_dir() -> Path:
    assert DATA.is_dir(), f"reference data missing at {DATA}"
    return DATA


@pytest.fixture(scope="session")
def bundled_index() -> ScreeningIndex:
    """Every entity of the bundled OFAC, EU Belarus journal and FtM files (about 16,000 matchable entities)."""
    return ScreeningIndex.from_entities(bundled_entities())
