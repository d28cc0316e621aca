"""Create the key ring for personal data on first run (``make run`` calls this); an existing ring is kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from hramada.core import crypto


class Command(BaseCommand):
    help = "Create the personal-data key ring (HRAMADA_KEYRING_FILE, 0600) unless it exists."
    # The key ring check would refuse to run the very command that creates the key ring.
    requires_system_checks = ()

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--print",
            action="store_true",
            help="Print a new key ring as JSON instead of writing a file (for $HRAMADA_KEYRING).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["print"]:
            self.stdout.write(crypto.generate_keyring().to_json(), ending="")
            return
        source = crypto.keyring_source()
        if source.inline is not None:
            self.stdout.write("The key ring comes from $HRAMADA_KEYRING; no file is written.")
            return
        path = Path(settings.HRAMADA_KEYRING_FILE)
        if path.exists():
            ring = crypto.load_keyring()
            self.stdout.write(f"Key ring {path} exists (current key {ring.current}, {len(ring.keys)} keys).")
            return
        ring = crypto.generate_keyring()
        try:
            crypto.save_keyring_file(ring, path, replace=False)
        except FileExistsError:
            self.stdout.write(f"Key ring {path} was created by another process meanwhile; kept.")
            return
        self.stdout.write(
            self.style.SUCCESS(f"Created key ring {path} (mode 0600, key {ring.current}).")
            + " Back it up apart from the database: data encrypted under a lost key cannot be recovered."
        )
