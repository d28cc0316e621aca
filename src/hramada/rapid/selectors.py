"""Reads of rapid response: queues, the clock of each proposal, policy with its defaults, the dashboard panel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hramada.core.models import AuditEntry
from hramada.rapid.models import (
    BenchmarkKey,
    BenchmarkPolicy,
    ClockPolicy,
    Proposal,
    ReliefRecommendation,
    TriggerKind,
)
from hramada.rapid.workflow import State

# Defaults until an administrator sets a target (the migration writes them as rows).
DEFAULT_CLOCK_DAYS: dict[str, int] = {
    TriggerKind.ARRESTS: 14,
    TriggerKind.DEPLOYMENT: 10,
    TriggerKind.EXTREMIST: 21,
    TriggerKind.OTHER_VIOLATION: 30,
    TriggerKind.RESEARCH: 60,
}
DEFAULT_BENCHMARK_TARGETS: dict[str, int] = {
    BenchmarkKey.PRISONERS_HELD: 0,
    BenchmarkKey.NEW_DETENTIONS: 0,
    BenchmarkKey.REPRESSION_INCIDENTS: 0,
    BenchmarkKey.MILITARY_OBSERVATIONS: 0,
}
AT_RISK_SHARE = 0.75


@dataclass(frozen=True)
class Clock:
    """Time since the triggering event against the target for its kind; stops at approval."""

    elapsed_days: float
    target_days: int
    stopped: bool

    @property
    def overdue(self) -> bool:
        return not self.stopped and self.elapsed_days > self.target_days

    @property
    def at_risk(self) -> bool:
        return not self.stopped and not self.overdue and self.elapsed_days >= self.target_days * AT_RISK_SHARE

    @property
    def status(self) -> str:
        if self.stopped:
            return "stopped"
        if self.overdue:
            return "overdue"
        return "at_risk" if self.at_risk else "on_time"


def clock_targets() -> dict[str, int]:
    targets = dict(DEFAULT_CLOCK_DAYS)
    targets.update(ClockPolicy.objects.values_list("kind", "target_days"))
    return targets


def clock_policies() -> list[tuple[str, str, int, ClockPolicy | None]]:
    """(kind, label, target days, row or None) for every kind of event."""
    rows = {policy.kind: policy for policy in ClockPolicy.objects.select_related("changed_by")}
    return [
        (
            kind,
            str(label),
            rows[kind].target_days if kind in rows else DEFAULT_CLOCK_DAYS[kind],
            rows.get(kind),
        )
        for kind, label in TriggerKind.choices
    ]


def benchmark_targets() -> dict[str, int]:
    targets = dict(DEFAULT_BENCHMARK_TARGETS)
    targets.update(BenchmarkPolicy.objects.values_list("key", "target"))
    return targets


def clock_of(
    proposal: Proposal, *, now: datetime | None = None, targets: dict[str, int] | None = None
) -> Clock:
    now = now or timezone.now()
    target = (targets or clock_targets()).get(proposal.trigger_kind, DEFAULT_CLOCK_DAYS[TriggerKind.RESEARCH])
    stopped = proposal.approved_at is not None
    end = proposal.approved_at if proposal.approved_at is not None else now
    elapsed = max(0.0, (end - proposal.triggered_at).total_seconds() / 86400)
    return Clock(round(elapsed, 1), target, stopped)


def open_proposals() -> QuerySet[Proposal]:
    return Proposal.objects.filter(state__in=(State.DRAFT, State.IN_REVIEW, State.REVIEWED))


def proposals_with_clocks(state: str | None = None) -> list[tuple[Proposal, Clock]]:
    proposals = Proposal.objects.select_related("drafted_by", "reviewed_by", "approved_by")
    if state:
        proposals = proposals.filter(state=state)
    targets = clock_targets()
    now = timezone.now()
    return [(proposal, clock_of(proposal, now=now, targets=targets)) for proposal in proposals]


def approved_proposals() -> QuerySet[Proposal]:
    return Proposal.objects.filter(state__in=(State.APPROVED, State.ADOPTED)).order_by("reference")


def relief_recommendations() -> QuerySet[ReliefRecommendation]:
    return ReliefRecommendation.objects.select_related("drafted_by")


def panel_summary(user: Any) -> dict[str, Any]:
    rows = proposals_with_clocks()
    open_rows = [(p, c) for p, c in rows if p.state in (State.DRAFT, State.IN_REVIEW, State.REVIEWED)]
    return {
        "open_count": len(open_rows),
        "overdue": [(p, c) for p, c in open_rows if c.overdue][:5],
        "waiting_review": sum(1 for p, _ in open_rows if p.state == State.IN_REVIEW),
        "waiting_approval": sum(1 for p, _ in open_rows if p.state == State.REVIEWED),
    }


# The steps of a proposal as its history names them (the audit actions ``rapid.proposal.<key>``).
STEP_LABELS: dict[str, Promise] = {
    "started": _("Proposal started"),
    "changed": _("Draft changed"),
    "evidence_linked": _("Evidence linked"),
    "document_uploaded": _("Document uploaded"),
    "evidence_removed": _("Evidence removed"),
    "submitted": _("Sent for legal review"),
    "legally_reviewed": _("Legal review passed"),
    "returned": _("Returned to the drafter"),
    "approved": _("Approved"),
    "adopted": _("Adoption recorded"),
    "exported": _("Exported"),
    "escalated": _("Escalated: the clock is overdue"),
}


@dataclass(frozen=True)
class Step:
    at: datetime
    actor: str
    """The person as the audit entry names them; empty for the platform's own steps (escalation)."""
    key: str
    label: str


def history(proposal: Proposal) -> list[Step]:
    """Who took which step of the proposal, and when, read from the audit log (the record of every step)."""
    entries = AuditEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(Proposal, for_concrete_model=False),
        target_id=str(proposal.pk),
        action__startswith="rapid.proposal.",
    ).order_by("seq")
    steps = []
    for entry in entries.only("at", "actor_label", "actor_id", "action"):
        key = entry.action.removeprefix("rapid.proposal.")
        steps.append(
            Step(
                at=entry.at,
                actor=entry.actor_label if entry.actor_id is not None else "",
                key=key,
                label=str(STEP_LABELS.get(key, key)),
            )
        )
    return steps
