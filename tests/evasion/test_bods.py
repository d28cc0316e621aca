"""BODS 0.4 files checked against Open Ownership's official schema (vendored with its licence): a realistic
declaration with people, entities, indirect and unspecified relationships is read; a file that breaks the schema
is refused whole, each error naming the statement (number and statementId) and the field."""

import copy
import json
import sys
from importlib import resources

import pytest

from hramada.evasion import parsers
from hramada.evasion.parsers import ImportRefusedError

PUBLICATION = {
    "publicationDate": "2024-06-03T09:00:00Z",
    "bodsVersion": "0.4",
    "license": "https://creativecommons.org/publicdomain/zero/1.0/",
    "publisher": {"name": "DEMO register of beneficial owners", "url": "https://register.example.org"},
}
SOURCE = {
    "type": ["officialRegister", "verified"],
    "description": "Annual confirmation statement",
    "url": "https://register.example.org/filings/2024/000123",
    "retrievedAt": "2024-06-01",
    "assertedBy": [{"name": "DEMO register of beneficial owners"}],
}


def _statement(number: int, record_id: str, record_type: str, details: dict) -> dict:
    return {
        "statementId": f"hramada-test-{number:0>4}-0000-0000-000000000000",
        "statementDate": "2024-05-31",
        "declaration": "confirmation-2024-000123",
        "declarationSubject": "entity-baltic-bulk",
        "recordId": record_id,
        "recordType": record_type,
        "recordStatus": "new",
        "recordDetails": details,
        "publicationDetails": PUBLICATION,
        "source": SOURCE,
    }


def declaration() -> list[dict]:
    """A realistic declaration: a listed parent holds a trader (100%) that holds a shipping company (60%); a
    natural person controls the shipping company's board; a 15% holder is not disclosed; the parent's indirect
    60% is declared with its component relationships."""
    return [
        _statement(
            1,
            "entity-belaruskali",
            "entity",
            {
                "isComponent": True,
                "entityType": {"type": "registeredEntity"},
                "name": "OAO Belaruskali",
                "alternateNames": ["Belaruskali OAO", "JSC Belaruskali"],
                "jurisdiction": {"name": "Belarus", "code": "BY"},
                "identifiers": [{"id": "600122610", "schemeName": "Belarus UNP (taxpayer number)"}],
                "foundingDate": "1970-01-01",
                "addresses": [
                    {
                        "type": "registered",
                        "address": "5 Korzha Street, Soligorsk",
                        "postCode": "223710",
                        "country": {"name": "Belarus", "code": "BY"},
                    }
                ],
            },
        ),
        _statement(
            2,
            "entity-potash-trade",
            "entity",
            {
                "isComponent": True,
                "entityType": {"type": "registeredEntity"},
                "name": "DEMO Potash Trade FZE",
                "jurisdiction": {"name": "United Arab Emirates", "code": "AE"},
                "identifiers": [{"id": "FZE-000000", "scheme": "AE-DMCC"}],
            },
        ),
        _statement(
            3,
            "entity-baltic-bulk",
            "entity",
            {
                "isComponent": False,
                "entityType": {"type": "registeredEntity"},
                "name": "DEMO Baltic Bulk Shipping Ltd",
                "jurisdiction": {"name": "Latvia", "code": "LV"},
                "identifiers": [{"id": "40000000000", "scheme": "LV-RE"}],
                "publicListing": {"hasPublicListing": False},
            },
        ),
        _statement(
            4,
            "person-director",
            "person",
            {
                "isComponent": False,
                "personType": "knownPerson",
                "names": [
                    {"type": "legal", "fullName": "DEMO Ivan Petrovich Ivanov", "familyName": "Ivanov"},
                    {"type": "transliteration", "fullName": "DEMO Іван Пятровіч Іваноў"},
                ],
                "nationalities": [{"name": "Belarus", "code": "BY"}],
                "birthDate": "1965-03",
                "politicalExposure": {"status": "isNotPep"},
            },
        ),
        _statement(
            5,
            "rel-parent-trade",
            "relationship",
            {
                "isComponent": True,
                "componentRecords": [],
                "subject": "entity-potash-trade",
                "interestedParty": "entity-belaruskali",
                "interests": [
                    {
                        "type": "shareholding",
                        "directOrIndirect": "direct",
                        "beneficialOwnershipOrControl": False,
                        "share": {"exact": 100, "minimum": 100, "maximum": 100},
                        "startDate": "2019-04-01",
                    }
                ],
            },
        ),
        _statement(
            6,
            "rel-trade-bulk",
            "relationship",
            {
                "isComponent": True,
                "componentRecords": [],
                "subject": "entity-baltic-bulk",
                "interestedParty": "entity-potash-trade",
                "interests": [
                    {
                        "type": "shareholding",
                        "directOrIndirect": "direct",
                        "beneficialOwnershipOrControl": False,
                        "share": {"minimum": 60, "maximum": 60},
                        "startDate": "2021-09-15",
                    }
                ],
            },
        ),
        _statement(
            7,
            "rel-parent-bulk",
            "relationship",
            {
                "isComponent": False,
                "componentRecords": ["rel-parent-trade", "rel-trade-bulk"],
                "subject": "entity-baltic-bulk",
                "interestedParty": "entity-belaruskali",
                "interests": [
                    {
                        "type": "shareholding",
                        "directOrIndirect": "indirect",
                        "beneficialOwnershipOrControl": False,
                        "share": {"exact": 60},
                    }
                ],
            },
        ),
        _statement(
            8,
            "rel-director-bulk",
            "relationship",
            {
                "isComponent": False,
                "subject": "entity-baltic-bulk",
                "interestedParty": "person-director",
                "interests": [
                    {
                        "type": "appointmentOfBoard",
                        "directOrIndirect": "direct",
                        "beneficialOwnershipOrControl": True,
                    },
                    {
                        "type": "votingRights",
                        "directOrIndirect": "direct",
                        "share": {"exclusiveMinimum": 50, "maximum": 75},
                    },
                ],
            },
        ),
        _statement(
            9,
            "rel-undisclosed-bulk",
            "relationship",
            {
                "isComponent": False,
                "subject": "entity-baltic-bulk",
                "interestedParty": {
                    "reason": "interestedPartyExemptFromDisclosure",
                    "description": "Holder of 15% protected under a court order",
                },
                "interests": [{"type": "shareholding", "share": {"exact": 15}}],
            },
        )
        | {
            "annotations": [
                {
                    "statementPointerTarget": "/recordDetails/interestedParty",
                    "motivation": "commenting",
                    "description": "Disclosure exemption recorded by the register",
                }
            ]
        },
    ]


