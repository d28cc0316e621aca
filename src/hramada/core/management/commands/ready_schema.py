"""`manage.py ready_schema`: store what `migrate` writes into an empty SQLite database (see hramada.core.ready_schema);
``--check``: say whether the stored script is current."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from hramada.core import ready_schema


class Command(BaseCommand):
    help = "Store the schema an empty SQLite database gets from migrate, so a first run creates it at once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check", action="store_true", help="Exit 1 when the stored script is not current."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["check"]:
            if ready_schema.stored_fingerprint() != ready_schema.fingerprint():
                raise CommandError(
                    f"{ready_schema.SCRIPT} is not current (a migration, Django or SQLite changed): "
                    "run `manage.py ready_schema` (until then a first run migrates as usual)."
                )
            self.stdout.write(f"{ready_schema.SCRIPT} is current.")
            return
        script = ready_schema.build(Path(settings.BASE_DIR) / "manage.py")
        ready_schema.SCRIPT.write_text(script, encoding="utf-8")
        self.stdout.write(f"Stored {ready_schema.SCRIPT} ({len(script.splitlines())} lines).")
