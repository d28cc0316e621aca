"""Pages of evidence items: upload (hashed as it streams in, refused from Content-Length when too large), the item
with its files and custody log, opening a file, stripped copies, sharing and bundles. Every file touch is a POST
with a purpose, because it writes a custody entry."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from hramada.core.access import require_roles
from hramada.core.models import User
from hramada.core.roles import Role
from hramada.evidence import access, files, forms, services
from hramada.evidence.models import EvidenceFile, EvidenceItem, Incident
from hramada.evidence.views.records import visible_or_404

D, A = Role.DOCUMENTER, Role.AUDITOR


def _declared_length(request: HttpRequest) -> int | None:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    return length if length >= 0 else None


@require_roles(D)
@csrf_exempt  # only so the hashing handler can be installed first; _upload checks the CSRF token itself
def item_new(request: HttpRequest) -> HttpResponse:
    hasher = None
    if request.method == "POST":
        limit = int(settings.EVIDENCE_MAX_BYTES)
        length = _declared_length(request)
        if length is None or length > limit:
            # Refused from the header alone: not one byte of the body is read or kept.
            response = render(
                request,
                "evidence/too_large.html",
                {"limit_mib": limit // (1024 * 1024), "declared_mib": (length or 0) // (1024 * 1024)},
                status=413,
            )
            response["Connection"] = "close"
            return response
        hasher = files.HashingUploadHandler(request)
        request.upload_handlers.insert(0, hasher)
    return _upload(request, hasher)


@csrf_protect
def _upload(request: HttpRequest, hasher: files.HashingUploadHandler | None) -> HttpResponse:
    incident_id = request.GET.get("incident") or request.POST.get("incident")
    initial = {"incident": incident_id} if incident_id else {}
    form = forms.UploadForm(request.POST or None, request.FILES or None, user=request.user, initial=initial)
    status = 200
    if request.method == "POST" and hasher is not None and form.is_valid():
        data = form.cleaned_data
        incident = None
        if data.get("incident"):
            incident = access.visible(Incident, request.user).filter(pk=data["incident"]).first()
        digests = hasher.digests.get("file")
        try:
            if digests is None:
                raise services.EvidenceError(
                    _("The upload was interrupted; nothing was kept. Please send it again.")
                )
            item = services.upload(
                group=data["group"],
                title=data["title"],
                description=data["description"],
                upload=data["file"],
                digests=digests,
                by=request.user,
                purpose=data["purpose"],
                incident=incident,
            )
        except (services.EvidenceError, files.FileRefusedError) as exc:
            messages.error(request, str(exc))
            status = 400
        else:
            messages.success(request, _("Kept. SHA-256 %(sha)s") % {"sha": digests.sha256})
            return redirect("evidence:item", item.pk)
    elif request.method == "POST":
        status = 400
    return render(request, "evidence/item_new.html", {"form": form}, status=status)


@require_roles(D, A)
def item(request: HttpRequest, pk: int) -> HttpResponse:
    record = visible_or_404(EvidenceItem, pk, request.user)
    return render(
        request,
        "evidence/item.html",
        {
            "item": record,
            "files": record.files.order_by("pk"),
            "custody": record.custody.order_by("seq"),
            "can_change": access.can_change(record, request.user),
            "share_form": forms.ShareForm(),
        },
    )


def _stored_file_missing(request: HttpRequest, exc: services.StoredFileMissingError) -> HttpResponse:
    """410 Gone: the file is listed but its stored bytes are not there; the service has already logged it."""
    return render(
        request,
        "evidence/file_missing.html",
        {"file_id": exc.file_id, "item_id": exc.item_id, "unreadable": exc.problem == "unreadable"},
        status=410,
    )


def _file_of(request: HttpRequest, pk: int) -> EvidenceFile:
    evidence_file = get_object_or_404(EvidenceFile.objects.select_related("item"), pk=pk)
    visible_or_404(EvidenceItem, evidence_file.item_id, request.user)
    return evidence_file


@require_roles(D, A)
@require_POST
def file_open(request: HttpRequest, pk: int) -> HttpResponse:
    evidence_file = _file_of(request, pk)
    try:
        data = services.read_file(evidence_file, by=request.user, purpose=request.POST.get("purpose", ""))
    except services.StoredFileMissingError as exc:
        return _stored_file_missing(request, exc)
    except services.EvidenceError as exc:
        messages.error(request, str(exc))
        return redirect("evidence:item", evidence_file.item_id)
    response = HttpResponse(data, content_type=evidence_file.content_type)
    name = f"evidence-{evidence_file.item_id}-{evidence_file.pk}-{evidence_file.role}.{evidence_file.kind}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@require_roles(D)
@require_POST
def file_strip(request: HttpRequest, pk: int) -> HttpResponse:
    evidence_file = _file_of(request, pk)
    try:
        copy = services.make_stripped_copy(
            evidence_file,
            by=request.user,
            purpose=request.POST.get("purpose", "") or _("working copy for sharing"),
        )
        messages.success(
            request, _("A copy without metadata was made (SHA-256 %(sha)s).") % {"sha": copy.sha256}
        )
    except services.StoredFileMissingError as exc:
        return _stored_file_missing(request, exc)
    except services.EvidenceError as exc:
        messages.error(request, str(exc))
    return redirect("evidence:item", evidence_file.item_id)


@require_roles(D)
@require_POST
def item_share(request: HttpRequest, pk: int) -> HttpResponse:
    record = visible_or_404(EvidenceItem, pk, request.user)
    form = forms.ShareForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why you share it."))
        return redirect("evidence:item", pk)
    people = []
    if form.cleaned_data["username"]:
        person = User.objects.filter(username=form.cleaned_data["username"]).first()
        if person is None:
            messages.error(request, _("There is no such user."))
            return redirect("evidence:item", pk)
        people.append(person)
    partners = [form.cleaned_data["partner"]] if form.cleaned_data["partner"] else []
    try:
        services.share_item(
            record,
            by=request.user,
            purpose=form.cleaned_data["purpose"],
            people=people,
            partners=partners,
            transfer=form.cleaned_data["transfer"],
        )
        messages.success(request, _("Shared."))
    except services.EvidenceError as exc:
        messages.error(request, str(exc))
    return redirect("evidence:item", pk)


@require_roles(D, A)
@require_POST
def item_bundle(request: HttpRequest, pk: int) -> HttpResponse:
    record = visible_or_404(EvidenceItem, pk, request.user)
    only_stripped = request.POST.get("only_stripped") == "1"
    try:
        data = services.export_bundle(
            record, by=request.user, purpose=request.POST.get("purpose", ""), only_stripped=only_stripped
        )
    except services.StoredFileMissingError as exc:
        return _stored_file_missing(request, exc)
    except services.EvidenceError as exc:
        messages.error(request, str(exc))
        return redirect("evidence:item", pk)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="evidence-{record.pk}-bundle.zip"'
    response["Cache-Control"] = "no-store"
    return response
