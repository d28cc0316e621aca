"""The audit log for auditors and administrators: filter, page through, open entries; nothing changes."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from hramada.core.access import require_roles
from hramada.core.models.audit import AuditEntry
from hramada.core.record_kinds import kind_of_record
from hramada.core.roles import Role

PAGE_SIZE = 50


class RecordKindField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return kind_of_record(obj)


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Actor (username)"), required=False, max_length=200)
    action = forms.CharField(
        label=_("Action starts with"),
        required=False,
        max_length=100,
        help_text=_('"personal_data.read" shows who viewed which personal data.'),
    )
    target_type = RecordKindField(
        label=_("Kind of record"), required=False, queryset=ContentType.objects.none()
    )
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    q = forms.CharField(label=_("Target contains"), required=False, max_length=200)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the kinds of record the log mentions, sorted by how they read, not every table of the database.
        field: Any = self.fields["target_type"]
        present = AuditEntry.objects.exclude(target_type=None).values("target_type").distinct()
        kinds = sorted(ContentType.objects.filter(pk__in=present), key=kind_of_record)
        field.queryset = ContentType.objects.filter(pk__in=[kind.pk for kind in kinds])
        field.choices = [("", "---------"), *((kind.pk, kind_of_record(kind)) for kind in kinds)]


def filtered_entries(form: AuditFilterForm) -> QuerySet[AuditEntry]:
    """Entries matching the valid filters of `form`, newest first (every filter column is indexed)."""
    entries = AuditEntry.objects.select_related("actor", "target_type").order_by("-seq")
    if not form.is_valid():
        return entries.none()
    data: dict[str, Any] = form.cleaned_data
    if data["actor"]:
        # Resolve the user first: an OR across a join would not use the indexes on actor and actor_label.
        user_ids = list(
            get_user_model()._default_manager.filter(username=data["actor"]).values_list("pk", flat=True)
        )
        entries = entries.filter(Q(actor_id__in=user_ids) | Q(actor_label=data["actor"]))
    if data["action"]:
        entries = entries.filter(action__startswith=data["action"])
    if data["target_type"]:
        entries = entries.filter(target_type=data["target_type"])
    zone = timezone.get_current_timezone()
    if data["since"]:
        entries = entries.filter(at__gte=datetime.combine(data["since"], time.min, tzinfo=zone))
    if data["until"]:
        entries = entries.filter(at__lte=datetime.combine(data["until"], time.max, tzinfo=zone))
    if data["q"]:
        entries = entries.filter(target_label__icontains=data["q"])
    return entries


@require_roles(Role.AUDITOR, Role.ADMINISTRATOR)
@require_safe
def audit_list(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET)
    page = Paginator(filtered_entries(form), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "core/audit_list.html", context)


@require_roles(Role.AUDITOR, Role.ADMINISTRATOR)
@require_safe
def audit_detail(request: HttpRequest, seq: int) -> HttpResponse:
    entry = get_object_or_404(AuditEntry.objects.select_related("actor", "target_type"), seq=seq)
    context = {
        "entry": entry,
        "hash_matches": entry.compute_hash() == entry.hash,
        "kind": kind_of_record(entry.target_type) if entry.target_type else "",
        "details": _detail_rows(entry.detail, entry.target_type),
    }
    return render(request, "core/audit_detail.html", context)


# Detail keys that services write, in people's words; other keys are looked up among the target's fields.
DETAIL_LABELS = {
    "purpose": _("Purpose"),
    "field": _("Field"),
    "added": _("Added"),
    "removed": _("Removed"),
    "roles": _("Roles"),
    "change": _("Change"),
    "requested_by": _("Requested by"),
    "device": _("Device"),
    "devices": _("Devices removed"),
    "key": _("Key"),
    "name": _("Name"),
    "by_email": _("Sent by e-mail"),
    "problem": _("Problem"),
}


def _label(key: Any, model: Any) -> str:
    name = str(key)
    if name in DETAIL_LABELS:
        return str(DETAIL_LABELS[name])
    if model is not None:
        try:
            return capfirst(str(model._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:
            pass
    return capfirst(name.replace("_", " "))


def _detail_rows(detail: Any, content_type: ContentType | None = None) -> list[tuple[str, str]]:
    """The entry's details as label and value, read by people: "Purpose: pay tranche 2", lists joined by commas,
    yes/no for flags, field names as the form labels them (the exact JSON stays in the hash, which the page
    checks)."""
    if not isinstance(detail, dict):
        return []
    model = content_type.model_class() if content_type is not None else None
    return [(_label(key, model), _humane(value, model)) for key, value in detail.items()]


def _humane(value: Any, model: Any = None) -> str:
    if value is True:
        return str(_("yes"))
    if value is False:
        return str(_("no"))
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(_humane(item, model) for item in value) or "—"
    if isinstance(value, str) and value in Role.values:
        return str(Role(value).label)  # staff roles are stored by key and shown by name
    if isinstance(value, dict):
        return "; ".join(f"{_label(k, model)}: {_humane(v, model)}" for k, v in value.items()) or "—"
    return str(value)
