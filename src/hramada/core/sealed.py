"""`Sealed`: an encrypted value as loaded from the database, which never prints its plaintext.

Apart from the fields so that the audit log can refuse it without importing the model fields.
"""

from __future__ import annotations

from hramada.core import crypto

__all__ = ["Sealed"]


class Sealed:
    """An encrypted value as loaded from the database. It prints as a mask; `reveal` opens it (and audits)."""

    __slots__ = ("ciphertext", "label")

    def __init__(self, ciphertext: str, label: str) -> None:
        self.ciphertext = ciphertext
        self.label = label

    def __str__(self) -> str:
        return crypto.MASK

    def __repr__(self) -> str:
        return f"<Sealed {crypto.MASK}>"

    def __format__(self, format_spec: str) -> str:
        return crypto.MASK

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sealed) and other.ciphertext == self.ciphertext and other.label == self.label

    def __hash__(self) -> int:
        return hash((self.ciphertext, self.label))

    @property
    def key_id(self) -> str:
        return crypto.key_id_of(self.ciphertext)
