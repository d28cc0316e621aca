"""Imports are all or nothing, report every problem with its row or path, recognise a file seen before and update
the records a changed file owns."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import Workbook

from hramada.registry import imports, services
from hramada.registry.models import ColumnMapping, GrantRecord, ImportBatch, Provenance
from tests.registry.conftest import record_input

pytestmark = pytest.mark.django_db

HEADER = "Grant ref,Recipient,Project,Sum,Cur,Awarded,From,To,Area,Country\n"
ROW = "{ref},{who},Safety of journalists,{amount},{cur},2025-03-03,2025-03-03,{end},Independent media,LT\n"
MAPPING = {
    "identifier": "Grant ref",
    "recipient_name": "Recipient",
    "title": "Project",
    "amount": "Sum",
    "currency": "Cur",
    "award_date": "Awarded",
    "start": "From",
    "end": "To",
    "theme": "Area",
    "geography": "Country",
}


def csv_file(*rows: dict[str, str]) -> bytes:
    body = "".join(
        ROW.format(
            **{
                "who": "Belarusian Association of Journalists",
                "amount": "1000",
                "cur": "EUR",
                "end": "2026-03-02",
                **r,
            }
        )
        for r in rows
    )
    return (HEADER + body).encode("utf-8")


def run(
    donor: Any, user: Any, data: bytes, kind: str = "csv", mapping: Any = MAPPING
) -> imports.ImportResult:
    return imports.run_import(donor, kind=kind, filename="grants.csv", data=data, by=user, mapping=mapping)


def test_a_mapped_csv_imports_every_row_and_remembers_the_mapping(
    make_donor: Any, coordinator_of: Any
) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    result = run(donor, user, csv_file({"ref": "A"}, {"ref": "B", "amount": "2500.50", "cur": "PLN"}))
    assert result.ok and result.created == ["A", "B"]
    assert GrantRecord.objects.get(identifier="B").currency == "PLN"
    assert ColumnMapping.objects.get(donor=donor).mapping == MAPPING


def test_one_bad_row_stores_nothing_and_every_problem_names_its_row(
    make_donor: Any, coordinator_of: Any
) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    data = csv_file(
        {"ref": "A"},
        {"ref": "B", "cur": "XYZ"},
        {"ref": "C", "amount": "-5"},
        {"ref": "D", "end": "2024-01-01"},
        {"ref": "A"},
        {"ref": "E", "amount": "99999999999"},
    )
    result = run(donor, user, data)
    assert not result.ok
    text = [str(p) for p in result.problems]
    assert any(t.startswith("row 3") and "XYZ" in t for t in text)
    assert any(t.startswith("row 4") and "more than zero" in t for t in text)
    assert any(t.startswith("row 5") and "ends before it starts" in t for t in text)
    assert any(t.startswith("row 6") and "twice" in t for t in text)
    assert any(t.startswith("row 7") and "implausibly large" in t for t in text)
    assert not GrantRecord.objects.exists() and not ImportBatch.objects.exists()


def test_an_identifier_the_donor_recorded_by_hand_is_refused_at_its_row_and_nothing_is_stored(
    make_donor: Any, coordinator_of: Any
) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    services.record_grant(donor, record_input(identifier="B", amount=Decimal("700.00")), by=user)
    result = run(donor, user, csv_file({"ref": "A"}, {"ref": "B"}))
    assert not result.ok
    assert [p.where for p in result.problems] == ["row 3"]
    assert "already has the record B" in result.problems[0].message
    record = GrantRecord.objects.get()
    assert (record.identifier, record.amount, record.provenance) == (
        "B",
        Decimal("700.00"),
        Provenance.PERSON,
    )
    assert not ImportBatch.objects.exists()


def test_a_csv_in_another_encoding_is_refused_with_its_line(make_donor: Any, coordinator_of: Any) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    data = csv_file({"ref": "A"}, {"ref": "B", "who": "Беларуская асацыяцыя"}).decode().encode("cp1251")
    result = run(donor, user, data)
    assert [p.where for p in result.problems] == ["line 3"]
    assert "UTF-8" in result.problems[0].message
    assert not GrantRecord.objects.exists()


def test_a_mapping_that_leaves_a_required_field_empty_is_refused(
    make_donor: Any, coordinator_of: Any
) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    mapping = {k: v for k, v in MAPPING.items() if k != "currency"}
    result = run(donor, user, csv_file({"ref": "A"}), mapping=mapping)
    assert [p.where for p in result.problems] == ["currency"]
    assert not GrantRecord.objects.exists()


def test_the_same_file_again_is_recognised_and_a_changed_file_reports_its_changes(
    make_donor: Any, coordinator_of: Any
) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    first = csv_file({"ref": "A"}, {"ref": "B"})
    assert run(donor, user, first).ok
    again = run(donor, user, first)
    assert again.already_imported is not None and ImportBatch.objects.count() == 1
    changed = run(donor, user, csv_file({"ref": "A"}, {"ref": "B", "amount": "2000"}, {"ref": "C"}))
    assert changed.created == ["C"] and changed.changed == ["B"] and changed.unchanged == 1
    assert str(GrantRecord.objects.get(identifier="B").amount) == "2000.00"


def test_an_xlsx_file_imports_like_a_csv(make_donor: Any, coordinator_of: Any) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for line in csv_file({"ref": "X1"}).decode().splitlines():
        sheet.append(line.split(","))
    out = io.BytesIO()
    book.save(out)
    result = run(donor, user, out.getvalue(), kind="xlsx")
    assert result.ok and result.created == ["X1"]


IATI = """<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="{version}" generated-datetime="2026-01-01T00:00:00Z">
 <iati-activity default-currency="EUR" last-updated-datetime="2026-01-01T00:00:00Z">
  <iati-identifier>SE-0-51230</iati-identifier>
  <reporting-org ref="SE-0" type="10"><narrative>Sida</narrative></reporting-org>
  <title><narrative>Media literacy</narrative></title>
  <description><narrative>Courses in Belarusian</narrative></description>
  <participating-org role="1" ref="SE-0"><narrative>Sida</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2025-01-06"/>
  <activity-date type="3" iso-date="2025-12-31"/>
  <recipient-country code="LT" percentage="100"/>
  <sector vocabulary="1" code="15153" percentage="100"/>
  <transaction>
   <transaction-type code="2"/>
   <transaction-date iso-date="2025-01-06"/>
   <value currency="SEK" value-date="2025-01-06">1150000</value>
   <receiver-org><narrative>Белорусская ассоциация журналистов</narrative></receiver-org>
  </transaction>
 </iati-activity>
