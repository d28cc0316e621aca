"""Landing page, staff dashboard, language choice, health check."""

from __future__ import annotations

import io
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Q
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from hramada.core.access import any_staff, public, signed_in_user
from hramada.core.dashboard import panels_for
from hramada.core.models import TaskProgress
from hramada.core.storage import RESULT_FILE_LABEL, read_sealed, unsealed_name


@public
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.is_authenticated and getattr(user, "is_staff_member", False):
        return redirect("core:dashboard")
    if user.is_authenticated and getattr(user, "is_applicant", False):
        try:
            return redirect(reverse("fund_portal:home"))
        except NoReverseMatch:
            pass
    try:
        portal_url = reverse("fund_portal:start")
    except NoReverseMatch:
        portal_url = ""
    return render(request, "core/home.html", {"portal_url": portal_url})


@any_staff
def dashboard(request: HttpRequest) -> HttpResponse:
    roles = signed_in_user(request).roles
    panels = []
    for panel in panels_for(roles):
        context = dict(panel.context(request)) if panel.context else {}
        panels.append({"panel": panel, "context": context})
    jobs = TaskProgress.objects.filter(owner=signed_in_user(request))[:5]
    return render(request, "core/dashboard.html", {"panels": panels, "roles": sorted(roles), "jobs": jobs})


@any_staff
def job_progress(request: HttpRequest, job_id: int) -> HttpResponse:
    """A long job's progress; the page refreshes itself (meta refresh, no script) until the job ends.

    Staff see their own jobs and the platform's own (no owner: re-screening after a list change), which the
    monitoring inbox links to; another person's job stays private to them."""
    job = (
        TaskProgress.objects.filter(pk=job_id)
        .filter(Q(owner=signed_in_user(request)) | Q(owner__isnull=True))
        .first()
    )
    if job is None:
        return render(request, "core/not_found.html", status=404)
    return render(request, "core/job_progress.html", {"job": job})


@any_staff
def job_result(request: HttpRequest, job_id: int) -> HttpResponseBase:
    """The file a finished job produced, for the staff member who started it."""
    job = TaskProgress.objects.filter(pk=job_id, owner=signed_in_user(request)).first()
    media = Path(settings.MEDIA_ROOT).resolve()
    path = Path(job.result_file).resolve() if job and job.result_file else None
    if job is None or path is None or not path.is_file() or media not in path.parents:
        return render(request, "core/not_found.html", status=404)
    name = unsealed_name(path)
    if name != path.name:  # results are kept encrypted: they name the counterparties screened
        content = read_sealed(path, label=RESULT_FILE_LABEL)
        return FileResponse(
            io.BytesIO(content), as_attachment=True, filename=f"job-{job.pk}-{name.split('-')[-1]}"
        )
    return FileResponse(path.open("rb"), as_attachment=True, filename=f"job-{job.pk}-{name.split('-')[-1]}")


@public
@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch language without JavaScript; signed-in users keep their choice on every device."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        )
        if request.user.is_authenticated:
            user = signed_in_user(request)
            user.preferred_language = language
            user.save(update_fields=["preferred_language"])
    return response


@public
def favicon(request: HttpRequest) -> HttpResponseBase:
    """Browsers ask for /favicon.ico whatever the page says; answer with the icon rather than a logged 404."""
    path = Path(settings.SRC_DIR) / "static" / "hramada" / "favicon.ico"
    response = FileResponse(path.open("rb"), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@public
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and readiness: the database answers and every migration is applied."""
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as exc:  # the database itself is unreachable
        return JsonResponse({"status": "error", "database": str(exc)}, status=503)
    if pending:
        return JsonResponse(
            {"status": "error", "database": f"{len(pending)} migrations not applied"}, status=503
        )
    return JsonResponse({"status": "ok"})
