"""Demo listing proposals (bootstrap step ``rapid.demo``, after the fund and evidence demos; idempotent).

1. A proposal started from the demo evidence dossier (the judge), legally reviewed and approved by two other demo
   analysts, exported in the EU journal layout and read back by the sanctions importer.
2. A relief recommendation on a sector, drafted with the benchmark statuses attached (flagged while unmet).
3. An adopted designation of "Demo Person 4", the applicant of demo fund application number 4 (in review),
   published in the local list: the list change the monitoring app turns into an alert on that application.
Everything is marked DEMO.
"""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.utils import timezone

from hramada.core.models import RoleGrant, User
from hramada.core.roles import AccountKind, Role
from hramada.evidence import public as evidence_public
from hramada.rapid import exports, services
from hramada.rapid.legal import Criterion
from hramada.rapid.models import Origin, Proposal, ReliefRecommendation, SubjectKind, TriggerKind
from hramada.sanctions import public as sanctions_public

FUND_APPLICANT = "Demo Person 4"


def _staff(username: str, *roles: Role) -> User:
    user, created = User.objects.get_or_create(username=username, defaults={"kind": AccountKind.STAFF})
    if created:
        user.set_unusable_password()  # demo actors sign the demo's history; nobody signs in as them
        user.save()
        RoleGrant.objects.bulk_create(RoleGrant(user=user, role=role) for role in roles)
    return user


def _dossier_reader() -> tuple[User, int] | None:
    """A sanctions analyst who may read a demo dossier (on a fresh install: the administrator, a member of the
    demo documenter group), with that dossier."""
    analysts = User.objects.filter(kind=AccountKind.STAFF, role_grants__role=Role.SANCTIONS_ANALYST).order_by(
        "pk"
    )
    for user in analysts.distinct():
        dossiers = evidence_public.dossiers_for(user)
        if dossiers:
            return user, dossiers[-1].id
    return None


def load(say: Any) -> None:
    if Proposal.objects.filter(is_demo=True).exists():
        say("  demo listing proposals already loaded")
        return
    reviewer = _staff("demo-legal-reviewer", Role.LEGAL_REVIEWER)
    approver = _staff("demo-analyst-2", Role.SANCTIONS_ANALYST)
    drafter = _staff("demo-analyst-3", Role.SANCTIONS_ANALYST)
    now = timezone.now()

    reader = _dossier_reader()
    if reader is None:
        say("  no analyst may read a demo dossier; the proposal from a dossier is left out")
    else:
        user, dossier_id = reader
        from_dossier = services.start_proposal(
            by=user,
            origin=Origin.DOSSIER,
            trigger_kind=TriggerKind.EXTREMIST,
            triggered_at=now - timedelta(days=9),
            subject={"name_be": "Іван Дэманстратыў (DEMO)", "name_ru": "Иван Демонстратов (DEMO)"},
            criterion=Criterion.HUMAN_RIGHTS,
            dossier_id=dossier_id,
            is_demo=True,
        )
        services.submit_for_review(from_dossier, by=user)
        services.record_legal_review(from_dossier, by=reviewer, note="DEMO: criterion and reasons hold.")
        from_dossier = services.approve(from_dossier, by=approver)
        subject = from_dossier.reveal("subject", by=None, purpose="demo: export check")
        reasons = from_dossier.reveal("reasons", by=None, purpose="demo: export check")
        data = exports.eu_journal_csv([exports.eu_journal_row(from_dossier, subject, reasons)])
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "32006R0765.csv"
            path.write_bytes(data)
            entities = sanctions_public.read_eu_journal_file(str(path))
        say(
            f"  demo proposal {from_dossier.reference} from dossier #{dossier_id}: approved, exported in the EU "
            f"journal layout and read back by the importer ({len(entities)} entities)"
        )

    adopted = services.start_proposal(
        by=drafter,
        origin=Origin.RESEARCH,
        trigger_kind=TriggerKind.ARRESTS,
        triggered_at=now - timedelta(days=20),
        subject_kind=SubjectKind.PERSON,
        subject={
            "name": FUND_APPLICANT,
            "name_be": "Дэма Персан 4",
            "name_ru": "Демо Персон 4",
            "position": "Head of a district executive committee (DEMO)",
            "function": "Ordered the dispersal of a peaceful gathering (DEMO)",
        },
        criterion=Criterion.HUMAN_RIGHTS,
        reasons=(
            "DEMO: as head of a district executive committee, ordered the dispersal and mass detention of peaceful "
            "protesters and is therefore responsible for the repression of civil society."
        ),
        is_demo=True,
    )
    services.upload_document(
        adopted,
        data=b"DEMO research note: open-source reports of the dispersal order.\n",
        name="research-note.txt",
        content_type="text/plain",
        by=drafter,
    )
    services.submit_for_review(adopted, by=drafter)
    services.record_legal_review(adopted, by=reviewer, note="DEMO")
    adopted = services.approve(adopted, by=approver)
    adopted = services.record_adoption(
        adopted, by=approver, adopted_on=timezone.localdate(), act="DEMO-2026-001", entry_number=9001
    )
    relief = services.draft_relief(
        by=drafter,
        scope=ReliefRecommendation.Scope.SECTOR,
        sector="Potash exports (DEMO)",
        rationale="DEMO: a relief request tested against the benchmarks; flagged while they are not met.",
        is_demo=True,
    )
    say(
        f"  demo relief recommendation #{relief.pk} drafted ({'flagged' if relief.flagged else 'benchmarks met'})"
    )
    say(
        f"  demo proposal {adopted.reference} adopted: {FUND_APPLICANT} published in the local list "
        f"{sanctions_public.LOCAL_LIST_KEY} (snapshot {adopted.local_snapshot_id})"
    )
