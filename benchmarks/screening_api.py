"""Screening through the HTTP API on loopback, with concurrent clients: p50/p99 per query and throughput.

A throw-away installation (SQLite under a temporary folder) imports the bundled lists through the sanctions
service, then gunicorn serves it exactly as `make run` does. Concurrent clients send single-query
`POST /api/yente/match/default` requests (real variants of listed names and realistic non-matches, as in
benchmarks/screening_speed.py). Beside the figures, in the same run, stands the floor of the same server:
`GET /api/yente/healthz` through the same stack (routing, auth-free JSON), so the cost of matching itself shows.

    .venv/bin/python -m benchmarks.screening_api            # all bundled lists, 4 clients, 4,000 queries
    .venv/bin/python -m benchmarks.screening_api --quick    # EU journal + latest OFAC, 1,000 queries
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "sanctions"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _setup(var_dir: Path, quick: bool) -> tuple[str, list[dict[str, Any]]]:
    """Migrate, import lists, issue an API key; returns the key and the queries."""
    os.environ["HRAMADA_VAR_DIR"] = str(var_dir)
    os.environ["DATABASE_URL"] = f"sqlite:///{var_dir / 'bench.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "hramada.settings.base"
    sys.path.insert(0, str(ROOT / "src"))
    import django

    subprocess.run([sys.executable, "manage.py", "generate_keys"], cwd=ROOT, check=True, capture_output=True)
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from hramada.core.models import ApiKey, RoleGrant, User
    from hramada.core.roles import Role
    from hramada.sanctions.live_index import screening_index
    from hramada.sanctions.services import import_file

    files = [
        ("eu_journal", DATA / "eu/journal/32006R0765.csv", {}),
        ("ofac_sdn", DATA / "ofac/sdn-2024-05-03.csv", {"aux_dir": DATA / "ofac/aux"}),
    ]
    if not quick:
        files += [
            ("un_xml", DATA / "un/un-consolidated-2026-02.xml", {}),
            ("eu_fsf", DATA / "eu/eu-fsf-v1-2016-02-11.xml", {}),
        ]
    for source, path, extra in files:
        started = time.perf_counter()
        import_file(source, path, by=None, **extra)
        print(f"  imported {path.name} in {time.perf_counter() - started:.1f} s")
    user = User.objects.create_user(username="bench", password="bench password 123")
    RoleGrant.objects.create(user=user, role=Role.SANCTIONS_ANALYST)
    _, raw = ApiKey.issue(owner=user, name="benchmark")

    from benchmarks.screening_speed import make_queries

    index = screening_index()
    queries = [{"name": q.name, "schema": q.schema} for q in make_queries(index, 4000 if not quick else 1000)]
    return raw, queries


def _call(url: str, key: str, body: dict[str, Any] | None) -> float:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method="POST" if body is not None else "GET")  # noqa: S310
    request.add_header("Authorization", f"ApiKey {key}")
    request.add_header("Content-Type", "application/json")
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
        response.read()
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status}")
    return (time.perf_counter() - started) * 1000


def _load(
    base: str, key: str, bodies: list[dict[str, Any] | None], path: str, clients: int
) -> dict[str, float]:
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        latencies = list(pool.map(lambda body: _call(base + path, key, body), bodies))
    elapsed = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "p50_ms": _percentile(latencies, 0.50),
        "p99_ms": _percentile(latencies, 0.99),
        "per_second": len(latencies) / elapsed,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        var_dir = Path(tmp)
        print("Setting up a throw-away installation ...")
        key, queries = _setup(var_dir, args.quick)
        port = _free_port()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH", "")]))
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "hramada.wsgi:application", "--config", "python:hramada.gunicorn_conf",
             "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers), "--threads", "4",
             "--log-level", "warning", "--access-logfile", "/dev/null"],
            cwd=ROOT, env=env,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}/api/yente"
        try:
            for _ in range(120):
                try:
                    _call(base + "/healthz", key, None)
                    break
                except OSError:
                    time.sleep(0.5)
            warm_started = time.perf_counter()
            # Each worker builds its index in the background as it starts; /readyz answers 503 until every worker
            # of the server has (the workers report to the master's readiness folder).
            while time.perf_counter() - warm_started < 300:
                try:
                    _call(base + "/readyz", key, None)
                    break
                except urllib.error.HTTPError:
                    time.sleep(1.0)
            print(f"  /readyz green (every worker ready) after {time.perf_counter() - warm_started:.1f} s")
            # The first screening requests after /readyz: one at a time (each on a new connection, so they spread
            # over the workers), then as many at once as the server has threads: every worker must answer fast.
            first_bodies = [
                {"queries": {"q": {"schema": "Person", "properties": {"name": [q["name"]]}}}}
                for q in queries[: args.workers * 4]
            ]
            singles = [_call(base + "/match/default", key, body) for body in first_bodies[: args.workers * 2]]
            print(
                f"  first {len(singles)} screening requests after /readyz, one at a time: "
                f"slowest {max(singles):.0f} ms, median {_percentile(singles, 0.5):.0f} ms"
            )
            with ThreadPoolExecutor(max_workers=len(first_bodies)) as pool:
                firsts = list(pool.map(lambda body: _call(base + "/match/default", key, body), first_bodies))
            print(
                f"  then {len(firsts)} at once: slowest {max(firsts):.0f} ms, median {_percentile(firsts, 0.5):.0f} ms"
            )
            floor = _load(base, key, [None] * 1000, "/healthz", args.clients)
            bodies = [
                {"queries": {"q": {"schema": q["schema"], "properties": {"name": [q["name"]]}}}}
                for q in queries
            ]
            match = _load(base, key, bodies, "/match/default", args.clients)
        finally:
            server.terminate()
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    print()
    print(
        f"HTTP API on loopback: gunicorn {args.workers} workers x 4 threads, {args.clients} concurrent clients, 2 cores"
    )
    print(f"{'endpoint':<34}{'requests':>10}{'p50 ms':>10}{'p99 ms':>10}{'req/s':>10}")
    for label, row in (("GET /healthz (server floor)", floor), ("POST /match/default (1 query)", match)):
        print(
            f"{label:<34}{row['requests']:>10}{row['p50_ms']:>10.1f}{row['p99_ms']:>10.1f}{row['per_second']:>10.0f}"
        )
    print("target: p99 under 25 ms per query through the API")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
