"""The IATI 2.03 and 360Giving 1.4.3 schemas as published (../shared/data/standards, see its SOURCES.md), loaded
once per process, and the registry's codes in those standards' vocabularies."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings

NAMESPACE = "https://hramada.org/ns/registry"
"""The publisher's own namespace for IATI attributes (redactions) and the prefix of our 360Giving fields."""

GIVING_PREFIX = "360G-hramada"
THEME_VOCABULARY = "hramada-theme"

# OECD DAC 5-digit purpose codes (IATI Sector vocabulary 1) for each theme, for publication and reading.
DAC_SECTOR_OF_THEME = {
    "media": "15153",  # Media and free flow of information
    "legal": "15160",  # Human rights
    "civil_society": "15150",  # Democratic participation and civil society
    "democratic": "15151",  # Elections / democratic processes
    "education": "16061",  # Culture and recreation
    "digital_security": "15153",
    "monitoring": "15160",
    "humanitarian": "72010",  # Material relief assistance and services
}
THEME_OF_DAC_SECTOR = {
    "15153": "media",
    "15160": "legal",
    "15130": "legal",
    "15150": "civil_society",
    "15151": "democratic",
    "15152": "democratic",
    "16061": "education",
    "11110": "education",
    "72010": "humanitarian",
    "72050": "humanitarian",
}


def root() -> Path:
    configured = getattr(settings, "HRAMADA_STANDARDS_DIR", None)
    return (
        Path(configured) if configured else Path(settings.BASE_DIR).parent / "shared" / "data" / "standards"
    )


@cache
def iati_schema() -> Any:
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(root() / "iati" / "iati-activities-schema.xsd")))


@cache
def giving_validator() -> Any:
    """A validator of the 360Giving package schema; its grant reference (published pointing at the 1.4.2 URL) is
    resolved to the bundled grant schema."""
    from jsonschema import Draft202012Validator
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    folder = root() / "360giving"
    package = json.loads((folder / "360-giving-package-schema.json").read_text(encoding="utf-8"))
    grant = json.loads((folder / "360-giving-schema.json").read_text(encoding="utf-8"))
    # The files say "$schema": "http://json-schema.org/draft/2020-12/schema" (http, not the dialect's https id),
    # so the dialect is named here rather than detected.
    grant_resource = DRAFT202012.create_resource(grant)
    ref = package["properties"]["grants"]["items"]["$ref"]
    registry = Registry().with_resources([(ref, grant_resource), (grant["$id"], grant_resource)])
    return Draft202012Validator(package, registry=registry, format_checker=_format_checker())


def _format_checker() -> Any:
    """The schema tells dates from date-times with `oneOf` [date-time format, date pattern], so `date-time` must
    be checked (jsonschema checks it only with an optional package): RFC 3339 needs a "T" and a time zone."""
    from datetime import datetime

    from jsonschema import FormatChecker

    checker = FormatChecker()

    @checker.checks("date-time", raises=ValueError)  # type: ignore[untyped-decorator]
    def is_date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if "T" not in value.upper():
            return False
        return datetime.fromisoformat(value.replace("z", "Z")).tzinfo is not None

    return checker


@cache
def giving_codes(codelist: str) -> frozenset[str]:
    import csv

    with (root() / "360giving" / "codelists" / f"{codelist}.csv").open(encoding="utf-8") as handle:
        return frozenset(row["Code"] for row in csv.DictReader(handle))
