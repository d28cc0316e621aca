"""IATI 2.03 activity XML: parsed with entities, DTDs and network off (an XML bomb or an external entity is
refused, never expanded), version checked, validated against the bundled XSD, then read into raw rows.

One activity is one record: the identifier is `iati-identifier`; the recipient is the receiver of the first
commitment (transaction type 2), else the implementing participating organisation (role 4); the amount is the sum of
commitments; dates from activity dates (start: types 1/2, end: 3/4); the theme from a sector in our own
vocabulary (`vocabulary="99"`, `vocabulary-uri` our namespace) or a DAC purpose code; the geography from the
recipient country."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from lxml import etree

from hramada.registry import standards
from hramada.registry.importers import FileRefusedError, Problem

MAX_BYTES = 50 * 1024 * 1024
GEOGRAPHIES = {"BY", "LT", "PL", "LV", "GE", "UA"}


def _parse(data: bytes) -> Any:
    if len(data) > MAX_BYTES:
        raise FileRefusedError([Problem("", _("The file is larger than 50 MB."))])
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        raise FileRefusedError(
            [Problem("", _("The file declares a DTD or entities; IATI files have none, so it is refused."))]
        )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise FileRefusedError(
            [
                Problem(
                    _("line %(n)s") % {"n": e.lineno},
                    _("The file is not well-formed XML: %(error)s") % {"error": e.msg},
                )
            ]
        ) from None


def _text(element: Any, path: str) -> str:
    found = element.find(path)
    return (found.text or "").strip() if found is not None and found.text else ""


def read(data: bytes) -> list[tuple[int, dict[str, Any]]]:
    root = _parse(data)
    if root.tag != "iati-activities":
        raise FileRefusedError([Problem("", _("This is not an IATI activity file (<iati-activities>)."))])
    version = root.get("version")
    if version != "2.03":
        raise FileRefusedError(
            [
                Problem(
                    "",
                    _("The file is IATI version %(v)s; only version 2.03 is read.") % {"v": version or "?"},
                )
            ]
        )
    schema = standards.iati_schema()
    if not schema.validate(root):
        raise FileRefusedError(
            [Problem(_("line %(n)s") % {"n": err.line}, err.message) for err in list(schema.error_log)[:200]]
        )
    rows: list[tuple[int, dict[str, Any]]] = []
    for activity in root.iter("iati-activity"):
        rows.append((activity.sourceline or 0, _activity(activity)))
    if not rows:
        raise FileRefusedError([Problem("", _("The file has no activities."))])
    return rows


def _activity(activity: Any) -> dict[str, Any]:
    default_currency = activity.get("default-currency", "")
    commitments = [
        t
        for t in activity.findall("transaction")
        if t.find("transaction-type") is not None and t.find("transaction-type").get("code") == "2"
    ]
    amount: Decimal | str = ""
    currency = default_currency
    award = ""
    receiver = ""
    receiver_ref = ""
    if commitments:
        total = Decimal(0)
        try:
            for t in commitments:
                total += Decimal((t.findtext("value") or "").strip())
        except InvalidOperation:
            total = Decimal(-1)
        amount = total
        value = commitments[0].find("value")
        currency = value.get("currency", default_currency) if value is not None else default_currency
        award = (value.get("value-date", "") if value is not None else "") or (
            commitments[0].find("transaction-date").get("iso-date", "")
            if commitments[0].find("transaction-date") is not None
            else ""
        )
        org = commitments[0].find("receiver-org")
        if org is not None:
            receiver = _text(org, "narrative")
            receiver_ref = org.get("ref", "")
    if not receiver:
        for org in activity.findall("participating-org"):
            if org.get("role") == "4":
                receiver = _text(org, "narrative")
                receiver_ref = org.get("ref", "")
                break
    dates = {d.get("type"): d.get("iso-date", "") for d in activity.findall("activity-date")}
    start = dates.get("2") or dates.get("1", "")
    end = dates.get("4") or dates.get("3", "")
    theme = ""
    for sector in activity.findall("sector"):
        if sector.get("vocabulary") == "99" and sector.get("vocabulary-uri", "").startswith(
            standards.NAMESPACE
        ):
            theme = sector.get("code", "")
            break
        if sector.get("vocabulary", "1") == "1" and sector.get("code") in standards.THEME_OF_DAC_SECTOR:
            theme = theme or standards.THEME_OF_DAC_SECTOR[sector.get("code")]
    country = activity.find("recipient-country")
    code = country.get("code", "") if country is not None else ""
    status = (
        activity.find("activity-status").get("code") if activity.find("activity-status") is not None else "2"
    )
    return {
        "identifier": _text(activity, "iati-identifier"),
        "recipient_name": receiver,
        "recipient_registration": receiver_ref,
        "title": _text(activity, "title/narrative"),
        "purpose": _text(activity, "description/narrative"),
        "amount": amount,
        "currency": currency,
        "award_date": award or start,
        "start": start,
        "end": end,
        "theme": theme,
        "geography": code if code in GEOGRAPHIES else ("other" if code else ""),
        "status": {"1": "planned", "2": "active", "3": "closed", "4": "closed", "5": "cancelled"}.get(
            status or "2", "active"
        ),
    }
