"""People's words for the FollowTheMoney schemata ("Person", "Sanction"...) and properties ("birthDate",
"innCode"...) a page shows, in English, Belarusian and Russian from our own catalogues (FtM ships no Belarusian
labels); a schema or property not named here falls back to FollowTheMoney's own English label, never to the internal
name when FtM knows it."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

LABELS: dict[str, Promise] = {
    "Person": pgettext_lazy("kind of listed party", "Person"),
    "Organization": pgettext_lazy("kind of listed party", "Organisation"),
    "Company": pgettext_lazy("kind of listed party", "Company"),
    "LegalEntity": pgettext_lazy("kind of listed party", "Legal entity"),
    "PublicBody": pgettext_lazy("kind of listed party", "Public body"),
    "Vessel": pgettext_lazy("kind of listed party", "Vessel"),
    "Airplane": pgettext_lazy("kind of listed party", "Aircraft"),
    "Vehicle": pgettext_lazy("kind of listed party", "Vehicle"),
    "CryptoWallet": pgettext_lazy("kind of listed party", "Crypto wallet"),
    "Security": pgettext_lazy("kind of listed party", "Security"),
    "Sanction": pgettext_lazy("kind of listed party", "Sanction"),
    "Address": pgettext_lazy("kind of listed party", "Address"),
    "Identification": pgettext_lazy("kind of listed party", "Identity document"),
    "Passport": pgettext_lazy("kind of listed party", "Passport"),
    "Ownership": pgettext_lazy("kind of listed party", "Ownership"),
    "Directorship": pgettext_lazy("kind of listed party", "Directorship"),
    "Family": pgettext_lazy("kind of listed party", "Family"),
    "Associate": pgettext_lazy("kind of listed party", "Associate"),
    "UnknownLink": pgettext_lazy("kind of listed party", "Link"),
    "Membership": pgettext_lazy("kind of listed party", "Membership"),
    "Employment": pgettext_lazy("kind of listed party", "Employment"),
    "Representation": pgettext_lazy("kind of listed party", "Representation"),
    "Occupancy": pgettext_lazy("kind of listed party", "Position held"),
    "Position": pgettext_lazy("kind of listed party", "Position"),
}


def schema_label(name: str | None) -> str:
    """The reader's word for a schema name; "" for none."""
    if not name:
        return ""
    label = LABELS.get(name)
    if label is not None:
        return str(label)
    from followthemoney import model

    schema = model.get(name)
    return str(schema.label) if schema is not None else name


def _p(text: str) -> Promise:
    return pgettext_lazy("property of a listed party", text)


