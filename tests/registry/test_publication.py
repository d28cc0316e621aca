"""The published IATI and 360Giving files validate against the bundled schemas and never name or identify an
at-risk recipient; every redaction is marked."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from lxml import etree

from hramada.registry import publication, screening, services, standards
from hramada.registry.models import Consent, Recipient
from tests.registry.conftest import record_input

pytestmark = pytest.mark.django_db

AT_RISK_ORG = "Праваабарончы цэнтр «Вясна»"
AT_RISK_REG = "BY-REG-100200300"
PERSON = "Ales Bialiatski"
CONSENTED = "Беларуская асацыяцыя журналістаў"
NOT_AT_RISK = "Office of Sviatlana Tsikhanouskaya"


@pytest.fixture
def published(make_donor: Any, coordinator_of: Any) -> None:
    donor = make_donor("eed", iati="XI-DEMO-EED")
    user = coordinator_of(donor)
    services.record_grant(
        donor,
        record_input(
            identifier="1",
            recipient_name=AT_RISK_ORG,
            recipient_registration=AT_RISK_REG,
            is_public=True,
            theme="legal",
            geography="BY",
        ),
        by=user,
    )
    services.record_grant(
        donor,
        record_input(
            identifier="2",
            recipient_name=AT_RISK_ORG,
            recipient_registration=AT_RISK_REG,
            is_public=True,
            theme="legal",
            geography="BY",
        ),
        by=user,
    )
    services.record_grant(
        donor,
        record_input(
            identifier="3",
            recipient_name=PERSON,
            recipient_kind="individual",
            is_public=True,
            theme="humanitarian",
        ),
        by=user,
    )
    baj = services.record_grant(
        donor, record_input(identifier="4", recipient_name=CONSENTED, is_public=True), by=user
    )
    services.give_consent(baj.recipient, scope=Consent.Scope.PUBLISH, given_on=date(2025, 1, 1), by=user)
    office = services.upsert_record(
        donor,
        record_input(identifier="5", recipient_name=NOT_AT_RISK, is_public=True, theme="democratic"),
        by=user,
        provenance="person",
        source="t",
        at_risk=False,
    )[0]
    assert office.recipient.public_name == NOT_AT_RISK
    services.record_grant(
        donor, record_input(identifier="6", recipient_name="Private recipient", is_public=False), by=user
    )


def test_the_iati_file_validates_against_the_iati_203_schema(published: None) -> None:
    document = etree.fromstring(publication.iati_xml())
    schema = standards.iati_schema()
    assert schema.validate(document), schema.error_log


def test_the_360giving_file_validates_against_the_360giving_schema(published: None) -> None:
    package = json.loads(publication.giving_json())
    errors = list(standards.giving_validator().iter_errors(package))
    assert errors == []


def test_no_at_risk_name_or_identifier_appears_in_either_file(published: None) -> None:
    files = publication.iati_xml().decode() + publication.giving_json()
    for secret in (AT_RISK_ORG, "Вясна", AT_RISK_REG, PERSON, "Bialiatski", "Private recipient"):
        assert secret not in files
    assert CONSENTED in files and NOT_AT_RISK in files


def test_redactions_are_marked_machine_readably(published: None) -> None:
    grants = json.loads(publication.giving_json())["grants"]
    marks = sorted(g.get("hramada_redaction", "") for g in grants)
    assert marks == ["", "", "at-risk-aggregate", "individual"]
    aggregate = next(g for g in grants if g.get("hramada_redaction") == "at-risk-aggregate")
    assert aggregate["amountAwarded"] == 200000 and aggregate["hramada_grantCount"] == 2
    individual = next(g for g in grants if "recipientIndividual" in g)
    assert individual["toIndividualsDetails"]["primaryGrantReason"] in standards.giving_codes(
        "grantToIndividualsReason"
    )
    root = etree.fromstring(publication.iati_xml())
    redacted = root.xpath("//iati-activity/@h:redacted", namespaces={"h": standards.NAMESPACE})
    assert sorted(redacted) == ["at-risk-aggregate", "individual"]


def test_a_held_recipient_is_not_published(make_donor: Any, coordinator_of: Any) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    listed = screening.PossibleMatch("eu-1", "LISTED PERSON", 0.95, "names agree")
    with screening.use_screener(lambda name, *_: [listed] if "Listed" in name else []):
        record = services.upsert_record(
            donor,
            record_input(recipient_name="Listed Company", is_public=True),
            by=user,
            provenance="person",
            source="t",
            at_risk=False,
        )[0]
    assert record.held and record.recipient.screening == Recipient.Screening.HELD
    assert "Listed Company" not in publication.giving_json()
    assert json.loads(publication.giving_json())["grants"] == []


def test_the_360giving_workbook_reads_back_to_the_published_package_and_names_no_one_at_risk(
    published: None, client: Any
) -> None:
    import io

    from openpyxl import load_workbook

    from hramada.registry.importers import giving_sheet

    response = client.get("/registry/public/360giving.xlsx")
    assert response.status_code == 200
    data = response.content
    cells = " ".join(
        str(c.value)
        for ws in load_workbook(io.BytesIO(data))
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    )
    for secret in (AT_RISK_ORG, "Вясна", AT_RISK_REG, PERSON, "Bialiatski", "Private recipient"):
        assert secret not in cells
    assert CONSENTED in cells
    package, _cells = giving_sheet.to_package(data)
    assert list(standards.giving_validator().iter_errors(package)) == []
    published_ids = {g["id"] for g in json.loads(publication.giving_json())["grants"]}
    assert {g["id"] for g in package["grants"]} == published_ids
