"""Imports a fixed set of files into a fresh database and writes every stored row and every message to a JSON file,
so that a change meant only to make imports faster can be shown to store and say the same (run it on both commits,
then `cmp` the two files).

The files: a faulty CSV in English and in Belarusian (every kind of bad cell, a repeated identifier), a clean CSV
with every optional column, four donors' generated files (benchmarks/registry_scale.py, 6,000 rows each, half of
them with registration numbers), each imported twice, and the first donor's file changed (amounts, 500 new rows).
Written: each import's problems (place and message), created, changed and unchanged; every record column but its
timestamps; every recipient with its name and number decrypted and each blind index checked against the value
(the test key ring is made per process, so the indexes themselves differ between runs); the batches; the audit
entries' actions and details.

    DJANGO_SETTINGS_MODULE=hramada.settings.test PYTHONPATH=.:src .venv/bin/python \
        -m benchmarks.registry_import_dump OUT.json        # SQLite in a temporary folder, or DATABASE_URL
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import sys
import tempfile
from typing import Any

FULL_HEADER = {
    "identifier": "ID",
    "recipient_name": "Who",
    "title": "Title",
    "amount": "Sum",
    "currency": "Cur",
    "award_date": "Awarded",
    "start": "From",
    "end": "To",
    "theme": "Area",
    "geography": "Where",
    "purpose": "Purpose",
    "recipient_kind": "Kind",
    "recipient_registration": "Reg",
    "recipient_country": "Ctry",
    "instrument": "Instr",
    "status": "Status",
    "is_public": "Public",
}
GOOD = [
    [
        "F-1",
        "  Belarusian Association of Journalists ",
        "Safety  ",
        "1000",
        "eur",
        "2025-03-03",
        "2025-03-03",
        "2026-03-02",
        "Independent media",
        "belarus",
        " p ",
        "Organisation",
        "123",
        "lt",
        "Grant",
        "Active",
        "yes",
    ],
    [
        "F-2",
        "Беларуская асацыяцыя журналістаў",
        "T" * 400,
        "12.5",
        "USD",
        "2024-02-29",
        "2024-03-01",
        "2024-03-01",
        "legal",
        "LT",
        "",
        "individual",
        "",
        "",
        "regrant",
        "closed",
        "Так",
    ],
    [
        "F-3",
        "BAJ",
        "x",
        "999999.99",
        "PLN",
        "2023-01-01",
        "2023-01-01",
        "2023-12-31",
        "media",
        "PL",
        "",
        "",
        "123",
        "PL",
        "",
        "",
        "no",
    ],
    [
        "F-4",
        "BAJ",
        "x",
        "1 000,50",
        "GBP",
        "2023-01-01",
        "2023-01-01",
        "2023-12-31",
        "media",
        "PL",
        "",
        "",
        "",
        "PL",
        "",
        "",
        "",
    ],
    [
        "F-5",
        "Ivan",
        "x",
        "5",
        "EUR",
        "2022-06-15T10:00:00",
        "2022-06-15",
        "2022-06-16",
        "Humanitarian and relocation",
        "other",
        "",
        "individual",
        "",
        "",
        "in-kind",
        "",
        "1",
    ],
]
BAD = [
    *GOOD,
    [
        "B-1",
        "A",
        "x",
        "-5",
        "XXX",
        "2025-13-01",
        "2025-01-01",
        "2024-01-01",
        "nope",
        "mars",
        "",
        "robot",
        "",
        "",
        "loan",
        "weird",
        "",
    ],
    ["B-2", *[""] * 16],
    ["F-1", "A", "x", "10", "EUR", "2025-01-01", "2025-01-01", "2025-02-01", "media", "LT", *[""] * 7],
    ["X" * 130, "A", "x", "1e3", "EUR", "2025-01-01", "2025-01-01", "2025-02-01", "media", "LT", *[""] * 7],
    [
        "B-4",
        "A",
        "x",
        "100000000000",
        "EUR",
        "1990-01-01",
        "1990-01-01",
        "1990-02-01",
        "media",
        "LT",
        *[""] * 7,
    ],
    ["B-5", "A", "x", "0", "BYN", "2025-01-01", "2025-01-01", "2025-02-01", "media", "LT", *[""] * 7],
]


def full_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(FULL_HEADER.values())
    writer.writerows(rows)
    return out.getvalue().encode()


def outcome(result: Any) -> dict[str, Any]:
    return {
        "problems": [(str(p.where), str(p.message)) for p in result.problems],
        "created": result.created,
        "changed": result.changed,
        "unchanged": result.unchanged,
        "again": result.already_imported is not None,
    }


def import_files() -> list[dict[str, Any]]:
    from django.test.utils import override_settings
    from django.utils import translation

    from benchmarks.registry_scale import MAPPING, Population, donor_file
    from hramada.registry import imports
    from hramada.registry.models import Donor, DonorKind

    rng = random.Random(7)
    people = Population(3000, rng)
    results = []

    def run(donor: Any, data: bytes, name: str, mapping: dict[str, str]) -> None:
        results.append(
            outcome(imports.run_import(donor, kind="csv", filename=name, data=data, by=None, mapping=mapping))
        )

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        for language in ("en", "be"):
            with translation.override(language):
                donor = Donor.objects.create(
                    name=f"Faulty {language}", slug=f"faulty-{language}", kind=DonorKind.FOUNDATION
                )
                run(donor, full_csv(BAD), "bad.csv", FULL_HEADER)
        run(
            Donor.objects.create(name="Full", slug="full", kind=DonorKind.FOUNDATION),
            full_csv(GOOD),
            "good.csv",
            FULL_HEADER,
        )
        files = []
        for k in range(4):
            donor = Donor.objects.create(name=f"Donor {k}", slug=f"donor-{k}", kind=DonorKind.FOUNDATION)
            data = donor_file(k, 6000, people, rng)
            files.append((donor, data))
            run(donor, data, f"d{k}.csv", MAPPING)
            run(donor, data, "again.csv", MAPPING)
        donor, data = files[0]
        lines = data.decode().splitlines()
        for i in range(1, len(lines), 7):
            cells = lines[i].split(",")
            cells[4] = "77.00"
            lines[i] = ",".join(cells)
        extra = donor_file(0, 500, people, rng, prefix="N").decode().splitlines()[1:]
        run(donor, ("\n".join(lines + extra) + "\n").encode(), "changed.csv", MAPPING)
    return results


def stored() -> dict[str, Any]:
    from django.db import connection

    from hramada.core import crypto
    from hramada.core.audit import AuditEntry
    from hramada.registry.models import Recipient

    name_f, reg_f = Recipient._meta.get_field("name"), Recipient._meta.get_field("registration")

    def checked(index: Any, value: str, f: Any) -> Any:
        if not value:
            return index
        return "ok" if index == crypto.blind_index(value, scope=f.index_scope) else f"WRONG {index}"

    out: dict[str, Any] = {}
    with connection.cursor() as c:
        c.execute("SELECT * FROM registry_grantrecord ORDER BY id")
        cols = [x[0] for x in c.description]
        out["records"] = [
            [
                f"{k}={v}"
                for k, v in sorted(zip(cols, row, strict=True))
                if k not in ("created_at", "updated_at")
            ]
            for row in c.fetchall()
        ]
        c.execute(
            "SELECT id, kind, name, name_index, registration, registration_index, country, at_risk, public_name, "
            "canonical_id, screening, source_key, is_demo, contact FROM registry_recipient ORDER BY id"
        )
        out["recipients"] = []
        for r in c.fetchall():
            name = crypto.decrypt(r[2], label=name_f.label)
            reg = crypto.decrypt(r[4], label=reg_f.label) if r[4] else ""
            out["recipients"].append(
                [
                    r[0],
                    r[1],
                    name,
                    checked(r[3], name, name_f),
                    reg,
                    checked(r[5], reg, reg_f),
                    *map(str, r[6:]),
                ]
            )
        c.execute(
            "SELECT id, donor_id, kind, filename, sha256, rows, changes FROM registry_importbatch ORDER BY id"
        )
        out["batches"] = [list(map(str, r)) for r in c.fetchall()]
    out["audit"] = [
        f"{e.action} {json.dumps(e.detail, sort_keys=True, default=str)}"
        for e in AuditEntry.objects.order_by("pk")
    ]
    return out


def main() -> None:
    workdir = tempfile.mkdtemp(prefix="registry-dump-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/registry.sqlite3")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    out = {"results": import_files(), **stored()}
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=0, default=str)
    print({k: len(v) for k, v in out.items()}, [len(r["problems"]) for r in out["results"]])


if __name__ == "__main__":
    main()