# Every property the bundled lists (EU, UN, OFAC, OpenSanctions exports and deltas) use, counted from their parsed
# entities, and the few more our pages name. Belarusian and Russian pages must never read "birthDate" or FtM's
# English "Birth date".
PROPERTY_LABELS: dict[str, Promise] = {
    "abbreviation": _p("Abbreviation"),
    "address": _p("Address"),
    "addressEntity": _p("Address"),
    "alias": _p("Other name"),
    "asset": _p("Asset"),
    "authority": _p("Authority"),
    "authorityId": _p("Authority's reference"),
    "birthCountry": _p("Country of birth"),
    "birthDate": _p("Date of birth"),
    "birthPlace": _p("Place of birth"),
    "buildDate": _p("Build date"),
    "callSign": _p("Call sign"),
    "citizenship": _p("Citizenship"),
    "city": _p("City"),
    "classification": _p("Classification"),
    "country": _p("Country"),
    "createdAt": _p("Created"),
    "currency": _p("Currency"),
    "date": _p("Date"),
    "deathDate": _p("Date of death"),
    "description": _p("Description"),
    "director": _p("Director"),
    "dissolutionDate": _p("Dissolution date"),
    "dunsCode": _p("DUNS number"),
    "duration": _p("Duration"),
    "email": _p("E-mail"),
    "endDate": _p("End date"),
    "entity": _p("Sanctioned party"),
    "fatherName": _p("Patronymic"),
    "firstName": _p("First name"),
    "flag": _p("Flag"),
    "full": _p("Full address"),
    "gender": _p("Gender"),
    "grossRegisteredTonnage": _p("Gross registered tonnage"),
    "holder": _p("Holder"),
    "icaoCode": _p("ICAO code"),
    "idNumber": _p("Identity number"),
    "imoNumber": _p("IMO number"),
    "incorporationDate": _p("Incorporation date"),
    "innCode": _p("INN (Russian tax number)"),
    "jurisdiction": _p("Jurisdiction"),
    "kppCode": _p("KPP (Russian tax registration reason code)"),
    "lastName": _p("Last name"),
    "legalForm": _p("Legal form"),
    "leiCode": _p("LEI code"),
    "listingDate": _p("Listing date"),
    "mainCountry": _p("Main country"),
    "middleName": _p("Middle name"),
    "mmsi": _p("MMSI number"),
    "model": _p("Model"),
    "modifiedAt": _p("Modified"),
    "name": _p("Name"),
    "nationality": _p("Nationality"),
    "notes": _p("Notes"),
    "number": _p("Number"),
    "object": _p("Second party"),
    "ogrnCode": _p("OGRN (Russian state registration number)"),
    "okpoCode": _p("OKPO (Russian classifier code)"),
    "organization": _p("Organisation"),
    "owner": _p("Owner"),
    "passportNumber": _p("Passport number"),
    "pastFlags": _p("Past flags"),
    "percentage": _p("Share"),
    "permId": _p("PermID identifier"),
    "person": _p("Person"),
    "phone": _p("Phone"),
    "position": _p("Position"),
    "postOfficeBox": _p("Post office box"),
    "postalCode": _p("Postal code"),
    "previousName": _p("Previous name"),
    "program": _p("Sanctions programme"),
    "programId": _p("Programme code"),
    "programUrl": _p("Programme page"),
    "provisions": _p("Measures"),
    "publicKey": _p("Wallet address"),
    "reason": _p("Reason"),
    "recordId": _p("Record number in the list"),
    "region": _p("Region"),
    "registrationNumber": _p("Registration number"),
    "relationship": _p("Relationship"),
    "relative": _p("Relative"),
    "role": _p("Role"),
    "secondName": _p("Second name"),
    "serialNumber": _p("Serial number"),
    "sharesCount": _p("Number of shares"),
    "sourceUrl": _p("Source link"),
    "startDate": _p("Start date"),
    "status": _p("Status"),
    "street": _p("Street"),
    "subject": _p("First party"),
    "summary": _p("Summary"),
    "swiftBic": _p("SWIFT/BIC code"),
    "taxNumber": _p("Tax number"),
    "title": _p("Title"),
    "tonnage": _p("Tonnage"),
    "topics": _p("Topics"),
    "type": _p("Type"),
    "uniqueEntityId": _p("Unique entity identifier (SAM)"),
    "unscId": _p("UN sanctions identifier"),
    "vatCode": _p("VAT number"),
    "weakAlias": _p("Weak alias"),
    "website": _p("Website"),
}

# The schemes the sanctions store files identifiers under (hramada.screening.vocabulary.IDENTIFIER_PROPERTIES),
# read as the property each comes from.
SCHEME_PROPERTIES: dict[str, str] = {
    "passport": "passportNumber",
    "national_id": "idNumber",
    "registration": "registrationNumber",
    "ogrn": "ogrnCode",
    "okpo": "okpoCode",
    "duns": "dunsCode",
    "kpp": "kppCode",
    "tax": "taxNumber",
    "inn": "innCode",
    "lei": "leiCode",
    "swift": "swiftBic",
    "imo": "imoNumber",
    "mmsi": "mmsi",
    "call_sign": "callSign",
    "icao": "icaoCode",
    "serial": "serialNumber",
    "crypto": "publicKey",
}


def property_label(name: str | None, schema: str | None = None) -> str:
    """The reader's words for a FollowTheMoney property ("birthDate": Дата нараджэння, Дата рождения); a property
    we do not name reads FollowTheMoney's English label, or the name itself when FtM does not know it."""
    if not name:
        return ""
    label = PROPERTY_LABELS.get(name)
    if label is not None:
        return str(label)
    from followthemoney import model

    found = model.get(schema or "Thing")
    prop = found.get(name) if found is not None else None
    if prop is None:
        prop = next((p for s in model.schemata.values() if (p := s.get(name)) is not None), None)
    return str(prop.label) if prop is not None else name


def identifier_label(scheme: str | None) -> str:
    """The reader's words for a stored identifier scheme ("inn", "crypto:XBT")."""
    if not scheme:
        return ""
    base, _colon, currency = scheme.partition(":")
    prop = SCHEME_PROPERTIES.get(base)
    label = property_label(prop) if prop is not None else scheme
    return f"{label} ({currency})" if currency and prop is not None else label
