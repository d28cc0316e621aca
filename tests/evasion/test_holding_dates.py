"""Ownership "with dates" (issue #18): a shareholding that ended before today, or begins after it, no longer makes
its company deemed sanctioned, in memory and in the database path alike; a date that is not a date refuses the
file with its row."""

from datetime import date

import pytest

from hramada.evasion import selectors, services, sql_rules
from hramada.evasion.models import Dataset
from hramada.evasion.parsers import ImportRefusedError, date_problem, in_force, shareholdings_csv

HEADER = "owner_id,owner_name,owned_id,owned_name,share,control,start_date,end_date\n"


def _import(analyst, rows: str, name: str = "dated") -> None:
    services.import_dataset(
        kind=Dataset.Kind.SHAREHOLDINGS,
        data=(HEADER + rows).encode(),
        file_name=f"{name}.csv",
        name=name,
        source="test",
        by=analyst,
    )


def test_a_shareholding_sold_last_year_no_longer_covers_the_company(lists, analyst):
    _import(
        analyst,
        "ofac-32746,BELARUSKALI OAO,sold-co,Sold Co,100,,2020-01-01,2023-06-30\n"
        "ofac-32746,BELARUSKALI OAO,held-co,Held Co,100,,2020-01-01,2099-12-31\n"
        "ofac-32746,BELARUSKALI OAO,later-co,Later Co,100,,2099-01-01,\n",
    )
    ofac = selectors.world().coverage["ofac"]  # the fixture's list is OFAC's: Belaruskali seeds the OFAC rule
    assert ofac["held-co"].covered
    assert "sold-co" not in ofac or not ofac["sold-co"].covered
    assert "later-co" not in ofac or not ofac["later-co"].covered


def test_the_database_rule_counts_only_holdings_in_force(lists, analyst):
    _import(
        analyst,
        "X,X,A,A,60,,2020-01-01,2023-06-30\nX,X,B,B,60,,2020-01-01,\nX,X,C,C,60,,2099-01-01,\n",
    )
    assert sql_rules.covered_in_database({"X"}) == 1
    assert sql_rules.path_in_database("B") == [("X", ""), ("B", "60%")]
    assert sql_rules.covered_in_database({"X"}, today=date(2022, 1, 1)) == 2  # A still held then


@pytest.mark.parametrize(
    ("start", "end", "problem"),
    [
        ("31.12.2023", "", "start_date '31.12.2023' is not a date written YYYY-MM-DD"),
        ("", "2023-13-01", "end_date '2023-13-01' is not a date written YYYY-MM-DD"),
        ("2023-05-01", "2022-01-01", "end_date 2022-01-01 is before start_date 2023-05-01"),
    ],
)
def test_a_date_that_is_not_a_date_refuses_the_file_with_its_row(start, end, problem):
    data = (HEADER + "X,X,A,A,10,,2020-01-01,\n" + f"X,X,B,B,10,,{start},{end}\n").encode()
    with pytest.raises(ImportRefusedError) as refused:
        shareholdings_csv(data)
    assert refused.value.errors == [f"row 3: {problem}"]


def test_partial_dates_are_dates_and_decide_as_the_list_adapter_does():
    assert date_problem("2023") == date_problem("2023-05") == date_problem("2023-05-01") == ""
    assert in_force("", "", "2026-11-30") and in_force("2020", "2026-11-30", "2026-11-30")
    assert not in_force("", "2026-11-29", "2026-11-30") and not in_force("2026-12-01", "", "2026-11-30")
