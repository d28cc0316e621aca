"""`hramada-screen`: screen a CSV, XLSX or JSON-lines file of names against FtM list files, resumably.

    hramada-screen names.csv eu.ftm.json ofac.ftm.json -o results.csv
    python -m hramada.screening names.xlsx lists/*.ftm.json -o results.jsonl --thresholds investigation

Results are appended and flushed row by row; run the same command again after an interruption and the rows
already in the output are skipped.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from tqdm import tqdm

from hramada.screening.entities import Query, QueryError, load_entities
from hramada.screening.explain import ScreeningResult
from hramada.screening.index import ScreeningIndex
from hramada.screening.score import Thresholds, screen

COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "row_id", "rowid", "ref", "reference"),
    "name": ("name", "full_name", "fullname", "names", "query", "імя", "имя"),
    "schema": ("schema", "type", "entity_type"),
    "birth_date": ("birth_date", "birthdate", "dob", "date_of_birth", "born"),
    "country": ("country", "countries", "nationality", "jurisdiction"),
    "identifiers": (
        "identifiers",
        "identifier",
        "id_number",
        "passport",
        "registration_number",
        "imo",
        "wallet",
    ),
}
OUTPUT_FIELDS = (
    "row_id",
    "query_name",
    "status",
    "best_score",
    "best_id",
    "best_caption",
    "best_schema",
    "explanation",
    "matches",
    "error",
)


class InputError(Exception):
    """The input file cannot be read as a names file; the message says what to fix."""


def _read_rows(path: Path, encoding: str) -> list[dict[str, Any]]:
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _read_xlsx(path)
        with path.open(encoding=encoding, newline="") as handle:
            if suffix in (".jsonl", ".ndjson", ".json"):
                rows = []
                for number, line in enumerate(handle, start=1):
                    if line.strip():
                        try:
                            value = json.loads(line)
                        except json.JSONDecodeError as exc:
                            raise InputError(f"{path}: line {number} is not JSON ({exc.msg})") from exc
                        if not isinstance(value, dict):
                            raise InputError(f"{path}: line {number} is not a JSON object")
                        rows.append(value)
                return rows
            sample = handle.read(8192)
            handle.seek(0)
            try:
                dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
            except csv.Error:
                dialect = csv.excel
            return list(csv.DictReader(handle, dialect=dialect))
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path} is not {encoding} text (byte {exc.start}); save it as UTF-8 "
            f"(Excel: 'CSV UTF-8') or pass --encoding cp1251"
        ) from exc


def read_rows(path: Path, encoding: str = "utf-8-sig") -> list[dict[str, Any]]:
    """The rows of a CSV, XLSX or JSON-lines names file; InputError says what to fix."""
    return _read_rows(path, encoding)


def _read_xlsx(path: Path) -> list[dict[str, Any]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
    out = [
        {header[i]: ("" if v is None else str(v)) for i, v in enumerate(row) if i < len(header)}
        for row in rows
        if any(v is not None for v in row)
    ]
    workbook.close()
    return out


def map_columns(header: Sequence[str]) -> dict[str, str]:
    """Our field -> the input's column; InputError naming the columns found when there is no name column."""
    lowered = {h.strip().lower(): h for h in header if h}
    mapping = {
        field: lowered[a] for field, aliases in COLUMN_ALIASES.items() for a in aliases if a in lowered
    }
    mapping = {field: column for field, column in mapping.items()}
    if "name" not in mapping and "identifiers" not in mapping:
        raise InputError(
            f"no name column: expected one of {', '.join(COLUMN_ALIASES['name'])}; "
            f"the file has {', '.join(header) or 'no header'}"
        )
    return mapping


def row_query(row: dict[str, Any], columns: dict[str, str], row_id: str, default_schema: str) -> Query:
    def get(field: str) -> str:
        column = columns.get(field)
        value = row.get(column, "") if column else ""
        return "" if value is None else str(value).strip()

    identifiers = tuple(v.strip() for v in get("identifiers").replace(",", ";").split(";") if v.strip())
    countries = tuple(v.strip() for v in get("country").replace(",", ";").split(";") if v.strip())
    return Query(
        name=get("name"),
        schema=get("schema") or default_schema,
        birth_date=get("birth_date") or None,
        countries=countries,
        identifiers=identifiers,
        id=row_id,
    )


def _done_ids(output: Path) -> set[str]:
    """Row ids already written by an earlier run (a half-written last line is ignored)."""
    if not output.exists():
        return set()
    done: set[str] = set()
    with output.open(encoding="utf-8", newline="") as handle:
        if output.suffix.lower() in (".jsonl", ".ndjson", ".json"):
            for line in handle:
                try:
                    done.add(str(json.loads(line)["row_id"]))
                except (ValueError, KeyError, TypeError):
                    continue
        else:
            for record in csv.DictReader(handle):
                if record.get("row_id") and record.get("status"):
                    done.add(record["row_id"])
    return done


def _status(results: list[ScreeningResult]) -> str:
    if any(r.match for r in results):
        return "match"
    return "review" if results else "clear"


