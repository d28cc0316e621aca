"""Publication of the records donors mark public as IATI 2.03 activity XML and a 360Giving JSON package, with the
exclusion policy applied (docs/registry.md, and the public policy page):

- an individual is never named: generic title and description, an anonymised identifier, 360Giving's shared
  reason and purpose codes;
- an at-risk organisation without a consent to publish is not published grant by grant: its records are summed
  per donor x theme x geography x year into one aggregate record;
- every redaction is marked: `hramada:redacted` on the IATI activity (our namespace), `hramada_redaction` on the
  360Giving grant.
Held records (a possible sanctions match) and cancelled ones are never published.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone
from lxml import etree

from hramada.registry import standards
from hramada.registry.models import Consent, Donor, GrantRecord, Recipient, RecordStatus, Theme

INDIVIDUAL = "individual"
AGGREGATE = "at-risk-aggregate"
INDIVIDUAL_NAME = "Individual recipient"
AGGREGATE_NAME = "Several at-risk organisations (not named)"
# 360Giving's grants-to-individuals codes used for every individual grant: "Social action" (supporting a cause)
# and "Unrestricted" support; shared by all, so they single nobody out.
INDIVIDUAL_REASON = "GTIR120"
INDIVIDUAL_PURPOSE = "GTIP010"
IATI_STATUS = {"planned": "1", "active": "2", "closed": "4", "cancelled": "5"}


@dataclass
class Published:
    """One published activity / grant, after redaction."""

    identifier: str
    donor: Donor
    title: str
    description: str
    amount: Decimal
    currency: str
    award_date: date
    start: date
    end: date
    theme: str
    geography: str
    status: str
    recipient_id: str | None
    recipient_name: str
    individual: bool = False
    redaction: str = ""
    grants: int = 1
    extra: dict[str, Any] = field(default_factory=dict)


def _digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]


def donor_org_id(donor: Donor) -> str:
    return donor.iati_org_id or f"XI-HRAMADA-{donor.slug}"


def _may_publish_name(recipient: Recipient) -> bool:
    """Checked again here (not only through `public_name`), so a stale name can never slip out."""
    if recipient.kind == Recipient.Kind.INDIVIDUAL or not recipient.public_name:
        return False
    if not recipient.at_risk:
        return True
    return any(c.scope == Consent.Scope.PUBLISH and c.withdrawn_on is None for c in recipient.consents.all())


def publishable() -> Any:
    return (
        GrantRecord.objects.filter(is_public=True, held=False)
        .exclude(status=RecordStatus.CANCELLED)
        .exclude(recipient__screening__in=[Recipient.Screening.HELD, Recipient.Screening.CONFIRMED])
        .select_related("donor", "recipient", "recipient__canonical")
        .prefetch_related("recipient__consents")
        .order_by("donor__slug", "award_date", "pk")
    )


def published_records() -> list[Published]:
    out: list[Published] = []
    aggregates: dict[tuple[int, str, str, int], list[GrantRecord]] = defaultdict(list)
    for r in publishable():
        recipient = r.recipient
        if recipient.kind == Recipient.Kind.INDIVIDUAL:
            out.append(
                Published(
                    identifier=f"{standards.GIVING_PREFIX}-{r.donor.slug}-{_digest(str(r.pk), r.identifier)}",
                    donor=r.donor,
                    title="Grant to an individual",
                    description="Support to an individual; details withheld under the exclusion policy.",
                    amount=r.amount,
                    currency=r.currency,
                    award_date=r.award_date,
                    start=r.start,
                    end=r.end,
                    theme=r.theme,
                    geography=r.geography,
                    status=r.status,
                    recipient_id=f"{standards.GIVING_PREFIX}-IND-{_digest('ind', str(r.pk))}",
                    recipient_name=INDIVIDUAL_NAME,
                    individual=True,
                    redaction=INDIVIDUAL,
                )
            )
        elif _may_publish_name(recipient):
            out.append(
                Published(
                    identifier=f"{donor_org_id(r.donor)}-{r.identifier}",
                    donor=r.donor,
                    title=r.title,
                    description=r.purpose or r.title,
                    amount=r.amount,
                    currency=r.currency,
                    award_date=r.award_date,
                    start=r.start,
                    end=r.end,
                    theme=r.theme,
                    geography=r.geography,
                    status=r.status,
                    recipient_id=f"{standards.GIVING_PREFIX}-{recipient.resolved_reference}",
                    recipient_name=recipient.public_name,
                )
            )
        else:
            aggregates[(r.donor_id, r.theme, r.geography, r.award_date.year)].append(r)
    labels = dict(Theme.choices)
    for (_donor_id, theme, geography, year), records in sorted(aggregates.items()):
        first = records[0]
        total = sum((r.amount_eur for r in records), Decimal(0))
        out.append(
            Published(
                identifier=f"{standards.GIVING_PREFIX}-AGG-{first.donor.slug}-{theme}-{geography}-{year}",
                donor=first.donor,
                title=f"Grants to at-risk organisations: {labels[theme]}, {geography}, {year}",
                description=(
                    f"{len(records)} grants summed; recipients are not named under the exclusion policy."
                ),
                amount=total,
                currency="EUR",
                award_date=min(r.award_date for r in records),
                start=min(r.start for r in records),
                end=max(r.end for r in records),
                theme=theme,
                geography=geography,
                status="active" if any(r.status == "active" for r in records) else records[0].status,
                recipient_id=None,
                recipient_name=AGGREGATE_NAME,
                redaction=AGGREGATE,
                grants=len(records),
            )
        )
    return out


# --- 360Giving --------------------------------------------------------------------------------------------


def _money(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def giving_grant(p: Published) -> dict[str, Any]:
    grant: dict[str, Any] = {
        "id": p.identifier,
        "title": p.title,
        "description": p.description,
        "currency": p.currency,
        "amountAwarded": _money(p.amount),
        "awardDate": p.award_date.isoformat(),
        "plannedDates": [{"startDate": p.start.isoformat(), "endDate": p.end.isoformat()}],
        "fundingOrganization": [{"id": donor_org_id(p.donor), "name": p.donor.name}],
        "classifications": [
            {"vocabulary": standards.THEME_VOCABULARY, "code": p.theme, "title": str(Theme(p.theme).label)}
        ],
        "dateModified": timezone.now().replace(microsecond=0).isoformat(),
    }
    if p.geography != "other":
        grant["beneficiaryLocation"] = [{"countryCode": p.geography}]
    if p.individual:
        grant["recipientIndividual"] = {"id": p.recipient_id, "name": p.recipient_name}
        grant["toIndividualsDetails"] = {
            "primaryGrantReason": INDIVIDUAL_REASON,
            "grantPurpose": [INDIVIDUAL_PURPOSE],
        }
    elif p.redaction == AGGREGATE:
        grant["recipientOrganization"] = [
            {"id": f"{standards.GIVING_PREFIX}-AGG-{p.theme}-{p.geography}", "name": p.recipient_name}
        ]
        grant["hramada_grantCount"] = p.grants
    else:
        grant["recipientOrganization"] = [{"id": p.recipient_id, "name": p.recipient_name}]
    if p.redaction:
        grant["hramada_redaction"] = p.redaction
    return grant


def giving_package() -> dict[str, Any]:
    return {
        "version": "1.4",
        "title": "Shared grants registry: support to Belarusian civil society",
        "grants": [giving_grant(p) for p in published_records()] or [],
    }


def giving_json() -> str:
    return json.dumps(giving_package(), ensure_ascii=False, indent=1)


# --- IATI ------------------------------------------------------------------------------------------------

H = f"{{{standards.NAMESPACE}}}"


def _narrative(parent: Any, tag: str, text: str, **attrs: str) -> Any:
    element = etree.SubElement(parent, tag, **attrs)
    etree.SubElement(element, "narrative").text = text
    return element


def _activity(root: Any, p: Published, now: str) -> None:
    a = etree.SubElement(
        root, "iati-activity", {"default-currency": p.currency, "last-updated-datetime": now}
    )
    if p.redaction:
        a.set(H + "redacted", p.redaction)
    etree.SubElement(a, "iati-identifier").text = p.identifier
    _narrative(
        a,
        "reporting-org",
        p.donor.name,
        ref=donor_org_id(p.donor),
        type="10" if p.donor.kind in ("eu", "member_state") else "60",
    )
    _narrative(a, "title", p.title)
    _narrative(a, "description", p.description)
    _narrative(a, "participating-org", p.donor.name, ref=donor_org_id(p.donor), role="1")
    _narrative(a, "participating-org", p.recipient_name, role="4")
    etree.SubElement(a, "activity-status", code=IATI_STATUS.get(p.status, "2"))
    etree.SubElement(a, "activity-date", type="1", **{"iso-date": p.start.isoformat()})
    etree.SubElement(a, "activity-date", type="3", **{"iso-date": p.end.isoformat()})
    if p.geography != "other":
        etree.SubElement(a, "recipient-country", code=p.geography, percentage="100")
    etree.SubElement(
        a, "sector", vocabulary="1", code=standards.DAC_SECTOR_OF_THEME[p.theme], percentage="100"
    )
    etree.SubElement(
        a,
        "sector",
        vocabulary="99",
        code=p.theme,
        percentage="100",
        **{"vocabulary-uri": standards.NAMESPACE + "#theme"},
    )
    t = etree.SubElement(a, "transaction")
    etree.SubElement(t, "transaction-type", code="2")
    etree.SubElement(t, "transaction-date", **{"iso-date": p.award_date.isoformat()})
    value = etree.SubElement(t, "value", currency=p.currency, **{"value-date": p.award_date.isoformat()})
    value.text = str(p.amount)
    _narrative(t, "receiver-org", p.recipient_name)


def iati_xml() -> bytes:
    now = timezone.now().replace(microsecond=0).isoformat()
    root = etree.Element(
        "iati-activities",
        nsmap={"hramada": standards.NAMESPACE},
        version="2.03",
        **{"generated-datetime": now},
    )
    for p in published_records():
        _activity(root, p, now)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data


def giving_xlsx() -> bytes:
    """The same package in 360Giving's spreadsheet form (flattentool, the 360Giving column titles)."""
    from hramada.registry.importers import giving_sheet

    return giving_sheet.write(giving_package())
