"""Sanctions: lists, designations and their changes.

A *source* is a list as one publisher puts it out (the EU Belarus annexes transcribed from the Official
Journal, the EU FSF XML, OFAC's SDN list, the UN consolidated list, OpenSanctions' FtM exports and deltas).
An *importer* turns one file of a source into FollowTheMoney entities: the designated party (Person,
LegalEntity, Vessel, ...) and one ``Sanction`` entity per designation, naming the programme (``EU-BLR`` for
Council Regulation (EC) No 765/2006, ``BELARUS`` / ``BELARUS-EO14038`` for OFAC), the legal basis, the
measures and the statement of reasons. A *snapshot* is everything one file said at one time; a *delta* is
what changed between two snapshots of a source.

The importers live in :mod:`hramada.sanctions.importers` and import no Django; the Django app (models,
services, selectors) sits beside them and is configured in ``apps.py``. This module imports nothing, so that
the importers can be used from scripts and Spark jobs without a Django set-up.
"""

__all__: list[str] = []
