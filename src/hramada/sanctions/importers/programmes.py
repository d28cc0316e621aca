"""Sanctions programmes the importers know, and which of them are the Belarus regime.

A programme id is the source's own code (``EU-BLR``, ``BELARUS-EO14038``, ``BLR``). Programme lists grow, so
an unknown code is not an error: the Sanction is still made, with a warning on the entity (see the docs).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Programme:
    """A sanctions programme: its code in its source, a label, and the legal basis it rests on."""

    key: str
    label: str
    authority: str
    legal_basis: str
    belarus: bool = False


EU_BLR = Programme(
    key="EU-BLR",
    label="EU restrictive measures in view of the situation in Belarus",
    authority="Council of the European Union",
    legal_basis="Council Regulation (EC) No 765/2006; Council Decision 2012/642/CFSP",
    belarus=True,
)
OFAC_BELARUS = Programme(
    key="BELARUS",
    label="Belarus Sanctions (Executive Order 13405)",
    authority="Office of Foreign Assets Control (US Treasury)",
    legal_basis="Executive Order 13405",
    belarus=True,
)
OFAC_BELARUS_EO14038 = Programme(
    key="BELARUS-EO14038",
    label="Belarus Sanctions (Executive Order 14038)",
    authority="Office of Foreign Assets Control (US Treasury)",
    legal_basis="Executive Order 14038",
    belarus=True,
)
FSF_BLR = Programme(
    key="BLR",
    label="EU restrictive measures in view of the situation in Belarus (FSF code)",
    authority="European Commission (FSF)",
    legal_basis="Council Regulation (EC) No 765/2006; Council Decision 2012/642/CFSP",
    belarus=True,
)

EU_JOURNAL_PROGRAMMES: dict[str, Programme] = {EU_BLR.key: EU_BLR}
OFAC_BELARUS_PROGRAMMES: dict[str, Programme] = {p.key: p for p in (OFAC_BELARUS, OFAC_BELARUS_EO14038)}
FSF_BELARUS_PROGRAMMES: dict[str, Programme] = {FSF_BLR.key: FSF_BLR}


def unknown_programme_warning(code: str) -> str:
    """The warning text put on an entity whose programme code is not in the importer's table."""
    return f"unknown programme code {code!r}"
