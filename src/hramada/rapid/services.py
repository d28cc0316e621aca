"""Every state change of rapid response: one function per use case, the acting user as ``by=``, the audit entry in
the same transaction. A refusal is a :class:`ProposalRefusedError` whose message is for the person who asked; nothing
was changed then."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.core.roles import Role
from hramada.evidence import public as evidence_public
from hramada.rapid import benchmarks, exports, selectors, workflow
from hramada.rapid.legal import Criterion
from hramada.rapid.models import (
    SUBJECT_TEXT_KEYS,
    BenchmarkKey,
    BenchmarkPolicy,
    ClockPolicy,
    Origin,
    Proposal,
    ProposalEvidence,
    ReliefRecommendation,
    SubjectKind,
    TriggerKind,
)
from hramada.rapid.workflow import State
from hramada.sanctions import public as sanctions_public

if TYPE_CHECKING:
    from hramada.core.models import User

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


class ProposalRefusedError(Exception):
    """A step that cannot be taken; the message says why, for the person who tried."""


# --- Helpers ------------------------------------------------------------------------------------------------


def _require(by: User | None, roles: frozenset[Role] | tuple[Role, ...]) -> None:
    if by is not None and not by.has_role(*roles):
        raise ProposalRefusedError(_("Your role may not do this."))


def _actor(by: User | None) -> User:
    """The person a record is signed by: drafting, evidence and relief always have one."""
    if by is None:
        raise ProposalRefusedError(_("Sign in first."))
    return by


def _lock(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update(no_key=True).get(pk=proposal.pk)


def _move(proposal: Proposal, name: str, *, by: User | None) -> str:
    """Take one edge of the workflow. Every edge is a person's step (four eyes compares people: a step
    without one would pass every check), so ``by`` is required here."""
    transition = workflow.BY_NAME[name]
    _actor(by)
    _require(by, transition.roles)
    if proposal.state not in transition.sources:
        raise ProposalRefusedError(
            _("This step is not possible while the proposal is “%(state)s”.")
            % {"state": proposal.get_state_display()}
        )
    before = proposal.state
    proposal.state = transition.target
    proposal.updated_at = timezone.now()
    return before


def _audit(proposal: Proposal, action: str, by: User | None, **detail: Any) -> None:
    audit.record(action=f"rapid.proposal.{action}", target=proposal, detail=detail, by=by)


def clean_subject(subject: Mapping[str, Any]) -> dict[str, Any]:
    """The subject as stored: known text keys trimmed, aliases and identifiers as lists; a Latin name is
    required (the EU journal's ``name`` column is the Latin spelling)."""
    cleaned: dict[str, Any] = {key: str(subject.get(key) or "").strip() for key in SUBJECT_TEXT_KEYS}
    if not cleaned["name"]:
        raise ProposalRefusedError(
            _("Give the subject's name in Latin letters, as the EU journal prints it.")
        )
    if cleaned["birth_date"]:
        try:
            date.fromisoformat(cleaned["birth_date"])
        except ValueError:
            if not (cleaned["birth_date"].isdigit() and len(cleaned["birth_date"]) == 4):
                raise ProposalRefusedError(
                    _("The birth date must be a date (YYYY-MM-DD) or a year (YYYY).")
                ) from None
    aliases = subject.get("aliases") or []
    cleaned["aliases"] = [str(alias).strip() for alias in aliases if str(alias).strip()]
    identifiers = []
    for identifier in subject.get("identifiers") or []:
        kind = str(identifier.get("kind") or "").strip()
        value = str(identifier.get("value") or "").strip()
        if value:
            if kind not in exports.IDENTIFIER_COLUMNS:
                raise ProposalRefusedError(
                    _("“%(kind)s” is not a known kind of identifier.") % {"kind": kind}
                )
            identifiers.append({"kind": kind, "value": value})
    cleaned["identifiers"] = identifiers
    return cleaned


def _reference(proposal: Proposal) -> str:
    """``RP-<year>-<id>``: from the primary key, so two analysts starting proposals at once never collide."""
    return f"RP-{proposal.created_at.year}-{proposal.pk:04d}"


# --- Screening ----------------------------------------------------------------------------------------------


def party_of(subject_kind: str, subject: Mapping[str, Any]) -> sanctions_public.Party:
    aliases = tuple(
        value
        for value in (subject.get("name_be"), subject.get("name_ru"), *subject.get("aliases", []))
        if value
    )
    birth = subject.get("birth_date") or None
    identifiers: dict[str, list[str]] = {}
    for identifier in subject.get("identifiers", []):
        identifiers.setdefault("any", []).append(identifier["value"])
    return sanctions_public.Party(
        name=subject["name"],
        schema="Person" if subject_kind == SubjectKind.PERSON else "LegalEntity",
        aliases=aliases,
        birth_date=birth,
        identifiers=identifiers,
    )


def _screen_into(proposal: Proposal, subject: Mapping[str, Any], *, by: User | None) -> None:
    """Ask the screening door whether the subject is already listed anywhere, and keep the listed records found
    (public data: ids, captions, lists) on the proposal. A subject the door cannot screen keeps no hits."""
    try:
        screening = sanctions_public.screen(
            party_of(proposal.subject_kind, subject), purpose="investigation", by=by, source="rapid.proposal"
        )
    except sanctions_public.PartyError as error:
        raise ProposalRefusedError(
            _("The subject cannot be screened: %(error)s") % {"error": error}
        ) from error
    proposal.listed_hits = [
        {
            "entity_id": hit.entity_id,
            "caption": hit.caption,
            "score": round(hit.score, 3),
            "match": hit.match,
            "datasets": list(hit.datasets),
            "belarus": hit.belarus,
        }
        for hit in screening.hits
    ]
    proposal.screened_at = timezone.now()


# --- Drafting -----------------------------------------------------------------------------------------------


def start_proposal(
    *,
    by: User | None,
    origin: str,
    trigger_kind: str,
    triggered_at: datetime,
    subject_kind: str = SubjectKind.PERSON,
    subject: Mapping[str, Any] | None = None,
    criterion: str = Criterion.HUMAN_RIGHTS,
    reasons: str = "",
    dossier_id: int | None = None,
    token: Any = None,
    is_demo: bool = False,
) -> Proposal:
    """A new draft. From a dossier, the subject, the draft statement of reasons and the dossier's incidents and
    evidence items (with their hashes) are taken over; then the subject is screened at once."""
    _require(by, workflow.ANALYST)
    if origin not in Origin.values:
        raise ProposalRefusedError(_("Say what the proposal starts from."))
    if trigger_kind not in TriggerKind.values:
        raise ProposalRefusedError(_("Say what kind of event triggered it."))
    if criterion not in Criterion.values:
        raise ProposalRefusedError(_("Choose a listing criterion."))
    if triggered_at > timezone.now():
        raise ProposalRefusedError(_("The triggering event cannot be in the future."))
    if token is not None:
        existing = Proposal.objects.filter(creation_token=token).first()
        if existing is not None:  # a second click on the same form
            return existing
    given = dict(subject or {})
    refs: list[evidence_public.EvidenceRef] = []
    if origin == Origin.DOSSIER:
        if dossier_id is None:
            raise ProposalRefusedError(_("Choose the dossier the proposal starts from."))
        brief = evidence_public.dossier_brief(dossier_id, by=by, purpose="start a sanctions listing proposal")
        if brief is None:
            raise ProposalRefusedError(_("That dossier does not exist or you may not read it."))
        given.setdefault("name", brief.name)
        if not given.get("name"):
            given["name"] = brief.name
        for key, value in (
            ("position", brief.position),
            ("function", brief.organisation),
            ("birth_date", brief.birth_date.isoformat() if brief.birth_date else ""),
        ):
            if not given.get(key):
                given[key] = value
        if brief.organisation_like:
            subject_kind = SubjectKind.ENTITY
        reasons = reasons or brief.statement
        refs = list(brief.evidence)
    cleaned = clean_subject(given)
    now = timezone.now()
    with transaction.atomic():
        proposal = Proposal(
            reference=f"pending-{uuid.uuid4().hex[:12]}",
            origin=origin,
            trigger_kind=trigger_kind,
            triggered_at=triggered_at,
            dossier_id_ref=dossier_id if origin == Origin.DOSSIER else None,
            subject_kind=subject_kind,
            subject=cleaned,
            criterion=criterion,
            reasons=reasons.strip(),
            drafted_by=_actor(by),
            created_at=now,
            updated_at=now,
            is_demo=is_demo,
        )
        if token is not None:
            proposal.creation_token = token
        _screen_into(proposal, cleaned, by=by)
        proposal.save()
        proposal.reference = _reference(proposal)
        proposal.save(update_fields=["reference"])
        for ref in refs:
            ProposalEvidence.objects.create(
                proposal=proposal,
                kind=ref.kind,
                record_id=ref.id,
                label=ref.label,
                sha256=ref.sha256,
                added_by=_actor(by),
            )
        _audit(
            proposal,
            "started",
            by,
            origin=origin,
            trigger_kind=trigger_kind,
            dossier=dossier_id,
            evidence=len(refs),
            listed_hits=len(proposal.listed_hits),
        )
    return proposal


def update_proposal(
    proposal: Proposal,
    *,
    by: User | None,
    subject: Mapping[str, Any],
    subject_kind: str,
    criterion: str,
    reasons: str,
    trigger_kind: str | None = None,
    triggered_at: datetime | None = None,
) -> Proposal:
    """Change a draft (only the drafter, only while it is a draft), and screen the subject again."""
    cleaned = clean_subject(subject)
    if criterion not in Criterion.values:
        raise ProposalRefusedError(_("Choose a listing criterion."))
    if subject_kind not in SubjectKind.values:
        raise ProposalRefusedError(_("Say whether the subject is a person or an entity."))
    with transaction.atomic():
        locked = _lock(proposal)
        _require(by, workflow.ANALYST)
        if locked.state not in workflow.EDITABLE:
            raise ProposalRefusedError(_("Only a draft can be changed; return it to draft first."))
        if by is not None and locked.drafted_by_id != by.pk:
            raise ProposalRefusedError(_("Only the drafter changes a draft."))
        locked.subject = cleaned
        locked.subject_kind = subject_kind
        locked.criterion = criterion
        locked.reasons = reasons.strip()
        if trigger_kind in TriggerKind.values:
            locked.trigger_kind = trigger_kind
        if triggered_at is not None:
            if triggered_at > timezone.now():
                raise ProposalRefusedError(_("The triggering event cannot be in the future."))
            locked.triggered_at = triggered_at
        locked.updated_at = timezone.now()
        _screen_into(locked, cleaned, by=by)
        locked.save()
        _audit(locked, "changed", by, criterion=criterion, listed_hits=len(locked.listed_hits))
    return locked


def _editable_by_drafter(proposal: Proposal, by: User | None) -> Proposal:
    """The draft, locked, when ``by`` drafted it: the evidence is the drafter's work, like the subject and the
    reasons, so the person who will review or approve it cannot have shaped it."""
    locked = _lock(proposal)
    _require(by, workflow.ANALYST)
    if locked.state not in workflow.EDITABLE:
        raise ProposalRefusedError(_("Evidence is added to a draft; return the proposal to draft first."))
    if _actor(by).pk != locked.drafted_by_id:
        raise ProposalRefusedError(_("Only the drafter adds or removes evidence."))
    return locked


def attach_evidence(proposal: Proposal, *, kind: str, record_id: int, by: User | None) -> ProposalEvidence:
    """Link an incident, evidence item or dossier of the evidence app that ``by`` may see."""
    if kind not in evidence_public.EVIDENCE_KINDS:
        raise ProposalRefusedError(_("Choose an incident, an evidence item or a dossier."))
    with transaction.atomic():
        locked = _editable_by_drafter(proposal, by)
        ref = evidence_public.evidence_label(kind, record_id, by=by)
        if ref is None:
            raise ProposalRefusedError(_("That record does not exist or you may not see it."))
        if ProposalEvidence.objects.filter(proposal=locked, kind=kind, record_id=record_id).exists():
            raise ProposalRefusedError(_("That record is already linked."))
        try:
            with transaction.atomic():
                evidence = ProposalEvidence.objects.create(
                    proposal=locked,
                    kind=kind,
                    record_id=record_id,
                    label=ref.label,
                    sha256=ref.sha256,
                    added_by=_actor(by),
                )
        except IntegrityError:
            raise ProposalRefusedError(_("That record is already linked.")) from None
        _audit(locked, "evidence_linked", by, kind=kind, record=record_id)
    return evidence


def upload_document(
    proposal: Proposal, *, data: bytes, name: str, content_type: str, by: User | None
) -> ProposalEvidence:
    """Keep an uploaded document encrypted at rest, with the SHA-256 of its content for the manifest."""
    if not data:
        raise ProposalRefusedError(_("The file is empty."))
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ProposalRefusedError(_("A document may be at most 10 MB."))
    digest = hashlib.sha256(data).hexdigest()
    with transaction.atomic():
        locked = _editable_by_drafter(proposal, by)
        if ProposalEvidence.objects.filter(proposal=locked, sha256=digest, kind="document").exists():
            raise ProposalRefusedError(_("This document is already attached (same SHA-256)."))
        evidence = ProposalEvidence(
            proposal=locked,
            kind=ProposalEvidence.Kind.DOCUMENT,
            label=name[:200] or "document",
            sha256=digest,
            content_type=(content_type or "application/octet-stream")[:100],
            size=len(data),
            added_by=_actor(by),
        )
        evidence.file.save("document", ContentFile(data), save=False)
        evidence.save()
        _audit(locked, "document_uploaded", by, sha256=digest, size=len(data))
    return evidence


def remove_evidence(evidence: ProposalEvidence, *, by: User | None) -> None:
    with transaction.atomic():
        locked = _editable_by_drafter(evidence.proposal, by)
        _audit(
            locked,
            "evidence_removed",
            by,
            kind=evidence.kind,
            record=evidence.record_id,
            sha256=evidence.sha256,
        )
        evidence.delete()


# --- Four eyes ----------------------------------------------------------------------------------------------


def submit_for_review(proposal: Proposal, *, by: User | None) -> Proposal:
    with transaction.atomic():
        locked = _lock(proposal)
        before = _move(locked, "submit_for_review", by=by)
        if _actor(by).pk != locked.drafted_by_id:
            raise ProposalRefusedError(_("Only the drafter sends a proposal for legal review."))
        locked.save(update_fields=["state", "updated_at"])
        _audit(locked, "submitted", by, before=before, after=locked.state)
    return locked


def _missing_for_approval(proposal: Proposal) -> list[str]:
    missing = []
    if not proposal.reasons:
        missing.append(_("a statement of reasons"))
    if not proposal.evidence.exists():
        missing.append(_("at least one piece of evidence"))
    return missing


def record_legal_review(proposal: Proposal, *, by: User | None, note: str = "") -> Proposal:
    """The legal review passes (a legal reviewer who did not draft it); to send it back use return_to_draft."""
    with transaction.atomic():
        locked = _lock(proposal)
        if by is not None and locked.drafted_by_id == by.pk:
            raise ProposalRefusedError(
                _("You drafted this proposal; its legal review must be done by another person.")
            )
        before = _move(locked, "record_legal_review", by=by)
        locked.reviewed_by = by
        locked.reviewed_at = timezone.now()
        locked.review_note = note.strip()
        locked.save(update_fields=["state", "updated_at", "reviewed_by", "reviewed_at", "review_note"])
        _audit(locked, "legally_reviewed", by, before=before, after=locked.state)
    return locked


def return_to_draft(proposal: Proposal, *, by: User | None, note: str) -> Proposal:
    if not note.strip():
        raise ProposalRefusedError(_("Say what must change before it comes back."))
    with transaction.atomic():
        locked = _lock(proposal)
        if by is not None and locked.drafted_by_id == by.pk:
            raise ProposalRefusedError(_("The drafter cannot review their own proposal."))
        before = _move(locked, "return_to_draft", by=by)
        locked.reviewed_by = None
        locked.reviewed_at = None
        locked.returned_note = note.strip()
        locked.save(update_fields=["state", "updated_at", "reviewed_by", "reviewed_at", "returned_note"])
        _audit(locked, "returned", by, before=before, after=locked.state)
    return locked


def approve(proposal: Proposal, *, by: User | None) -> Proposal:
    """Approval: a third person, neither the drafter nor the legal reviewer; needs reasons and evidence."""
    with transaction.atomic():
        locked = _lock(proposal)
        if by is not None and locked.drafted_by_id == by.pk:
            raise ProposalRefusedError(_("You drafted this proposal; another person must approve it."))
        if by is not None and locked.reviewed_by_id == by.pk:
            raise ProposalRefusedError(
                _("You did the legal review of this proposal; a third person must approve it.")
            )
        missing = _missing_for_approval(locked)
        if missing:
            raise ProposalRefusedError(
                _("It cannot be approved without %(missing)s.") % {"missing": _(" and ").join(missing)}
            )
        before = _move(locked, "approve", by=by)
        locked.approved_by = by
        locked.approved_at = timezone.now()
        locked.save(update_fields=["state", "updated_at", "approved_by", "approved_at"])
        _audit(locked, "approved", by, before=before, after=locked.state, evidence=locked.evidence.count())
    return locked


def record_adoption(
    proposal: Proposal, *, by: User | None, adopted_on: date, act: str, entry_number: int
) -> Proposal:
    """The Council adopted it: record the act and the annex entry, and publish the designation in the local
    list as a new snapshot (``list_changed`` is sent after this transaction commits)."""
    act = act.strip()
    if not act:
        raise ProposalRefusedError(_("Give the act that adopted the listing (CELEX number or OJ reference)."))
    if entry_number < 1:
        raise ProposalRefusedError(_("The entry number must be a positive whole number."))
    if adopted_on > timezone.localdate():
        raise ProposalRefusedError(_("The date of adoption cannot be in the future."))
    with transaction.atomic():
        locked = _lock(proposal)
        if locked.state != State.APPROVED:
            raise ProposalRefusedError(
                _("Only an approved proposal can be adopted; this one is “%(state)s”.")
                % {"state": locked.get_state_display()}
            )
        if locked.approved_at and adopted_on < locked.approved_at.date():
            raise ProposalRefusedError(_("The date of adoption cannot be before the approval."))
        before = _move(locked, "record_adoption", by=by)
        locked.adopted_on = adopted_on
        locked.adoption_act = act[:100]
        locked.adoption_entry = entry_number
        locked.adopted_by = by
        subject = locked.reveal("subject", by=by, purpose="publish the adopted designation in the local list")
        reasons = locked.reveal("reasons", by=by, purpose="publish the adopted designation in the local list")
        entities = exports.ftm_entities(locked, subject, reasons)
        try:
            published = sanctions_public.publish_local_designations(entities, by=by)
        except sanctions_public.LocalListError as error:
            raise ProposalRefusedError(
                _("The designation could not be published in the local list: %(error)s") % {"error": error}
            ) from error
        locked.local_snapshot_id = published.snapshot_id
        locked.save()
        _audit(
            locked,
            "adopted",
            by,
            before=before,
            after=locked.state,
            act=locked.adoption_act,
            entry=entry_number,
            snapshot=published.snapshot_id,
        )
    return locked


def mark_exported(proposals: list[Proposal], *, by: User | None, kind: str) -> None:
    with transaction.atomic():
        for proposal in proposals:
            _audit(proposal, "exported", by, kind=kind)


# --- Clock --------------------------------------------------------------------------------------------------

PolicyRow = TypeVar("PolicyRow", ClockPolicy, BenchmarkPolicy)


def _change_policy(
    model: type[PolicyRow],
    key_field: str,
    key: str,
    value_field: str,
    value: int,
    default: int,
    name: str,
    by: User | None,
) -> PolicyRow:
    """Set one audited policy row (a clock target, a benchmark target), created with its default when missing;
    the audit entry names the old and the new value."""
    with transaction.atomic():
        policy, _created = model._default_manager.select_for_update().get_or_create(
            **{key_field: key}, defaults={value_field: default}
        )
        before = getattr(policy, value_field)
        setattr(policy, value_field, value)
        policy.changed_by = by
        policy.changed_at = timezone.now()
        policy.save()
        audit.record(
            action=f"rapid.{name}.changed",
            target=policy,
            detail={key_field: key, "old": before, "new": value},
            by=by,
        )
    return policy


def set_clock_target(kind: str, days: int, *, by: User | None) -> ClockPolicy:
    _require(by, (Role.ADMINISTRATOR,))
    if kind not in TriggerKind.values:
        raise ProposalRefusedError(_("Unknown kind of event."))
    if days < 1 or days > 3650:
        raise ProposalRefusedError(_("The target is between 1 and 3650 days."))
    return _change_policy(
        ClockPolicy, "kind", kind, "target_days", days, selectors.DEFAULT_CLOCK_DAYS[kind], "clock_policy", by
    )


def escalate_overdue(now: datetime | None = None) -> int:
    """Mark every open proposal past its clock's target as escalated (once), with an audit entry each."""
    now = now or timezone.now()
    targets = selectors.clock_targets()
    count = 0
    for proposal in selectors.open_proposals().filter(escalated_at=None):
        clock = selectors.clock_of(proposal, now=now, targets=targets)
        if not clock.overdue:
            continue
        with transaction.atomic():
            locked = _lock(proposal)
            if locked.escalated_at is not None or locked.state in (State.APPROVED, State.ADOPTED):
                continue
            locked.escalated_at = now
            locked.save(update_fields=["escalated_at"])
            _audit(locked, "escalated", None, days=clock.elapsed_days, target=clock.target_days)
            count += 1
    return count


# --- Relief -------------------------------------------------------------------------------------------------


def set_benchmark_target(key: str, target: int, *, by: User | None) -> BenchmarkPolicy:
    _require(by, (Role.ADMINISTRATOR,))
    if key not in BenchmarkKey.values:
        raise ProposalRefusedError(_("Unknown benchmark."))
    if target < 0 or target > 1_000_000:
        raise ProposalRefusedError(_("The target is a whole number from 0 to 1,000,000."))
    return _change_policy(
        BenchmarkPolicy,
        "key",
        key,
        "target",
        target,
        selectors.DEFAULT_BENCHMARK_TARGETS[key],
        "benchmark_policy",
        by,
    )


def draft_relief(
    *,
    by: User | None,
    scope: str,
    rationale: str,
    statuses: list[dict[str, Any]] | None = None,
    listed_entity_id: str = "",
    sector: str = "",
    is_demo: bool = False,
) -> ReliefRecommendation:
    """A relief recommendation with the benchmark statuses attached (as computed when drafted); flagged when any
    benchmark is not met. Refused without the statuses, the rationale, or what it concerns."""
    _require(by, workflow.ANALYST)
    if statuses is None:
        statuses = benchmarks.board().statuses()
    if scope not in ReliefRecommendation.Scope.values:
        raise ProposalRefusedError(_("Say whether it concerns a listed person, a listed entity or a sector."))
    if not statuses:
        raise ProposalRefusedError(_("A relief recommendation needs the benchmark statuses attached."))
    if {status["key"] for status in statuses} != set(BenchmarkKey.values):
        raise ProposalRefusedError(_("Every benchmark's status must be attached."))
    if scope == ReliefRecommendation.Scope.SECTOR and not sector.strip():
        raise ProposalRefusedError(_("Name the sector."))
    if scope != ReliefRecommendation.Scope.SECTOR:
        if not listed_entity_id.strip():
            raise ProposalRefusedError(_("Give the listed record's id."))
        if sanctions_public.listed_entity(listed_entity_id.strip()) is None:
            raise ProposalRefusedError(_("No current list carries a record with that id."))
    if not rationale.strip():
        raise ProposalRefusedError(_("Give the rationale."))
    flagged = any(not status["met"] for status in statuses)
    with transaction.atomic():
        recommendation = ReliefRecommendation.objects.create(
            scope=scope,
            listed_entity_id=listed_entity_id.strip()[:255],
            sector=sector.strip()[:200],
            rationale=rationale.strip(),
            benchmarks=statuses,
            flagged=flagged,
            drafted_by=_actor(by),
            is_demo=is_demo,
        )
        audit.record(
            action="rapid.relief.drafted",
            target=recommendation,
            detail={
                "scope": scope,
                "flagged": flagged,
                "unmet": [s["key"] for s in statuses if not s["met"]],
            },
            by=by,
        )
    return recommendation
