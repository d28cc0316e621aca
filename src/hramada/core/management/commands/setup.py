"""`manage.py setup`: everything `make run` does before serving, in one process (idempotent).

The key ring, the compiled translations, the migrations and the first-run steps (``bootstrap``), in this order. One
process instead of four saves three start-ups of Django (2 to 4 s of CPU each) on a first run. An empty SQLite
database gets its schema from the ready script (``hramada.core.ready_schema``) when it is current, instead of
replaying every migration.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections

from hramada.core import ready_schema
from hramada.core.bootstrap import fewer_collections


class Command(BaseCommand):
    help = "Create the key ring, compile translations, migrate and run the first-run steps (what `make run` needs)."
    # The key ring check would refuse to run the very command that creates the key ring; migrate runs the checks
    # once the ring exists, before anything touches the database.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--site-url",
            default="http://127.0.0.1:8000",
            help="Where the platform will be served, for the sign-in address in the banner (default: %(default)s).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        out = {"stdout": self.stdout, "stderr": self.stderr}
        call_command("generate_keys", **out)
        call_command("compile_translations", verbosity=0, **out)
        started = time.perf_counter()
        if ready_schema.usable():
            # The system checks `manage.py migrate` runs (the key ring exists by now), before the database is touched.
            self.check(databases=[DEFAULT_DB_ALIAS])
            if ready_schema.apply_if_empty():
                self.stdout.write(
                    f"Database created from the ready schema in {time.perf_counter() - started:.1f} s."
                )
                call_command("bootstrap", site_url=options["site_url"], **out)
                return
        with fewer_collections():
            call_command("migrate", interactive=False, verbosity=0, skip_checks=False, **out)
        self.stdout.write(f"Database migrated in {time.perf_counter() - started:.1f} s.")
        call_command("bootstrap", site_url=options["site_url"], **out)

    def run_from_argv(self, argv: list[str]) -> None:
        super().run_from_argv(argv)  # an error has printed its message and exited with status 1 by now
        # The set-up leaves millions of objects behind (the screening index, the importers' caches); freeing them
        # one by one as the interpreter shuts down took 5 to 15 s. Everything is committed and written by now:
        # close and flush what is open and let the operating system take the memory back at once.
        connections.close_all()
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
