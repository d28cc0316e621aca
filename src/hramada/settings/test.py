"""Tests: fast password hashing, tasks run at once, everything else as in base."""

from hramada.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
AXES_ENABLED = True

# A throw-away key ring per test run: tests never need (or touch) the installation's var/keyring.json.
from hramada.core.crypto import generate_keyring  # noqa: E402

HRAMADA_KEYRING = generate_keyring().to_json()
