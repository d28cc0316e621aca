"""`manage.py periodic`: run the registered periodic jobs when due (``--once``: all of them now, then exit)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hramada.core.periodic import registered, run_due


class Command(BaseCommand):
    help = "Run registered periodic jobs (decision-clock escalation, ...) when due; started by `serve`."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Run every job once now and exit.")
        parser.add_argument("--tick", type=float, default=10.0, help="Seconds between checks.")

    def handle(self, *args: Any, **options: Any) -> None:
        last_run: dict[str, float] = {}
        if options["once"]:
            ran = run_due(last_run)
            self.stdout.write(f"Ran {len(ran)} of {len(registered())} periodic jobs: {', '.join(ran)}")
            return
        while True:
            run_due(last_run)
            time.sleep(options["tick"])
