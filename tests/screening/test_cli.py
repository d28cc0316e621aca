"""The command line screens a spreadsheet of names, explains each row, and resumes after an interruption."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from hramada.screening import ScreeningIndex, Thresholds
from hramada.screening.cli import InputError, main, map_columns, screen_rows

LISTS = ["ftm/yente-t1-entities.ftm.json", "ftm/yente-zala-entities.ftm.json"]


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


ROWS = [
    {"id": "r1", "name": "Святлана Пахадава", "birth_date": "", "country": "BY"},
    {"id": "r2", "name": "Viktar Soika", "birth_date": "", "country": ""},
    {"id": "r3", "name": "Mary Poppins", "birth_date": "", "country": ""},
    {"id": "r4", "name": "Ivan", "birth_date": "1954-02-30", "country": ""},
]


def test_csv_in_csv_out_with_explanations(tmp_path: Path, shared_data_dir: Path) -> None:
    source = tmp_path / "names.csv"
    _write_csv(source, ROWS)
    out = tmp_path / "results.csv"
    lists = [str(shared_data_dir / p) for p in LISTS]
    assert main([str(source), *lists, "-o", str(out), "--no-progress"]) == 0
    records = {r["row_id"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert records["r1"]["status"] == "match"
    assert "met" in records["r1"]["explanation"]
    assert records["r3"]["status"] == "clear"
    assert records["r4"]["status"] == "error" and "birth_date" in records["r4"]["error"]


def test_rerun_skips_rows_already_written(tmp_path: Path, shared_data_dir: Path) -> None:
    index = ScreeningIndex.from_entities(
        json.loads(line) for p in LISTS for line in (shared_data_dir / p).read_text("utf-8").splitlines()
    )
    out = tmp_path / "results.jsonl"
    screened = screen_rows(ROWS[:2], index, out, thresholds=Thresholds.SCREENING, limit=3, progress=False)
    assert screened == 2
    with out.open("a", encoding="utf-8") as handle:
        handle.write('{"row_id": "r3", "status"')  # the line an interrupted run left half-written
    screened = screen_rows(ROWS, index, out, thresholds=Thresholds.SCREENING, limit=3, progress=False)
    assert screened == 2  # r3 (half-written, so not done) and r4
    lines = [json.loads(x) for x in out.read_text("utf-8").splitlines() if x.endswith("}")]
    assert {line["row_id"] for line in lines} >= {"r1", "r2", "r4"}


def test_xlsx_input(tmp_path: Path, shared_data_dir: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Name", "DOB"])
    sheet.append(["Viktor Soyko", "1962"])
    path = tmp_path / "names.xlsx"
    book.save(path)
    out = tmp_path / "out.csv"
    assert main([str(path), str(shared_data_dir / LISTS[0]), "-o", str(out), "--no-progress"]) == 0
    assert "row_id" in out.read_text("utf-8")


def test_wrong_columns_get_a_clear_error() -> None:
    with pytest.raises(InputError, match="no name column"):
        map_columns(["surname_only", "dob"])


def test_wrong_encoding_gets_a_clear_error(
    tmp_path: Path, shared_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "names.csv"
    path.write_bytes("name\nАляксандр Лукашэнка\n".encode("cp1251"))
    code = main([str(path), str(shared_data_dir / LISTS[0]), "-o", str(tmp_path / "o.csv"), "--no-progress"])
    assert code == 2
    assert "not utf-8-sig text" in capsys.readouterr().err
