"""360Giving's spreadsheet form (one XLSX workbook, the 360Giving column titles: "Identifier", "Amount Awarded",
"Recipient Org:Name"...) read and written with `flattentool` against the bundled grant schema.

Reading: the workbook is unflattened to a 360Giving package, which then goes through the same JSON Schema
validation and reading as a JSON file (`giving.read`), so the two forms are held to the same rules. Every schema
error is reported at its cell ("grants, row 7, column D (Amount Awarded)"), using flattentool's map from JSON paths
back to cells. A workbook flattentool cannot read at all is refused as a whole; nothing is stored either way.

flattentool works on files. The workbook holds recipient names in clear, so it is written to a private folder in
memory (`/dev/shm` where the machine has it) and removed as soon as it is read; the same for a published workbook.
"""

from __future__ import annotations

import json
import tempfile
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from hramada.registry import standards
from hramada.registry.importers import FileRefusedError, Problem, giving

MAX_UNPACKED = 100 * 1024 * 1024
"""An XLSX is a zip file: a workbook that unpacks to more than this is refused before it is opened (zip bomb)."""
SHEET = "grants"


@contextmanager
def private_folder() -> Iterator[Path]:
    memory = Path("/dev/shm")  # noqa: S108 - memory-backed, so names never reach a disk; a private folder inside
    base = str(memory) if memory.is_dir() else None
    with tempfile.TemporaryDirectory(prefix="hramada-360g-", dir=base) as folder:
        yield Path(folder)


def _grant_schema() -> str:
    return str(standards.root() / "360giving" / "360-giving-schema.json")


def _check_zip(data: bytes) -> None:
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise FileRefusedError(
            [Problem("", _("The file is not an XLSX workbook (save it from your spreadsheet as .xlsx)."))]
        ) from None
    if unpacked > MAX_UNPACKED:
        raise FileRefusedError([Problem("", _("The workbook unpacks to more than 100 MB; it is refused."))])
    if "xl/workbook.xml" not in names:
        raise FileRefusedError(
            [Problem("", _("The file is not an XLSX workbook (save it from your spreadsheet as .xlsx)."))]
        )


def _cell_of(path: str, cells: dict[str, Any]) -> str:
    """Where a JSON path ("/grants/3/amountAwarded") came from in the workbook, or the closest parent's row."""
    parts = [p for p in path.strip("/").split("/") if p]
    while parts:
        found = cells.get("/".join(parts))
        if found:
            entry = list(found[0])
            if len(entry) >= 4:
                sheet, column, row, title = entry[:4]
            else:
                sheet, row, column, title = entry[0], entry[-1], "", ""
            if title:
                return _("sheet %(sheet)s, row %(row)s, column %(column)s (%(title)s)") % {
                    "sheet": sheet,
                    "row": row,
                    "column": column,
                    "title": title,
                }
            return _("sheet %(sheet)s, row %(row)s") % {"sheet": sheet, "row": row}
        parts.pop()
    return path


def to_package(data: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    """The workbook as a 360Giving package, and flattentool's map of JSON paths to cells."""
    from flattentool import unflatten

    _check_zip(data)
    with private_folder() as folder:
        source, output, cells = folder / "upload.xlsx", folder / "package.json", folder / "cells.json"
        source.write_bytes(data)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                unflatten(
                    str(source),
                    input_format="xlsx",
                    output_name=str(output),
                    cell_source_map=str(cells),
                    root_list_path="grants",
                    schema=_grant_schema(),
                    convert_titles=True,
                    disable_local_refs=True,
                )
            package = json.loads(output.read_text(encoding="utf-8"))
            cell_map = json.loads(cells.read_text(encoding="utf-8"))
        except Exception as e:
            raise FileRefusedError(
                [
                    Problem(
                        "",
                        _("The workbook could not be read as 360Giving data: %(error)s")
                        % {"error": str(e)[:200] or type(e).__name__},
                    )
                ]
            ) from None
    if not isinstance(package, dict) or not package.get("grants"):
        raise FileRefusedError(
            [Problem("", _("The workbook has no grants: the first sheet needs the 360Giving column titles."))]
        )
    return package, cell_map


def read(data: bytes) -> list[tuple[int, dict[str, Any]]]:
    """Rows as `giving.read` gives them, numbered by their row in the workbook; every schema error at its cell."""
    package, cells = to_package(data)
    try:
        rows = giving.read_package(package)
    except FileRefusedError as e:
        raise FileRefusedError([Problem(_cell_of(p.where, cells), p.message) for p in e.problems]) from None
    out = []
    for n, row in rows:
        found = cells.get(f"grants/{n}/id")
        out.append((int(found[0][2]) if found and len(found[0]) >= 3 else n + 2, row))
    return out


def write(package: dict[str, Any]) -> bytes:
    """A 360Giving package as its spreadsheet form (one "grants" sheet and one per repeated part)."""
    from flattentool import flatten

    with private_folder() as folder:
        source, output = folder / "package.json", folder / "grants"
        source.write_text(json.dumps(package), encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            flatten(
                str(source),
                schema=_grant_schema(),
                output_name=str(output),
                output_format="xlsx",
                main_sheet_name=SHEET,
                root_list_path="grants",
                use_titles=True,
                disable_local_refs=True,
            )
        found = sorted(folder.glob("*.xlsx")) or sorted(folder.glob("grants*"))
        return found[0].read_bytes()
