"""BODS 0.4 files validated against the published schema; TagPacks; shareholding CSV edge cases."""

import json

import pytest

from hramada.evasion import parsers
from hramada.evasion.parsers import ImportRefusedError

PUBLICATION = {"publicationDate": "2024-05-01", "bodsVersion": "0.4", "publisher": {"name": "Hramada test"}}


def statement(sid, record_id, record_type, details):
    return {
        "statementId": f"{sid:0>32}",
        "declarationSubject": "demo-baltic-bulk",
        "statementDate": "2024-05-01",
        "recordId": record_id,
        "recordType": record_type,
        "recordDetails": details,
        "publicationDetails": PUBLICATION,
    }


def bods(share=60, interest="shareholding"):
    return [
        statement(
            1,
            "ofac-32746",
            "entity",
            {"isComponent": False, "entityType": {"type": "registeredEntity"}, "name": "BELARUSKALI OAO"},
        ),
        statement(
            2,
            "demo-baltic-bulk",
            "entity",
            {"isComponent": False, "entityType": {"type": "registeredEntity"}, "name": "DEMO Baltic Bulk"},
        ),
        statement(
            3,
            "rel-1",
            "relationship",
            {
                "isComponent": False,
                "subject": "demo-baltic-bulk",
                "interestedParty": "ofac-32746",
                "interests": [
                    {
                        "type": interest,
                        "directOrIndirect": "direct",
                        "beneficialOwnershipOrControl": False,
                        "share": {"exact": share},
                    }
                ],
            },
        ),
    ]


def test_a_valid_bods_file_gives_an_ownership_link():
    [holding] = parsers.bods_json(json.dumps(bods()).encode())
    assert (holding.owner_id, holding.owned_id, str(holding.share)) == (
        "ofac-32746",
        "demo-baltic-bulk",
        "60",
    )
    assert holding.owner_name == "BELARUSKALI OAO"


def test_a_board_appointment_interest_is_a_control_link():
    [holding] = parsers.bods_json(json.dumps(bods(interest="appointmentOfBoard")).encode())
    assert holding.share is None and holding.control == "board"


def test_a_bods_file_that_fails_the_schema_is_refused_with_the_place():
    broken = bods()
    del broken[2]["recordDetails"]["subject"]
    broken[0]["recordType"] = "company"
    with pytest.raises(ImportRefusedError) as refused:
        parsers.bods_json(json.dumps(broken).encode())
    assert refused.value.errors
    assert any("0/recordType" in e or "'company'" in e for e in refused.value.errors)


def test_a_bods_share_over_100_is_refused():
    with pytest.raises(ImportRefusedError):
        parsers.bods_json(json.dumps(bods(share=130)).encode())


def test_tagpack_header_fields_are_inherited_and_addresses_checked():
    pack = (
        b"title: t\ncreator: c\ncurrency: BTC\ncategory: exchange\nsource: s\ntags:\n"
        b"  - address: 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h\n    label: one\n"
        b"  - address: 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9i\n    label: two\n"
    )
    with pytest.raises(ImportRefusedError, match="tag 2"):
        parsers.tagpack_yaml(pack)
    [tag] = parsers.tagpack_yaml(pack.rsplit(b"  - address", 1)[0])
    assert (tag.category, tag.source, tag.currency) == ("exchange", "s", "BTC")


def test_shareholding_without_share_or_control_is_an_error():
    with pytest.raises(ImportRefusedError, match="row 2: give a share"):
        parsers.shareholdings_csv(b"owner_id,owned_id,share,control\nA,B,,\n")


def test_xlsx_shipment_file_is_read_like_csv():
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["shipment_id", "shipper", "consignee", "vessel_imo", "hs_codes", "value"])
    sheet.append(["S1", "A", "B", "9187629", "3104.20", 1000])
    buffer = io.BytesIO()
    book.save(buffer)
    [shipment] = parsers.shipments(buffer.getvalue(), "file.xlsx")
    assert shipment.vessel_imo == "9187629" and shipment.hs_codes == ("310420",)
