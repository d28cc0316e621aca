"""Watch-list uploads: all or nothing, every problem named by row and column; names encrypted at rest."""

from __future__ import annotations

import io
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from hramada.core.models import AuditEntry
from hramada.monitoring import services
from hramada.monitoring.models import WatchList, WatchListEntry
from hramada.monitoring.watchlists import WatchListRefusedError, read_watch_list
from tests.monitoring.conftest import watch_csv

pytestmark = pytest.mark.django_db


def _xlsx(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_csv_watch_list_is_stored_encrypted_and_its_first_screening_queued(analyst: Any) -> None:
    data = watch_csv(
        [("Аляксандр Лукашэнка", "Person", "1954-08-30", "by"), ("OAO Belaz", "Company", "", "")]
    )
    watch_list = services.upload_watch_list(name="Partners", file_name="partners.csv", data=data, by=analyst)
    assert watch_list.row_count == 2
    entry = WatchListEntry.objects.get(watch_list=watch_list, row=2)
    raw = WatchListEntry.objects.filter(pk=entry.pk).values_list("name", flat=True).get()
    assert "Лукашэнка" not in str(raw), "the name is encrypted at rest"
    assert entry.reveal("name", by=analyst, purpose="test") == "Аляксандр Лукашэнка"
    audit = AuditEntry.objects.get(action="monitoring.watch_list.uploaded")
    assert audit.detail["rows"] == 2 and "Лукашэнка" not in str(audit.detail)


def test_an_xlsx_watch_list_is_read_like_a_csv(analyst: Any) -> None:
    data = _xlsx([["name", "schema", "identifier"], ["Chip and Dip LLC", "Company", "190000001"]])
    watch_list = services.upload_watch_list(
        name="Suppliers", file_name="suppliers.xlsx", data=data, by=analyst
    )
    assert watch_list.row_count == 1


def test_wrong_columns_are_refused_with_the_column_named_and_nothing_stored(analyst: Any) -> None:
    data = b"fullname,dob\nIvan Ivanou,1970-01-01\n"
    with pytest.raises(WatchListRefusedError) as refused:
        services.upload_watch_list(name="Bad", file_name="bad.csv", data=data, by=analyst)
    messages = [str(p) for p in refused.value.problems]
    assert any("name" in m and "missing" in m for m in messages)
    assert any("column 1" in m and "fullname" in m for m in messages)
    assert any("column 2" in m and "dob" in m for m in messages)
    assert not WatchList.objects.exists()


def test_a_file_in_another_encoding_is_refused_with_where_it_breaks(analyst: Any) -> None:
    data = "name\nАляксандр Лукашэнка\n".encode("cp1251")
    with pytest.raises(WatchListRefusedError) as refused:
        services.upload_watch_list(name="cp1251", file_name="list.csv", data=data, by=analyst)
    assert "UTF-8" in str(refused.value.problems[0])
    assert str(refused.value.problems[0]).startswith("byte 6")
    assert not WatchList.objects.exists()


def test_every_bad_row_is_named_and_the_good_rows_are_not_stored_either(analyst: Any) -> None:
    data = watch_csv(
        [
            ("Ivan Ivanou", "Person", "1970-01-01", "by"),
            ("", "Person", "", ""),
            ("Hanna Kavalenka", "Persn", "", ""),
            ("Piotr Zhuk", "Person", "31.02.1980", ""),
            ("Volha Maroz", "Person", "", "Narnia"),
        ]
    )
    with pytest.raises(WatchListRefusedError) as refused:
        services.upload_watch_list(name="Mixed", file_name="mixed.csv", data=data, by=analyst)
    where = [p.where for p in refused.value.problems]
    assert where == ["row 3, name", "row 4, schema", "row 5, birth_date", "row 6, country"]
    assert not WatchList.objects.exists() and not WatchListEntry.objects.exists()


def test_a_file_that_is_no_spreadsheet_is_refused() -> None:
    with pytest.raises(WatchListRefusedError):
        read_watch_list("list.xlsx", b"PK\x03\x04 not really a zip")
    with pytest.raises(WatchListRefusedError):
        read_watch_list("list.csv", b"")


def test_only_a_sanctions_analyst_uploads(make_staff: Any) -> None:
    from hramada.core.roles import Role

    with pytest.raises(services.MonitoringError):
        services.upload_watch_list(
            name="x",
            file_name="x.csv",
            data=watch_csv([("Ivan Ivanou",)], ("name",)),
            by=make_staff(Role.AUDITOR),
        )


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=30), min_size=1, max_size=6))
def test_any_cells_are_either_read_or_refused_with_row_level_problems(cells: list[str]) -> None:
    buffer = io.StringIO()
    import csv

    writer = csv.writer(buffer)
    writer.writerow(["name", "country"])
    for cell in cells:
        writer.writerow([cell, cell[:3]])
    try:
        rows = read_watch_list("x.csv", buffer.getvalue().encode("utf-8"))
    except WatchListRefusedError as refused:
        assert refused.problems and all(str(p) for p in refused.problems)
    else:
        assert all(row.name for row in rows)


def test_a_large_list_stored_in_parts_is_all_or_nothing(
    analyst: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows go in by short transactions; a failure on a later part removes the earlier ones too, and a list is
    watched only once every row is in."""
    monkeypatch.setattr(services, "UPLOAD_CHUNK", 1)
    calls = {"n": 0}
    original = WatchListEntry.objects.bulk_create

    def failing_second_part(objs: Any, *args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return original(objs, *args, **kwargs)

    monkeypatch.setattr(WatchListEntry.objects, "bulk_create", failing_second_part)
    data = watch_csv([("Ivan Ivanou", "Person", "", ""), ("Hanna Kavalenka", "Person", "", "")])
    with pytest.raises(RuntimeError):
        services.upload_watch_list(name="Big", file_name="big.csv", data=data, by=analyst)
    assert not WatchList.objects.exists() and not WatchListEntry.objects.exists()
