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


def locked_failing(times: int, message: str = "database is locked") -> tuple[Any, list[int]]:
    calls: list[int] = []

    @retry.retry_while_locked
    def write() -> str:
        calls.append(1)
        if len(calls) <= times:
            raise OperationalError(message)
        return "written"

    return write, calls


@pytest.fixture
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    slept: list[float] = []
    monkeypatch.setattr(retry.time, "sleep", slept.append)
    return slept


def test_a_write_refused_as_locked_is_tried_again_with_growing_pauses(pauses: list[float]) -> None:
    write, calls = locked_failing(retry.LOCKED_ATTEMPTS - 1)
    assert write() == "written"
    assert len(calls) == retry.LOCKED_ATTEMPTS
    assert pauses == [retry.LOCKED_PAUSE_S * 2**n for n in range(retry.LOCKED_ATTEMPTS - 1)]


def test_a_lock_that_outlasts_every_try_is_raised(pauses: list[float]) -> None:
    write, calls = locked_failing(retry.LOCKED_ATTEMPTS)
    with pytest.raises(OperationalError, match="locked"):
        write()
    assert len(calls) == retry.LOCKED_ATTEMPTS


def test_only_a_locked_database_is_waited_out(pauses: list[float]) -> None:
    write, calls = locked_failing(1, message="no such table: monitoring_alert")
    with pytest.raises(OperationalError, match="no such table"):
        write()
    assert calls == [1] and pauses == []
    assert retry.is_locked(OperationalError("database table is locked"))
    assert not retry.is_locked(ValueError("database is locked"))


@pytest.mark.django_db
def test_inside_a_callers_transaction_the_lock_is_the_callers(pauses: list[float]) -> None:
    write, calls = locked_failing(1)
    with pytest.raises(OperationalError), transaction.atomic():
        write()
    assert calls == [1] and pauses == []
