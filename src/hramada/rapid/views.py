"""Pages of rapid response. Thin: each calls a selector to read or one service to change state; a refusal is a
message on the page it came from, and what the person typed stays in the form."""

from __future__ import annotations

import tempfile
import uuid
from datetime import datetime, time
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hramada.core.access import acting_user, require_roles
from hramada.core.posted_ids import posted_id, posted_ids
from hramada.core.roles import Role
from hramada.evidence import public as evidence_public
from hramada.rapid import benchmarks, exports, forms, legal, selectors, services
from hramada.rapid.models import Proposal, ProposalEvidence
from hramada.rapid.workflow import State
from hramada.sanctions import public as sanctions_public

A, ADMIN, AUD, LR = Role.SANCTIONS_ANALYST, Role.ADMINISTRATOR, Role.AUDITOR, Role.LEGAL_REVIEWER
READ_PURPOSE = "read a listing proposal to draft, review or approve it"


def _proposal(pk: int) -> Proposal:
    return get_object_or_404(
        Proposal.objects.select_related("drafted_by", "reviewed_by", "approved_by", "adopted_by"), pk=pk
    )


@require_roles(A, LR, ADMIN, AUD)
def overview(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("state", "")
    return render(
        request,
        "rapid/overview.html",
        {
            "rows": selectors.proposals_with_clocks(state if state in State.values else None),
            "states": State.choices,
            "state": state,
            "approved": selectors.approved_proposals(),
        },
    )


@require_roles(A)
def new(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    dossiers = [(d.id, f"#{d.id}: {d.perpetrator}") for d in evidence_public.dossiers_for(user)]
    initial: dict[str, Any] = {
        "token": uuid.uuid4(),
        "origin": "dossier" if dossiers else "research",
        "subject_kind": "Person",
    }
    dossier = posted_id(request.GET.get("dossier"))
    if dossier is not None:
        initial.update(origin="dossier", dossier=dossier)
    form = forms.NewProposalForm(request.POST or None, initial=initial, dossiers=dossiers)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        triggered_at = timezone.make_aware(datetime.combine(data["triggered_on"], time(12)))
        try:
            proposal = services.start_proposal(
                by=user,
                origin=data["origin"],
                trigger_kind=data["trigger_kind"],
                triggered_at=min(triggered_at, timezone.now()),
                subject_kind=data.get("subject_kind") or "Person",
                subject=form.subject(),
                criterion=data["criterion"],
                reasons=data.get("reasons", ""),
                dossier_id=data.get("dossier"),
                token=data["token"],
            )
        except services.ProposalRefusedError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Proposal %(ref)s started.") % {"ref": proposal.reference})
            return redirect("rapid:proposal", proposal.pk)
    return render(request, "rapid/new.html", {"form": form})


def _context(proposal: Proposal, **extra: Any) -> dict[str, Any]:
    evidence = list(proposal.evidence.all())
    return {
        "proposal": proposal,
        "clock": selectors.clock_of(proposal),
        "citation": legal.citation(proposal.criterion),
        "evidence": evidence,
        "link_form": forms.EvidenceLinkForm(),
        "document_form": forms.DocumentForm(),
        "note_form": forms.NoteForm(),
        "adoption_form": forms.AdoptionForm(initial={"adopted_on": timezone.localdate()}),
        "local_list": sanctions_public.LOCAL_LIST_KEY,
        "history": selectors.history(proposal),
        **extra,
    }


@require_roles(A, LR, ADMIN, AUD)
def proposal(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "rapid/proposal.html", _context(_proposal(pk)))


@require_roles(A, LR, ADMIN, AUD)
@require_POST
def reveal(request: HttpRequest, pk: int) -> HttpResponse:
    """The subject and the statement of reasons, read through reveal() (audited); the drafter edits a draft here."""
    item = _proposal(pk)
    user = acting_user(request)
    subject = item.reveal("subject", by=user, purpose=READ_PURPOSE)
    reasons = item.reveal("reasons", by=user, purpose=READ_PURPOSE)
    labels = {e.pk: e.reveal("label", by=user, purpose=READ_PURPOSE) for e in item.evidence.all()}
    notes = {
        "review": item.reveal("review_note", by=user, purpose=READ_PURPOSE),
        "returned": item.reveal("returned_note", by=user, purpose=READ_PURPOSE),
    }
    form = None
    if item.state == State.DRAFT and item.drafted_by_id == user.pk:
        form = forms.SubjectForm(
            initial=forms.SubjectForm.initial_from(item.subject_kind, subject, item.criterion, reasons)
        )
    return render(
        request,
        "rapid/proposal.html",
        _context(
            item, subject=subject, reasons=reasons, labels=labels, notes=notes, edit_form=form, revealed=True
        ),
    )


@require_roles(A)
@require_POST
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _proposal(pk)
    form = forms.SubjectForm(request.POST)
    if form.is_valid():
        try:
            services.update_proposal(
                item,
                by=acting_user(request),
                subject=form.subject(),
                subject_kind=form.cleaned_data["subject_kind"],
                criterion=form.cleaned_data["criterion"],
                reasons=form.cleaned_data.get("reasons", ""),
            )
        except services.ProposalRefusedError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Saved; the subject was screened again."))
            return redirect("rapid:proposal", item.pk)
    return render(
        request, "rapid/proposal.html", _context(item, edit_form=form, revealed=True, subject={}, labels={})
    )


def _step(request: HttpRequest, pk: int, done: str, call: Any) -> HttpResponse:
    item = _proposal(pk)
    try:
        call(item, acting_user(request))
    except services.ProposalRefusedError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, done)
    return redirect("rapid:proposal", item.pk)


@require_roles(A)
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, _("Sent for legal review."), lambda p, u: services.submit_for_review(p, by=u))


