"""Sanctions import: time and peak memory for each bundled file, and the time to compute a delta between two
snapshots of the largest source (OFAC), on SQLite and PostgreSQL, beside baselines measured in the same run.

Baselines: *parse only* (the importer reading the file into FtM entities, nothing stored: the floor an import
cannot beat) and a *naive delta* (load both snapshots' full FtM JSON and compare the dicts in Python). Each
file is imported in its own process, in the bootstrap's order (chronological per source, so later OFAC
publications store only what changed), so the peak memory printed is that file's alone (ru_maxrss).
Targets: each file < 30 s and < 1 GiB; the OFAC delta < 2 s.

    .venv/bin/python -m benchmarks.sanctions_import             # every bundled file, SQLite
    .venv/bin/python -m benchmarks.sanctions_import --quick     # small files + the two latest OFAC files
    .venv/bin/python -m benchmarks.sanctions_import --postgres  # also PostgreSQL (DATABASE_URL or local default)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
FILE_TARGET_S = 30.0
MEMORY_TARGET_MIB = 1024.0
DELTA_TARGET_S = 2.0


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _django() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hramada.settings.base")
    import django

    django.setup()


# ---------------------------------------------------------------------------------------------------------
# Child processes: one measurement each, printed as one JSON line


def child_import(source: str, path: str, aux: str | None) -> dict[str, Any]:
    _django()
    from hramada.sanctions import services

    started, cpu = time.perf_counter(), _cpu_seconds()
    result = services.import_file(source, path, by=None, aux_dir=aux)
    return {
        "seconds": time.perf_counter() - started,
        "cpu_seconds": _cpu_seconds() - cpu,
        "parse_seconds": result.parse_seconds,
        "store_seconds": result.store_seconds,
        "entities": result.snapshot.entity_count,
        "new_versions": result.new_versions,
        "peak_mib": _peak_mib(),
    }


def child_parse(source: str, path: str, aux: str | None) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "src"))
    from hramada.sanctions import importers

    options: dict[str, Any] = {}
    if aux:
        for option, name in (
            ("alt_path", "alt.csv"),
            ("add_path", "add.csv"),
            ("comments_path", "sdn_comments.csv"),
        ):
            if (Path(aux) / name).is_file():
                options[option] = Path(aux) / name
    started = time.perf_counter()
    count = sum(1 for _ in importers.parse(source, path, **options))
    return {"seconds": time.perf_counter() - started, "entities": count, "peak_mib": _peak_mib()}


def child_delta() -> dict[str, Any]:
    _django()
    from hramada.sanctions import selectors, services
    from hramada.sanctions.models import Delta, Snapshot, SnapshotEntity

    snapshots = sorted(
        Snapshot.objects.filter(source__key="ofac_sdn").select_related("source"),
        key=services.snapshot_order_key,
    )
    old, new = snapshots[-2], snapshots[-1]
    Delta.objects.filter(old=old, new=new).delete()
    started = time.perf_counter()
    delta = services.compute_delta(old, new)
    computed = time.perf_counter() - started
    started = time.perf_counter()
    selectors.delta_between(old, new)
    cached = time.perf_counter() - started

    started = time.perf_counter()
    before = {
        entity_id: data
        for entity_id, data in SnapshotEntity.objects.filter(snapshot=old).values_list(
            "entity_id", "version__data"
        )
    }
    after = {
        entity_id: data
        for entity_id, data in SnapshotEntity.objects.filter(snapshot=new).values_list(
            "entity_id", "version__data"
        )
    }
    added = set(after) - set(before)
    removed = set(before) - set(after)
    amended = {
        entity_id: services.property_changes(before[entity_id], after[entity_id])
        for entity_id in set(after) & set(before)
        if before[entity_id] != after[entity_id]
    }
    naive = time.perf_counter() - started
    assert (len(added), len(removed), len(amended)) == (
        delta.added_count,
        delta.removed_count,
        delta.amended_count,
    )
    return {
        "old": old.file_name,
        "new": new.file_name,
        "entities": new.entity_count,
        "computed": computed,
        "cached": cached,
        "naive": naive,
        "counts": [delta.added_count, delta.removed_count, delta.amended_count],
        "peak_mib": _peak_mib(),
    }


# ---------------------------------------------------------------------------------------------------------
# Parent: databases, the order of files, the table


def run_child(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.sanctions_import", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise SystemExit(f"child {args} failed:\n{completed.stderr[-3000:]}")
    return dict(json.loads(completed.stdout.strip().splitlines()[-1]))


def migrate(env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v", "0", "--skip-checks"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )


def bench_files(quick: bool) -> list[tuple[str, Path, Path | None]]:
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hramada.settings.base")
    import django

    django.setup()
    from hramada.sanctions.services import bundled_files

    files = bundled_files(DATA)
    if quick:
        ofac = [item for item in files if item.source == "ofac_sdn"][-2:]
        files = [item for item in files if item.source != "ofac_sdn"] + ofac
    return [(item.source, item.path, item.aux_dir) for item in files]


class Backend:
    def __init__(self, name: str, url: str, cleanup: Any) -> None:
        self.name, self.url, self.cleanup = name, url, cleanup


def sqlite_backend() -> Backend:
    folder = tempfile.TemporaryDirectory(prefix="hramada-bench-")
    return Backend("SQLite", f"sqlite:///{folder.name}/bench.sqlite3", folder.cleanup)


def postgres_backend(url: str) -> Backend:
    import psycopg

    parsed = urlparse(url)
    name = f"hramada_bench_{os.getpid()}"
    admin = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')

    return Backend("PostgreSQL", urlunparse(parsed._replace(path=f"/{name}")), drop)


def measure(backend: Backend, files: list[tuple[str, Path, Path | None]]) -> dict[str, Any]:
    env = {**os.environ, "DATABASE_URL": backend.url, "DJANGO_SETTINGS_MODULE": "hramada.settings.base"}
    migrate(env)
    rows = []
    for source, path, aux in files:
        args = ["--child-import", source, str(path)] + (["--aux", str(aux)] if aux else [])
        rows.append(run_child(args, env))
        print(f"  {backend.name}: {path.name}: {rows[-1]['seconds']:.1f} s", file=sys.stderr)
    delta = run_child(["--child-delta"], env)
    return {"imports": rows, "delta": delta}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small files and the two latest OFAC files")
    parser.add_argument("--postgres", nargs="?", const="", help="also PostgreSQL (URL; default DATABASE_URL)")
    parser.add_argument("--child-import", nargs=2, metavar=("SOURCE", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--child-parse", nargs=2, metavar=("SOURCE", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--child-delta", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--aux", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_import:
        source, path = args.child_import
        print(json.dumps(child_import(source, path, args.aux)))
        return 0
    if args.child_parse:
        source, path = args.child_parse
        print(json.dumps(child_parse(source, path, args.aux)))
        return 0
    if args.child_delta:
        print(json.dumps(child_delta()))
        return 0

    if not DATA.is_dir():
        print(f"No bundled data at {DATA}.", file=sys.stderr)
        return 1
    env_url = os.environ.get("DATABASE_URL", "")
    files = bench_files(args.quick)
    baselines = []
    for source, path, aux in files:
        argv_child = ["--child-parse", source, str(path)] + (["--aux", str(aux)] if aux else [])
        baselines.append(run_child(argv_child, dict(os.environ)))
    backends = [sqlite_backend()]
    if args.postgres is not None or env_url.startswith("postgres"):
        url = args.postgres or (env_url if env_url.startswith("postgres") else DEFAULT_POSTGRES)
        backends.append(postgres_backend(url))
    results: dict[str, dict[str, Any]] = {}
    try:
        for backend in backends:
            results[backend.name] = measure(backend, files)
    finally:
        for backend in backends:
            backend.cleanup()

    names = list(results)
    cpu = os.cpu_count()
    print(f"\nSanctions import benchmark ({'quick' if args.quick else 'all bundled files'}; {cpu} CPU cores)")
    header = f"{'file':34} {'entities':>8} {'parse only':>11}"
    for name in names:
        header += f" | {name + ' import':>17} {'(CPU)':>8} {'peak':>8} {'new':>6}"
    print(header)
    print("-" * len(header))
    worst_time, worst_memory = 0.0, 0.0
    for index, (_source, path, _aux) in enumerate(files):
        base = baselines[index]
        line = f"{path.name[:34]:34} {base['entities']:>8} {base['seconds']:>9.2f} s"
        for name in names:
            row = results[name]["imports"][index]
            worst_time = max(worst_time, row["seconds"])
            worst_memory = max(worst_memory, row["peak_mib"])
            line += (
                f" | {row['seconds']:>15.2f} s {row['cpu_seconds']:>6.1f} s {row['peak_mib']:>4.0f} MiB "
                f"{row['new_versions']:>6}"
            )
        print(line)
    print(
        "(parse only: the importer alone, nothing stored; CPU: the import process's own CPU time, about what the\n"
        " wall time is on an idle machine (database server time not included); new: entity versions written, the\n"
        " rest were already stored)"
    )
    load = os.getloadavg()[0]
    busy = " (busy: wall times are inflated by other work)" if load > (cpu or 1) else ""
    print(f"Load average at the end of the run: {load:.1f} on {cpu} cores{busy}")
    print()
    for name in names:
        delta = results[name]["delta"]
        print(
            f"{name}: delta {delta['old']} -> {delta['new']} ({delta['entities']} entities; "
            f"{delta['counts'][0]} added, {delta['counts'][1]} removed, {delta['counts'][2]} amended): "
            f"content hashes {delta['computed']:.3f} s, stored delta read back {delta['cached'] * 1000:.1f} ms; "
            f"baseline naive full-JSON comparison {delta['naive']:.3f} s"
        )
    worst_delta = max(results[name]["delta"]["computed"] for name in names)
    print()
    print(
        f"Targets: each file < {FILE_TARGET_S:.0f} s (worst {worst_time:.1f} s), < {MEMORY_TARGET_MIB:.0f} MiB "
        f"(worst {worst_memory:.0f} MiB); OFAC delta < {DELTA_TARGET_S:.0f} s (worst {worst_delta:.2f} s)"
    )
    ok = worst_time < FILE_TARGET_S and worst_memory < MEMORY_TARGET_MIB and worst_delta < DELTA_TARGET_S
    print("All targets met." if ok else "SOME TARGETS MISSED.")
    return 0 if ok else 2


if __name__ == "__main__":
    raise SystemExit(main())
