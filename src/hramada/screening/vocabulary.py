"""The FollowTheMoney vocabulary the whole platform shares: which properties carry names, countries, dates and
strong identifiers, and how each identifier is filed and compared.

One table, read by the engine (what it compares), the sanctions importers (the query-table rows they write)
and the API (what a yente-style query may carry), so the three can no longer disagree.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IdentifierProperty:
    """How one FtM identifier property is filed and compared.

    ``scheme`` is what the sanctions store files the value under and the entity pages show (``inn``, ``swift``);
    ``kind`` is what the engine compares: two values of one kind that differ are a conflict, so kinds are coarser
    (an INN and a tax number are both ``tax``). None: not filed, or not compared.
    """

    scheme: str | None
    kind: str | None


IDENTIFIER_PROPERTIES: dict[str, IdentifierProperty] = {
    "passportNumber": IdentifierProperty("passport", "passport"),
    "idNumber": IdentifierProperty("national_id", "national_id"),
    "personalNumber": IdentifierProperty("national_id", "national_id"),
    "socialSecurityNumber": IdentifierProperty("national_id", "national_id"),
    "registrationNumber": IdentifierProperty("registration", "registration"),
    "ogrnCode": IdentifierProperty("ogrn", "registration"),
    "okpoCode": IdentifierProperty("okpo", "registration"),
    "dunsCode": IdentifierProperty("duns", "registration"),
    "kppCode": IdentifierProperty("kpp", None),  # a Russian tax office reason code: shared by many companies
    "taxNumber": IdentifierProperty("tax", "tax"),
    "innCode": IdentifierProperty("inn", "tax"),
    "vatCode": IdentifierProperty("tax", "tax"),
    "leiCode": IdentifierProperty("lei", "lei"),
    "swiftBic": IdentifierProperty("swift", "bic"),
    "imoNumber": IdentifierProperty("imo", "imo"),
    "mmsi": IdentifierProperty("mmsi", "mmsi"),
    "callSign": IdentifierProperty("call_sign", None),
    "icaoCode": IdentifierProperty("icao", None),
    "serialNumber": IdentifierProperty("serial", None),
    "publicKey": IdentifierProperty("crypto", "crypto"),
    "cryptoAddress": IdentifierProperty("crypto", "crypto"),
    "accountId": IdentifierProperty("crypto", "crypto"),
    # The number of a Passport or Identification entity: filed under its holder (DOCUMENT_SCHEMATA).
    "number": IdentifierProperty(None, "document"),
}

IDENTIFIER_KINDS: dict[str, str] = {
    prop: spec.kind for prop, spec in IDENTIFIER_PROPERTIES.items() if spec.kind is not None
}
"""FtM property -> the kind the engine compares."""
IDENTIFIER_SCHEMES: dict[str, str] = {
    prop: spec.scheme for prop, spec in IDENTIFIER_PROPERTIES.items() if spec.scheme is not None
}
"""FtM property -> the scheme the sanctions store files it under."""

DOCUMENT_SCHEMATA: dict[str, str] = {"Passport": "passport", "Identification": "national_id"}
"""Entities that exist only to carry a document of another entity (the holder), and the scheme of its number."""

NAME_PROPERTIES: tuple[str, ...] = ("name", "alias", "previousName", "weakAlias")
"""Properties holding a whole name of a listed entity."""
NAME_PART_PROPERTIES: tuple[str, ...] = ("firstName", "middleName", "fatherName", "lastName")
"""Parts of a person's name, in the order they make a whole name."""
QUERY_NAME_PROPERTIES: tuple[str, ...] = (
    "name",
    "alias",
    "firstName",
    "lastName",
    "middleName",
    "fatherName",
    "weakAlias",
    "previousName",
)
"""Where a query's names may come from (each value is screened as a name)."""
COUNTRY_PROPERTIES: tuple[str, ...] = (
    "country",
    "nationality",
    "citizenship",
    "jurisdiction",
    "birthCountry",
    "flag",
    "mainCountry",
)
BIRTH_DATE_PROPERTIES: tuple[str, ...] = ("birthDate",)
FOUNDING_DATE_PROPERTIES: tuple[str, ...] = ("incorporationDate",)
