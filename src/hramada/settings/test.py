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
HRAMADA_AUDIT_ANCHOR_FILE = str(_keyring_dir / "audit-anchors.jsonl")
# No automatic anchors: entries roll back between tests but a line in the file would stay (tests turn it on).
HRAMADA_AUDIT_ANCHOR_EVERY = 0
# Tests build their indexes from their own databases; tests of the stored index point this at a folder of theirs.
HRAMADA_SCREENING_INDEX_FILE = ""

# Test databases are emptied with TRUNCATE between transactional tests; the audit log's trigger refuses TRUNCATE
# unless the session says otherwise (tests of the trigger switch it off again).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c hramada.allow_audit_truncate=on"  # noqa: F405
# SQLite's test databases are emptied with DELETE: the custody log's trigger lets that through only here.
EVIDENCE_ALLOW_CUSTODY_PURGE = True
