"""The EU consolidated financial sanctions list (FSF) as XML, in both layouts the Commission has published.

* legacy 1.0: ``<WHOLE><ENTITY Id Type programme legal_basis reg_date pdf_link remark>`` with ``NAME``
  (``WHOLENAME``, ``LANGUAGE``...), ``BIRTH``, ``CITIZEN``, ``PASSPORT`` and ``ADDRESS`` children;
* current 1.1: ``<export xmlns="http://eu.europa.ec/fpi/fsd/export"><sanctionEntity logicalId
  euReferenceNumber unitedNationId designationDate designationDetails>`` with ``regulation``,
  ``subjectType``, ``nameAlias`` (``wholeName``, ``nameLanguage``, ``function``, ``gender``), ``citizenship``,
  ``birthdate``, ``identification`` and ``address`` children, values in attributes.

No real 1.1 file is bundled; this module follows the publisher's documented schema and is tested on a file
written from that documentation (tests/sanctions/fixtures/eu-fsf-v1.1-written-from-documentation.xml).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from rigour.langs import iso_639_alpha3

from hramada.sanctions.importers.dates import parse_dates
from hramada.sanctions.importers.entities import EntityBuilder, ParsedEntity, sanction_entity
from hramada.sanctions.importers.errors import SourceFormatError
from hramada.sanctions.importers.programmes import FSF_BELARUS_PROGRAMMES, unknown_programme_warning
from hramada.sanctions.importers.reading import PathLike, iter_xml_elements, text_of, xml_root_tag

KEY = "eu_fsf"
AUTHORITY = "European Union"
NS = "http://eu.europa.ec/fpi/fsd/export"
ROOT_V10 = "WHOLE"
ROOT_V11 = f"{{{NS}}}export"
# FSF programme codes (regimes); others are flagged as unknown (see the docs).
KNOWN_PROGRAMMES = frozenset(
    """AFG BDI BIH BLR CAF CHN COD CYB DPRK EGY GIN GNB GTM HRV HTI IRN IRQ LBN LBY MDA MLI MMR NIC PRK RUS
    SDN SLE SOM SSD SYR TAQA TERR TUN TUR UKR USA VEN YEM ZWE EUAQ""".split()
)
_GENDERS = {"M": "male", "F": "female"}
_DOC_PROPS = {
    "passport": "passportNumber",
    "id": "idNumber",
    "regnumber": "registrationNumber",
    "fiscalcode": "taxNumber",
    "swiftbic": "swiftBic",
    "imo": "imoNumber",
}


def _lang(code: str | None) -> str | None:
    if not code or not code.strip():
        return None
    return iso_639_alpha3(code.strip().lower())


def _join(*parts: str | None) -> str | None:
    joined = ", ".join(part.strip() for part in parts if part and part.strip())
    return joined or None


def _names(builder: EntityBuilder, names: list[tuple[str, str | None]]) -> None:
    """The first distinct whole name is the name, the others aliases; languages go to ``name_langs``."""
    seen: list[str] = []
    for value, lang in names:
        value = " ".join(value.split())
        if not value or value in seen:
            continue
        seen.append(value)
        builder.add("name" if len(seen) == 1 else "alias", value, lang=_lang(lang))


def _sanctions(
    builder: EntityBuilder, programmes: list[str], values: dict[str, list[str] | str | None]
) -> list[ParsedEntity]:
    sanctions = []
    for code in dict.fromkeys(programmes):
        programme = FSF_BELARUS_PROGRAMMES.get(code)
        warnings = [] if code in KNOWN_PROGRAMMES else [unknown_programme_warning(code)]
        for warning in warnings:
            builder.warn(warning)
        sanctions.append(
            sanction_entity(
                builder,
                entity_id=f"{builder.id}-sanction-{code.lower()}",
                authority=AUTHORITY,
                program_id=code,
                program=programme.label if programme else None,
                warnings=warnings,
                values=dict(values),
            )
        )
    return sanctions


def _document(
    builder: EntityBuilder, doc_id: str, number: str, kind: str, **values: str | None
) -> ParsedEntity:
    prop = _DOC_PROPS.get(kind, "idNumber")
    builder.add(prop, number)
    doc = EntityBuilder(
        "Passport" if prop == "passportNumber" else "Identification",
        doc_id,
        path=builder.path,
        where=builder.where,
    )
    doc.add("holder", builder.id)
    doc.add("number", number)
    for key, value in values.items():
        if key.endswith("Date"):
            doc.add_all(key, parse_dates(value))
        else:
            doc.add(key, value)
    return doc.build()


def _record_v10(path: PathLike, entity: etree._Element) -> list[ParsedEntity]:
    where = f"line {entity.sourceline}, <ENTITY>"
    entity_id, kind = entity.get("Id", ""), entity.get("Type", "")
    if not entity_id.isdigit() or kind not in ("P", "E"):
        raise SourceFormatError(
            path, f"ENTITY needs a numeric Id and Type P or E (Id={entity_id!r})", where=where
        )
    builder = EntityBuilder(
        "Person" if kind == "P" else "LegalEntity", f"eu-fsf-{entity_id}", path=path, where=where
    )
    builder.add("topics", "sanction")
    names = [(text_of(n, "WHOLENAME") or "", text_of(n, "LANGUAGE")) for n in entity.findall("NAME")]
    if not any(value.strip() for value, _ in names):
        raise SourceFormatError(path, f"ENTITY {entity_id} has no WHOLENAME", where=where)
    _names(builder, names)
    documents: list[ParsedEntity] = []
    for name in entity.findall("NAME"):
        if builder.schema == "Person":
            builder.add("gender", _GENDERS.get(text_of(name, "GENDER") or ""))
            builder.add("title", text_of(name, "TITLE"))
        builder.add("position" if builder.schema == "Person" else "notes", text_of(name, "FUNCTION"))
    for birth in entity.findall("BIRTH"):
        date = text_of(birth, "DATE")
        for value in parse_dates(date):
            builder.add(
                "birthDate" if builder.schema == "Person" else "incorporationDate", value, printed=date
            )
        if builder.schema == "Person":
            builder.add("birthPlace", _join(text_of(birth, "PLACE"), text_of(birth, "COUNTRY")))
    for citizen in entity.findall("CITIZEN"):
        builder.add("nationality" if builder.schema == "Person" else "country", text_of(citizen, "COUNTRY"))
    for passport in entity.findall("PASSPORT"):
        printed = text_of(passport, "NUMBER")
        if not printed:
            continue
        number = printed.split(" (", 1)[0].strip()
        doc_kind = re.search(r"\((\w+)-", printed)
        documents.append(
            _document(
                builder,
                f"eu-fsf-{entity_id}-id-{passport.get('Id', len(documents))}",
                number,
                doc_kind.group(1) if doc_kind else "other",
                country=text_of(passport, "COUNTRY"),
                description=printed,
            )
        )
    for address in entity.findall("ADDRESS"):
        parts = ("NUMBER", "STREET", "ZIPCODE", "CITY", "COUNTRY", "OTHER")
        builder.add("address", _join(*(text_of(address, tag) for tag in parts)))
    programme = entity.get("programme", "").strip()
    if not programme:
        raise SourceFormatError(path, f"ENTITY {entity_id} has no programme", where=where)
    sanctions = _sanctions(
        builder,
        [programme],
        {
            "listingDate": parse_dates(entity.get("reg_date")),
            "summary": entity.get("legal_basis"),
            "sourceUrl": entity.get("pdf_link"),
            "reason": entity.get("remark"),
            "recordId": entity_id,
        },
    )
    return [builder.build(), *sanctions, *documents]


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _record_v11(path: PathLike, entity: etree._Element) -> list[ParsedEntity]:
    where = f"line {entity.sourceline}, <sanctionEntity>"
    logical_id = entity.get("logicalId", "")
    if not logical_id.isdigit():
        raise SourceFormatError(
            path, f"sanctionEntity needs a numeric logicalId, not {logical_id!r}", where=where
        )
    subject = entity.find(_q("subjectType"))
    code = subject.get("classificationCode", "") if subject is not None else ""
    schema = {"P": "Person", "E": "LegalEntity"}.get(code)
    if schema is None:
        raise SourceFormatError(
            path, f"sanctionEntity {logical_id}: subjectType P or E expected", where=where
        )
    builder = EntityBuilder(schema, f"eu-fsf-{logical_id}", path=path, where=where)
    builder.add("topics", "sanction")
    aliases = entity.findall(_q("nameAlias"))
    names = [(alias.get("wholeName", ""), alias.get("nameLanguage")) for alias in aliases]
    if not any(value.strip() for value, _ in names):
        raise SourceFormatError(path, f"sanctionEntity {logical_id} has no nameAlias wholeName", where=where)
    _names(builder, names)
    person = schema == "Person"
    for alias in aliases:
        if person:
            builder.add("gender", _GENDERS.get(alias.get("gender", "")))
            builder.add("title", alias.get("title"))
        builder.add("position" if person else "notes", alias.get("function"))
    for citizenship in entity.findall(_q("citizenship")):
        country = citizenship.get("countryIso2Code")
        builder.add("nationality" if person else "country", None if country == "00" else country)
    for birth in entity.findall(_q("birthdate")):
        printed = birth.get("birthdate") or birth.get("year")
        for value in parse_dates(printed):
            builder.add("birthDate" if person else "incorporationDate", value, printed=printed)
        if person:
            known = birth.get("countryIso2Code") not in (None, "", "00")  # 00 is the FSF's "UNKNOWN"
            country = birth.get("countryDescription") if known else None
            builder.add("birthPlace", _join(birth.get("city"), birth.get("region"), country))
    documents: list[ParsedEntity] = []
    for document in entity.findall(_q("identification")):
        number = (document.get("number") or "").strip()
        if not number:
            continue
        documents.append(
            _document(
                builder,
                f"eu-fsf-{logical_id}-id-{document.get('logicalId', len(documents))}",
                number,
                document.get("identificationTypeCode", "other"),
                country=document.get("countryIso2Code"),
                type=document.get("identificationTypeDescription"),
                authority=document.get("issuedBy"),
                startDate=document.get("issueDate"),
            )
        )
    for address in entity.findall(_q("address")):
        builder.add(
            "address",
            _join(
                address.get("street"),
                address.get("poBox"),
                address.get("zipCode"),
                address.get("city"),
                address.get("region"),
                address.get("countryDescription") if address.get("countryIso2Code") != "00" else None,
            ),
        )
    regulations = entity.findall(_q("regulation"))
    programmes = [r.get("programme", "").strip() for r in regulations if r.get("programme", "").strip()]
    if not programmes:
        raise SourceFormatError(path, f"sanctionEntity {logical_id} has no regulation programme", where=where)
    remark = entity.find(_q("remark"))
    sanctions = _sanctions(
        builder,
        programmes,
        {
            "recordId": entity.get("euReferenceNumber"),
            "unscId": entity.get("unitedNationId"),
            "listingDate": parse_dates(entity.get("designationDate")),
            "reason": [entity.get("designationDetails") or "", remark.text if remark is not None else ""],
            "summary": [r.get("numberTitle", "") for r in regulations],
            "sourceUrl": [text_of(r, _q("publicationUrl")) or "" for r in regulations],
        },
    )
    return [builder.build(), *sanctions, *documents]


def parse(path: PathLike) -> Iterator[list[ParsedEntity]]:
    """Records of an FSF XML file (1.0 or 1.1 layout, told by its root element); duplicates are errors."""
    root = xml_root_tag(path)
    if root == ROOT_V10:
        tag, record = "ENTITY", _record_v10
    elif root == ROOT_V11:
        tag, record = _q("sanctionEntity"), _record_v11
    else:
        raise SourceFormatError(path, f"not an EU FSF XML file: root element is {root!r}")
    seen: set[str] = set()
    for element in iter_xml_elements(path, {tag}):
        entities = record(path, element)
        if entities[0].id in seen:
            raise SourceFormatError(
                path, f"duplicate entity {entities[0].id}", where=f"line {element.sourceline}"
            )
        seen.add(entities[0].id)
        yield entities