def _encode(statements: list[dict]) -> bytes:
    return json.dumps(statements, ensure_ascii=False).encode("utf-8")


def test_a_realistic_declaration_validates_and_gives_every_link():
    holdings = parsers.bods_json(_encode(declaration()))
    found = {(h.owner_id, h.owned_id, h.share, h.control) for h in holdings}
    assert ("entity-belaruskali", "entity-potash-trade", 100, "") in found
    assert ("entity-potash-trade", "entity-baltic-bulk", 60, "") in found  # a range's minimum counts
    assert ("entity-belaruskali", "entity-baltic-bulk", 60, "") in found  # the declared indirect interest
    assert ("person-director", "entity-baltic-bulk", None, "board") in found
    # voting rights of more than 50% (an exclusive minimum of 50) are control under the EU criteria
    assert ("person-director", "entity-baltic-bulk", None, "voting-agreement") in found
    # the undisclosed 15% holder has no record to link: nothing else is read
    assert len(holdings) == 5
    director = next(h for h in holdings if h.owner_id == "person-director")
    assert director.owner_schema == "Person" and director.owner_name == "DEMO Ivan Petrovich Ivanov"
    [parent] = [h for h in holdings if h.owned_id == "entity-potash-trade"]
    assert parent.owner_name == "OAO Belaruskali" and parent.start_date == "2019-04-01"


def _break(number: int, change) -> list[dict]:
    statements = copy.deepcopy(declaration())
    change(statements[number - 1])
    return statements


BROKEN = {
    "an impossible date": (
        6,
        lambda s: s["recordDetails"]["interests"][0].update(startDate="2021-13-15"),
        "recordDetails/interests/0/startDate",
    ),
    "an interest type outside the codelist": (
        5,
        lambda s: s["recordDetails"]["interests"][0].update(type="ownership"),
        "recordDetails/interests/0/type",
    ),
    "a share over 100": (
        7,
        lambda s: s["recordDetails"]["interests"][0]["share"].update(exact=160),
        "recordDetails/interests/0/share/exact",
    ),
    "a person name without fullName": (
        4,
        lambda s: s["recordDetails"]["names"][0].pop("fullName"),
        "recordDetails/names/0",
    ),
    "an unknown record type": (3, lambda s: s.update(recordType="company"), "recordType"),
    "a country code of three letters": (
        1,
        lambda s: s["recordDetails"]["addresses"][0]["country"].update(code="BLR"),
        "recordDetails/addresses/0/country/code",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_file_breaking_the_schema_is_refused_naming_the_statement_and_field(case):
    number, change, field = BROKEN[case]
    statements = _break(number, change)
    with pytest.raises(ImportRefusedError) as refused:
        parsers.bods_json(_encode(statements))
    statement_id = statements[number - 1]["statementId"]
    assert any(
        e.startswith(f"statement {number} (statementId {statement_id}):") and f"(at {field}" in e
        for e in refused.value.errors
    ), refused.value.errors


def test_a_missing_statement_date_and_a_short_statement_id_are_both_reported():
    statements = copy.deepcopy(declaration())
    del statements[1]["statementDate"]
    statements[7]["statementId"] = "too-short"
    with pytest.raises(ImportRefusedError) as refused:
        parsers.bods_json(_encode(statements))
    errors = refused.value.errors
    assert any(e.startswith("statement 2 ") and "'statementDate' is a required property" in e for e in errors)
    assert any(e.startswith("statement 8 (statementId too-short)") and "statementId" in e for e in errors)


def test_a_file_that_is_not_a_list_of_statements_is_refused():
    with pytest.raises(ImportRefusedError, match="the file: 'not statements' is not of type 'array'"):
        parsers.bods_json(b'"not statements"')


def test_the_schema_is_the_vendored_official_one_with_its_licence(monkeypatch):
    folder = resources.files("hramada.evasion").joinpath(*parsers.BODS_SCHEMA_FOLDER)
    for name in parsers.BODS_SCHEMA_FILES:
        document = json.loads((folder / f"{name}.json").read_text("utf-8"))
        assert document["version"] == "0.4" and document["$id"].startswith("urn:")
    assert "Apache License" in (folder / "LICENSE.txt").read_text("utf-8")
    assert "github.com/openownership/data-standard" in (folder / "SOURCE.txt").read_text("utf-8")
    # Validation needs no other package's copy of the schema.
    monkeypatch.setitem(sys.modules, "libcovebods", None)
    parsers.bods_validator.cache_clear()
    try:
        assert parsers.bods_json(_encode(declaration()))
    finally:
        parsers.bods_validator.cache_clear()
