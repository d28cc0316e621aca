"""Staff roles. A staff account holds one or more; applicants hold none and are a different kind of account."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    FUND_MANAGER = "fund_manager", _("Fund manager")
    REVIEWER = "reviewer", _("Reviewer")
    FINANCE_OFFICER = "finance_officer", _("Finance officer")
    DONOR_COORDINATOR = "donor_coordinator", _("Donor coordinator")
    SANCTIONS_ANALYST = "sanctions_analyst", _("Sanctions analyst")
    LEGAL_REVIEWER = "legal_reviewer", _("Legal reviewer")
    DOCUMENTER = "documenter", _("Documenter")
    AUDITOR = "auditor", _("Auditor (read-only)")


ALL_STAFF_ROLES: frozenset[Role] = frozenset(Role)


class AccountKind(models.TextChoices):
    STAFF = "staff", _("Staff")
    APPLICANT = "applicant", _("Applicant")
