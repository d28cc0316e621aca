"""Write an anchor of the audit chain (its length and head hash) to the anchor file and print it."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hramada.core.audit_anchor import anchor_path, write_anchor


class Command(BaseCommand):
    help = (
        "Append the audit chain's length and head hash to the anchor file (run it from a timer) and print the line "
        "for an operator to keep elsewhere. --add-key first adds an audit key to a key ring file that lacks one."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--add-key",
            action="store_true",
            help="Add an HMAC audit key to the key ring file if it has none (rings made before audit keys).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from hramada.core import crypto

        ring = crypto.load_keyring()
        if options["add_key"]:
            if ring.audit_key is not None:
                self.stdout.write("The key ring already has an audit key.")
            else:
                source = crypto.keyring_source()
                if source.inline is not None:
                    raise CommandError(
                        "The key ring comes from $HRAMADA_KEYRING: add a key to a copy "
                        "(HRAMADA_KEYRING= HRAMADA_KEYRING_FILE=copy.json manage.py anchor_audit --add-key), "
                        "put the new JSON into the secret and restart."
                    )
                crypto.save_keyring_file(ring.with_audit_key(), source.path)
                crypto.forget_cached_keyring()
                self.stdout.write(
                    f"Added an audit key to {source.path}: new audit entries are chained with HMAC from now on. "
                    "Back the ring up again."
                )
        elif ring.audit_key is None:
            self.stderr.write(
                "The key ring has no audit key: anchors carry no HMAC. Run `manage.py anchor_audit --add-key`."
            )
        anchor = write_anchor()
        self.stdout.write(f"audit anchor written to {anchor_path()}:")
        self.stdout.write(anchor.line())
        self.stdout.write(f"keep elsewhere: {anchor.seq}:{anchor.head}")
