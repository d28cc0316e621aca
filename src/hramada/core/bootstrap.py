"""First-run steps: core creates the first administrator; domain apps register their own steps (bundled lists,
the demo programme) from their AppConfig.ready(), so `manage.py bootstrap` sets up everything in one go and knows no
domain app itself. Every step must be idempotent: `make run` calls bootstrap on every start.
"""

from __future__ import annotations

import gc
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction

from hramada.core.models import RoleGrant, User
from hramada.core.roles import AccountKind, Role

Say = Callable[[str], None]


@dataclass(frozen=True)
class BootstrapStep:
    key: str
    description: str
    run: Callable[[Say], None]
    order: int = 100


_steps: dict[str, BootstrapStep] = {}


def register_step(step: BootstrapStep) -> None:
    _steps[step.key] = step


def steps() -> list[BootstrapStep]:
    return sorted(_steps.values(), key=lambda s: (s.order, s.key))


# The first-run steps keep millions of objects alive (lists being imported, the screening index); with the default
# thresholds the cyclic garbage collector walked all of them again and again: a quarter of the CPU of the set-up
# (16 s of 69 in a measurement). Collecting a hundred times less often costs a little memory for a few minutes.
SETUP_GC_THRESHOLDS = (70_000, 10, 10)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the block with the garbage collector's generation-0 threshold raised (restored afterwards)."""
    previous = gc.get_threshold()
    gc.set_threshold(*SETUP_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def create_first_administrator(
    say: Say, *, username: str = "admin", site_url: str = "http://127.0.0.1:8000"
) -> str | None:
    """Create the administrator on first run and return its one-time password; None when staff already exist."""
    with transaction.atomic():
        if User.objects.filter(kind=AccountKind.STAFF).exists():
            return None
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username, password=password, kind=AccountKind.STAFF, must_change_password=True
        )
        RoleGrant.objects.bulk_create(RoleGrant(user=user, role=role) for role in Role)
    say(
        "\n".join(
            [
                "",
                "=" * 72,
                "First run: an administrator account was created.",
                f"  username:           {username}",
                f"  one-time password:  {password}",
                f"Sign in at {site_url.rstrip('/')}/staff/login/ . You will then be asked to set up a second",
                "factor: scan the QR code with an authenticator app (Aegis, FreeOTP, Google Authenticator),",
                "type the six-digit code, save the recovery codes, and choose your own password.",
                "This password is shown only once.",
                "The administrator holds every role. To see the platform as one role (reviewer, finance",
                f"officer, documenter ...), invite a colleague at {site_url.rstrip('/')}/staff/accounts/invite/",
                "or run: .venv/bin/python manage.py staff add NAME --role reviewer (README.md lists the roles).",
                "=" * 72,
                "",
            ]
        )
    )
    return password
