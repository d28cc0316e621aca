"""Walk the audit hash chain and report the first broken link; exit 1 when the log was tampered with."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hramada.core.audit import verify_chain
from hramada.core.audit_anchor import Anchor, AnchorError, anchor_path


class Command(BaseCommand):
    help = (
        "Verify the audit log hash chain against the latest anchor; exit 1 at the first edited, deleted, inserted "
        "or truncated entry."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=20, help="Report at most this many broken links.")
        parser.add_argument(
            "--anchor",
            help="an anchor kept elsewhere, <entries>:<head hash> as anchor_audit printed it (default: the newest "
            "line of the anchor file)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        anchor = None
        if options.get("anchor"):
            try:
                anchor = Anchor.parse(options["anchor"])
            except AnchorError as error:
                raise CommandError(f"--anchor: {error}") from error
        report = verify_chain(limit=options["limit"], anchor=anchor)
        if report.intact:
            self.stdout.write(self.style.SUCCESS(f"audit log intact: {report.entries} entries"))
            if report.anchor is None:
                self.stdout.write(
                    f"no anchor yet in {anchor_path()}: run `manage.py anchor_audit` (from a timer) so that "
                    "deleting the newest entries is detected"
                )
            else:
                self.stdout.write(f"reaches the anchor of {report.anchor.at}: #{report.anchor.seq} unchanged")
            self.stdout.write(
                f"head hash: {report.head_hash} (note it elsewhere to detect a rewritten chain)"
            )
            return
        first = report.problems[0]
        for problem in report.problems:
            self.stderr.write(f"seq {problem.seq}: {problem.kind}: {problem.message}")
        raise CommandError(
            f"audit log BROKEN at seq {first.seq} ({first.kind}); {len(report.problems)} problem(s) found",
            returncode=1,
        )