</iati-activities>
"""


def test_an_iati_203_file_is_validated_and_read(make_donor: Any, coordinator_of: Any) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    result = run(donor, user, IATI.format(version="2.03").encode(), kind="iati", mapping=None)
    assert result.ok, result.problems
    record = GrantRecord.objects.get(identifier="SE-0-51230")
    assert (record.currency, record.theme, record.geography) == ("SEK", "media", "LT")


def test_an_iati_file_of_another_version_is_refused(make_donor: Any, coordinator_of: Any) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    result = run(donor, user, IATI.format(version="2.02").encode(), kind="iati", mapping=None)
    assert "2.02" in result.problems[0].message and not GrantRecord.objects.exists()


def test_an_iati_file_failing_the_schema_is_refused_with_lines(make_donor: Any, coordinator_of: Any) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    bad = IATI.format(version="2.03").replace('<activity-status code="2"/>', "<activity-status/>")
    result = run(donor, user, bad.encode(), kind="iati", mapping=None)
    assert result.problems and result.problems[0].where.startswith("line")
    assert not GrantRecord.objects.exists()


def test_an_xml_bomb_is_refused_without_expanding_it(make_donor: Any, coordinator_of: Any) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
        '<iati-activities version="2.03">&lol2;</iati-activities>'
    )
    result = run(donor, user, bomb.encode(), kind="iati", mapping=None)
    assert "DTD" in result.problems[0].message and not GrantRecord.objects.exists()


def giving_package(**grant: Any) -> bytes:
    base = {
        "id": "360G-eed-25-117",
        "title": "Journalists' safety",
        "description": "Safety training",
        "currency": "EUR",
        "amountAwarded": 150000,
        "awardDate": "2025-05-06",
        "plannedDates": [{"startDate": "2025-05-06", "endDate": "2026-05-05"}],
        "recipientOrganization": [{"id": "XI-DEMO-1", "name": "Belarusian Association of Journalists"}],
        "fundingOrganization": [{"id": "XI-DEMO-EED", "name": "EED"}],
        "classifications": [{"vocabulary": "hramada-theme", "code": "media"}],
        "beneficiaryLocation": [{"countryCode": "LT"}],
    }
    base.update(grant)
    return json.dumps({"grants": [base]}).encode()


def test_a_360giving_package_is_validated_and_read(make_donor: Any, coordinator_of: Any) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    result = run(donor, user, giving_package(), kind="360giving", mapping=None)
    assert result.ok, result.problems
    assert GrantRecord.objects.get(identifier="360G-eed-25-117").amount_eur == 150000


def test_a_360giving_file_failing_the_schema_lists_every_error_with_its_path(
    make_donor: Any, coordinator_of: Any
) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    result = run(
        donor,
        user,
        giving_package(amountAwarded="lots", awardDate="yesterday"),
        kind="360giving",
        mapping=None,
    )
    paths = {p.where for p in result.problems}
    assert {"/grants/0/amountAwarded", "/grants/0/awardDate"} <= paths
    assert not GrantRecord.objects.exists()


def test_a_bad_value_repeated_on_many_rows_is_reported_on_each_of_them(
    make_donor: Any, coordinator_of: Any
) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    data = csv_file(
        {"ref": "A", "cur": "XYZ"},
        {"ref": "B"},
        {"ref": "C", "cur": "XYZ"},
        {"ref": "D", "end": "2025-13-01"},
        {"ref": "E", "end": "2025-13-01"},
    )
    result = run(donor, user, data)
    assert [p.where for p in result.problems] == ["row 2", "row 4", "row 5", "row 6"]
    assert "XYZ" in result.problems[1].message and "2025-13-01" in result.problems[3].message
    assert GrantRecord.objects.count() == 0
