"""Walk the audit hash chain and report the first broken link; exit 1 when the log was tampered with."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hramada.core.audit import verify_chain


class Command(BaseCommand):
    help = "Verify the audit log hash chain; exit 1 at the first edited, deleted or inserted entry."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=20, help="Report at most this many broken links.")

    def handle(self, *args: Any, **options: Any) -> None:
        report = verify_chain(limit=options["limit"])
        if report.intact:
            self.stdout.write(self.style.SUCCESS(f"audit log intact: {report.entries} entries"))
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