@require_roles(LR)
@require_POST
def review(request: HttpRequest, pk: int) -> HttpResponse:
    note = request.POST.get("note", "")
    return _step(
        request,
        pk,
        _("Legal review recorded."),
        lambda p, u: services.record_legal_review(p, by=u, note=note),
    )


@require_roles(A, LR, ADMIN)
@require_POST
def return_to_draft(request: HttpRequest, pk: int) -> HttpResponse:
    note = request.POST.get("note", "")
    return _step(
        request, pk, _("Returned to the drafter."), lambda p, u: services.return_to_draft(p, by=u, note=note)
    )


@require_roles(A, ADMIN)
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, _("Approved."), lambda p, u: services.approve(p, by=u))


@require_roles(A, ADMIN)
@require_POST
def adopt(request: HttpRequest, pk: int) -> HttpResponse:
    item = _proposal(pk)
    form = forms.AdoptionForm(request.POST)
    if form.is_valid():
        try:
            services.record_adoption(
                item,
                by=acting_user(request),
                adopted_on=form.cleaned_data["adopted_on"],
                act=form.cleaned_data["act"],
                entry_number=form.cleaned_data["entry_number"],
            )
        except services.ProposalRefusedError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Adoption recorded; the designation is published in the local list."))
            return redirect("rapid:proposal", item.pk)
    else:
        messages.error(request, _("Check the adoption details."))
    return render(request, "rapid/proposal.html", _context(item, adoption_form=form))


@require_roles(A)
@require_POST
def link_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    form = forms.EvidenceLinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a kind of record and give its number."))
        return redirect("rapid:proposal", pk)
    data = form.cleaned_data
    return _step(
        request,
        pk,
        _("Evidence linked."),
        lambda p, u: services.attach_evidence(p, kind=data["kind"], record_id=data["record_id"], by=u),
    )


@require_roles(A)
@require_POST
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    form = forms.DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to upload."))
        return redirect("rapid:proposal", pk)
    upload = form.cleaned_data["document"]
    if upload.size > services.MAX_DOCUMENT_BYTES:
        messages.error(request, _("A document may be at most 10 MB."))
        return redirect("rapid:proposal", pk)
    data = upload.read()
    return _step(
        request,
        pk,
        _("Document attached; its SHA-256 is in the manifest."),
        lambda p, u: services.upload_document(
            p, data=data, name=upload.name or "", content_type=upload.content_type or "", by=u
        ),
    )


