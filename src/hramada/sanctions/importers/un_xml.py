"""The UN Security Council consolidated list (XML), streamed record by record with lxml.

``<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>`` and ``<ENTITIES><ENTITY>``; the 2016 and 2026 files share the
elements, but the 2016 one packs several aliases into one ``ALIAS_NAME`` separated by ``; `` (split here) and
writes date types in title case (``Exact``) where 2026 writes ``EXACT``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from hramada.sanctions.importers.dates import parse_dates
from hramada.sanctions.importers.entities import EntityBuilder, ParsedEntity, sanction_entity
from hramada.sanctions.importers.errors import SourceFormatError
from hramada.sanctions.importers.programmes import unknown_programme_warning
from hramada.sanctions.importers.reading import PathLike, iter_xml_elements, text_of, xml_root_tag

KEY = "un_xml"
AUTHORITY = "United Nations Security Council"
ROOT = "CONSOLIDATED_LIST"
# UN_LIST_TYPE values (the sanctions committees' regimes) seen 2016-2026.
KNOWN_PROGRAMMES = frozenset(
    "Al-Qaida DPRK Taliban Iran Iraq DRC Libya Somalia CAR Haiti Yemen GB Sudan SouthSudan Mali".split()
)
_NAME_PARTS = (("FIRST_NAME", "firstName"), ("SECOND_NAME", "secondName"), ("THIRD_NAME", "middleName"))
_PASSPORT = re.compile(r"passport|passeport|pasaporte", re.IGNORECASE)


def _values(element: etree._Element, path: str) -> list[str]:
    return [value.text.strip() for value in element.findall(path) if value.text and value.text.strip()]


def _join(*parts: str | None) -> str | None:
    joined = ", ".join(part for part in parts if part)
    return joined or None


def _aliases(builder: EntityBuilder, element: etree._Element, tag: str) -> None:
    for alias in element.findall(tag):
        name = text_of(alias, "ALIAS_NAME")
        if not name:
            continue
        quality = (text_of(alias, "QUALITY") or "").lower()
        prop = {"low": "weakAlias", "f.k.a.": "previousName"}.get(quality, "alias")
        for value in name.split(";"):
            builder.add(prop, value.strip())


def _birth_dates(builder: EntityBuilder, element: etree._Element) -> None:
    for dob in element.findall("INDIVIDUAL_DATE_OF_BIRTH"):
        for tag in ("DATE", "YEAR", "FROM_YEAR", "TO_YEAR"):
            text = text_of(dob, tag)
            for value in parse_dates(text):
                builder.add("birthDate", value, printed=text)
    for place in element.findall("INDIVIDUAL_PLACE_OF_BIRTH"):
        builder.add(
            "birthPlace",
            _join(text_of(place, "CITY"), text_of(place, "STATE_PROVINCE"), text_of(place, "COUNTRY")),
        )


def _documents(builder: EntityBuilder, element: etree._Element, data_id: str) -> list[ParsedEntity]:
    documents = []
    for index, document in enumerate(element.findall("INDIVIDUAL_DOCUMENT"), start=1):
        number = text_of(document, "NUMBER")
        if not number:
            continue
        kind = " ".join((text_of(document, "TYPE_OF_DOCUMENT") or "").split())
        passport = bool(_PASSPORT.search(kind))
        builder.add("passportNumber" if passport else "idNumber", number)
        doc = EntityBuilder(
            "Passport" if passport else "Identification",
            f"un-{data_id}-document-{index}",
            path=builder.path,
            where=builder.where,
        )
        doc.add("holder", builder.id)
        doc.add("number", number)
        doc.add("type", _join(kind, text_of(document, "TYPE_OF_DOCUMENT2")))
        doc.add("country", text_of(document, "ISSUING_COUNTRY") or text_of(document, "COUNTRY_OF_ISSUE"))
        doc.add_all("startDate", parse_dates(text_of(document, "DATE_OF_ISSUE")))
        doc.add("description", text_of(document, "NOTE"))
        documents.append(doc.build())
    return documents


def _record(path: PathLike, element: etree._Element) -> list[ParsedEntity]:
    individual = element.tag == "INDIVIDUAL"
    where = f"line {element.sourceline}, <{element.tag}>"
    data_id = text_of(element, "DATAID")
    if not data_id or not data_id.isdigit():
        raise SourceFormatError(path, "missing or non-numeric DATAID", where=where)
    builder = EntityBuilder(
        "Person" if individual else "Organization", f"un-{data_id}", path=path, where=where
    )
    names = [text_of(element, tag) for tag in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    name = " ".join(part for part in names if part)
    if not name:
        raise SourceFormatError(path, f"record {data_id} has no name", where=where)
    builder.add("name", name)
    builder.add("topics", "sanction")
    if individual:
        for tag, prop in _NAME_PARTS:
            builder.add(prop, text_of(element, tag))
    for original in _values(element, "NAME_ORIGINAL_SCRIPT"):
        builder.add("alias", original)
    _aliases(builder, element, "INDIVIDUAL_ALIAS" if individual else "ENTITY_ALIAS")
    documents: list[ParsedEntity] = []
    if individual:
        builder.add("gender", (text_of(element, "GENDER") or "").lower() or None)
        builder.add_all("title", _values(element, "TITLE/VALUE"))
        builder.add_all("position", _values(element, "DESIGNATION/VALUE"))
        for nationality in _values(element, "NATIONALITY/VALUE"):
            builder.add("nationality", nationality)
        _birth_dates(builder, element)
        documents = _documents(builder, element, data_id)
    for address in element.findall("INDIVIDUAL_ADDRESS" if individual else "ENTITY_ADDRESS"):
        parts = [text_of(address, tag) for tag in ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")]
        builder.add("address", _join(*parts))
        builder.add("country", text_of(address, "COUNTRY"))

    list_type = text_of(element, "UN_LIST_TYPE") or ""
    if not list_type:
        raise SourceFormatError(path, f"record {data_id} has no UN_LIST_TYPE", where=where)
    warnings = [] if list_type in KNOWN_PROGRAMMES else [unknown_programme_warning(list_type)]
    for warning in warnings:
        builder.warn(warning)
    reference = text_of(element, "REFERENCE_NUMBER")
    sanction = sanction_entity(
        builder,
        entity_id=f"un-{data_id}-sanction",
        authority=AUTHORITY,
        program_id=list_type,
        program=f"UN Security Council sanctions: {list_type}",
        warnings=warnings,
        values={
            "recordId": reference,
            "unscId": reference,
            "listingDate": parse_dates(text_of(element, "LISTED_ON")),
            "modifiedAt": parse_dates(text_of(element, "LAST_DAY_UPDATED/VALUE")),
            "reason": text_of(element, "COMMENTS1"),
            "sourceUrl": "https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list",
        },
        trusted={"sourceUrl"},
    )
    return [builder.build(), sanction, *documents]


def parse(path: PathLike) -> Iterator[list[ParsedEntity]]:
    """Records of a UN consolidated list file; a duplicate DATAID is a format error."""
    root = xml_root_tag(path)
    if root != ROOT:
        raise SourceFormatError(path, f"not a UN consolidated list: root element is {root!r}, not {ROOT}")
    seen: set[str] = set()
    for element in iter_xml_elements(path, {"INDIVIDUAL", "ENTITY"}):
        if element.getparent() is None or element.getparent().tag not in ("INDIVIDUALS", "ENTITIES"):
            raise SourceFormatError(
                path, f"<{element.tag}> outside INDIVIDUALS/ENTITIES", where=f"line {element.sourceline}"
            )
        record = _record(path, element)
        if record[0].id in seen:
            raise SourceFormatError(
                path, f"duplicate DATAID in {record[0].id}", where=f"line {element.sourceline}"
            )
        seen.add(record[0].id)
        yield record
