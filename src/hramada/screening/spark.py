"""Bulk screening as a Spark job: the input is partitioned, the list entities are broadcast, and every
partition calls the same engine as the library and the CLI (one index per Python worker, built on first use).

    python -m hramada.screening.spark names.csv lists/eu.ftm.json lists/ofac.ftm.json -o out/ --master local[2]

On a cluster, ship the package (`--py-files hramada.zip` or the wheel on every executor) and use the same module
with `spark-submit --master yarn` (or `k8s://...`); paths may be `hdfs://` or `s3a://` (see docs/screening.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from hramada.screening.cli import OUTPUT_FIELDS, _record, map_columns, row_query
from hramada.screening.entities import QueryError, load_entities
from hramada.screening.index import ScreeningIndex
from hramada.screening.score import Thresholds, screen

_WORKER_INDEXES: dict[str, ScreeningIndex] = {}
"""Per Python worker: lists digest -> index, so a worker builds the index once, not once per partition."""


def _worker_index(broadcast: Any, key: str) -> ScreeningIndex:
    index = _WORKER_INDEXES.get(key)
    if index is None:
        index = ScreeningIndex.from_entities((json.loads(line) for line in broadcast.value), processes=1)
        _WORKER_INDEXES[key] = index
    return index


def screen_partition(
    rows: Iterable[Any],
    broadcast: Any,
    key: str,
    columns: dict[str, str],
    thresholds: Thresholds,
    limit: int,
    schema: str,
) -> Iterator[tuple[str, ...]]:
    """Screen one partition of input rows; one output tuple (OUTPUT_FIELDS order) per row, never an exception."""
    index = _worker_index(broadcast, key)
    for row in rows:
        data = row.asDict()
        row_id = str(data.get("__row_id"))
        name = str(data.get(columns.get("name", ""), "") or "")
        try:
            query = row_query(data, columns, row_id, schema)
        except QueryError as exc:
            record = _record(row_id, name, [], error=str(exc))
        else:
            record = _record(row_id, name, screen(query, index, thresholds=thresholds, limit=limit))
        yield tuple(str(record[field]) for field in OUTPUT_FIELDS)


def build_session(master: str = "local[2]", app_name: str = "hramada-screening") -> Any:
    """A SparkSession whose Python workers can import this package (local runs need no zip)."""
    from pyspark.sql import SparkSession

    package_root = str(Path(__file__).resolve().parents[2])
    paths = [package_root, *[p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]]
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.executorEnv.PYTHONPATH", os.environ["PYTHONPATH"])
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .getOrCreate()
    )


def read_input(spark: Any, input_path: str) -> Any:
    """CSV (header row) or JSON lines as a DataFrame of strings; XLSX belongs to the CLI."""
    lower = input_path.lower()
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return spark.read.json(input_path)
    if lower.endswith((".csv", ".tsv", ".txt")) or os.path.isdir(input_path):
        return spark.read.option("header", True).option("multiLine", True).csv(input_path)
    raise ValueError(f"{input_path}: the Spark job reads CSV or JSON lines (convert spreadsheets first)")


def screen_dataframe(
    spark: Any,
    input_path: str,
    list_paths: Sequence[str],
    output_path: str,
    *,
    thresholds: Thresholds = Thresholds.SCREENING,
    limit: int = 3,
    schema: str = "LegalEntity",
    partitions: int | None = None,
    output_format: str = "csv",
) -> int:
    """Screen every row of `input_path` against the lists; write one result row per input row; return the count."""
    from pyspark.sql import functions
    from pyspark.sql.types import StringType, StructField, StructType

    frame = read_input(spark, input_path)
    columns = map_columns(frame.columns)
    if "id" in columns:
        frame = frame.withColumn("__row_id", functions.col(f"`{columns['id']}`").cast("string"))
    else:
        frame = frame.withColumn("__row_id", functions.monotonically_increasing_id().cast("string"))
    frame = frame.repartition(partitions or spark.sparkContext.defaultParallelism)
    lines = [json.dumps(e, ensure_ascii=False) for e in load_entities(list_paths)]
    key = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    broadcast = spark.sparkContext.broadcast(lines)
    result = frame.rdd.mapPartitions(
        lambda rows: screen_partition(rows, broadcast, key, columns, thresholds, limit, schema)
    )
    out_schema = StructType([StructField(field, StringType()) for field in OUTPUT_FIELDS])
    output = spark.createDataFrame(result, out_schema)
    output.cache()
    count = int(output.count())
    writer = output.write.mode("overwrite")
    if output_format == "csv":
        writer.option("header", True).csv(output_path)
    elif output_format == "json":
        writer.json(output_path)
    else:
        writer.parquet(output_path)
    output.unpersist()
    broadcast.unpersist()
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="CSV with a header row, or JSON lines")
    parser.add_argument("lists", nargs="+", help="FollowTheMoney JSON-lines list files")
    parser.add_argument("-o", "--output", required=True, help="output directory")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--thresholds", choices=("screening", "investigation"), default="screening")
    parser.add_argument("--format", choices=("csv", "json", "parquet"), default="csv")
    parser.add_argument("--partitions", type=int)
    args = parser.parse_args(argv)
    thresholds = Thresholds.SCREENING if args.thresholds == "screening" else Thresholds.INVESTIGATION
    spark = build_session(args.master)
    try:
        count = screen_dataframe(
            spark,
            args.input,
            args.lists,
            args.output,
            thresholds=thresholds,
            partitions=args.partitions,
            output_format=args.format,
        )
    finally:
        spark.stop()
    print(f"{count:,} rows screened into {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
