"""Walk every evidence item's custody chain and name each entry edited, deleted or inserted by hand."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from hramada.evidence import custody


class Command(BaseCommand):
    help = "Check the chain of custody of every evidence item. Exit status 1 when an entry was tampered with."

    def handle(self, *args: Any, **options: Any) -> None:
        count, problems = custody.verify_all()
        if problems:
            for problem in problems:
                self.stderr.write(str(problem))
            raise CommandError(f"custody log BROKEN: {len(problems)} problem(s) in {count} items")
        self.stdout.write(f"custody log intact: {count} items")
