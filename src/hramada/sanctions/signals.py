"""`list_changed`: sent once a new snapshot of a list is committed, carrying what changed.

Other apps subscribe through `hramada.sanctions.public` (re-exported there); this module exists apart from the
door only so the import service can send the signal without importing the door.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.dispatch import Signal

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ListChange:
    """The delta a new snapshot brought against the previous snapshot of the same list.

    ``added``, ``removed`` and ``changed`` are FtM entity ids (listed parties, their Sanctions and documents);
    ``previous_snapshot_id`` is None for a list's first snapshot (then everything is ``added``).
    """

    source: str
    snapshot_id: int
    previous_snapshot_id: int | None
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()

    @property
    def entity_ids(self) -> frozenset[str]:
        return frozenset(self.added) | frozenset(self.removed) | frozenset(self.changed)


list_changed = Signal()
"""Sent after commit with ``sender=ListChange`` and ``change=<ListChange>``. A receiver that raises is logged and
does not disturb the import or the other receivers."""


def send_list_changed(change: ListChange) -> None:
    for receiver, outcome in list_changed.send_robust(sender=ListChange, change=change):
        if isinstance(outcome, Exception):
            logger.error(
                "list_changed receiver %r failed for snapshot %s",
                receiver,
                change.snapshot_id,
                exc_info=outcome,
            )


@dataclass(frozen=True)
class DecisionReversal:
    """A second analyst withdrew a decision on (counterparty, listed entity): the pair is open again."""

    party_ref: str
    entity_id: str
    verdict: str


decision_reversed = Signal()
"""Sent after commit with ``sender=DecisionReversal`` and ``reversal=<DecisionReversal>``: the app that owns the
counterparty screens it again (a false positive silenced nothing any more)."""


def send_decision_reversed(reversal: DecisionReversal) -> None:
    for receiver, outcome in decision_reversed.send_robust(sender=DecisionReversal, reversal=reversal):
        if isinstance(outcome, Exception):
            logger.error("decision_reversed receiver %r failed", receiver, exc_info=outcome)