@require_roles(A)
@require_POST
def remove_evidence(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    evidence = get_object_or_404(ProposalEvidence, pk=evidence_pk, proposal_id=pk)
    return _step(request, pk, _("Evidence removed."), lambda p, u: services.remove_evidence(evidence, by=u))


# --- Exports (POST: each export reveals the subject and is audited) ---------------------------------------


def _exportable(pk: int) -> Proposal:
    item = _proposal(pk)
    if item.state not in (State.APPROVED, State.ADOPTED):
        raise Http404
    return item


def _revealed(item: Proposal, user: Any, purpose: str) -> tuple[dict[str, Any], str]:
    return item.reveal("subject", by=user, purpose=purpose), item.reveal("reasons", by=user, purpose=purpose)


def _download(data: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_roles(A, ADMIN)
@require_POST
def export_eu(request: HttpRequest, pk: int) -> HttpResponse:
    item = _exportable(pk)
    user = acting_user(request)
    subject, reasons = _revealed(item, user, "export an approved proposal in the EU journal layout")
    data = exports.eu_journal_csv([exports.eu_journal_row(item, subject, reasons)])
    services.mark_exported([item], by=user, kind="eu_journal_csv")
    return _download(data, f"{item.reference}-annex.csv", "text/csv; charset=utf-8")


@require_roles(A, ADMIN)
@require_POST
def export_ftm(request: HttpRequest, pk: int) -> HttpResponse:
    item = _exportable(pk)
    user = acting_user(request)
    subject, reasons = _revealed(item, user, "export an approved proposal as FollowTheMoney")
    data = exports.ftm_json_lines(exports.ftm_entities(item, subject, reasons))
    services.mark_exported([item], by=user, kind="ftm_json")
    return _download(data, f"{item.reference}.ftm.json", "application/json")


@require_roles(A, ADMIN)
@require_POST
def check_reimport(request: HttpRequest, pk: int) -> HttpResponse:
    """Write the EU journal export and read it back with the sanctions importer: what a consumer of the journal
    file would get."""
    item = _exportable(pk)
    user = acting_user(request)
    subject, reasons = _revealed(item, user, "check that the EU journal export reads back")
    data = exports.eu_journal_csv([exports.eu_journal_row(item, subject, reasons)])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "32006R0765.csv"
        path.write_bytes(data)
        try:
            entities = sanctions_public.read_eu_journal_file(str(path))
        except sanctions_public.LocalListError as error:
            messages.error(
                request, _("The sanctions importer refused the export: %(error)s") % {"error": error}
            )
            return redirect("rapid:proposal", item.pk)
    parties = [e for e in entities if e.get("schema") != "Sanction"]
    names = sorted({name for e in parties for name in e.get("properties", {}).get("name", [])})
    messages.success(
        request,
        _("The EU journal importer read the export: %(count)s listed party, %(names)s names.")
        % {"count": len(parties), "names": len(names)},
    )
    return redirect("rapid:proposal", item.pk)


@require_roles(A, ADMIN)
@require_POST
def package(request: HttpRequest) -> HttpResponse:
    ids = posted_ids(request.POST.getlist("proposal"))
    chosen = list(selectors.approved_proposals().filter(pk__in=ids))
    if not chosen:
        messages.error(request, _("Choose at least one approved proposal for the package."))
        return redirect("rapid:overview")
    user = acting_user(request)
    items = []
    for item in chosen:
        subject, reasons = _revealed(item, user, "export proposals for a Council working party")
        items.append((item, subject, reasons, list(item.evidence.all())))
    data = exports.package(items, generated_at=timezone.now().isoformat(timespec="seconds"))
    services.mark_exported(chosen, by=user, kind="working_party_package")
    return _download(data, f"working-party-{timezone.localdate().isoformat()}.zip", "application/zip")


# --- Policy and relief ----------------------------------------------------------------------------------


def _save_policy_target(
    request: HttpRequest, form: Any, save: Any, *, saved: str, invalid: str, page: str
) -> HttpResponse | None:
    """An administrator's change of one audited policy target (clock or benchmark): the redirect once saved, or
    None with the refusal or the form's error shown on the page."""
    user = acting_user(request)
    if not user.has_role(ADMIN):
        raise Http404
    if not form.is_valid():
        messages.error(request, invalid)
        return None
    try:
        save(
            *(form.cleaned_data[field] for field in form.fields), by=user
        )  # the setter takes them in form order
    except services.ProposalRefusedError as refusal:
        messages.error(request, str(refusal))
        return None
    messages.success(request, saved)
    return redirect(page)


@require_roles(A, LR, ADMIN, AUD)
def clock_policy(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    if request.method == "POST":
        done = _save_policy_target(
            request,
            forms.ClockPolicyForm(request.POST),
            services.set_clock_target,
            saved=_("Clock target saved."),
            invalid=_("The target is between 1 and 3650 days."),
            page="rapid:clock_policy",
        )
        if done is not None:
            return done
    return render(
        request,
        "rapid/clock_policy.html",
        {"policies": selectors.clock_policies(), "can_change": user.has_role(ADMIN)},
    )


@require_roles(A, LR, ADMIN, AUD)
def relief(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    board = benchmarks.board()
    form = forms.ReliefForm(request.POST or None)
    if request.method == "POST" and request.POST.get("action") == "target":
        done = _save_policy_target(
            request,
            forms.BenchmarkPolicyForm(request.POST),
            services.set_benchmark_target,
            saved=_("Benchmark target saved."),
            invalid=_("The target is a whole number from 0 to 1,000,000."),
            page="rapid:relief",
        )
        if done is not None:
            return done
        form = forms.ReliefForm()
    elif request.method == "POST":
        if not user.has_role(A):
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            try:
                recommendation = services.draft_relief(
                    by=user,
                    scope=data["scope"],
                    rationale=data["rationale"],
                    listed_entity_id=data.get("listed_entity_id", ""),
                    sector=data.get("sector", ""),
                    statuses=board.statuses(),
                )
            except services.ProposalRefusedError as refusal:
                messages.error(request, str(refusal))
            else:
                if recommendation.flagged:
                    messages.warning(
                        request, _("Recommendation drafted and FLAGGED: not every benchmark is met.")
                    )
                else:
                    messages.success(request, _("Recommendation drafted; every benchmark is met."))
                return redirect("rapid:relief")
    labels = {benchmark.key: benchmark.label for benchmark in board.benchmarks}
    return render(
        request,
        "rapid/relief.html",
        {
            "board": board,
            "charts": board.charts(),
            "form": form,
            "recommendations": selectors.relief_recommendations(),
            "labels": labels,
            "can_change": user.has_role(ADMIN),
            "can_draft": user.has_role(A),
        },
    )
