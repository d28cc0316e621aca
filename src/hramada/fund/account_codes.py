"""Applicant account codes and passphrases as people type them: in lower case, without dashes, with spaces, or on
a Cyrillic keyboard layout (whose А, В, Е, К, М, Н, Р, С, Т, Х look like the Latin letters of the code)."""

from __future__ import annotations

import re

CODE_PREFIX = "HR"
CODE_BODY_LENGTH = 8
PASSPHRASE_GROUPS = 4
PASSPHRASE_GROUP_LENGTH = 5

_CYRILLIC_LOOKALIKES = str.maketrans("АВЕКМНРСТХУ", "ABEKMHPCTXY")
_SEPARATORS = re.compile(r"[\s\-‐-―_.·]+")


def normalise_account_code(raw: str) -> str:
    """The canonical `HR-XXXX-XXXX` for any way of typing a code; text that cannot be a code comes back
    upper-cased and without separators (it then simply matches no account)."""
    cleaned = _SEPARATORS.sub("", raw.strip().upper().translate(_CYRILLIC_LOOKALIKES))
    if len(cleaned) == len(CODE_PREFIX) + CODE_BODY_LENGTH and cleaned.startswith(CODE_PREFIX):
        cleaned = cleaned[len(CODE_PREFIX) :]
    if len(cleaned) == CODE_BODY_LENGTH and cleaned.isalnum() and cleaned.isascii():
        return f"{CODE_PREFIX}-{cleaned[:4]}-{cleaned[4:]}"
    return cleaned


def normalise_passphrase(raw: str) -> str:
    """Generated passphrases are four groups of five lower-case letters and digits joined by dashes; typed in
    capitals, with spaces or without the dashes they still match. Anything else is passed through unchanged."""
    cleaned = _SEPARATORS.sub("", raw.strip().lower())
    total = PASSPHRASE_GROUPS * PASSPHRASE_GROUP_LENGTH
    if len(cleaned) == total and cleaned.isalnum() and cleaned.isascii():
        step = PASSPHRASE_GROUP_LENGTH
        return "-".join(cleaned[i : i + step] for i in range(0, total, step))
    return raw
