"""Retrying a transaction that the database aborted to resolve a conflict (PostgreSQL serialisation failure
40001 or deadlock 40P01): the work is redone from the start, a bounded number of times, with a short random
pause. Only a function that opens the outermost transaction itself can be retried: inside a caller's
transaction the abort belongs to the caller, and the error is passed on unchanged.
"""

from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.db import DatabaseError, connection

P = ParamSpec("P")
R = TypeVar("R")

RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})
ATTEMPTS = 4

logger = logging.getLogger(__name__)


def is_conflict(error: BaseException) -> bool:
    """The database aborted the transaction for a serialisation failure or a deadlock."""
    for candidate in (error, error.__cause__):
        if getattr(candidate, "sqlstate", None) in RETRYABLE_SQLSTATES:
            return True
        if getattr(candidate, "pgcode", None) in RETRYABLE_SQLSTATES:
            return True
    return False


def retry_on_conflict(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` again (up to ``ATTEMPTS`` times in all) when the database aborts it for a conflict."""

    @functools.wraps(function)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        attempt = 1
        while True:
            try:
                return function(*args, **kwargs)
            except DatabaseError as error:
                if connection.in_atomic_block or attempt >= ATTEMPTS or not is_conflict(error):
                    raise
                logger.info(
                    "%s: retrying after a database conflict (attempt %d)", function.__qualname__, attempt
                )
                time.sleep(random.uniform(0.01, 0.05) * attempt)  # noqa: S311 (jitter, not security)
                attempt += 1

    return wrapped
