"""Fixtures shared by every test: users of each kind and role, signed in the way the product signs them in."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hramada.core.roles import AccountKind, Role

# Spark's bridge says goodbye at INFO from a destructor at interpreter exit, after pytest has closed the stream its
# handler writes to: a "Logging error" traceback at the end of every run that hides the real summary above it.
logging.getLogger("py4j").setLevel(logging.WARNING)


@pytest.fixture(autouse=True)
def _english_between_tests() -> Any:
    """A request in Belarusian or Russian leaves its language active in the worker thread; each test starts and
    ends in the default language, so a message checked outside a request does not depend on test order."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(scope="session")
def browser() -> Any:
    """One Debian Chromium per test process, driven by Playwright's sync API (which allows one instance per
    thread): every test that needs a browser shares it, in tests/browser/ and elsewhere."""
    import os

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("Debian's chromium is not installed (make test installs it when it may)")
    # Playwright's sync API runs an event loop; Django must allow ORM calls from the test body meanwhile.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    args = [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), args=args, headless=True)
        yield launched
        launched.close()


REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    """The real reference data beside the repository (../shared/data)."""
    assert SHARED_DATA.is_dir(), f"reference data missing at {SHARED_DATA}"
    return SHARED_DATA


@pytest.fixture
def make_staff(db: Any) -> Callable[..., Any]:
    """A staff user with the given roles and a confirmed authenticator-app device."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hramada.core.models import RoleGrant, User

    counter = {"n": 0}

    def build(
        *roles: Role,
        username: str | None = None,
        password: str = "correct horse battery 42",
        enrolled: bool = True,
    ) -> Any:
        counter["n"] += 1
        user = User.objects.create_user(
            username=username or f"staff{counter['n']}", password=password, kind=AccountKind.STAFF
        )
        RoleGrant.objects.bulk_create(RoleGrant(user=user, role=role) for role in roles)
        if enrolled:
            TOTPDevice.objects.create(user=user, name="app", confirmed=True)
        return user

    return build


@pytest.fixture
def make_applicant(db: Any) -> Callable[..., Any]:
    from hramada.core.models import User

    counter = {"n": 0}

    def build(username: str | None = None, password: str = "correct horse battery 42") -> Any:
        counter["n"] += 1
        return User.objects.create_user(
            username=username or f"applicant{counter['n']}", password=password, kind=AccountKind.APPLICANT
        )

    return build


def sign_in_verified(client: Any, user: Any) -> Any:
    """Sign `user` in with their second factor already passed, as after a real MFA step."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    assert device is not None, "sign_in_verified needs an enrolled user"
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def staff_client(client: Any, make_staff: Callable[..., Any]) -> Callable[..., Any]:
    """A test client signed in as verified staff holding `roles`."""

    def build(*roles: Role) -> Any:
        user = make_staff(*roles)
        sign_in_verified(client, user)
        client.user = user
        return client

    return build


@pytest.fixture(autouse=True)
def _fresh_cache() -> Any:
    """Rate-limit counters live in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield


def pytest_addoption(parser: Any) -> None:
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        default=False,
        help="run only the tests that touch a database (CI runs the suite a second time on PostgreSQL this way)",
    )


_DATABASE_FIXTURES = frozenset(
    {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback", "live_server"}
)


def _touches_database(item: Any) -> bool:
    if item.get_closest_marker("django_db") or item.get_closest_marker("postgres"):
        return True
    if _DATABASE_FIXTURES.intersection(getattr(item, "fixturenames", ())):
        return True
    from django.test import SimpleTestCase, TransactionTestCase

    cls = getattr(item, "cls", None)
    if cls is not None and issubclass(cls, SimpleTestCase):
        return issubclass(cls, TransactionTestCase) or bool(getattr(cls, "databases", None))
    return False


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    """With --database-tests-only, a test that never opens a database connection (the pure screening engine, the
    parsers and their property tests) is left to the first run: it cannot behave differently on PostgreSQL."""
    if not config.getoption("--database-tests-only"):
        return
    kept: list[Any] = []
    dropped: list[Any] = []
    for item in items:
        (kept if _touches_database(item) else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
