"""Retrying a transaction that the database aborted to resolve a conflict (PostgreSQL serialisation failure
40001 or deadlock 40P01), or that SQLite refused because another process held its write lock past the lock
timeout ("database is locked"): the work is redone from the start, a bounded number of times, with a pause.
Only a function that opens the outermost transaction itself can be retried: inside a caller's transaction the
abort belongs to the caller, and the error is passed on unchanged.

A retried function must leave nothing behind in memory from a failed attempt: it reads what it changes inside
the transaction and hands its results to the caller only when it returns.
"""

from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.db import DatabaseError, OperationalError, connection

P = ParamSpec("P")
R = TypeVar("R")

RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})
ATTEMPTS = 4
LOCKED_ATTEMPTS = 5
"""Tries in all for a write SQLite refused as locked. Each try already waited for the lock for the connection's
timeout (30 s, settings), so five tries give another writer about two and a half minutes to finish."""
LOCKED_PAUSE_S = 0.5
"""The pause before the second try; it doubles for each try after."""

logger = logging.getLogger(__name__)


def is_conflict(error: BaseException) -> bool:
    """The database aborted the transaction for a serialisation failure or a deadlock."""
    for candidate in (error, error.__cause__):
        if getattr(candidate, "sqlstate", None) in RETRYABLE_SQLSTATES:
            return True
        if getattr(candidate, "pgcode", None) in RETRYABLE_SQLSTATES:
            return True
    return False


def _retrying(
    function: Callable[P, R],
    retryable: Callable[[BaseException], bool],
    attempts: Callable[[], int],
    pause: Callable[[int], float],
    say: Callable[[str, int, float], None],
) -> Callable[P, R]:
    """The loop both policies share: call, and on a retryable database error outside a caller's transaction,
    pause and call again until ``attempts()`` tries are spent (read at call time, so settings and tests apply)."""

    @functools.wraps(function)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        attempt = 1
        while True:
            try:
                return function(*args, **kwargs)
            except DatabaseError as error:
                if connection.in_atomic_block or attempt >= attempts() or not retryable(error):
                    raise
                wait = pause(attempt)
                say(function.__qualname__, attempt, wait)
                time.sleep(wait)
                attempt += 1

    return wrapped


def retry_on_conflict(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` again (up to ``ATTEMPTS`` times in all) when the database aborts it for a conflict."""

    def say(name: str, attempt: int, wait: float) -> None:
        logger.info("%s: retrying after a database conflict (attempt %d)", name, attempt)

    return _retrying(
        function,
        is_conflict,
        lambda: ATTEMPTS,
        lambda attempt: random.uniform(0.01, 0.05) * attempt,  # noqa: S311 (jitter, not security)
        say,
    )


def is_locked(error: BaseException) -> bool:
    """SQLite gave up waiting for another connection's write lock ("database is locked", "database table is
    locked"); MySQL's lock wait timeout (1205) reads the same."""
    if not isinstance(error, OperationalError) or not error.args:
        return False
    first = error.args[0]
    return (isinstance(first, str) and "is locked" in first.lower()) or first == 1205


def retry_while_locked(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` again (up to ``LOCKED_ATTEMPTS`` times in all, the pause doubling from
    ``LOCKED_PAUSE_S``) while the database refuses its write as locked. Inside a caller's transaction the error
    is the caller's and passes on unchanged, as does any other error and the last try's."""

    def say(name: str, attempt: int, wait: float) -> None:
        logger.warning(
            "%s: the database was locked; trying again in %.1f s (attempt %d of %d)",
            name,
            wait,
            attempt + 1,
            LOCKED_ATTEMPTS,
        )

    return _retrying(
        function, is_locked, lambda: LOCKED_ATTEMPTS, lambda attempt: LOCKED_PAUSE_S * 2 ** (attempt - 1), say
    )
