"""The reference tables shipped in `hramada/screening/data/` (legal forms, generic words, translations, towns,
name equivalences): each file read once per process, its blank lines and `#` comments left out."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """The lines of `data/<name>` that carry data."""
    text = resources.files("hramada.screening").joinpath(f"data/{name}").read_text("utf-8")
    return tuple(line for line in text.splitlines() if line.strip() and not line.startswith("#"))


def data_rows(name: str) -> list[dict[str, str]]:
    """The rows of the CSV file `data/<name>` by its header."""
    return list(csv.DictReader(data_lines(name)))
