"""The Spark job partitions the input, broadcasts the lists and calls the same engine (local[2])."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip(
        "Spark needs a Java runtime (make test installs default-jre-headless as root)",
        allow_module_level=True,
    )


@pytest.mark.slow
def test_spark_job_screens_a_csv_like_the_library(tmp_path: Path, shared_data_dir: Path) -> None:
    from hramada.screening.spark import build_session, screen_dataframe

    source = tmp_path / "names.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "birth_date"])
        writer.writerow(["a", "Святлана Пахадава", ""])
        writer.writerow(["b", "Viktor Soyko", "1962"])
        writer.writerow(["c", "Mary Poppins", ""])
        writer.writerow(["d", "Ivan", "1954-02-30"])
    spark = build_session("local[2]")
    try:
        count = screen_dataframe(
            spark,
            str(source),
            [str(shared_data_dir / "ftm/yente-t1-entities.ftm.json")],
            str(tmp_path / "out"),
            partitions=2,
        )
    finally:
        spark.stop()
    assert count == 4
    rows = {}
    for part in (tmp_path / "out").glob("part-*.csv"):
        rows.update({r["row_id"]: r for r in csv.DictReader(part.open(encoding="utf-8"))})
    assert rows["a"]["status"] == "match"
    assert rows["c"]["status"] == "clear"
    assert rows["d"]["status"] == "error"
