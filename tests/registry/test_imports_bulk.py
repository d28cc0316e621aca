"""The bulk import path: one recipient per distinct written name, encrypted once; new recipients wait for screening
with their records held (never published) until the task worker screens them once per recipient; one audit entry
per import; a failed store leaves nothing behind."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from hramada.core.audit import AuditEntry
from hramada.core.fields import blind_lookup
from hramada.core.sealed import Sealed
from hramada.registry import imports, money, publication, rows, screening, services
from hramada.registry.importers import tabular
from hramada.registry.models import GrantRecord, ImportBatch, Recipient, RecipientNameToken, ScreeningHold
from hramada.registry.screening import PossibleMatch
from tests.registry.conftest import record_input
from tests.registry.test_imports import MAPPING, csv_file

pytestmark = pytest.mark.django_db


def run(donor: Any, user: Any, data: bytes) -> imports.ImportResult:
    return imports.run_import(donor, kind="csv", filename="grants.csv", data=data, by=user, mapping=MAPPING)


class CountingScreener:
    """Stands in for the sanctions door: remembers every name asked, matches the names it is told to."""

    def __init__(self, listed: set[str] = frozenset()) -> None:  # type: ignore[assignment]
        self.asked: list[str] = []
        self.listed = listed

    def __call__(self, name: str, schema: str, ref: str, by: Any) -> list[PossibleMatch]:
        self.asked.append(name)
        return [PossibleMatch("eu-1", name, 0.93, "name")] if name in self.listed else []


def test_rows_naming_one_recipient_share_one_encrypted_recipient(
    make_donor: Any, coordinator_of: Any
) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    result = run(
        donor,
        user,
        csv_file(
            {"ref": "A", "who": "Вясна"},
            {"ref": "B", "who": "Вясна"},
            {"ref": "C", "who": "вясна"},  # the blind index folds case: the same recipient
            {"ref": "D", "who": "Viasna"},
        ),
    )
    assert result.ok and result.created == ["A", "B", "C", "D"]
    assert Recipient.objects.count() == 2
    spring = Recipient.objects.get(**blind_lookup(Recipient, "name", "Вясна"))
    assert isinstance(spring.name, Sealed) and "Вясна" not in repr(spring.name)
    assert spring.reveal("name", by=user, purpose="test") == "Вясна"
    assert set(GrantRecord.objects.filter(recipient=spring).values_list("identifier", flat=True)) == {
        "A",
        "B",
        "C",
    }


def test_an_import_finds_a_recipient_recorded_before(make_donor: Any, coordinator_of: Any) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    with screening.use_screener(CountingScreener()):
        earlier = services.record_grant(
            donor, record_input(identifier="H-1", recipient_name="Вясна"), by=user
        )
    assert run(donor, user, csv_file({"ref": "A", "who": "Вясна"})).ok
    assert GrantRecord.objects.get(identifier="A").recipient_id == earlier.recipient_id
    assert Recipient.objects.count() == 1


def test_new_recipients_wait_held_and_are_screened_once_each_after_the_commit(
    make_donor: Any, coordinator_of: Any, django_capture_on_commit_callbacks: Any
) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    screener = CountingScreener(listed={"Listed Holding"})
    rows = [{"ref": f"G-{k}", "who": "Вясна" if k % 2 else "Listed Holding"} for k in range(10)]
    with screening.use_screener(screener):
        with django_capture_on_commit_callbacks() as callbacks:
            assert run(donor, user, csv_file(*rows)).ok
        assert screener.asked == []  # nothing screened inside the import's transaction
        assert set(Recipient.objects.values_list("screening", flat=True)) == {Recipient.Screening.AWAITING}
        assert GrantRecord.objects.filter(held=False).count() == 0
        GrantRecord.objects.update(is_public=True)
        assert json.loads(publication.giving_json())["grants"] == []  # awaiting: never published
        assert len(callbacks) == 1
        callbacks[0]()  # the test settings' task backend runs the task at once
    assert sorted(screener.asked) == ["Listed Holding", "Вясна"]
    spring = Recipient.objects.get(**blind_lookup(Recipient, "name", "Вясна"))
    listed = Recipient.objects.get(**blind_lookup(Recipient, "name", "Listed Holding"))
    assert spring.screening == Recipient.Screening.CLEAR and listed.screening == Recipient.Screening.HELD
    assert not GrantRecord.objects.filter(recipient=spring, held=True).exists()
    assert GrantRecord.objects.filter(recipient=listed, held=False).count() == 0
    assert ScreeningHold.objects.get().recipient == listed
    assert json.loads(publication.giving_json())["grants"] != []  # the clear recipient's records now are
    assert RecipientNameToken.objects.filter(recipient=spring).exists()
    reads = AuditEntry.objects.filter(action="personal_data.read")
    assert [sorted(e.detail["recipients"]) for e in reads] == [sorted([spring.reference, listed.reference])]


def test_an_import_writes_one_audit_entry_with_its_counts(make_donor: Any, coordinator_of: Any) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    before = AuditEntry.objects.count()
    assert run(donor, user, csv_file(*({"ref": f"G-{k}", "who": f"Org {k % 3}"} for k in range(9)))).ok
    entries = list(AuditEntry.objects.order_by("pk")[before:])
    assert [e.action for e in entries] == ["registry.import.done"]
    assert entries[0].detail | {"kind": "csv"} == {
        "kind": "csv",
        "created": 9,
        "changed": 0,
        "unchanged": 0,
        "new_recipients": 3,
    }


def test_a_changed_file_moves_a_record_to_another_recipient_and_keeps_the_rest(
    make_donor: Any, coordinator_of: Any
) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    assert run(donor, user, csv_file({"ref": "A", "who": "Вясна"}, {"ref": "B", "who": "Вясна"})).ok
    second = run(donor, user, csv_file({"ref": "A", "who": "Вясна"}, {"ref": "B", "who": "Другая"}))
    assert second.changed == ["B"] and second.unchanged == 1 and second.created == []
    b = GrantRecord.objects.get(identifier="B")
    assert b.recipient.reveal("name", by=user, purpose="test") == "Другая"
    assert b.import_batch == ImportBatch.objects.order_by("-pk").first() and b.held


def test_a_store_that_fails_in_the_database_stores_nothing(
    make_donor: Any, coordinator_of: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    from hramada.registry import bulk

    def nothing_known(_donor: Any) -> dict[str, tuple[int, str]]:
        return {}

    assert run(donor, user, csv_file({"ref": "A"})).ok
    monkeypatch.setattr(bulk, "existing_records", nothing_known)  # as if "A" came in after the check
    result = run(donor, user, csv_file({"ref": "A"}, {"ref": "B", "who": "Another"}))
    assert not result.ok and "import it again" in result.problems[0].message
    assert list(GrantRecord.objects.values_list("identifier", flat=True)) == ["A"]
    assert ImportBatch.objects.count() == 1 and Recipient.objects.count() == 1


def test_two_new_recipients_never_share_a_reference(
    make_donor: Any, coordinator_of: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    assert run(donor, user, csv_file({"ref": "A", "who": "First"})).ok
    taken = Recipient.objects.get().reference
    offered = iter([taken, taken, "R-00000001", "R-00000002"])
    from hramada.registry import bulk

    monkeypatch.setattr(bulk, "new_references", lambda count: [next(offered) for _ in range(count)])
    assert run(donor, user, csv_file({"ref": "B", "who": "Second"}, {"ref": "C", "who": "Third"})).ok
    assert Recipient.objects.count() == 3
    assert set(Recipient.objects.values_list("reference", flat=True)) == {taken, "R-00000001", "R-00000002"}


def test_the_cached_ecb_rate_gives_what_the_converter_gives_on_a_weekend() -> None:
    saturday = date(2024, 3, 9)
    value = money.to_eur(Decimal("1000.00"), "PLN", saturday)
    converter = money._converter()
    expected = Decimal(converter.convert(Decimal("1000.00"), "PLN", "EUR", date=date(2024, 3, 8)))
    assert value.rate_date == date(2024, 3, 8)
    assert value.amount == expected.quantize(money.CENT)


RECORD_FIELDS = (
    "title",
    "purpose",
    "amount",
    "currency",
    "amount_eur",
    "rate_date",
    "award_date",
    "start",
    "end",
    "instrument",
    "status",
    "theme",
    "geography",
    "is_public",
)
AWKWARD_PURPOSE = 'Tabs\tand "quotes", a back\\slash, \\N, a line\nbreak, кірыліца, 100%'


@pytest.mark.parametrize("writer", ["the database's bulk write", "one statement per row"])
def test_an_imported_record_reads_back_as_the_same_record_saved_through_the_orm(
    writer: str, make_donor: Any, coordinator_of: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whichever way the rows reach the database (COPY on PostgreSQL, statements elsewhere or when forced), every
    value reads back as the ORM stores it: text with tabs, quotes, backslashes and line breaks, decimals, dates."""
    from hramada.registry import bulk

    if writer == "one statement per row":
        monkeypatch.setattr(bulk.RowWriter, "uses_copy", lambda self: False)
    donor, other = make_donor("ec"), make_donor("sida")
    user = coordinator_of(donor)
    fields = "ref,who,reg,title,purpose,amount,cur,awarded,start,end,theme,geo,public\n"
    quoted = AWKWARD_PURPOSE.replace('"', '""')
    data = (
        fields
        + 'A,"Вясна, Minsk",LT-123,Safety "first",,1234.56,PLN,2024-03-09,2024-03-09,2025-03-08,media,LT,yes\n'
        + f'B,Viasna,,Legal aid,"{quoted}",999.99,EUR,2023-01-02,2023-01-02,2023-01-02,legal,BY,no\n'
    ).encode()
    mapping = {
        "identifier": "ref",
        "recipient_name": "who",
        "recipient_registration": "reg",
        "title": "title",
        "purpose": "purpose",
        "amount": "amount",
        "currency": "cur",
        "award_date": "awarded",
        "start": "start",
        "end": "end",
        "theme": "theme",
        "geography": "geo",
        "is_public": "public",
    }
    result = imports.run_import(donor, kind="csv", filename="g.csv", data=data, by=user, mapping=mapping)
    assert result.ok, result.problems
    with screening.use_screener(CountingScreener()):
        for imported in GrantRecord.objects.filter(donor=donor):
            recipient = imported.recipient
            services.record_grant(
                other,
                record_input(
                    identifier=imported.identifier,
                    recipient_name=recipient.reveal("name", by=None, purpose="test"),
                    recipient_registration=recipient.reveal("registration", by=None, purpose="test"),
                    **{
                        name: getattr(imported, name)
                        for name in RECORD_FIELDS
                        if name not in ("amount_eur", "rate_date")
                    },
                ),
                by=None,
            )
    for identifier in ("A", "B"):
        imported = GrantRecord.objects.get(donor=donor, identifier=identifier)
        saved = GrantRecord.objects.get(donor=other, identifier=identifier)
        assert {n: getattr(imported, n) for n in RECORD_FIELDS} == {
            n: getattr(saved, n) for n in RECORD_FIELDS
        }
        # The blind indexes written beside the ciphertexts are the ones the field itself computes.
        for field in ("name", "registration"):
            value = imported.recipient.reveal(field, by=None, purpose="test")
            if value:
                found = Recipient.objects.filter(**blind_lookup(Recipient, field, value))
                assert imported.recipient_id in set(found.values_list("pk", flat=True))
    b = GrantRecord.objects.get(donor=donor, identifier="B")
    assert b.purpose == AWKWARD_PURPOSE and b.amount == Decimal("999.99") and b.rate_date == date(2023, 1, 2)
    a = GrantRecord.objects.get(donor=donor, identifier="A")
    assert a.rate_date == date(2024, 3, 8)  # a Saturday takes Friday's ECB rate
    # Timestamps too (COPY's binary format sends them as instants, not as text in a time zone).
    assert a.created_at == a.updated_at and abs(timezone.now() - a.created_at) < timedelta(minutes=5)
    assert abs(timezone.now() - a.recipient.created_at) < timedelta(minutes=5)
    assert a.recipient.reveal("registration", by=None, purpose="test") == "LT-123"


