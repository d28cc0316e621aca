"""360Giving's spreadsheet form: published with flattentool and read back to the same records; a broken or
plausible-but-wrong workbook is refused whole, every problem at its sheet, row and column, nothing stored."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from hramada.registry import imports
from hramada.registry.importers import FileRefusedError, giving_sheet
from hramada.registry.models import GrantRecord
from tests.registry.test_imports import giving_package

pytestmark = pytest.mark.django_db


def workbook(**grant: Any) -> bytes:
    return giving_sheet.write(json.loads(giving_package(**grant)))


def edited(data: bytes, sheet: str, title: str, value: Any, row: int = 2) -> bytes:
    book = load_workbook(io.BytesIO(data))
    ws = book[sheet]
    column = next(c.column for c in ws[1] if c.value == title)
    ws.cell(row=row, column=column).value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def run(donor: Any, user: Any, data: bytes) -> imports.ImportResult:
    return imports.run_import(donor, kind="360g_xlsx", filename="grants.xlsx", data=data, by=user)


def test_a_published_workbook_reads_back_as_the_same_grant(make_donor: Any, coordinator_of: Any) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    data = workbook()
    result = run(donor, user, data)
    assert result.ok, result.problems
    record = GrantRecord.objects.get(identifier="360G-eed-25-117")
    assert (record.amount, record.currency, record.theme, record.geography) == (150000, "EUR", "media", "LT")
    assert str(record.end) == "2026-05-05"
    assert run(donor, user, data).already_imported is not None
    # Another file (a column the registry does not read was filled in) with the same grant: nothing changes.
    again = run(donor, user, edited(data, "grants", "Data Source", "https://example.org/grants"))
    assert again.ok, again.problems
    assert (again.created, again.changed, again.unchanged) == ([], [], 1)


def test_a_cell_that_fails_the_schema_is_named_by_sheet_row_and_column(
    make_donor: Any, coordinator_of: Any
) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    data = edited(edited(workbook(), "grants", "Amount Awarded", "lots"), "grants", "Award Date", "yesterday")
    result = run(donor, user, data)
    wheres = {p.where for p in result.problems}
    assert any("row 2" in w and "Amount Awarded" in w for w in wheres), wheres
    assert any("row 2" in w and "Award Date" in w for w in wheres), wheres
    assert not GrantRecord.objects.exists()


@pytest.mark.parametrize(
    ("title", "value", "message"),
    [
        ("Currency", "XYZ", "XYZ"),
        ("Amount Awarded", -5, "amount"),
    ],
)
def test_plausible_but_wrong_values_are_row_errors_and_store_nothing(
    make_donor: Any, coordinator_of: Any, title: str, value: Any, message: str
) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    result = run(donor, user, edited(workbook(), "grants", title, value))
    assert result.problems and not GrantRecord.objects.exists()
    assert any(message.casefold() in str(p).casefold() for p in result.problems), result.problems


def test_a_period_that_ends_before_it_starts_is_refused_at_its_row(
    make_donor: Any, coordinator_of: Any
) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    data = edited(workbook(), "Planned Dates", "Planned Dates:End Date", "2024-01-01")
    result = run(donor, user, data)
    assert [p.where for p in result.problems] == ["sheet grants, row 2"]
    assert not GrantRecord.objects.exists()


def test_a_file_that_is_not_a_workbook_or_unpacks_too_far_is_refused_whole() -> None:
    with pytest.raises(FileRefusedError):
        giving_sheet.read(b"Identifier,Title\n1,2\n")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/padding.bin", b"\0" * (giving_sheet.MAX_UNPACKED + 1))
    with pytest.raises(FileRefusedError, match="100 MB"):
        giving_sheet.read(bomb.getvalue())


def test_a_workbook_without_the_360giving_titles_is_refused() -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Grant ref", "Who", "Sum"])
    book.active.append(["G-1", "Somebody", 100])
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(FileRefusedError):
        giving_sheet.read(out.getvalue())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=st.sampled_from(["Amount Awarded", "Award Date", "Currency", "Identifier", "Title"]),
    value=st.one_of(
        st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30),
        st.integers(-(10**12), 10**12),
        st.floats(allow_nan=False),
        st.none(),
    ),
)
def test_any_cell_value_is_read_or_refused_with_problems_never_an_exception(title: str, value: Any) -> None:
    data = edited(workbook(), "grants", title, value)
    try:
        rows = giving_sheet.read(data)
    except FileRefusedError as e:
        assert e.problems
    else:
        assert len(rows) == 1
