"""Readers of grant files: spreadsheets (CSV, XLSX), IATI 2.03 activity XML and 360Giving JSON. Each turns bytes
into raw rows (dicts keyed by `rows.FIELDS`) or raises `FileRefusedError` listing every problem with where it is; none
stores anything. `hramada.registry.imports` cleans the rows and stores them all or nothing."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    where: str  # "row 12", "line 3", "/grants/0/amountAwarded"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class FileRefusedError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems[:5]))
        self.problems = problems


__all__ = ["FileRefusedError", "Problem"]