def test_a_database_error_in_the_last_batch_leaves_nothing_of_the_batches_written_before(
    make_donor: Any, coordinator_of: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hramada.registry import bulk

    donor = make_donor()
    user = coordinator_of(donor)
    assert run(donor, user, csv_file({"ref": "A"})).ok
    before = (GrantRecord.objects.count(), Recipient.objects.count(), AuditEntry.objects.count())
    monkeypatch.setattr(bulk, "BATCH", 10)
    monkeypatch.setattr(bulk, "existing_records", lambda _donor: {})  # as if "A" came in after the check
    rows = [{"ref": f"N-{k}", "who": f"Org {k}"} for k in range(34)] + [{"ref": "A"}]
    written: list[int] = []
    original = bulk.RowWriter.batches

    def counting(self: Any, batches: Any) -> None:
        def counted() -> Any:
            for batch_rows in batches:
                written.append(len(batch_rows))
                yield batch_rows

        original(self, counted())

    monkeypatch.setattr(bulk.RowWriter, "batches", counting)
    result = run(donor, user, csv_file(*rows))
    assert not result.ok and "import it again" in result.problems[0].message
    assert written[-4:] == [10, 10, 10, 5]  # three batches of records were written before the refused one
    assert (GrantRecord.objects.count(), Recipient.objects.count(), AuditEntry.objects.count()) == before
    assert ImportBatch.objects.count() == 1


def test_a_database_error_while_updating_known_records_stores_nothing_and_asks_for_the_file_again(
    make_donor: Any, coordinator_of: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.db import IntegrityError, transaction

    from hramada.registry import bulk

    donor = make_donor()
    user = coordinator_of(donor)
    assert run(donor, user, csv_file({"ref": "A"})).ok
    before = (GrantRecord.objects.count(), Recipient.objects.count(), AuditEntry.objects.count())

    def refused(*args: Any, **kwargs: Any) -> None:
        with transaction.atomic(savepoint=False):  # as bulk_update writes
            raise IntegrityError("refused by the database")

    monkeypatch.setattr(bulk, "_update", refused)
    result = run(donor, user, csv_file({"ref": "A", "amount": "2000"}, {"ref": "B", "who": "Another"}))
    assert not result.ok and "import it again" in result.problems[0].message
    assert (GrantRecord.objects.count(), Recipient.objects.count(), AuditEntry.objects.count()) == before
    assert GrantRecord.objects.get().amount == 1000


FULL_MAPPING = {name: name for name in rows.FIELDS}
AWKWARD_CELLS = {
    "identifier": ["G-1", "G-2", "", "x" * 121, "G-1", "G-6"],
    "recipient_name": ["Вясна", "", "Viasna", "BAJ", "Вясна", "ГА «Лясная»"],
    "title": ["T" * 400, "Title", "", "Title", "Title", "Title"],
    "amount": [
        "1000",
        "1 000.50",
        "1e3",
        "-5",
        "0",
        "0.00",
        "12.345",
        "10000000000",
        "abc",
        "",
        "9999999999.99",
        "007.5",
    ],
    "currency": ["EUR", "usd", "XXX", "", "PLN"],
    "award_date": ["2024-03-08", "2024-02-30", "2024-01-01T10:00", "", "2025-01-01"],
    "start": ["2024-03-08", "2024-01-01", "bad", "2025-06-01"],
    "end": ["2025-03-08", "2023-12-31", "", "2025-05-31"],
    "theme": ["media", "Independent media", "nope", "", "LEGAL"],
    "geography": ["Belarus", "lt", "Lithuania", "Mars", ""],
    "purpose": ["", "Legal aid", "Аб'яднанне"],
    "recipient_kind": ["", "individual", "Organisation", "bogus"],
    "recipient_registration": ["", "LT-123", "304 56"],
    "recipient_country": ["lt", "", "lithuania-long-name"],
    "instrument": ["", "grant", "Regrant", "bogus"],
    "status": ["", "cancelled", "Planned", "bogus"],
    "is_public": ["Yes", "так", "no", "", "TRUE"],
}


def test_a_spreadsheet_cleaned_a_column_at_a_time_gives_the_records_and_errors_of_row_by_row_cleaning() -> (
    None
):
    """Spreadsheets are cleaned a column at a time (`Cleaner.columns`); every other file row by row. Both must
    hold a row to the same rules: the same records, and for a row with problems the same messages in the same
    order, for cells that break every rule (and cells that only look odd but are valid)."""
    count = 240
    base = {name: cells[0] for name, cells in AWKWARD_CELLS.items()}  # a valid row
    # Each awkward cell alone in an otherwise valid row, then rows mixing many of them.
    single = [
        tuple({**base, "identifier": f"S-{name}-{k}", name: value}[field] for field in rows.FIELDS)
        for name, cells in AWKWARD_CELLS.items()
        for k, value in enumerate(cells)
    ]
    mixed = [
        tuple(
            AWKWARD_CELLS[name][(k * (3 + j)) % len(AWKWARD_CELLS[name])]
            if k % 4
            else (f"R-{k}" if name == "identifier" else base[name])
            for j, name in enumerate(rows.FIELDS)
        )
        for k in range(count)
    ]
    table = tabular.Table(header=tuple(rows.FIELDS), rows=tuple(single + mixed))
    mapped = tabular.mapped_rows(table, FULL_MAPPING)
    by_column = imports.clean_all("csv", mapped)
    by_row = imports.clean_all("csv", list(mapped))  # a plain list of rows: cleaned one by one
    assert by_column == by_row
    assert len(by_column[0]) >= count // 4 and len(by_column[1]) > count  # both valid and refused rows
    # A spreadsheet mapping only the required fields: the optional ones take their defaults on both paths.
    required = tabular.mapped_rows(table, {name: name for name in rows.REQUIRED})
    assert imports.clean_all("csv", required) == imports.clean_all("csv", list(required))


def test_a_clean_spreadsheet_kept_whole_gives_the_records_of_row_by_row_cleaning() -> None:
    """A spreadsheet whose rows all clean a column at a time, with every identifier once and an ECB rate for each
    currency and day, is kept as it is (no per-row checks); the records must be those of row-by-row cleaning, and
    one repeated identifier or one currency without a rate on its day must still be reported, with its row."""
    valid = {
        "amount": ["1000", "9999999999.99", "007.5", "0.01", "12.30"],
        "currency": ["EUR", "usd", "PLN"],
        "award_date": ["2024-03-08", "2024-01-01T10:00", "2025-01-01"],
        "is_public": ["Yes", "no", ""],
    }
    base = {name: cells[0] for name, cells in AWKWARD_CELLS.items()}

    def row(k: int, **cells: str) -> tuple[str, ...]:
        picked = {name: values[k % len(values)] for name, values in valid.items()}
        return tuple({**base, **picked, "identifier": f"V-{k}", **cells}[field] for field in rows.FIELDS)

    def both(body: list[tuple[str, ...]]) -> Any:
        mapped = tabular.mapped_rows(tabular.Table(header=tuple(rows.FIELDS), rows=tuple(body)), FULL_MAPPING)
        by_column = imports.clean_all("csv", mapped)
        assert by_column == imports.clean_all("csv", list(mapped))
        return by_column

    clean = [row(k) for k in range(60)]
    records, problems = both(clean)
    assert problems == [] and [n for n, _r in records] == list(range(2, 62))
    assert {r.amount for _n, r in records} >= {Decimal("9999999999.99"), Decimal("7.5"), Decimal("0.01")}
    records, problems = both([*clean, row(60, identifier="V-7")])
    assert len(records) == 60 and [p.where for p in problems] == ["row 62"]
    assert "appears twice" in problems[0].message
    records, problems = both([*clean, row(60, currency="PLN", award_date="1990-01-01", start="1990-01-01")])
    assert len(records) == 60 and [p.where for p in problems] == ["row 62"]
