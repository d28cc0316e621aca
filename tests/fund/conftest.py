"""Fixtures of the fund tests: staff of each fund role (no second factor needed for service calls)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from hramada.core.roles import Role


@pytest.fixture
def manager(make_staff: Callable[..., Any]) -> Any:
    return make_staff(Role.FUND_MANAGER)


@pytest.fixture
def reviewers(make_staff: Callable[..., Any]) -> list[Any]:
    return [make_staff(Role.REVIEWER), make_staff(Role.REVIEWER)]


@pytest.fixture
def finance(make_staff: Callable[..., Any]) -> Any:
    return make_staff(Role.FINANCE_OFFICER)


@pytest.fixture
def analyst(make_staff: Callable[..., Any]) -> Any:
    return make_staff(Role.SANCTIONS_ANALYST)
