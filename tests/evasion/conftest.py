"""Fixtures of the evasion tests: a small real OFAC file (the Belarus rows, the tanker ARTAVIL formerly ALPHA, the
holder of a listed Bitcoin address) imported through the sanctions service, and the demo files."""

from __future__ import annotations

import csv
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

# shared/ sits beside the clone; a git worktree sits one or more levels deeper: the nearest one above
OFAC = next(
    (
        folder / "shared" / "data" / "sanctions" / "ofac"
        for folder in Path(__file__).resolve().parents[3:]
        if (folder / "shared" / "data" / "sanctions" / "ofac").is_dir()
    ),
    Path(__file__).resolve().parents[2].parent / "shared" / "data" / "sanctions" / "ofac",
)
EXTRA_ROWS = {"15036", "25308"}  # ARTAVIL (IMO 9187629, f.k.a. ALPHA); YAN, Xiaobing (XBT 12QtD5...)


@pytest.fixture
def small_ofac(tmp_path: Path) -> Path:
    out = tmp_path / "sdn-2024-05-03.csv"
    with (
        open(OFAC / "sdn-2024-05-03.csv", encoding="utf-8", newline="") as source,
        open(out, "w", encoding="utf-8") as sink,
    ):
        for line in source:
            row = next(csv.reader([line]), [])
            if len(row) == 12 and ("BELARUS" in row[3] or row[0] in EXTRA_ROWS):
                sink.write(line)
        sink.write(
            "\x1a"
        )  # every OFAC publication ends with the DOS end-of-file byte; a file without it is held
    return out


@pytest.fixture
def lists(db: Any, small_ofac: Path) -> None:
    from hramada.sanctions import services

    services.import_file("ofac_sdn", small_ofac, by=None)


def demo_file(name: str) -> bytes:
    return (resources.files("hramada.evasion") / "demo_data" / name).read_bytes()


@pytest.fixture
def analyst(make_staff: Callable[..., Any]) -> Any:
    from hramada.core.roles import Role

    return make_staff(Role.SANCTIONS_ANALYST)
