"""`manage.py bootstrap`: first-run set-up (administrator, then every step the domain apps registered)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hramada.core.bootstrap import create_first_administrator, fewer_collections, steps


class Command(BaseCommand):
    help = "Create the first administrator and run the first-run steps of every app (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--skip", action="append", default=[], help="Step key to skip (repeatable).")
        parser.add_argument("--only-admin", action="store_true", help="Create the administrator only.")
        parser.add_argument(
            "--site-url",
            default="http://127.0.0.1:8000",
            help="Where the platform will be served, for the sign-in address in the banner (default: %(default)s).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with fewer_collections():
            self._run(options)

    def _run(self, options: dict[str, Any]) -> None:
        # The administrator's one-time password is printed last, so the loading steps do not scroll it away.
        banner: list[str] = []
        started = time.perf_counter()
        create_first_administrator(banner.append, site_url=options["site_url"])
        if not options["only_admin"]:
            for step in steps():
                if step.key in options["skip"]:
                    continue
                self.stdout.write(f"- {step.description}")
                wall, cpu = time.perf_counter(), time.process_time()
                step.run(self.stdout.write)
                # How long each step took, so a slow start says where the time goes.
                self.stdout.write(
                    f"  done in {time.perf_counter() - wall:.1f} s (CPU {time.process_time() - cpu:.1f} s)"
                )
        self.stdout.write(f"First-run set-up done in {time.perf_counter() - started:.1f} s.")
        for line in banner:
            self.stdout.write(line)