def _record(row_id: str, name: str, results: list[ScreeningResult], error: str = "") -> dict[str, Any]:
    best = results[0] if results else None
    return {
        "row_id": row_id,
        "query_name": name,
        "status": "error" if error else _status(results),
        "best_score": f"{best.score:.4f}" if best else "",
        "best_id": best.entity_id if best else "",
        "best_caption": best.caption if best else "",
        "best_schema": best.schema if best else "",
        "explanation": best.explanation if best else "",
        "matches": json.dumps(
            [{"id": r.entity_id, "caption": r.caption, "score": r.score, "match": r.match} for r in results],
            ensure_ascii=False,
        ),
        "error": error,
    }


def _trim_partial_line(output: Path) -> None:
    """Cut a last line that an interrupted run left half-written, so appending starts on a fresh line."""
    if not output.exists() or output.stat().st_size == 0:
        return
    with output.open("rb+") as handle:
        data = handle.read()
        if data.endswith(b"\n"):
            return
        handle.truncate(data.rfind(b"\n") + 1)


class ResultWriter:
    """Appends one record per input row and flushes it, so an interrupted run loses at most one row."""

    def __init__(self, output: Path) -> None:
        _trim_partial_line(output)
        self.jsonl = output.suffix.lower() in (".jsonl", ".ndjson", ".json")
        new = not output.exists() or output.stat().st_size == 0
        self.handle: TextIO = output.open("a", encoding="utf-8", newline="")
        self.csv = None if self.jsonl else csv.DictWriter(self.handle, fieldnames=OUTPUT_FIELDS)
        if self.csv is not None and new:
            self.csv.writeheader()

    def write(self, record: dict[str, Any], results: list[ScreeningResult]) -> None:
        if self.csv is not None:
            self.csv.writerow(record)
        else:
            full = {k: record[k] for k in ("row_id", "query_name", "status", "error")}
            full["results"] = [r.to_dict() for r in results]
            self.handle.write(json.dumps(full, ensure_ascii=False) + "\n")
        self.handle.flush()

    def close(self) -> None:
        self.handle.close()


def iter_work(
    rows: list[dict[str, Any]], columns: dict[str, str], done: set[str]
) -> Iterator[tuple[str, dict[str, Any]]]:
    for number, row in enumerate(rows, start=1):
        row_id = str(row.get(columns["id"], "") or number) if "id" in columns else str(number)
        if row_id not in done:
            yield row_id, row


def screen_rows(
    rows: list[dict[str, Any]],
    index: ScreeningIndex,
    output: Path,
    *,
    thresholds: Thresholds,
    limit: int,
    default_schema: str = "LegalEntity",
    progress: bool = True,
    on_progress: Callable[[int, int], None] | None = None,
) -> int:
    """Screen `rows` into `output` (appending), skipping rows already there; returns the number screened now."""
    columns = map_columns(list(rows[0].keys()) if rows else ["name"])
    _trim_partial_line(output)
    done = _done_ids(output)
    writer = ResultWriter(output)
    screened = 0
    try:
        work = list(iter_work(rows, columns, done))
        for row_id, row in tqdm(work, desc="screening", unit="name", disable=not progress):
            name = str(row.get(columns.get("name", ""), "") or "")
            try:
                query = row_query(row, columns, row_id, default_schema)
            except QueryError as exc:
                writer.write(_record(row_id, name, [], error=str(exc)), [])
            else:
                results = screen(query, index, thresholds=thresholds, limit=limit)
                writer.write(_record(row_id, name, results), results)
            screened += 1
            if on_progress is not None:
                on_progress(len(done) + screened, len(rows))
    finally:
        writer.close()
    return screened


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hramada-screen", description=__doc__.splitlines()[0])
    parser.add_argument("input", type=Path, help="names to screen: .csv, .xlsx or .jsonl")
    parser.add_argument("lists", type=Path, nargs="+", help="FollowTheMoney JSON-lines list files")
    parser.add_argument("-o", "--output", type=Path, required=True, help="results: .csv or .jsonl (appended)")
    parser.add_argument("--thresholds", choices=("screening", "investigation"), default="screening")
    parser.add_argument("--limit", type=int, default=3, help="matches kept per name")
    parser.add_argument("--schema", default="LegalEntity", help="schema of rows without a schema column")
    parser.add_argument("--encoding", default="utf-8-sig", help="text encoding of a CSV/JSONL input")
    parser.add_argument("--no-progress", action="store_true")
    args = parser.parse_args(argv)
    thresholds = Thresholds.SCREENING if args.thresholds == "screening" else Thresholds.INVESTIGATION
    try:
        for path in [args.input, *args.lists]:
            if not path.is_file():
                raise InputError(f"{path}: no such file")
        rows = _read_rows(args.input, args.encoding)
        if rows:
            map_columns(list(rows[0].keys()))
        index = ScreeningIndex.from_entities(load_entities(args.lists))
    except (InputError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        print(f"hramada-screen: {exc}", file=sys.stderr)
        return 2
    print(f"{len(index):,} listed entities, {index.name_count:,} names; {len(rows):,} rows", file=sys.stderr)
    try:
        screened = screen_rows(
            rows,
            index,
            args.output,
            thresholds=thresholds,
            limit=args.limit,
            default_schema=args.schema,
            progress=not args.no_progress,
        )
    except KeyboardInterrupt:
        print("hramada-screen: interrupted; run the same command again to resume", file=sys.stderr)
        return 130
    print(f"{screened:,} rows screened into {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
