"""Check an evidence bundle received back (from a court, a partner): every file against the manifest's hashes, the
custody log's chain, and, for bundles this platform exported, the manifest and hashes recorded here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hramada.evidence import bundles, services


class Command(BaseCommand):
    help = "Check an evidence bundle (ZIP): file hashes, manifest, custody log. Exit status 1 when anything differs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("bundle", type=Path)
        parser.add_argument(
            "--offline",
            action="store_true",
            help="check the bundle on its own, without this platform's records",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["bundle"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        known = None if options["offline"] else services.known_bundle
        with path.open("rb") as handle:
            problems = bundles.verify_bundle(handle.read(), known=known)
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"{path}: bundle REJECTED, {len(problems)} problem(s)")
        self.stdout.write(
            f"{path}: bundle intact (every file matches its SHA-256 and SHA-512; custody log unbroken)"
        )
