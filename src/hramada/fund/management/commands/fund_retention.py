"""`manage.py fund_retention`: erase personal data of rejected applications past retention; the scheduler
calls it (daily). Also escalates at-risk decision clocks (cheap; same rhythm or faster)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from hramada.fund import services


class Command(BaseCommand):
    help = (
        "Erase personal data of rejected or withdrawn applications past their programme's retention period."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--enqueue", action="store_true", help="Enqueue the task instead of running it here."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            from hramada.fund.tasks import erase_expired_personal_data_task

            erase_expired_personal_data_task.enqueue()
            self.stdout.write("Retention task enqueued.")
            return
        erased = services.erase_expired_personal_data(by=None)
        escalated = services.escalate_decision_clocks()
        self.stdout.write(
            f"Erased personal data of {erased} application(s); {escalated} decision clock alert(s)."
        )
