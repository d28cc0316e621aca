"""Reading a record's id that a request names in a parameter (`?dossier=12`, a `key_id` button, a checkbox list).

A view that passes such a value straight to the ORM answers 500 for `abc`; `str.isdigit()` is no guard either,
since it accepts digits that `int()` refuses (`²`) or reads (`١٢`) though no form of ours writes them. Ids here are
plain ASCII digits within the range of a database key; anything else names no record.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["posted_id", "posted_ids"]

# The largest value of a 64-bit signed key (BigAutoField on SQLite and PostgreSQL).
LARGEST_ID = 2**63 - 1


def posted_id(raw: object) -> int | None:
    """The id `raw` names, or None when it names none (missing, not a whole number, out of range)."""
    if not isinstance(raw, str):
        return None
    text = raw.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(LARGEST_ID)):
        return None
    value = int(text)
    return value if 0 < value <= LARGEST_ID else None


def posted_ids(raws: Iterable[object]) -> list[int]:
    """The ids among `raws`, in order, without the values that name no record."""
    return [value for value in map(posted_id, raws) if value is not None]
