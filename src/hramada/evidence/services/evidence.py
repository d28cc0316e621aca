"""Evidence items: upload with hashes computed in flight, working copies without metadata, audited opening,
sharing and transfer, export bundles. Every touch of a file is a custody entry (custody.append)."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.core.crypto import DecryptionError
from hramada.evidence import access, bundles, custody, files
from hramada.evidence.models import (
    CustodyAction,
    CustodyEntry,
    DocumenterGroup,
    EvidenceFile,
    EvidenceItem,
    FileRole,
    Incident,
    Observation,
    PartnerOrganisation,
)
from hramada.evidence.services.errors import EvidenceError, StoredFileMissingError


def upload(
    *,
    group: DocumenterGroup,
    title: str,
    upload: UploadedFile[Any],
    digests: files.Digests,
    by: Any,
    purpose: str,
    description: str = "",
    incident: Incident | None = None,
    observation: Observation | None = None,
    is_demo: bool = False,
) -> EvidenceItem:
    """Keep an uploaded original. `digests` were computed while it streamed in (files.HashingUploadHandler)."""
    if not group.members.filter(pk=by.pk).exists():
        raise EvidenceError(_("You can record only for a group you belong to."))
    for record in (incident, observation):
        if record is not None and not access.can_change(record, by):
            raise EvidenceError(_("You may not change this record."))
    if not title.strip():
        raise EvidenceError(_("Give the item a title (without names)."))
    if upload.size != digests.size:
        raise EvidenceError(_("The upload was interrupted; nothing was kept. Please send it again."))
    upload.seek(0)
    sniffed = files.sniff(upload.read(8192), upload.name or "")
    upload.seek(0)
    with transaction.atomic():
        item = EvidenceItem.objects.create(
            owner_group=group,
            recorded_by=by,
            title=title.strip(),
            description=description,
            incident=incident,
            observation=observation,
            is_demo=is_demo,
        )
        original = EvidenceFile(
            item=item,
            role=FileRole.ORIGINAL,
            original_name=upload.name or "",
            kind=sniffed.kind,
            content_type=sniffed.content_type,
            size=digests.size,
            sha256=digests.sha256,
            sha512=digests.sha512,
            created_by=by,
        )
        original.file.save("original", upload, save=False)
        original.save()
        custody.append(
            item,
            action=CustodyAction.RECEIVED,
            by=by,
            purpose=purpose or _("upload"),
            file=original,
            detail={
                "sha256": digests.sha256,
                "sha512": digests.sha512,
                "size": digests.size,
                "kind": sniffed.kind,
            },
        )
    return item


def read_file(evidence_file: EvidenceFile, *, by: Any, purpose: str) -> bytes:
    """The file's bytes, for someone who may see the item; the reading is a custody entry."""
    if not access.can_see(evidence_file.item, by):
        raise EvidenceError(_("You may not open this file."))
    if not purpose.strip():
        raise EvidenceError(_("Say why you open the file."))
    data = _stored_bytes(evidence_file, by=by, purpose=purpose)
    with transaction.atomic():
        custody.append(
            evidence_file.item, action=CustodyAction.ACCESSED, by=by, purpose=purpose, file=evidence_file
        )
    return data


def _stored_bytes(evidence_file: EvidenceFile, *, by: Any, purpose: str) -> bytes:
    """The stored file's bytes, or `StoredFileMissingError` after recording the incident.

    A file the database lists but the storage no longer gives back (deleted from disk, unreadable, or failing
    decryption) is a break in the chain of custody: the attempt is written to the item's custody log and the
    audit log before the person is told, so custody staff can see who found it, when and why they looked."""
    try:
        with evidence_file.file.open("rb") as handle:
            return bytes(handle.read())
    except FileNotFoundError:
        problem = "missing"
    except (OSError, DecryptionError):
        problem = "unreadable"
    with transaction.atomic():
        custody.append(
            evidence_file.item,
            action=CustodyAction.ACCESSED,
            by=by,
            purpose=purpose or _("open the stored file"),
            file=evidence_file,
            detail={"stored_file": problem},
        )
        audit.record(
            action="evidence.file.missing",
            target=evidence_file.item,
            detail={"file": evidence_file.pk, "problem": problem, "sha256": evidence_file.sha256},
            by=by,
        )
    raise StoredFileMissingError(evidence_file.pk, evidence_file.item_id, problem)


