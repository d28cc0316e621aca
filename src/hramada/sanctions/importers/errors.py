"""The one exception a sanctions importer raises for bad input."""

from __future__ import annotations


class SourceFormatError(ValueError):
    """A source file cannot be read as the source it was given as.

    The message names the file, the place (line, row or element) and the problem, so an analyst can fix the
    upload without reading code.
    """

    def __init__(self, path: object, problem: str, *, where: str | None = None) -> None:
        self.path = str(path)
        self.where = where
        self.problem = problem
        location = f"{self.path}, {where}" if where else self.path
        super().__init__(f"{location}: {problem}")
