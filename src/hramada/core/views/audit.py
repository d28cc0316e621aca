"""The audit log for auditors and administrators: filter, page through, open entries; nothing changes."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from hramada.core.access import require_roles
from hramada.core.models.audit import AuditEntry
from hramada.core.roles import Role

PAGE_SIZE = 50


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Actor (username)"), required=False, max_length=200)
    action = forms.CharField(
        label=_("Action starts with"),
        required=False,
        max_length=100,
        help_text=_('"personal_data.read" shows who viewed which personal data.'),
    )
    target_type = forms.ModelChoiceField(
        label=_("Target type"), required=False, queryset=ContentType.objects.order_by("app_label", "model")
    )
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    q = forms.CharField(label=_("Target contains"), required=False, max_length=200)


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
    context = {"entry": entry, "hash_matches": entry.compute_hash() == entry.hash}
    return render(request, "core/audit_detail.html", context)