def make_stripped_copy(original: EvidenceFile, *, by: Any, purpose: str) -> EvidenceFile:
    """A working copy without identifying metadata, derived from the original, with its own hashes."""
    item = original.item
    if not access.can_change(item, by):
        raise EvidenceError(_("You may not change this record."))
    if original.role != FileRole.ORIGINAL:
        raise EvidenceError(_("Copies are made from the original."))
    data = _stored_bytes(original, by=by, purpose=purpose)
    try:
        copy = files.strip_metadata(data, original.kind)
    except files.StripRefusedError as exc:
        with transaction.atomic():
            custody.append(
                item,
                action=CustodyAction.ACCESSED,
                by=by,
                purpose=purpose,
                file=original,
                detail={"copy_refused": str(exc)[:300]},
            )
        raise EvidenceError(str(exc)) from None
    digests = files.digest_bytes(copy.data)
    with transaction.atomic():
        stripped = EvidenceFile(
            item=item,
            role=FileRole.STRIPPED,
            derived_from=original,
            kind=original.kind,
            content_type=original.content_type,
            size=digests.size,
            sha256=digests.sha256,
            sha512=digests.sha512,
            removed_metadata=copy.removed,
            note=str(copy.note)[:300],
            created_by=by,
        )
        stripped.file.save("stripped", ContentFile(copy.data), save=False)
        stripped.save()
        custody.append(
            item,
            action=CustodyAction.COPIED,
            by=by,
            purpose=purpose,
            file=stripped,
            detail={"derived_from": original.pk, "sha256": digests.sha256, "removed": copy.removed[:50]},
        )
    return stripped


def share_item(
    item: EvidenceItem,
    *,
    by: Any,
    purpose: str,
    people: list[Any] | None = None,
    partners: list[PartnerOrganisation] | None = None,
    transfer: bool = False,
) -> CustodyEntry:
    """Share (or transfer custody of) an item with people or partner organisations, as a custody entry."""
    if not access.can_change(item, by):
        raise EvidenceError(_("You may not change this record."))
    if not purpose.strip():
        raise EvidenceError(_("Say why you share it."))
    if not people and not partners:
        raise EvidenceError(_("Choose a person or a partner organisation."))
    with transaction.atomic():
        for person in people or []:
            item.shared_with_people.add(person)
        for partner in partners or []:
            item.shared_with_partners.add(partner)
        return custody.append(
            item,
            action=CustodyAction.TRANSFERRED if transfer else CustodyAction.SHARED,
            by=by,
            purpose=purpose,
            detail={
                "people": sorted(str(p.get_username()) for p in people or []),
                "partners": sorted(p.name for p in partners or []),
            },
        )


def _bundle_path(f: EvidenceFile) -> str:
    return f"files/{f.pk}-{f.role}.{f.kind}"


def export_bundle(item: EvidenceItem, *, by: Any, purpose: str, only_stripped: bool = False) -> bytes:
    """A ZIP of the item's files (or its stripped copies only), a manifest of hashes and the custody log."""
    if not access.can_see(item, by):
        raise EvidenceError(_("You may not export this item."))
    if not purpose.strip():
        raise EvidenceError(_("Say why you export it (for example: the court's request number)."))
    chosen = list(item.files.order_by("pk"))
    if only_stripped:
        chosen = [f for f in chosen if f.role == FileRole.STRIPPED]
        if not chosen:
            raise EvidenceError(_("There is no copy without metadata yet."))
    members = []
    for f in chosen:
        data = _stored_bytes(f, by=by, purpose=purpose)
        if files.digest_bytes(data).sha256 != f.sha256:
            raise EvidenceError(
                _("File %(id)s no longer matches its hash; it was not exported.") % {"id": f.pk}
            )
        parent = f"files/{f.derived_from_id}-original.{f.kind}" if f.derived_from_id else None
        members.append(bundles.BundleFile(_bundle_path(f), f.role, parent, data))
    bundle_id = uuid.uuid4().hex
    with transaction.atomic():
        head = item.custody.order_by("-seq").values_list("hash", flat=True).first() or ""
        manifest = bundles.manifest_bytes(
            bundle_id=bundle_id,
            item=item.pk,
            exported_at=timezone.now().isoformat(),
            files=members,
            custody_head=head,
        )
        custody.append(
            item,
            action=CustodyAction.EXPORTED,
            by=by,
            purpose=purpose,
            detail={
                "bundle_id": bundle_id,
                "manifest_sha256": hashlib.sha256(manifest).hexdigest(),
                "files": {m.path: m.entry()["sha256"] for m in members},
            },
        )
        log = custody.serialised(item)
    return bundles.write_bundle(manifest=manifest, custody=log, files=members)


def known_bundle(bundle_id: str) -> dict[str, Any] | None:
    """What this platform recorded when it exported `bundle_id`, for bundles.verify_bundle(known=...)."""
    if not bundle_id:
        return None
    entry = CustodyEntry.objects.filter(action=CustodyAction.EXPORTED, detail__bundle_id=bundle_id).first()
    if entry is None:
        return None
    stored = dict(entry.detail.get("files", {}))
    for f in EvidenceFile.objects.filter(item_id=entry.item_id):
        if _bundle_path(f) in stored:
            stored[_bundle_path(f)] = f.sha256  # the hash kept in the database since the upload
    return {"manifest_sha256": entry.detail.get("manifest_sha256"), "files": stored}
