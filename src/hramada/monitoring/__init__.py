"""Monitoring: every counterparty the platform knows, re-screened on every sanctions list change.

Domain apps register their counterparties with core (``hramada.core.counterparties``); analysts upload watch lists
here. When a list gets a new snapshot, one task screens only the delta's listed entities against an index of the
counterparties (the inverted re-screen, through ``hramada.sanctions.public``), and every status flip raises an
alert where the counterparty's owner works, with acknowledgement and escalation. See docs/monitoring.md.
"""

__all__: list[str] = []
