"""Rotate the personal-data key: add a fresh key, make it current, then re-encrypt every stored value to it.

Re-encryption runs in batches, one transaction each, and skips values already under the current key, so an
interrupted run is finished by running ``rotate_keys --reencrypt-only``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hramada.core import audit_context, crypto, personal_data
from hramada.core.audit import record


class Command(BaseCommand):
    help = "Add a new current key to the key ring and re-encrypt all personal data to it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reencrypt-only",
            action="store_true",
            help="Do not add a key; re-encrypt values not yet under the current key (resume a run).",
        )
        parser.add_argument(
            "--no-reencrypt",
            action="store_true",
            help="Only add the key; re-encrypt later with --reencrypt-only.",
        )
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["reencrypt_only"] and options["no_reencrypt"]:
            raise CommandError("--reencrypt-only and --no-reencrypt together do nothing")
        with audit_context.acting(user=None, address=""):
            if not options["reencrypt_only"]:
                self._rotate()
            if not options["no_reencrypt"]:
                self._reencrypt(options["batch_size"])

    def _rotate(self) -> None:
        source = crypto.keyring_source()
        if source.inline is not None:
            raise CommandError(
                "The key ring comes from $HRAMADA_KEYRING, which this command cannot change. Rotate a copy: "
                "write it to a file, run `HRAMADA_KEYRING= HRAMADA_KEYRING_FILE=<copy> manage.py rotate_keys "
                "--no-reencrypt`, put the new JSON into the secret, restart, then run "
                "`manage.py rotate_keys --reencrypt-only`."
            )
        ring = crypto.load_keyring()
        rotated = ring.rotated()
        crypto.save_keyring_file(rotated, Path(source.path))
        record(action="crypto.key_rotated", detail={"previous": ring.current, "current": rotated.current})
        self.stdout.write(
            f"New current key {rotated.current} in {source.path} (previous {ring.current}; "
            f"{len(rotated.keys)} keys kept). Restart other processes if they cache the ring."
        )

    def _reencrypt(self, batch_size: int) -> None:
        ring = crypto.load_keyring()
        self.stdout.write(f"Re-encrypting personal data to key {ring.current}…")

        def show(progress: personal_data.ReencryptionProgress) -> None:
            self.stdout.write(f"  {progress.model}: {progress.done}/{progress.total}")

        try:
            reports = personal_data.reencrypt(batch_size=batch_size, progress=show)
        except crypto.CryptoError as exc:
            raise CommandError(f"Re-encryption stopped: {exc} Batches already done are kept.") from exc
        total = sum(report.done for report in reports)
        self.stdout.write(
            self.style.SUCCESS(
                f"Done: {total} rows re-encrypted in {len(reports)} models with encrypted fields."
            )
        )
