"""Vessels and aircraft: IMO numbers checked by their check digit, and a vessel's identity across renames.

Framework-free. An IMO ship number is seven digits; the last is the check digit: the first six multiplied by
7, 6, 5, 4, 3, 2 and summed, the sum's last digit (SOLAS XI-1/3, IMO resolution A.1117(30)).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hramada.evasion.texts import _

_IMO = re.compile(r"^(?:IMO)?\s*[:#]?\s*(\d{7})$", re.IGNORECASE)


class ImoError(ValueError):
    """Not a valid IMO ship number."""


def validate_imo(value: str) -> str:
    """The seven digits of an IMO number ("IMO 9176187" → "9176187"); :class:`ImoError` otherwise."""
    match = _IMO.match(str(value).strip())
    if not match:
        raise ImoError(_("'%(value)s' is not an IMO number (seven digits)", value=value))
    digits = match.group(1)
    check = sum(int(d) * w for d, w in zip(digits[:6], range(7, 1, -1), strict=True)) % 10
    if check != int(digits[6]):
        raise ImoError(
            _(
                "IMO %(imo)s: the check digit should be %(check)s, not %(given)s",
                imo=digits,
                check=check,
                given=digits[6],
            )
        )
    return digits


def is_valid_imo(value: str) -> bool:
    try:
        validate_imo(value)
    except ImoError:
        return False
    return True


@dataclass
class VesselIdentity:
    """Everything known of one hull (one IMO number): its names, flags and companies over time."""

    imo: str
    names: list[str] = field(default_factory=list)  # oldest first
    flags: list[str] = field(default_factory=list)
    mmsi: set[str] = field(default_factory=set)
    call_signs: set[str] = field(default_factory=set)
    owners: set[str] = field(default_factory=set)  # graph node ids of owner, manager, operator
    listed_ids: set[str] = field(default_factory=set)  # list entries of the vessel itself

    @property
    def current_name(self) -> str:
        return self.names[-1] if self.names else ""

    def add_name(self, name: str) -> None:
        if name and name.upper() not in (n.upper() for n in self.names):
            self.names.append(name)

    def add_flag(self, flag: str) -> None:
        if flag and flag not in self.flags:
            self.flags.append(flag)

    def renamed_from(self, name: str) -> list[str]:
        """Other names this hull carried than ``name`` (a shipment's vessel name)."""
        return [n for n in self.names if n.upper() != name.strip().upper()]
