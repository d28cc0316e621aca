"""A transaction the database aborts for a deadlock or a serialisation failure is redone, a bounded number of
times, and only where the retried function owns the transaction."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import OperationalError, transaction

from hramada.core import retry


class DriverError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def failing(times: int, sqlstate: str = "40P01") -> tuple[Any, list[int]]:
    calls: list[int] = []

    @retry.retry_on_conflict
    def work() -> str:
        calls.append(1)
        if len(calls) <= times:
            error = OperationalError("deadlock detected")
            error.__cause__ = DriverError(sqlstate)
            raise error
        return "done"

    return work, calls


@pytest.mark.parametrize("sqlstate", ["40P01", "40001"])
def test_a_deadlock_or_serialisation_failure_is_retried(sqlstate: str) -> None:
    work, calls = failing(2, sqlstate)
    assert work() == "done" and len(calls) == 3


def test_retries_are_bounded() -> None:
    work, calls = failing(10)
    with pytest.raises(OperationalError):
        work()
    assert len(calls) == retry.ATTEMPTS


def test_other_database_errors_are_not_retried() -> None:
    work, calls = failing(1, "23505")
    with pytest.raises(OperationalError):
        work()
    assert len(calls) == 1


@pytest.mark.django_db
def test_inside_a_callers_transaction_the_error_is_passed_on() -> None:
    work, calls = failing(1)
    with pytest.raises(OperationalError), transaction.atomic():
        work()
    assert len(calls) == 1
