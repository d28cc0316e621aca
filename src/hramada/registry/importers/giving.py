"""360Giving JSON (a package: `{"grants": [...]}`): validated against the bundled 1.4.3 schema with every error
listed by its JSON path, then read into raw rows. Classifications with vocabulary `hramada-theme` give the theme,
the first beneficiary location's country code the geography."""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext as _

from hramada.registry import standards
from hramada.registry.importers import FileRefusedError, Problem

GEOGRAPHIES = {"BY", "LT", "PL", "LV", "GE", "UA"}


def _path(error: Any) -> str:
    return "/" + "/".join(str(p) for p in error.absolute_path)


def read(data: bytes) -> list[tuple[int, dict[str, Any]]]:
    try:
        package = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise FileRefusedError([Problem("", _("The file is not UTF-8 text."))]) from None
    except json.JSONDecodeError as e:
        raise FileRefusedError(
            [
                Problem(
                    _("line %(n)s") % {"n": e.lineno},
                    _("The file is not valid JSON: %(error)s") % {"error": e.msg},
                )
            ]
        ) from None
    return read_package(package)


def read_package(package: Any) -> list[tuple[int, dict[str, Any]]]:
    """A parsed package, validated (every error with its JSON path), as raw rows."""
    validator = standards.giving_validator()
    errors = sorted(validator.iter_errors(package), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        raise FileRefusedError([Problem(_path(e), e.message[:300]) for e in errors[:500]])
    return [(n, _grant(g)) for n, g in enumerate(package["grants"])]


def _grant(grant: dict[str, Any]) -> dict[str, Any]:
    recipient = (grant.get("recipientOrganization") or [None])[0] or grant.get("recipientIndividual") or {}
    planned = (grant.get("plannedDates") or [{}])[0]
    theme = next(
        (
            c.get("code", "")
            for c in grant.get("classifications", [])
            if c.get("vocabulary") == standards.THEME_VOCABULARY
        ),
        "",
    )
    location = (grant.get("beneficiaryLocation") or [{}])[0]
    code = str(location.get("countryCode") or "")
    return {
        "identifier": grant["id"],
        "recipient_name": recipient.get("name", ""),
        "recipient_kind": "individual" if "recipientIndividual" in grant else "organisation",
        "recipient_registration": recipient.get("companyNumber") or recipient.get("charityNumber") or "",
        "recipient_country": recipient.get("addressCountry") or "",
        "title": grant.get("title", ""),
        "purpose": grant.get("description", ""),
        "amount": str(grant.get("amountAwarded", "")),
        "currency": grant.get("currency", ""),
        "award_date": grant.get("awardDate", ""),
        "start": planned.get("startDate", "") or grant.get("awardDate", ""),
        "end": planned.get("endDate", ""),
        "theme": theme,
        "geography": code if code in GEOGRAPHIES else ("other" if code else ""),
    }
