"""Tests: fast password hashing, tasks run at once, everything else as in base."""

from hramada.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
AXES_ENABLED = True

# A throw-away key ring file per test process: tests never need (or touch) the installation's var/keyring.json,
# and tests of the key ring itself can still point HRAMADA_KEYRING_FILE elsewhere.
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

from hramada.core.crypto import generate_keyring  # noqa: E402
from hramada.settings.env import write_private_file  # noqa: E402

_keyring_dir = Path(tempfile.mkdtemp(prefix="hramada-test-keys-"))
write_private_file(_keyring_dir / "keyring.json", generate_keyring().to_json())
HRAMADA_KEYRING_FILE = str(_keyring_dir / "keyring.json")
